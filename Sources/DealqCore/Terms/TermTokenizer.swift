import Foundation
import GRDB
import GRDBSQLite

/// The full-text index's tokenizer (porter over unicode61) on a private
/// in-memory connection, for counting terms outside the index's own
/// connection: on the threads that parse files while the writer writes.
final class TermTokenizer: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let porter: any FTS5Tokenizer
    /// The stems of the stop words.
    let stopStems: Set<String>

    init() throws {
        queue = try DatabaseQueue()
        porter = try queue.inDatabase { try $0.makeTokenizer(.porter(wrapping: .unicode61())) }
        var stems = Set<String>()
        for word in StopWords.words { stems.formUnion(Self.tokens(porter, word).map(\.stem)) }
        stopStems = stems
    }

    /// The stems of `text`'s tokens, in order.
    func stems(_ text: String) -> [String] {
        (try? queue.inDatabase { _ in Self.tokens(porter, text).map(\.stem) }) ?? []
    }

    /// Adds the terms of one document (a quote, a body) to `counts`.
    func count(_ text: String, into counts: inout [DealTerms.Spelling: Int32]) {
        guard let tokens = try? queue.inDatabase({ _ in Self.tokens(porter, text) }) else { return }
        var previous: (spelling: String, stem: String)?
        for token in tokens {
            guard !stopStems.contains(token.stem) else { previous = nil; continue }
            counts[DealTerms.Spelling(spelling: token.spelling, stem: token.stem), default: 0] += 1
            if let previous {
                counts[DealTerms.Spelling(spelling: previous.spelling + " " + token.spelling, stem: previous.stem + " " + token.stem),
                       default: 0] += 1
            }
            previous = (token.spelling, token.stem)
        }
    }

    private final class Sink {
        var tokens: [(stem: String, spelling: String)] = []
        var text: UnsafeRawBufferPointer
        init(_ text: UnsafeRawBufferPointer) { self.text = text }
    }

    /// Each token's stem and its lower-case spelling in the text.
    private static func tokens(_ tokenizer: any FTS5Tokenizer, _ text: String) -> [(stem: String, spelling: String)] {
        var bytes = ContiguousArray(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> [(stem: String, spelling: String)] in
            guard let base = buffer.baseAddress else { return [] }
            let sink = Sink(UnsafeRawBufferPointer(buffer))
            _ = tokenizer.tokenize(
                context: Unmanaged.passUnretained(sink).toOpaque(), tokenization: .document,
                pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), nText: CInt(buffer.count),
                tokenCallback: { context, _, pToken, nToken, iStart, iEnd in
                    guard let context, let pToken else { return SQLITE_ERROR }
                    let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    let stem = String(decoding: UnsafeRawBufferPointer(start: pToken, count: Int(nToken)), as: UTF8.self)
                    let start = max(0, min(Int(iStart), sink.text.count)), end = max(start, min(Int(iEnd), sink.text.count))
                    sink.tokens.append((stem, Spelling.lowercased(UnsafeRawBufferPointer(rebasing: sink.text[start..<end]))))
                    return SQLITE_OK
                })
            return sink.tokens
        }
    }

    // MARK: - A pool for the parsing threads

    nonisolated(unsafe) private static var pool: [TermTokenizer] = []
    private static let lock = NSLock()

    /// Runs `body` with a tokenizer no other thread is using.
    static func borrow<T>(_ body: (TermTokenizer) throws -> T) throws -> T {
        lock.lock()
        let pooled = pool.popLast()
        lock.unlock()
        let tokenizer = try pooled ?? TermTokenizer()
        defer {
            lock.lock()
            pool.append(tokenizer)
            lock.unlock()
        }
        return try body(tokenizer)
    }
}

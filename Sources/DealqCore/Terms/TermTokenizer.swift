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
    /// What this tokenizer has learnt of the corpus's words, kept between deals.
    private var counter: TermCounter?

    init() throws {
        SQLiteSetup.ensure()
        queue = try DatabaseQueue()
        porter = try queue.inDatabase { try $0.makeTokenizer(.porter(wrapping: .unicode61())) }
        var stems = Set<String>()
        for word in StopWords.words { stems.formUnion(Self.tokens(porter, word).map(\.stem)) }
        stopStems = stems
        counter = TermCounter(stopStems: stems)
    }

    /// Each token of `text`, in order: its stem and its lower-case spelling in
    /// the text. The plain way, a `String` per token: the counter's reference.
    func tokens(_ text: String) -> [(stem: String, spelling: String)] {
        queue.inDatabase { _ in Self.tokens(porter, text) }
    }

    /// The terms of `texts`, each text on its own (a pair never spans two),
    /// counted together, and the numbering of their `local` ids.
    func count(_ texts: [String]) -> (counts: [DealTerms.Count], source: Int) {
        // Taken out while it counts, so that its tables are changed in place, not copied.
        guard var counter = self.counter else { return ([], 0) }
        self.counter = nil
        defer { self.counter = counter }
        let counts = queue.inDatabase { _ in counter.count(texts, porter: porter) }
        return (counts, counter.source)
    }

    /// Calls `token(stem, start, end)` for each token of `text`: its stem and its byte range in `text`.
    static func tokenize(_ tokenizer: any FTS5Tokenizer, _ text: UnsafeRawBufferPointer,
                         _ token: (UnsafeRawBufferPointer, Int, Int) -> Void) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        withoutActuallyEscaping(token) { token in
            var sink = token
            withUnsafeMutablePointer(to: &sink) { sinkPointer in
                _ = tokenizer.tokenize(
                    context: UnsafeMutableRawPointer(sinkPointer), tokenization: .document,
                    pText: base.assumingMemoryBound(to: CChar.self), nText: CInt(text.count),
                    tokenCallback: { context, _, pToken, nToken, iStart, iEnd in
                        guard let context, let pToken else { return SQLITE_ERROR }
                        let token = context.assumingMemoryBound(to: ((UnsafeRawBufferPointer, Int, Int) -> Void).self).pointee
                        token(UnsafeRawBufferPointer(start: pToken, count: Int(nToken)), Int(iStart), Int(iEnd))
                        return SQLITE_OK
                    })
            }
        }
    }

    private static func tokens(_ tokenizer: any FTS5Tokenizer, _ text: String) -> [(stem: String, spelling: String)] {
        var text = text
        return text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var tokens: [(stem: String, spelling: String)] = []
            tokenize(tokenizer, bytes) { stem, iStart, iEnd in
                let start = max(0, min(iStart, bytes.count)), end = max(start, min(iEnd, bytes.count))
                tokens.append((String(decoding: stem, as: UTF8.self), Spelling.lowercased(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))))
            }
            return tokens
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

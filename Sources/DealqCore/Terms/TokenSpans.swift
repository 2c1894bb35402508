import GRDB
import GRDBSQLite

/// Where each token of a text is, as the full-text index's tokenizer
/// (porter over unicode61) finds it: byte ranges in the UTF-8 text, one per
/// position, so that a position the index reports maps back to its words.
struct TokenSpans {
    private let tokenizer: any FTS5Tokenizer

    init(_ db: Database) throws {
        tokenizer = try db.makeTokenizer(.porter(wrapping: .unicode61()))
    }

    /// The stems of `text`'s tokens, in order.
    func stems(_ text: String) -> [String] {
        var result: [String] = []
        collect(text) { stem, _ in result.append(stem) }
        return result
    }

    /// The byte range of each token of `text` in its UTF-8, in order.
    func ranges(_ text: String) -> [Range<Int>] {
        var result: [Range<Int>] = []
        collect(text, stemsWanted: false) { _, range in result.append(range) }
        return result
    }

    private final class Sink {
        var stemsWanted = true
        var found: [(stem: String, range: Range<Int>)] = []
    }

    private func collect(_ text: String, stemsWanted: Bool = true, _ each: (String, Range<Int>) -> Void) {
        let sink = Sink()
        sink.stemsWanted = stemsWanted
        var bytes = ContiguousArray(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let context = Unmanaged.passUnretained(sink).toOpaque()
            _ = tokenizer.tokenize(
                context: context, tokenization: .document,
                pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), nText: CInt(buffer.count),
                tokenCallback: { context, _, pToken, nToken, iStart, iEnd in
                    guard let context else { return SQLITE_ERROR }
                    let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    var stem = ""
                    if sink.stemsWanted, let pToken {
                        stem = String(decoding: UnsafeRawBufferPointer(start: pToken, count: Int(nToken)), as: UTF8.self)
                    }
                    sink.found.append((stem, Int(iStart)..<Int(iEnd)))
                    return SQLITE_OK
                })
        }
        for (stem, range) in sink.found { each(stem, range) }
    }
}

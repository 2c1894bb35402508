import GRDB
import GRDBSQLite

/// Where each token of a text is, as the full-text index's tokenizer
/// (porter over unicode61) finds it: byte ranges in the UTF-8 text, one per
/// position, so that a position the index reports maps back to its words.
struct TokenSpans {
    /// The index's tokenizer, for stems.
    private let stemmer: any FTS5Tokenizer
    /// unicode61 alone: the same tokens at the same places (porter only rewrites
    /// each token), without the cost of stemming, for ranges.
    private let splitter: any FTS5Tokenizer

    init(_ db: Database) throws {
        stemmer = try db.makeTokenizer(.porter(wrapping: .unicode61()))
        splitter = try db.makeTokenizer(.unicode61())
    }

    /// The stems of `text`'s tokens, in order.
    func stems(_ text: String) -> [String] {
        tokenize(text, stems: true).stems
    }

    /// The byte range of each token of `text` in its UTF-8, in order.
    func ranges(_ text: String) -> [Range<Int>] {
        tokenize(text, stems: false).ranges
    }

    private final class Sink {
        let wantsStems: Bool
        var stems: [String] = []
        var ranges: [Range<Int>] = []
        init(wantsStems: Bool) { self.wantsStems = wantsStems }
    }

    private func tokenize(_ text: String, stems: Bool) -> Sink {
        let sink = Sink(wantsStems: stems)
        var bytes = ContiguousArray(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = (stems ? stemmer : splitter).tokenize(
                context: Unmanaged.passUnretained(sink).toOpaque(), tokenization: .document,
                pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), nText: CInt(buffer.count),
                tokenCallback: { context, _, pToken, nToken, iStart, iEnd in
                    guard let context else { return SQLITE_ERROR }
                    let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    if sink.wantsStems, let pToken {
                        sink.stems.append(String(decoding: UnsafeRawBufferPointer(start: pToken, count: Int(nToken)), as: UTF8.self))
                    }
                    sink.ranges.append(Int(iStart)..<Int(iEnd))
                    return SQLITE_OK
                })
        }
        return sink
    }
}

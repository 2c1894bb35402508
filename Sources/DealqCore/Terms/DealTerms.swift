/// The terms of one deal's text, counted once at index time so that `terms`
/// sums integers instead of reading text: every single stem and every pair of
/// neighbouring stems (neither a stop word), each under the lower-case
/// spelling it was written with.
struct DealTerms: Sendable, Equatable {
    /// A term as written (`"go live"`) and its stems as the index has them (`"go live"`).
    struct Spelling: Hashable, Sendable {
        var spelling: String
        var stem: String
    }

    /// Occurrences in all the deal's quotes (each quote on its own: a pair never spans two).
    var quotes: [Spelling: Int32] = [:]
    /// Occurrences in the deal's body.
    var body: [Spelling: Int32] = [:]

    init() {}

    /// Counts a deal's quotes and body with a tokenizer no other thread is using.
    init(_ deal: Deal) throws {
        self = try TermTokenizer.borrow { DealTerms(quotes: deal.quotes.map(\.text), body: deal.body, tokenizer: $0) }
    }

    /// Counts a deal's quotes and body with the index's tokenizer.
    init(quotes: [String], body: String, tokenizer: TermTokenizer) {
        // About one entry per 1.5 words (stems and pairs): no growing on the way.
        self.quotes.reserveCapacity(quotes.reduce(0) { $0 + $1.utf8.count } / 4)
        self.body.reserveCapacity(body.utf8.count / 4)
        for quote in quotes { tokenizer.count(quote, into: &self.quotes) }
        tokenizer.count(body, into: &self.body)
    }
}

/// A word's lower-case spelling: bytes for ASCII words, Swift's full Unicode
/// lower-casing otherwise.
enum Spelling {
    static func lowercased(_ word: UnsafeRawBufferPointer) -> String {
        if word.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: word.count) { buffer in
                for (i, byte) in word.enumerated() { buffer[i] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
                return word.count
            }
        }
        return String(decoding: word, as: UTF8.self).lowercased()
    }
}

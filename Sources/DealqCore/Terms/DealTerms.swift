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

    /// A term and its occurrences; each term once in a text's counts.
    struct Count: Equatable, Sendable {
        var term: Spelling
        var count: Int32
        /// The term's number in the tables of the counter that counted it
        /// (`source`): the same term, the same number, as long as the tables last.
        var local: Int32 = -1
    }

    /// The counter whose numbering `Count.local` follows; 0: none.
    var source = 0

    /// Occurrences in all the deal's quotes (each quote on its own: a pair never spans two), in order of first use.
    var quotes: [Count] = []
    /// Occurrences in the deal's body, in order of first use.
    var body: [Count] = []

    init() {}

    /// Counts a deal's quotes and body with a tokenizer no other thread is using.
    init(_ deal: Deal) throws {
        self = try TermTokenizer.borrow { DealTerms(quotes: deal.quotes.map(\.text), body: deal.body, tokenizer: $0) }
    }

    /// Counts a deal's quotes and body with the index's tokenizer.
    init(quotes: [String], body: String, tokenizer: TermTokenizer) {
        (self.quotes, source) = tokenizer.count(quotes)
        self.body = tokenizer.count([body]).counts
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

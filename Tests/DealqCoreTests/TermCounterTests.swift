import GRDB
import Testing
@testable import DealqCore

/// The byte-level term counter gives the counts of the plain way: the index's
/// tokenizer over the whole text, a `String` per token, a dictionary of terms.
@Suite struct TermCounterTests {
    /// The plain way, as the index counted terms before: every stem and every
    /// pair of neighbouring stems (neither a stop word), each under its spelling.
    static func reference(_ texts: [String], _ tokenizer: TermTokenizer) -> [DealTerms.Spelling: Int32] {
        var counts: [DealTerms.Spelling: Int32] = [:]
        for text in texts {
            var previous: (spelling: String, stem: String)?
            for token in tokenizer.tokens(text) {
                guard !tokenizer.stopStems.contains(token.stem) else { previous = nil; continue }
                counts[DealTerms.Spelling(spelling: token.spelling, stem: token.stem), default: 0] += 1
                if let previous {
                    counts[DealTerms.Spelling(spelling: previous.spelling + " " + token.spelling,
                                              stem: previous.stem + " " + token.stem), default: 0] += 1
                }
                previous = (token.spelling, token.stem)
            }
        }
        return counts
    }

    /// The counter's answer as a dictionary, failing when a term is listed twice.
    static func counted(_ texts: [String], _ tokenizer: TermTokenizer) -> [DealTerms.Spelling: Int32] {
        let counts = tokenizer.count(texts).counts
        let dictionary = Dictionary(counts.map { ($0.term, $0.count) }, uniquingKeysWith: { first, _ in
            Issue.record("a term is listed twice in one text's counts")
            return first
        })
        #expect(!counts.contains { $0.count <= 0 })
        return dictionary
    }

    /// Pieces of text the generated documents are made of: English words in
    /// every case, stop words, contractions with straight and curly
    /// apostrophes, digits, hyphens, accents (composed and combining), letters
    /// whose lower-case form is special, CJK, emoji, control characters,
    /// Unicode spaces and punctuation, and words too long for the stemmer.
    static let pieces: [String] = [
        "pricing", "Pricing", "PRICING", "priced", "prices", "integration", "integrations", "Integrations",
        "running", "Runs", "ran", "connectivity", "go", "live", "go-live", "Go-Live", "the", "The", "THE", "and", "of",
        "don't", "Don’t", "we're", "it's", "customer's", "customers’", "O'Brien",
        "2024", "Q3", "3.5", "10x", "v2", "x86_64", "1,200", "$24,000", "14%",
        "café", "Café", "CAFÉ", "cafe\u{301}", "naïve", "Ångström", "résumé", "Zürich", "São", "Ελληνικά", "Москва",
        "İstanbul", "ß", "STRASSE", "\u{212A}elvin", "ﬁnance", "Ǆ", "ǅ",
        "価格", "連携", "価格が高い", "한국어", "العربية", "עברית",
        "🚀", "👩‍💻", "🇫🇷", "❤️", "e\u{301}\u{302}", "\u{301}", "a\u{0308}",
        "\u{0}", "\u{7}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}", "\u{FEFF}",
        "—", "–", "“quote”", "«guillemets»", "¿qué?", "…", "•", "·", "©", "™", "½", "²", "①", "Ⅻ",
        "supercalifragilisticexpialidociouslyextraordinarilylongwordthatneverendsatall",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        "A", "I", "a", "x", "ab", "Ab",
    ]
    static let separators: [String] = [" ", " ", " ", "  ", "\n", "\t", ", ", ". ", "-", "'", "’", "/", "_", "", "\r\n", "> ", "**", "#"]

    static func document(_ random: inout SeededGenerator, words: Int) -> String {
        var text = ""
        for _ in 0..<words { text += random.pick(pieces) + random.pick(separators) }
        return text
    }

    @Test func agreesWithThePlainWayOnRandomUnicodeText() throws {
        let tokenizer = try TermTokenizer()
        var random = SeededGenerator(seed: 0x7E12_C0DE)
        // One tokenizer over many documents: words learnt in one serve the next.
        for round in 0..<400 {
            let texts = (0...random.below(4)).map { _ in Self.document(&random, words: random.below(60)) }
            let counted = Self.counted(texts, tokenizer)
            let reference = Self.reference(texts, tokenizer)
            #expect(counted == reference, "round \(round): \(texts.map { Array($0.unicodeScalars) })")
            if counted != reference { return }
        }
    }

    @Test func agreesOnRandomBytesOfEveryASCIICharacter() throws {
        let tokenizer = try TermTokenizer()
        var random = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let scalars = (0..<random.below(200)).map { _ in
                random.below(8) == 0 ? Unicode.Scalar(UInt8(0x80 + random.below(0x80))) : Unicode.Scalar(UInt8(random.below(0x80)))
            }
            let text = String(String.UnicodeScalarView(scalars))
            #expect(Self.counted([text], tokenizer) == Self.reference([text], tokenizer), "\(scalars)")
        }
    }

    @Test func countsPairsWithinEachTextOnlyAndSkipsStopWords() throws {
        let tokenizer = try TermTokenizer()
        let counts = Self.counted(["Pricing was the blocker", "blocker pricing; Pricing pricing"], tokenizer)
        func count(_ spelling: String) -> Int32? { counts.first { $0.key.spelling == spelling }?.value }
        #expect(count("pricing") == 4)
        #expect(count("blocker") == 2)
        #expect(count("blocker pricing") == 1)
        #expect(count("pricing pricing") == 2)
        #expect(count("pricing blocker") == nil, "'was the' stands between them")
        #expect(count("the") == nil)
        #expect(counts.first { $0.key.spelling == "pricing" }?.key.stem == "price")
    }

    @Test func listsTermsInTheOrderTheyFirstOccur() throws {
        let tokenizer = try TermTokenizer()
        let counts = tokenizer.count(["Zebra apple zebra"]).counts
        #expect(counts.map(\.term.spelling) == ["zebra", "apple", "zebra apple", "apple zebra"])
        #expect(counts.map(\.count) == [2, 1, 1, 1])
        // The same term keeps its number in the counter's tables; another term has another.
        let again = tokenizer.count(["apple, ZEBRA"])
        #expect(again.counts.map(\.term.spelling) == ["apple", "zebra", "apple zebra"])
        #expect(again.counts.map(\.local) == [counts[1].local, counts[0].local, counts[3].local])
        #expect(Set(counts.map(\.local)).count == 4)
        #expect(again.source != 0)
    }

    @Test func startsAfreshPastItsLimitWithTheSameCounts() throws {
        let tokenizer = try TermTokenizer()
        let porter = try DatabaseQueue().inDatabase { try $0.makeTokenizer(.porter(wrapping: .unicode61())) }
        var counter = TermCounter(stopStems: tokenizer.stopStems, limit: 50)
        var random = SeededGenerator(seed: 7)
        for _ in 0..<60 {
            let texts = [Self.document(&random, words: 40), Self.document(&random, words: 10)]
            let counts = counter.count(texts, porter: porter)
            #expect(Dictionary(uniqueKeysWithValues: counts.map { ($0.term, $0.count) }) == Self.reference(texts, tokenizer))
            #expect(counter.learnt <= 50 + 200, "the tables start afresh once past the limit")
        }
    }
}

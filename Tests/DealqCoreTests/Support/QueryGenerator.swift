import DealqLanguage

/// Queries written from the grammar (verbs, filters, facets with values of every
/// kind, text terms, quotes, parentheses, or/and/not, `by`, options), and the same
/// queries mutated (bytes flipped, cut, repeated, tokens spliced in from elsewhere).
/// The words come from the catalog and the index (`facets`), so that many queries
/// are answered, and from lists of near misses, so that many are rejected.
struct QueryGenerator {
    var random: SeededGenerator
    /// Facet names known to the catalog.
    let facets: [String]
    /// Facet name → values the index holds.
    let values: [String: [String]]
    /// Every value of every facet, in a fixed order (a dictionary's order changes from run to run).
    let allValues: [String]

    static let verbs = Verb.allCases.map(\.rawValue) + ["Count", "winrates", "quote", "audit"]
    static let words = ["implementation", "pricing", "security", "review", "rollout", "SSO", "Acme", "when", "help",
                        "POL-358", "state-of-the-art", "café", "日本", "naïve", "x1", "2025", "100k", "a", "the", "---",
                        "NEAR", "AND", "OR", "NOT", "by", "and", "or", "not", "'", ";", "%", "_", "\\", "e-mail", "👍🏽",
                        "e\u{301}", "\u{301}", "ß", "İ", "Σ", "0", "1.5", "acv", "sort", "limit", "has", "since"]
    static let unknownFacets = ["competiter", "foo", "crm.nothing", "a.b.c", "_x", "acv-", "Topic", "OUTCOME", "area.gap",
                                "competitor.primary", "deal_type", "discount_pct", "champion_left"]
    static let operators = [":", ":", ":", "=", "!=", "<", "<=", ">", ">="]
    static let numbers = ["100k", "$1,200", "1.5m", "0.5", "-3", "1e3", "50000", "abc", "1,000", "$", "k", "999999999999999999999",
                          "0", "12.", ".5", "100K", "2M", "1b", "NaN", "inf"]
    static let dates = ["2025-03-14", "2025-03", "2025-Q3", "2025", "90d", "12w", "6m", "1y", "0d", "2025-13-01", "2025-02-30",
                        "1999", "9999-12-31", "0000-01-01", "2025-Q5", "today", "-1d", "100000d", "2024-02-29", "2023-02-29"]
    static let options = ["sort:acv", "sort:closed-asc", "sort:deals", "sort:win_rate", "sort:rate", "sort:x-ASC", "sort:weight",
                          "limit:5", "limit:all", "limit:0", "limit:-1", "limit:99999999999999999999", "limit:x",
                          "weight:acv", "weight:ACV", "weight:deals", "in:quotes", "in:bodies", "in:x"]
    static let specials = ["\"", "(", ")", ",", "..", ".", "-", "*", ":", "<", ">", "=", "!", " ", "\t", "\n", "\u{00A0}", "\u{3000}",
                           "é", "\u{301}", "\u{200D}", "\u{FEFF}", "\0", "🏳️‍🌈"]

    init(seed: UInt64, facets: [String], values: [String: [String]]) {
        random = SeededGenerator(seed: seed)
        self.facets = facets
        self.values = values
        allValues = values.keys.sorted().flatMap { values[$0] ?? [] }
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func count(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    /// A query from the grammar.
    mutating func query() -> String {
        var parts: [String] = []
        if chance(80) { parts.append(pick(Self.verbs)) }
        for _ in 0..<count(0...5) {
            switch count(0...9) {
            case 0: parts.append(byClause())
            case 1: parts.append(pick(Self.options))
            default: parts.append(filter(depth: 0))
            }
        }
        return parts.joined(separator: chance(95) ? " " : "  ")
    }

    mutating func byClause() -> String {
        let names = (0..<count(1...3)).map { _ in facetName() }
        return "by " + names.joined(separator: chance(80) ? "," : " , ")
    }

    mutating func facetName() -> String {
        chance(85) ? pick(facets) : pick(Self.unknownFacets)
    }

    mutating func filter(depth: Int) -> String {
        let deeper = depth < 3
        switch count(0...19) {
        case 0...5: return term()
        case 6...11: return facetFilter()
        case 12: return "has:" + facetName()
        case 13: return "since:" + pick(Self.dates)
        case 14: return "before:" + pick(Self.dates)
        case 15 where deeper: return (chance(50) ? "-" : "not ") + filter(depth: depth + 1)
        case 16 where deeper:
            return (0..<count(2...3)).map { _ in filter(depth: depth + 1) }.joined(separator: chance(70) ? " or " : " OR ")
        case 17 where deeper: return "(" + (0..<count(1...3)).map { _ in filter(depth: depth + 1) }.joined(separator: " ") + ")"
        case 18 where deeper: return filter(depth: depth + 1) + " and " + filter(depth: depth + 1)
        default: return term()
        }
    }

    /// A word, a prefix or a phrase.
    mutating func term() -> String {
        let word = chance(60) ? pick(Self.words) : (allValues.isEmpty ? "x" : pick(allValues))
        switch count(0...5) {
        case 0: return word + "*"
        case 1: return "\"" + word.replacingOccurrences(of: "\"", with: "") + " " + pick(Self.words) + "\""
        default: return word.contains(" ") ? "\"\(word.replacingOccurrences(of: "\"", with: ""))\"" : word
        }
    }

    mutating func facetFilter() -> String {
        let name = facetName()
        let op = pick(Self.operators)
        if op == ":" {
            switch count(0...5) {
            case 0: return "\(name):\(value(for: name)),\(value(for: name))"
            case 1: return "\(name):\(value(for: name))..\(value(for: name))"
            case 2: return "\(name):\(value(for: name)).."
            case 3: return "\(name):..\(value(for: name))"
            default: return "\(name):\(value(for: name))"
            }
        }
        return "\(name)\(op)\(value(for: name))"
    }

    /// A value of the facet's own kind mostly, else of another kind.
    mutating func value(for facet: String) -> String {
        let known = values[facet.lowercased()] ?? []
        let raw: String
        switch count(0...9) {
        case 0...4 where !known.isEmpty: raw = pick(known)
        case 5, 6: raw = pick(Self.numbers)
        case 7, 8: raw = pick(Self.dates)
        default: raw = pick(Self.words)
        }
        let bare = raw.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && !"(),\"".unicodeScalars.contains($0) }
            && !raw.contains("..") && !raw.isEmpty
        return bare && chance(85) ? raw : "\"\(raw.replacingOccurrences(of: "\"", with: ""))\""
    }

    /// The query changed by one to three edits of its bytes or tokens.
    mutating func mutate(_ query: String, donor: String) -> String {
        var bytes = Array(query.utf8)
        let donorTokens = donor.split(separator: " ").map { Array($0.utf8) }
        for _ in 0..<count(1...3) {
            let at = bytes.isEmpty ? 0 : count(0...bytes.count - 1)
            switch count(0...7) {
            case 0 where !bytes.isEmpty:  // flip a bit
                bytes[at] ^= UInt8(1) << UInt8(count(0...7))
            case 1 where !bytes.isEmpty:  // delete a run
                bytes.removeSubrange(at..<min(bytes.count, at + count(1...6)))
            case 2 where !bytes.isEmpty:  // repeat a run
                let run = bytes[at..<min(bytes.count, at + count(1...8))]
                bytes.insert(contentsOf: run, at: at)
            case 3 where !donorTokens.isEmpty:  // splice in a token of another query
                bytes.insert(contentsOf: pick(donorTokens), at: at)
            case 4:  // a character the grammar cares about
                bytes.insert(contentsOf: Array(pick(Self.specials).utf8), at: at)
            case 5 where !bytes.isEmpty:  // cut the tail
                bytes.removeSubrange(at...)
            case 6 where !bytes.isEmpty:  // swap two bytes
                bytes.swapAt(at, count(0...bytes.count - 1))
            default:  // a random byte
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

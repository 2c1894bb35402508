import GRDB

/// One row of `terms`: a term the matching deals' buyers use more than the others'.
struct TermRow: Equatable {
    var term: String
    var count: Int
    var other: Int
    var deals: Int
    var logOdds: Double
    var z: Double
    var topic: String?
    /// The stems of the term's words, as the index has them.
    var stems: [String] = []
}

/// A topic of `dealq.yml` with its patterns, in file order.
struct TopicPatterns {
    var name: String
    var patterns: [Pattern]
}

/// `terms`: compares the words of the matching deals' text with those of every
/// other deal (log-odds ratio with an informative Dirichlet prior) and keeps
/// the terms the matching side says notably more often.
enum TermsAnalysis {
    static let minimumCount = 3
    static let minimumDeals = 2

    private enum Key: Hashable {
        case one(Int32)
        case two(UInt64)
    }

    /// - Parameter matching: the statement of the matching deals, `m(deal, …)`.
    static func rows(_ db: Database, text: ComparedText, matching: SQLFragment, topics: [TopicPatterns]) throws -> [TermRow] {
        let spans = try TokenSpans(db)
        let stopStems = Set(StopWords.words.flatMap(spans.stems))
        let with = SQLFragment("WITH m AS (") + matching + SQLFragment(")\n")
        let documents = with + SQLFragment(text == .quotes
            ? "SELECT q.rowid, q.deal FROM m JOIN quotes q ON q.deal = m.deal ORDER BY q.deal, q.rowid"
            : "SELECT deal, deal FROM m ORDER BY deal")
        let matchingDocuments = try Row.fetchAll(db, sql: documents.sql, arguments: Executor.arguments(documents.arguments))
            .map { (doc: Int32($0[0] as Int64), deal: Int32($0[1] as Int64)) }
        let counts = try TermCounts(db, text: text, matchingDocuments: matchingDocuments, stopStems: stopStems)

        var kept: [(key: Key, tally: TermCounts.Tally, odds: LogOdds)] = []
        func consider(_ key: Key, _ tally: TermCounts.Tally) {
            guard tally.a >= minimumCount, tally.deals >= minimumDeals else { return }
            let odds = LogOdds(ya: tally.a, yb: tally.b, na: counts.na, nb: counts.nb)
            if odds.z > LogOdds.threshold { kept.append((key, tally, odds)) }
        }
        for (id, tally) in counts.unigrams.enumerated() where !counts.isStop[id] { consider(.one(Int32(id)), tally) }
        for (key, tally) in counts.bigrams { consider(.two(key), tally) }
        guard !kept.isEmpty else { return [] }

        let spelling = try spellings(db, of: Set(kept.map(\.key)), text: text, with: with, counts: counts, spans: spans)
        var rows = kept.map { k -> TermRow in
            let shown = spelling[k.key] ?? fallbackSpelling(k.key, counts)
            return TermRow(term: shown, count: k.tally.a, other: k.tally.b, deals: k.tally.deals,
                           logOdds: k.odds.delta, z: k.odds.z,
                           topic: topics.first { $0.patterns.contains { $0.matches(shown) } }?.name,
                           stems: stems(k.key, counts))
        }
        rows.sort { $0.z != $1.z ? $0.z > $1.z : $0.term.unicodeScalars.lexicographicallyPrecedes($1.term.unicodeScalars) }
        return rows
    }

    /// The most common lower-case spelling of each wanted term in the matching
    /// text (ties: the smallest in code-point order). Only the matching
    /// documents are read; a word's spellings are told apart by their bytes,
    /// so a string is made once per distinct spelling, not once per word.
    private static func spellings(_ db: Database, of wanted: Set<Key>, text: ComparedText, with: SQLFragment,
                                  counts: TermCounts, spans: TokenSpans) throws -> [Key: String] {
        var unigrams = Set<Int32>(), bigrams = Set<UInt64>(), words = Set<Int32>()
        for key in wanted {
            switch key {
            case .one(let id): unigrams.insert(id); words.insert(id)
            case .two(let pair):
                bigrams.insert(pair)
                let (a, b) = TermCounts.bigramParts(pair)
                words.insert(a); words.insert(b)
            }
        }
        var spellings = WordSpellings()
        var unigramCounts: [Int32: [Int32: Int]] = [:]
        var bigramCounts: [UInt64: [UInt64: Int]] = [:]
        let statement = with + SQLFragment(text == .quotes
            ? "SELECT q.rowid, q.text FROM m JOIN quotes q ON q.deal = m.deal"
            : "SELECT f.rowid, f.body FROM m JOIN deal_fts f ON f.rowid = m.deal")
        let cursor = try Row.fetchCursor(db, sql: statement.sql, arguments: Executor.arguments(statement.arguments))
        while let row = try cursor.next() {
            let doc = Int32(row[0] as Int64)
            let body: String = row[1]
            let sequence = Array(counts.positions.sequence(of: doc))
            let ranges = spans.ranges(body)
            guard ranges.count == sequence.count else { continue }
            let utf8 = Array(body.utf8)
            var variant = [Int32](repeating: -1, count: sequence.count)
            for p in sequence.indices where sequence[p] >= 0 && words.contains(sequence[p]) {
                variant[p] = spellings.variant(of: sequence[p], utf8[ranges[p]])
            }
            for p in sequence.indices where variant[p] >= 0 {
                if unigrams.contains(sequence[p]) { unigramCounts[sequence[p], default: [:]][variant[p], default: 0] += 1 }
                if p + 1 < sequence.count, variant[p + 1] >= 0 {
                    let pair = TermCounts.bigramKey(sequence[p], sequence[p + 1])
                    if bigrams.contains(pair) { bigramCounts[pair, default: [:]][TermCounts.bigramKey(variant[p], variant[p + 1]), default: 0] += 1 }
                }
            }
        }
        var result: [Key: String] = [:]
        for (id, seen) in unigramCounts {
            result[.one(id)] = mostCommon(seen.map { (spellings.text(of: id, $0.key), $0.value) })
        }
        for (pair, seen) in bigramCounts {
            let (a, b) = TermCounts.bigramParts(pair)
            result[.two(pair)] = mostCommon(seen.map { key, count in
                let (va, vb) = TermCounts.bigramParts(key)
                return (spellings.text(of: a, va) + " " + spellings.text(of: b, vb), count)
            })
        }
        return result
    }

    /// The spelling seen most often; ties: the smallest in code-point order.
    private static func mostCommon(_ seen: [(String, Int)]) -> String {
        seen.max { a, b in a.1 != b.1 ? a.1 < b.1 : b.0.unicodeScalars.lexicographicallyPrecedes(a.0.unicodeScalars) }!.0
    }

    private static func stems(_ key: Key, _ counts: TermCounts) -> [String] {
        switch key {
        case .one(let id): return [counts.stems[Int(id)]]
        case .two(let pair):
            let (a, b) = TermCounts.bigramParts(pair)
            return [counts.stems[Int(a)], counts.stems[Int(b)]]
        }
    }

    /// The stems themselves, when the text could not be read back (never expected).
    private static func fallbackSpelling(_ key: Key, _ counts: TermCounts) -> String {
        stems(key, counts).joined(separator: " ")
    }
}

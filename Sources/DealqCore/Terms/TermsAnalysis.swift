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

    /// - Parameter matching: the statement of the matching deals, `m(deal, …)`.
    static func rows(_ db: Database, text: ComparedText, matching: SQLFragment, topics: [TopicPatterns]) throws -> [TermRow] {
        let with = SQLFragment("WITH m AS (") + matching + SQLFragment(")\n")
        let vectors = with + SQLFragment("SELECT v.terms FROM m JOIN \(text.vectors) v ON v.deal = m.deal")
        let sums = try TermSums(db, vectors: vectors)
        let all = try Int.fetchOne(db, sql: "SELECT occurrences FROM term_totals WHERE text = ?", arguments: [text.column]) ?? 0
        let (na, nb) = (sums.na, all - sums.na)

        var candidates: [Int32] = []
        for stem in sums.occurrences.indices where sums.occurrences[stem] >= minimumCount && sums.deals[stem] >= minimumDeals {
            candidates.append(Int32(stem))
        }
        let totals = try TermTotals(db, text: text, of: candidates, stems: sums.occurrences.count)
        var rows: [TermRow] = []
        for stem in candidates {
            let ya = Int(sums.occurrences[Int(stem)])
            let odds = LogOdds(ya: ya, yb: totals[stem] - ya, na: na, nb: nb)
            guard odds.z > LogOdds.threshold else { continue }
            let (stems, shown) = try spelling(db, of: stem, counts: sums.spellings)
            rows.append(TermRow(term: shown, count: ya, other: totals[stem] - ya, deals: Int(sums.deals[Int(stem)]),
                                logOdds: odds.delta, z: odds.z,
                                topic: topics.first { $0.patterns.contains { $0.matches(shown) } }?.name,
                                stems: stems.split(separator: " ").map(String.init)))
        }
        rows.sort { $0.z != $1.z ? $0.z > $1.z : $0.term.unicodeScalars.lexicographicallyPrecedes($1.term.unicodeScalars) }
        return rows
    }

    /// A stem's text and its most common spelling in the matching text (ties: the smallest in code-point order).
    private static func spelling(_ db: Database, of stem: Int32, counts: [Int32]) throws -> (stem: String, shown: String) {
        let text = try String.fetchOne(db, sql: "SELECT stem FROM term_stems WHERE id = ?", arguments: [stem]) ?? ""
        var best: (spelling: String, count: Int32)?
        for row in try Row.fetchAll(db, sql: "SELECT id, spelling FROM term_spellings WHERE stem = ?", arguments: [stem]) {
            let id: Int = row[0], spelling: String = row[1]
            let count = id < counts.count ? counts[id] : 0
            guard count > 0 else { continue }
            if let b = best, b.count > count || (b.count == count && !spelling.unicodeScalars.lexicographicallyPrecedes(b.spelling.unicodeScalars)) {
                continue
            }
            best = (spelling, count)
        }
        return (text, best?.spelling ?? text)
    }
}

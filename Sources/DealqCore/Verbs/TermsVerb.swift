import DealqLanguage
import DealqRender
import Foundation
import GRDB

/// `terms`: what the buyers in the matching deals say that the buyers in the
/// other deals do not (see `TermsAnalysis`), highest z first.
enum TermsVerb: VerbAnswer {
    static func columns(groups: [String], hasText: Bool) -> [DealqRender.Column] {
        [(.term, .text), (.count, .integer), (.other, .integer), (.deals, .integer), (.logOdds, .number), (.z, .number),
         (.topic, .text)]
            .map { (field: Field, kind: DealqRender.Column.Kind) in DealqRender.Column(field, kind) }
    }

    static var pagedByDefault: Bool { true }
    static func needsOutcome(_ query: CheckedQuery) -> Bool { false }

    /// The matching deals are the only statement; the counting reads the index's token positions.
    static func plan(_ context: PlanContext) -> Plan {
        var plan = context.emptyPlan
        plan.main = context.with + SQLFragment("SELECT deal FROM m")
        return plan
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> DealqRender.Table {
        let rows = try TermsAnalysis.rows(executor.db, text: plan.query.compared, matching: plan.matching,
                                          topics: try TopicPatterns.stored(executor.db))
        var table = DealqRender.Table(columns: columns(plan), layout: .terms)
        table.rows = rows.map { row in
            [.text(row.term), .integer(row.count), .integer(row.other), .integer(row.deals), .number(row.logOdds), .number(row.z),
             row.topic.map(Cell.text) ?? .null]
        }
        if let uncovered = rows.first(where: { $0.topic == nil }) {
            table.footnotes = [.termAsTopic(name: uncovered.term.replacingOccurrences(of: " ", with: "-"),
                                            pattern: TopicPatterns.suggestedPattern(for: uncovered.term, stems: uncovered.stems))]
        }
        return table
    }
}

extension TopicPatterns {
    /// The topics of `dealq.yml` in file order, as the last index run stored them.
    static func stored(_ db: Database) throws -> [TopicPatterns] {
        let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'topics'") ?? "[]"
        let list = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[Any]] ?? []
        return list.compactMap { item in
            guard item.count == 2, let name = item[0] as? String, let sources = item[1] as? [String] else { return nil }
            return TopicPatterns(name: name, patterns: sources.compactMap { try? Pattern($0) })
        }
    }

    /// A `dealq.yml` pattern that finds a term in its other forms: each word cut to
    /// what it shares with its stem (`slipped`, stem `slip` → `slip\w*`), words
    /// apart by anything that is not a letter or digit.
    static func suggestedPattern(for term: String, stems: [String]) -> String {
        let words = term.split(separator: " ").map(String.init)
        let parts = words.enumerated().map { index, word -> String in
            let stem = index < stems.count ? stems[index] : word
            let shared = String(zip(word, stem).prefix { $0 == $1 }.map(\.0))
            return shared.count >= 3 && shared.count < word.count ? shared + #"\w*"# : word
        }
        return #"\b"# + parts.joined(separator: #"\W+"#) + #"\b"#
    }
}

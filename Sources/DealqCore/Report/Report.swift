import DealqLanguage
import DealqRender

/// A report for one audience: sections, each the answer of one query, so that
/// a reader can reproduce every number by running the query it lists.
public struct Report: Sendable {
    public enum Audience: String, Sendable, CaseIterable {
        case leadership, product, sales
    }

    public struct Section: Sendable {
        public var title: String
        /// What the section answers, in a reader's words.
        public var question: String
        public var query: String
        public var table: DealqRender.Table
        /// Whether the first group is a list facet (a deal counts in several groups, so counts do not add up).
        public var listGroups = false
    }

    public var audience: Audience
    public var title: String
    /// The filters every query of the report shares (may be empty).
    public var filters: String
    public var sections: [Section]
    /// The notes its queries gave (a value no deal has, with the close ones), each once.
    public var notes: [String] = []

    /// A section to run: its words, its query, and what its answer leads to.
    struct Planned {
        var title: String
        var question: String
        var query: String
        var then: FollowUp? = nil
        /// `terms`: the rows no topic covers come first (each keeps its place among them).
        var uncoveredFirst = false
    }

    /// Sections that a section's answer leads to (see `followUps`).
    enum FollowUp {
        /// A page (why we lose, recent quotes) for each of the three competitors in the most lost deals.
        case competitorPages
        /// The buyers' quotes for the first `areas` areas of the answer, from the deals
        /// with `outcome` that recorded the area with the label of `facet` (`area.gap`).
        case areaQuotes(facet: String, label: String, outcome: String, areas: Int, quotes: Int)
    }

    /// The queries of a report.
    static func plan(_ audience: Audience, filters: String, competitor: String?) -> (title: String, sections: [Planned]) {
        let f = filters.isEmpty ? "" : " " + filters
        switch audience {
        case .leadership:
            return ("Win-loss brief for leadership", [
                Planned(title: "Win rate by quarter", question: "Is the win rate moving?", query: "winrate by quarter" + f),
                Planned(title: "Who we lose to", question: "Which alternatives do buyers choose when we lose?",
                        query: "count by competitor.selected outcome:lost" + f),
                Planned(title: "What losses cost, by reason", question: "Lost ACV times each deal's driver weights",
                        query: "drivers outcome:lost weight:acv" + f),
                Planned(title: "ACV won and lost", question: "Won ACV ÷ (won + lost ACV), by segment", query: "winrate by segment weight:acv" + f),
            ])
        case .product:
            return ("Product gaps and advantages, in the buyers' words", [
                Planned(title: "Insights by area", question: "Which product areas come up most often in the deals' insights?",
                        query: "count by area limit:15" + f),
                Planned(title: "Gaps that appear in losses", question: "Which areas were recorded as a gap in the deals we lost?",
                        query: "count by area.gap outcome:lost limit:10" + f,
                        then: .areaQuotes(facet: "area.gap", label: "a gap", outcome: "lost", areas: 3, quotes: 5)),
                Planned(title: "Advantages that appear in wins", question: "Which areas were recorded as an advantage in the deals we won?",
                        query: "count by area.advantage outcome:won limit:10" + f,
                        then: .areaQuotes(facet: "area.advantage", label: "an advantage", outcome: "won", areas: 2, quotes: 3)),
                Planned(title: "Requests", question: "Which areas did buyers ask for?", query: "count by area.requested limit:10" + f),
                Planned(title: "Bugs", question: "Which areas had bugs that buyers ran into?", query: "count by area.bug limit:10" + f),
                Planned(title: "Win rate by topic", question: "How the win rate moves when a topic comes up", query: "winrate by topic" + f),
                Planned(title: "What lost buyers say that won buyers don't",
                        question: "Which words and phrases do the buyers of lost deals use notably more than the others, "
                            + "the ones no topic covers yet first?",
                        query: "terms outcome:lost limit:15" + f, uncoveredFirst: true),
            ])
        case .sales:
            guard let competitor else {
                return ("Competitor pages", [
                    Planned(title: "Head-to-head win rate", question: "How often do we win when each competitor is in the deal?",
                            query: "winrate by competitor" + f, then: .competitorPages),
                ])
            }
            return ("Competitor page: \(competitor)", [
                Planned(title: "Head-to-head win rate", question: "How often do we win when \(competitor) is in the deal?",
                        query: "winrate competitor:\(written(competitor))" + f),
            ] + competitorPage(competitor, filters: filters, named: false))
        }
    }

    /// A value as written in a query (quoted when it is more than one plain word).
    static func written(_ value: String) -> String { SavedQuery.written(value) ?? value }

    /// Why we lose to a competitor, and what buyers said in deals against it.
    /// `named` titles the sections with the competitor's name first (one of several pages).
    static func competitorPage(_ competitor: String, filters: String, named: Bool) -> [Planned] {
        let f = filters.isEmpty ? "" : " " + filters
        let name = written(competitor)
        return [
            Planned(title: named ? "\(competitor): why we lose" : "Why we lose to \(competitor)",
                    question: "The drivers of the lost deals whose buyer chose \(competitor)",
                    query: "drivers outcome:lost competitor.selected:\(name)" + f),
            Planned(title: named ? "\(competitor): recent buyer quotes" : "Recent buyer quotes",
                    question: "What buyers said in deals against \(competitor), newest first",
                    query: "quotes competitor:\(name) limit:\(named ? 5 : 10)" + f),
        ]
    }

    /// The sections a section's answer leads to.
    static func followUps(_ followUp: FollowUp, answer: DealqRender.Table, filters: String) -> [Planned] {
        let f = filters.isEmpty ? "" : " " + filters
        switch followUp {
        case .competitorPages:
            // The three competitors in the most lost deals (ties: the table's order).
            guard let lostColumn = answer.column(.lost) else { return [] }
            let met = answer.rows.dropFirst().enumerated().compactMap { index, row -> (name: String, lost: Int, index: Int)? in
                guard case .text(let name) = row[0], name != "(none)", case .integer(let lost) = row[lostColumn], lost > 0 else { return nil }
                return (name, lost, index)
            }.sorted { $0.lost != $1.lost ? $0.lost > $1.lost : $0.index < $1.index }
            return met.prefix(3).flatMap { competitorPage($0.name, filters: filters, named: true) }
        case let .areaQuotes(facet, label, outcome, areas, quotes):
            let names = answer.rows.compactMap { row -> String? in
                if case .text(let area) = row[0], area != "(none)" { return area } else { return nil }
            }
            return names.prefix(areas).compactMap { area in
                SavedQuery.written(area).map { name in
                    Planned(title: "In the buyers' words: \(area) as \(label)",
                            question: "What buyers said in \(outcome) deals that recorded \(area) as \(label)",
                            query: "quotes \(facet):\(name) outcome:\(outcome) limit:\(quotes)" + f)
                }
            }
        }
    }
}

extension QueryEngine {
    /// Runs every query of a report.
    /// - Parameter minimumGroupSize: win-rate groups with fewer won + lost deals are marked as too small.
    public func report(_ audience: Report.Audience, filters: String, competitor: String?, today: CalendarDate,
                       minimumGroupSize: Int = 10) throws(QueryFailure) -> Report {
        let plan = Report.plan(audience, filters: filters, competitor: competitor)
        var sections: [Report.Section] = []
        var notes: [String] = []
        var queue = plan.sections[...]
        while let planned = queue.popFirst() {
            let (title, question, query) = (planned.title, planned.question, planned.query)
            var answer = try answer(query, today: today, defaultLimit: nil, minimumGroupSize: minimumGroupSize)
            if planned.uncoveredFirst, let topic = answer.table.column(.topic) {
                let (uncovered, covered) = answer.table.rows.reduce(into: ([[Cell]](), [[Cell]]())) { parts, row in
                    if row[topic] == .null { parts.0.append(row) } else { parts.1.append(row) }
                }
                answer.table.rows = uncovered + covered
            }
            for note in answer.notes.map(\.message) where !notes.contains(note) { notes.append(note) }
            let first = answer.table.columns.first.flatMap { catalog.facet($0.name) }
            sections.append(Report.Section(title: title, question: question, query: query, table: answer.table,
                                           listGroups: first?.kind == .list))
            if let then = planned.then { queue = Report.followUps(then, answer: answer.table, filters: filters)[...] + queue }
        }
        return Report(audience: audience, title: plan.title, filters: filters, sections: sections, notes: notes)
    }
}

extension Report {
    /// A query as a shell word: in single quotes when it holds double quotes (and no single quote).
    static func shellQuoted(_ query: String) -> String {
        if query.contains("\"") && !query.contains("'") { return "'" + query + "'" }
        return "\"" + query.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// What a section with no rows says.
    static func empty(_ section: Section) -> String {
        section.table.layout == .terms ? "No word stands out from the other deals' words." : "No deals."
    }

    /// A section's opening: its question as a sentence, then what its table says (`headline`).
    static func lead(_ section: Section) -> String {
        let question = section.question.last.map { ".?!".contains($0) } == true ? section.question : section.question + "."
        return Self.headline(section).map { question + " " + $0 } ?? question
    }

    /// One sentence a reader takes away from a section's table, from its own numbers.
    static func headline(_ section: Section) -> String? {
        let table = section.table
        func text(_ cell: Cell) -> String? { if case .text(let s) = cell { return s } else { return nil } }
        func number(_ cell: Cell) -> Double? {
            switch cell {
            case .integer(let i): return Double(i)
            case .number(let d): return d
            default: return nil
            }
        }
        if let rate = table.column(.winrate), let base = table.rows.first, text(base[0]) == "(all)", let overall = number(base[rate]) {
            let groups = table.rows.dropFirst().filter { number($0[rate]) != nil && text($0[0]) != "(none)" }
            if table.timeColumn == 0, let last = groups.last, let value = number(last[rate]) {
                return "Overall \(formatPercent(overall)); latest \(text(last[0]) ?? "period"): \(formatPercent(value))."
            }
            let rateOf = { (row: [Cell]) in number(row[rate]) ?? 0 }
            if let best = groups.max(by: { rateOf($0) < rateOf($1) }),
               let worst = groups.min(by: { rateOf($0) < rateOf($1) }), groups.count > 1 {
                return "Overall \(formatPercent(overall)); highest \(text(best[0]) ?? "") \(formatPercent(rateOf(best))), "
                    + "lowest \(text(worst[0]) ?? "") \(formatPercent(rateOf(worst)))."
            }
            return "Overall \(formatPercent(overall))."
        }
        if let share = table.column(.share), let first = table.rows.first, let category = table.column(.category),
           let value = number(first[share]), category == 0 {
            return "The largest: \(text(first[category]) ?? "") at \(formatPercent(value))."
        }
        if let deals = table.column(.deals), table.columns.count == 2,
           let first = table.rows.first(where: { text($0[0]) != "(none)" }), let n = number(first[deals]) {
            // On a list facet a deal counts under each of its values: the counts do not add up to a total.
            guard !section.listGroups else { return "The most: \(text(first[0]) ?? ""), in \(Int(n)) deal\(n == 1 ? "" : "s")." }
            let total = table.rows.compactMap { number($0[deals]) }.reduce(0, +)
            return "The most: \(text(first[0]) ?? "") with \(Int(n)) of \(Int(total))."
        }
        return nil
    }

    /// A section's answer for reading: quotes as block quotes, anything else as its markdown table.
    static func markdownAnswer(_ table: DealqRender.Table) -> String {
        markdownQuotes(table) ?? render(table, as: .markdown)
    }

    /// The report as markdown: a title, then each section's question, its
    /// answer as a table, and the query that reproduces it; the queries again at the end.
    public func markdown(generated today: CalendarDate) -> String {
        var out = "# \(title)\n\n"
        out += "_\(filters.isEmpty ? "All deals" : "Deals matching `\(filters)`"), as of \(today)._\n\n"
        for section in sections {
            out += "## \(section.title)\n\n\(Self.lead(section))\n\n"
            out += section.table.rows.isEmpty ? "_\(Self.empty(section))_\n" : Self.markdownAnswer(section.table)
            out += "\nQuery: `\(section.query)`\n\n"
        }
        out += "## Reproduce these numbers\n\n"
        for section in sections { out += "- `dealq \(Self.shellQuoted(section.query))`\n" }
        return out
    }
}

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

    /// The queries of a report: each section's question and query text.
    public static func plan(_ audience: Audience, filters: String, competitor: String?) -> (title: String, sections: [(String, String, String)]) {
        let f = filters.isEmpty ? "" : " " + filters
        switch audience {
        case .leadership:
            return ("Win-loss brief for leadership", [
                ("Win rate by quarter", "Is the win rate moving?", "winrate by quarter" + f),
                ("Who we lose to", "Which alternatives do buyers choose when we lose?", "count by competitor.selected outcome:lost" + f),
                ("What losses cost, by reason", "Lost ACV times each deal's driver weights", "drivers outcome:lost weight:acv" + f),
                ("ACV won and lost", "Won ACV ÷ (won + lost ACV), by segment", "winrate by segment weight:acv" + f),
            ])
        case .product:
            return ("Product gaps and advantages, in the buyers' words", [
                ("Insights by area", "Which product areas come up most often in the deals' insights?",
                 "count by area limit:15" + f),
                ("Gaps that appear in losses", "Which areas were recorded as a gap in the deals we lost?",
                 "count by area.gap outcome:lost limit:10" + f),
                ("Advantages that appear in wins", "Which areas were recorded as an advantage in the deals we won?",
                 "count by area.advantage outcome:won limit:10" + f),
                ("Requests", "Which areas did buyers ask for?", "count by area.requested limit:10" + f),
                ("Bugs", "Which areas had bugs that buyers ran into?", "count by area.bug limit:10" + f),
                ("Win rate by topic", "How the win rate moves when a topic comes up", "winrate by topic" + f),
            ])
        case .sales:
            guard let competitor else {
                // The head-to-head table, then a page for each of the competitors met most (see `followUps`).
                return ("Competitor pages", [
                    ("Head-to-head win rate", "How often do we win when each competitor is in the deal?", "winrate by competitor" + f),
                ])
            }
            return ("Competitor page: \(competitor)", [
                ("Head-to-head win rate", "How often do we win when \(competitor) is in the deal?",
                 "winrate competitor:\(written(competitor))" + f),
            ] + competitorPage(competitor, filters: filters, named: false))
        }
    }

    /// A competitor's value as written in a query.
    static func written(_ value: String) -> String { SavedQuery.written(value) ?? value }

    /// Why we lose to a competitor, and what buyers said in deals against it.
    /// `named` titles the sections with the competitor's name first (one of several pages).
    static func competitorPage(_ competitor: String, filters: String, named: Bool) -> [(String, String, String)] {
        let f = filters.isEmpty ? "" : " " + filters
        let name = written(competitor)
        return [
            (named ? "\(competitor): why we lose" : "Why we lose to \(competitor)",
             "The drivers of the lost deals whose buyer chose \(competitor)", "drivers outcome:lost competitor.selected:\(name)" + f),
            (named ? "\(competitor): recent buyer quotes" : "Recent buyer quotes",
             "What buyers said in deals against \(competitor), newest first", "quotes competitor:\(name) limit:\(named ? 5 : 10)" + f),
        ]
    }

    /// Sections that follow from a section's answer: for sales without a competitor, a page for
    /// each of the three competitors in the most lost deals; for product, the buyers' quotes
    /// on the areas most often recorded as a gap in losses (three) and as an
    /// advantage in wins (two), from the deals that recorded them so.
    static func followUps(_ audience: Audience, after query: String, answer: DealqRender.Table, filters: String) -> [(String, String, String)] {
        let f = filters.isEmpty ? "" : " " + filters
        if audience == .sales, query == "winrate by competitor" + f {
            // A page for each of the three competitors in the most lost deals (ties: the table's order).
            guard let lostColumn = answer.columns.firstIndex(where: { $0.name == "lost" }) else { return [] }
            let met = answer.rows.dropFirst().enumerated().compactMap { index, row -> (name: String, lost: Int, index: Int)? in
                guard case .text(let name) = row[0], name != "(none)", case .integer(let lost) = row[lostColumn], lost > 0 else { return nil }
                return (name, lost, index)
            }.sorted { $0.lost != $1.lost ? $0.lost > $1.lost : $0.index < $1.index }
            return met.prefix(3).flatMap { competitorPage($0.name, filters: filters, named: true) }
        }
        guard audience == .product else { return [] }
        let areas = answer.rows.compactMap { row -> String? in
            if case .text(let area) = row[0], area != "(none)" { return area } else { return nil }
        }
        let follow: [(facet: String, label: String, outcome: String, areas: Int, quotes: Int)] = [
            ("area.gap", "a gap", "lost", 3, 5), ("area.advantage", "an advantage", "won", 2, 3),
        ]
        guard let next = follow.first(where: { query.hasPrefix("count by \($0.facet) outcome:\($0.outcome)") }) else { return [] }
        return areas.prefix(next.areas).compactMap { area in
            SavedQuery.written(area).map { name in
                ("In the buyers' words: \(area) as \(next.label)",
                 "What buyers said in \(next.outcome) deals that recorded \(area) as \(next.label)",
                 "quotes \(next.facet):\(name) outcome:\(next.outcome) limit:\(next.quotes)" + f)
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
        while let (title, question, query) = queue.popFirst() {
            let answer = try answer(query, today: today, defaultLimit: nil, minimumGroupSize: minimumGroupSize)
            for note in answer.notes.map(\.message) where !notes.contains(note) { notes.append(note) }
            let first = answer.table.columns.first.flatMap { catalog.facet($0.name) }
            sections.append(Report.Section(title: title, question: question, query: query, table: answer.table,
                                           listGroups: first?.kind == .list))
            let next = Report.followUps(audience, after: query, answer: answer.table, filters: filters)
            queue = next[...] + queue
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

    /// One sentence a reader takes away from a section's table, from its own numbers.
    static func headline(_ section: Section) -> String? {
        let table = section.table
        func column(_ name: String) -> Int? { table.columns.firstIndex { $0.name == name } }
        func text(_ cell: Cell) -> String? { if case .text(let s) = cell { return s } else { return nil } }
        func number(_ cell: Cell) -> Double? {
            switch cell {
            case .integer(let i): return Double(i)
            case .number(let d): return d
            default: return nil
            }
        }
        if let rate = column("winrate"), let base = table.rows.first, text(base[0]) == "(all)", let overall = number(base[rate]) {
            let groups = table.rows.dropFirst().filter { number($0[rate]) != nil && text($0[0]) != "(none)" }
            if table.timeColumn == 0, let last = groups.last, let value = number(last[rate]) {
                return "Overall \(formatPercent(overall)); latest \(text(last[0]) ?? "period"): \(formatPercent(value))."
            }
            if let best = groups.max(by: { number($0[rate])! < number($1[rate])! }),
               let worst = groups.min(by: { number($0[rate])! < number($1[rate])! }), groups.count > 1 {
                return "Overall \(formatPercent(overall)); highest \(text(best[0]) ?? "") \(formatPercent(number(best[rate])!)), "
                    + "lowest \(text(worst[0]) ?? "") \(formatPercent(number(worst[rate])!))."
            }
            return "Overall \(formatPercent(overall))."
        }
        if let share = column("share"), let first = table.rows.first, let category = column("category"),
           let value = number(first[share]), table.columns.first?.name == "category" {
            return "The largest: \(text(first[category]) ?? "") at \(formatPercent(value))."
        }
        if let deals = column("deals"), table.columns.count == 2,
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
            let question = section.question.last.map { ".?!".contains($0) } == true ? section.question : section.question + "."
            out += "## \(section.title)\n\n\(question)"
            if let headline = Self.headline(section) { out += " " + headline }
            out += "\n\n"
            out += section.table.rows.isEmpty ? "_No deals._\n" : Self.markdownAnswer(section.table)
            out += "\nQuery: `\(section.query)`\n\n"
        }
        out += "## Reproduce these numbers\n\n"
        for section in sections { out += "- `dealq \(Self.shellQuoted(section.query))`\n" }
        return out
    }
}

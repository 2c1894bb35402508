import DealqLanguage
import DealqRender
import GRDB

/// `deals`: the matching deals, best text match first (else newest), each with
/// its snippet when the query has text terms.
enum DealsVerb: VerbAnswer {
    enum Value: ListedValue {
        case rowid, id, account, outcome, acv, closed, competitor, topDriver

        var sql: String {
            switch self {
            case .competitor: return "d.competitor_primary"
            case .topDriver: return "d.top_driver"
            default: return "d.\(self)"
            }
        }

        var column: DealqRender.Column? {
            switch self {
            case .rowid: return nil
            case .id: return DealqRender.Column(.id, .text)
            case .account: return DealqRender.Column(.account, .text)
            case .outcome: return DealqRender.Column(.outcome, .text)
            case .acv: return DealqRender.Column(.acv, .money)
            case .closed: return DealqRender.Column(.closed, .date)
            case .competitor: return DealqRender.Column(.competitor, .text)
            case .topDriver: return DealqRender.Column(.topDriver, .text)
            }
        }

        var sortSQL: String {
            switch self {
            case .competitor: return sql
            default: return "d." + SQLFragment.identifier(column?.name ?? "rowid")
            }
        }

        static var rowsWithoutLimit: Value? { nil }
    }

    static let snippetColumn = DealqRender.Column(.snippet, .snippet)

    static func columns(groups: [String], hasText: Bool) -> [DealqRender.Column] {
        ListedAnswer.columns(Value.self) + (hasText ? [snippetColumn] : [])
    }

    static var pagedByDefault: Bool { true }
    static var sortsRows: Bool { false }

    /// What follows `r(deal, rank)` in the main statement of a ranked page.
    static let rankedTail = """
        SELECT \(Value.selectText)
        FROM r JOIN deals d ON d.rowid = r.deal
        ORDER BY r.rank, d.id
        """

    static func plan(_ context: PlanContext) -> Plan {
        var plan = context.emptyPlan
        let query = context.query
        plan.snippetMatch = context.match
        if let match = context.match, let limit = context.limit, Planner.isTextOnly(query.filter), query.sort == nil {
            // Text alone: let FTS5 rank and cut to the page (its own top-N), then look up those deals.
            plan.main = SQLFragment("WITH r AS (SELECT rowid AS deal, rank FROM deal_fts WHERE deal_fts MATCH ? ORDER BY rank LIMIT ?)\n",
                                    [.text(match), .number(Double(limit))])
                + SQLFragment(rankedTail)
            plan.rankedPage = Plan.RankedPage(match: match, limit: limit)
            plan.total = SQLFragment("SELECT count(*) FROM deal_fts WHERE deal_fts MATCH ?", [.text(match)])
            return plan
        }
        let then = context.match != nil ? "m.rank, d.id" : "d.closed DESC, d.id"
        let order = query.sort?.column == snippetColumn.name
            ? "m.rank \(query.sort?.ascending == true ? "ASC" : "DESC") NULLS LAST, " + then
            : ListedAnswer.order(query.sort, Value.self, then: then)
        plan.main = context.with + SQLFragment("""
            SELECT \(Value.selectText)
            FROM m JOIN deals d ON d.rowid = m.deal
            ORDER BY \(order)
            """) + Planner.limitClause(context.limit)
        plan.total = context.with + SQLFragment("SELECT count(*) FROM m")
        return plan
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> DealqRender.Table {
        let ranked = try rankedInParallel(plan, executor)
        let rows = try ranked?.rows ?? executor.groupRows(plan.main, groups: 0)
        let snippets = try plan.snippetMatch.map { try self.snippets(rows, match: $0, executor.db) } ?? [:]
        var table = DealqRender.Table(columns: columns(groups: [], hasText: plan.snippetMatch != nil))
        let shown = Value.allCases.filter { $0.column != nil }
        for row in rows {
            var cells = shown.map { Executor.cell(row.value($0)) }
            if plan.snippetMatch != nil {
                cells.append(Int64.fromDatabaseValue(row.value(Value.rowid)).flatMap { snippets[$0] }.map { .text($0) } ?? .null)
            }
            table.rows.append(cells)
        }
        if let ranked {
            table.totalRows = ranked.total > rows.count ? ranked.total : nil
        } else {
            table.totalRows = try total(plan, shown: rows.count, executor.db)
        }
        if plan.snippetMatch != nil { table.layout = .snippets }
        return table
    }

    /// How many deals match, when the page is full and there are more.
    static func total(_ plan: Plan, shown: Int, _ db: Database) throws -> Int? {
        guard let limit = plan.limit, shown >= limit, let total = plan.total else { return nil }
        let count = try Int.fetchOne(db, sql: total.sql, arguments: Executor.arguments(total.arguments)) ?? shown
        return count > shown ? count : nil
    }

    /// Each shown deal's snippet (by rowid), on one line. `dealq_snippet` is
    /// FTS5's `snippet()` in linear time (see `SnippetFunction`), made for the
    /// shown deals only. A bare `rowid` condition reaches FTS5, which answers the
    /// MATCH again for each deal, seeking each term's deal list to it: 20 deals
    /// cost a few milliseconds where reading all 60k matches of `security review`
    /// at 500k deals costs 11. A prefix term's MATCH, though, merges the deal lists
    /// of all its words each time (3,000 deals of `a*`: 15 s): with one, the
    /// matches are read once and `+rowid` keeps the condition outside FTS5.
    static func snippets(_ rows: [Executor.GroupRow], match: String, _ db: Database) throws -> [Int64: String] {
        let ids = rows.compactMap { Int64.fromDatabaseValue($0.value(Value.rowid)) }
        guard !ids.isEmpty else { return [:] }
        SnippetFunction.register(db)
        let shown = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let rowid = match.contains("*") ? "+rowid" : "rowid"
        let sql = """
            SELECT rowid, \(SnippetFunction.name)(deal_fts, 0, char(2), char(3), '…', 14) FROM deal_fts
            WHERE deal_fts MATCH ? AND \(rowid) IN (SELECT value FROM json_each(?))
            """
        var snippets: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: [match, shown]) {
            snippets[row[0]] = cleanSnippet(row[1])
        }
        return snippets
    }

    /// A snippet on one line, without markdown markers at line starts.
    static func cleanSnippet(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { line -> String in
            var l = Substring(line)
            while let first = l.first, first == "#" || first == ">" || first == "-" || first == "*" || first == " " { l = l.dropFirst() }
            return String(l)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

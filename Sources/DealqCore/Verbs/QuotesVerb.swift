import DealqLanguage
import DealqRender

/// `quotes`: the buyers' words from the matching deals, newest first, drawn as cards.
///
/// One statement. `qm` keeps the matching quotes narrow (rowid, deal, date),
/// read once: the total counts it, and only the rows that can reach the page
/// are joined to their text and deal. In the default order, when there is a
/// limit, `cut` is the date of the quote at the page's last place: a quote
/// dated before it, or undated, cannot be on the page, so only the quotes
/// dated on or after it are looked up in `deals` (for `d.id`, which breaks
/// ties) and sorted. Without the cut each of thousands of quotes would be
/// joined to its deal and carried whole through a window count.
enum QuotesVerb: VerbAnswer {
    enum Value: ListedValue {
        case quote, speaker, source, date, section, deal, account, outcome, acv, total

        var sql: String {
            switch self {
            case .quote: return "q.text"
            case .speaker, .source, .date, .section: return "q.\(self)"
            case .deal: return "d.id"
            case .account, .outcome, .acv: return "d.\(self)"
            case .total: return "(SELECT count(*) FROM qm)"
            }
        }

        var column: Column? {
            switch self {
            case .quote: return Column(.quote, .text)
            case .speaker: return Column(.speaker, .text)
            case .source: return Column(.source, .text)
            case .date: return Column(.date, .date)
            case .section: return Column(.section, .text)
            case .deal: return Column(.deal, .text)
            case .account: return Column(.account, .text)
            case .outcome: return Column(.outcome, .text)
            case .acv: return Column(.acv, .money)
            case .total: return nil
            }
        }

        var sortSQL: String {
            switch self {
            case .account, .outcome, .acv: return "d." + SQLFragment.identifier("\(self)")
            default: return sql
            }
        }

        static var rowsWithoutLimit: Value? { .total }
    }

    static func columns(groups: [String], hasText: Bool) -> [Column] { ListedAnswer.columns(Value.self) }
    static var pagedByDefault: Bool { true }
    static var sortsRows: Bool { false }

    /// The default order: newest first, undated last, then by deal and place in the deal.
    static let defaultOrder = "q.date IS NULL, q.date DESC, d.id, q.ord"

    static func plan(_ context: PlanContext) -> Plan {
        var plan = context.emptyPlan
        let quoteWhere = context.query.quoteFilter.map { SQLFragment("\nWHERE ") + PredicateSQL.quote($0) } ?? SQLFragment("")
        var tables = [
            SQLFragment("m AS NOT MATERIALIZED (") + context.matching + SQLFragment(")"),
            SQLFragment("qm AS MATERIALIZED (SELECT q.rowid AS quote, q.deal AS deal, q.date AS date FROM m JOIN quotes q ON q.deal = m.deal")
                + quoteWhere + SQLFragment(")"),
        ]
        var from = SQLFragment("FROM qm JOIN quotes q ON q.rowid = qm.quote JOIN deals d ON d.rowid = qm.deal")
        if context.query.sort == nil, let limit = context.limit, limit > 0 {
            tables.append(SQLFragment("cut AS MATERIALIZED (SELECT date FROM qm ORDER BY date IS NULL, date DESC LIMIT 1 OFFSET ?)",
                                      [.number(Double(limit - 1))]))
            from = from + SQLFragment("\nWHERE (SELECT date FROM cut) IS NULL OR qm.date >= (SELECT date FROM cut)")
        }
        let order = ListedAnswer.order(context.query.sort, Value.self, then: defaultOrder)
        plan.main = SQLFragment("WITH ") + .joined(tables, separator: ",\n") + SQLFragment("\nSELECT \(Value.selectText)\n") + from
            + SQLFragment("\nORDER BY \(order)") + Planner.limitClause(context.limit)
        plan.totalInLastColumn = true
        return plan
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        var table = try ListedAnswer.table(plan, Value.self, &executor)
        table.layout = .quotes
        return table
    }
}

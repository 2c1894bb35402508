import DealqLanguage
import DealqRender

/// `quotes`: the buyers' words from the matching deals, newest first, drawn as cards.
enum QuotesVerb: VerbAnswer {
    enum Value: ListedValue {
        case quote, speaker, source, date, section, deal, account, outcome, acv, total

        var sql: String {
            switch self {
            case .quote: return "q.text"
            case .speaker, .source, .date, .section: return "q.\(self)"
            case .deal: return "d.id"
            case .account, .outcome, .acv: return "d.\(self)"
            case .total: return "count(*) OVER ()"
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

    static func plan(_ context: PlanContext) -> Plan {
        var plan = context.emptyPlan
        let quoteWhere = context.query.quoteFilter.map { SQLFragment("\nWHERE ") + PredicateSQL.quote($0) } ?? SQLFragment("")
        let from = SQLFragment("FROM m JOIN quotes q ON q.deal = m.deal JOIN deals d ON d.rowid = m.deal") + quoteWhere
        let order = ListedAnswer.order(context.query.sort, Value.self, then: "q.date IS NULL, q.date DESC, d.id, q.ord")
        plan.main = context.with + SQLFragment("SELECT \(Value.selectText)\n") + from + SQLFragment("\nORDER BY \(order)")
            + Planner.limitClause(context.limit)
        plan.totalInLastColumn = true
        return plan
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        var table = try ListedAnswer.table(plan, Value.self, &executor)
        table.layout = .quotes
        return table
    }
}

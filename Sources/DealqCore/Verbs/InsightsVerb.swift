import DealqLanguage
import DealqRender

/// `insights`: the areas (gaps, advantages, requests, bugs) the summaries name, newest deal first.
enum InsightsVerb: VerbAnswer {
    enum Value: ListedValue {
        case area, label, note, deal, account, outcome, acv, total

        var sql: String {
            switch self {
            case .area, .label, .note: return "i.\(self)"
            case .deal: return "d.id"
            case .account, .outcome, .acv: return "d.\(self)"
            case .total: return "count(*) OVER ()"
            }
        }

        var column: Column? {
            switch self {
            case .area: return Column(.area, .text)
            case .label: return Column(.label, .text)
            case .note: return Column(.note, .text)
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
    static var sortsRows: Bool { false }

    static func plan(_ context: PlanContext) -> Plan {
        var plan = context.emptyPlan
        let order = ListedAnswer.order(context.query.sort, Value.self, then: "d.closed DESC, d.id, i.ord")
        plan.main = context.with + SQLFragment("""
            SELECT \(Value.selectText)
            FROM m JOIN insights i ON i.deal = m.deal JOIN deals d ON d.rowid = m.deal
            ORDER BY \(order)
            """) + Planner.limitClause(context.limit)
        plan.totalInLastColumn = true
        return plan
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        try ListedAnswer.table(plan, Value.self, &executor)
    }
}

import DealqLanguage
import DealqRender

/// `count`: deals per group (one number without groups).
enum CountVerb: VerbAnswer {
    static func columns(groups: [String], hasText: Bool) -> [Column] {
        groups.map(Column.group) + [Column(.deals, .integer)]
    }

    static func needsOutcome(_ query: CheckedQuery) -> Bool { !query.groupBy.isEmpty }
    static var drawsGrid: Bool { true }

    static func plan(_ context: PlanContext) -> Plan {
        guard context.query.groupBy.isEmpty else { return DealCounts.plan(context) }
        var plan = context.emptyPlan
        plan.main = context.query.filter == nil
            ? SQLFragment("SELECT coalesce((SELECT deals FROM facet_presence WHERE facet = 'outcome'), 0)")
            : context.with + SQLFragment("SELECT \(DealCount.deals.sql) FROM m")
        return plan
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        let groups = plan.query.groupBy
        var table = Table(columns: columns(plan))
        let rows = try executor.groupRows(plan.main, groups: groups.count)
        let sizes = try executor.firstGroupSizes(plan, wonLost: false, rows: rows)
        for row in try executor.ordered(rows, groups: groups, sizeOfFirst: sizes, size: { $0.int(DealCount.deals) }) {
            table.rows.append(try executor.groupCells(row, groups) + [.integer(row.int(DealCount.deals))])
        }
        return table
    }
}

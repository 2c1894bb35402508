import DealqLanguage
import DealqRender

/// `winrate weight:acv`: won ACV ÷ (won + lost ACV), a proportion of wins weighted by
/// ACV. Its 95% interval is Wilson's at Kish's effective number of deals,
/// (ΣACV)² ÷ ΣACV² (`effective_deals`): with equal ACVs it is the plain interval
/// of the deals; when one big deal carries the group, the group counts as little
/// more than that one deal, and the interval says so.
enum WeightedWinrateVerb: VerbAnswer {
    /// Per group: deals with an ACV (won + lost), won ACV, lost ACV, and the sum of squared won + lost ACVs.
    enum Sums: Selection {
        case deals, wonACV, lostACV, squares

        var sql: String {
            switch self {
            case .deals: return "coalesce(sum(m.outcome IN ('won', 'lost')), 0)"
            case .wonACV: return "coalesce(sum(CASE WHEN m.outcome = 'won' THEN d.acv END), 0)"
            case .lostACV: return "coalesce(sum(CASE WHEN m.outcome = 'lost' THEN d.acv END), 0)"
            case .squares: return "coalesce(sum(CASE WHEN m.outcome IN ('won', 'lost') THEN d.acv * d.acv END), 0)"
            }
        }
    }

    static func columns(groups: [String], hasText: Bool) -> [Column] {
        (groups.isEmpty ? [Column(.group, .text)] : groups.map(Column.group))
            + [Column(.deals, .integer), Column(.effectiveDeals, .number), Column(.wonACV, .money), Column(.lostACV, .money)]
            + RateCells.columns
    }

    static var pinnedRows: Int { 1 }
    static var barField: Field { .winrate }
    static var drawsGrid: Bool { true }

    static func plan(_ context: PlanContext) -> Plan {
        var plan = context.emptyPlan
        plan.main = context.with + sums(context.query.groupBy)
        plan.baseline = context.with + sums([])
        plan.groupSizes = DealCounts.firstGroupSizes(context)
        return plan
    }

    static func sums(_ groups: [Catalog.Facet]) -> SQLFragment {
        GroupSQL.grouped(groups, Sums.selectList, from: "m JOIN deals d ON d.rowid = m.deal AND d.acv IS NOT NULL")
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        let groups = plan.query.groupBy
        var table = Table(columns: columns(plan))
        guard let baseline = plan.baseline, let base = try executor.groupRows(baseline, groups: 0).first else { return table }
        let won = base.double(Sums.wonACV), lost = base.double(Sums.lostACV)
        let baseRate: Double? = won + lost > 0 ? won / (won + lost) : nil
        table.rows.append(RateCells.allRow(groups) + cells(base, baseline: baseRate))
        guard !groups.isEmpty else { return table }
        let rows = try executor.groupRows(plan.main, groups: groups.count)
        let sizes = try executor.firstGroupSizes(plan, wonLost: true)
        for row in try executor.ordered(rows, groups: groups, sizeOfFirst: sizes, size: { $0.int(Sums.deals) }) {
            table.rows.append(try executor.groupCells(row, groups) + cells(row, baseline: baseRate))
        }
        RateMarks(minimumGroupSize: executor.minimumGroupSize, weighted: true).mark(&table, baseline: baseRate)
        return table
    }

    static func cells(_ row: Executor.GroupRow, baseline: Double?) -> [Cell] {
        let n = row.int(Sums.deals)
        let won = row.double(Sums.wonACV), lost = row.double(Sums.lostACV)
        let effective = Wilson.effectiveSize(sum: won + lost, sumOfSquares: row.double(Sums.squares))
        guard let effective, won + lost > 0 else { return [.integer(n), .null, .number(won), .number(lost), .null, .null, .null, .null] }
        let rate = won / (won + lost)
        let interval = Wilson.interval(proportion: rate, size: effective)
        return [.integer(n), .number(effective), .number(won), .number(lost), .number(rate),
                baseline.map { .number(rate - $0) } ?? .null,
                interval.map { .number($0.low) } ?? .null, interval.map { .number($0.high) } ?? .null]
    }
}

import DealqLanguage
import DealqRender

/// `winrate`: won ÷ (won + lost) per group, after an `(all)` row, with its
/// lift over `(all)` and its 95% Wilson interval.
enum WinrateVerb: VerbAnswer {
    static func columns(groups: [String], hasText: Bool) -> [Column] {
        (groups.isEmpty ? [Column(.group, .text)] : groups.map(Column.group))
            + [Column(.deals, .integer), Column(.won, .integer), Column(.lost, .integer)] + RateCells.columns
    }

    static var pinnedRows: Int { 1 }
    static var barField: Field { .winrate }
    static var drawsGrid: Bool { true }

    static func plan(_ context: PlanContext) -> Plan {
        DealCounts.plan(context)
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        let groups = plan.query.groupBy
        var table = Table(columns: columns(plan))
        guard let baseline = plan.baseline, let base = try executor.groupRows(baseline, groups: 0).first else { return table }
        let won = base.int(DealCount.won), lost = base.int(DealCount.lost)
        let baseRate: Double? = won + lost > 0 ? Double(won) / Double(won + lost) : nil
        table.rows.append(RateCells.allRow(groups) + cells(won: won, lost: lost, baseline: baseRate))
        guard !groups.isEmpty else { return table }
        let rows = try executor.groupRows(plan.main, groups: groups.count)
        let sizes = try executor.firstGroupSizes(plan, wonLost: true, rows: rows)
        let decided = { (row: Executor.GroupRow) in row.int(DealCount.won) + row.int(DealCount.lost) }
        for row in try executor.ordered(rows, groups: groups, sizeOfFirst: sizes, size: decided) {
            table.rows.append(try executor.groupCells(row, groups)
                              + cells(won: row.int(DealCount.won), lost: row.int(DealCount.lost), baseline: baseRate))
        }
        RateMarks(minimumGroupSize: executor.minimumGroupSize, weighted: false).mark(&table, baseline: baseRate)
        return table
    }

    /// deals, won, lost, then the rate cells.
    static func cells(won: Int, lost: Int, baseline: Double?) -> [Cell] {
        [.integer(won + lost), .integer(won), .integer(lost)] + RateCells.cells(won: won, lost: lost, baseline: baseline)
    }
}

/// The cells every win rate ends with: the rate, its lift over `(all)`, its 95% interval.
enum RateCells {
    static let columns = [Column(.winrate, .rate), Column(.lift, .rate), Column(.ciLow, .rate), Column(.ciHigh, .rate)]

    /// `(all)` in every group column (or the one `group` column).
    static func allRow(_ groups: [Catalog.Facet]) -> [Cell] {
        Array(repeating: .text("(all)"), count: max(1, groups.count))
    }

    static func cells(won: Int, lost: Int, baseline: Double?) -> [Cell] {
        let n = won + lost
        guard n > 0, let interval = Wilson.interval(successes: won, trials: n) else { return [.null, .null, .null, .null] }
        let rate = Double(won) / Double(n)
        return [.number(rate), baseline.map { .number(rate - $0) } ?? .null, .number(interval.low), .number(interval.high)]
    }
}

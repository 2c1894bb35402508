import Foundation

/// Two groups with time first (`winrate by quarter, segment`) read best as a
/// small grid: one row per period, one column per value of the second group,
/// each cell the measured value (the bar column). The `(all)` row becomes a
/// line above it.
enum TimeGrid {
    /// The grids to draw: the measured value, and for win rates also the deals
    /// each rate rests on (so that no rate is shown without its n); nil when
    /// `table` is not such an answer.
    static func grids(_ table: Table) -> [(grid: Table, caption: String)]? {
        guard let main = pivot(table, measure: table.barColumn) else { return nil }
        guard table.columns[table.barColumn!].name == "winrate",
              let n = pivot(table, measure: table.columns.firstIndex { $0.name == "deals" }) else { return [main] }
        return [main, (n.grid, n.caption.replacingOccurrences(of: "deals by", with: "won + lost deals by"))]
    }

    /// One grid of `measure`, or nil when `table` is not two groups with time first.
    static func pivot(_ table: Table, measure: Int?) -> (grid: Table, caption: String)? {
        guard table.groupColumns == 2, table.timeColumn == 0, let measure, table.columns.count > measure else { return nil }
        var periods: [String] = []
        var seconds: [String] = []
        var values: [String: [String: Cell]] = [:]
        var overall: Cell?
        for row in table.rows {
            guard case .text(let period) = row[0], case .text(let second) = row[1] else { continue }
            if period == "(all)" && second == "(all)" {
                overall = row[measure]
                continue
            }
            if !periods.contains(period) { periods.append(period) }
            if !seconds.contains(second) { seconds.append(second) }
            values[period, default: [:]][second] = row[measure]
        }
        guard !periods.isEmpty else { return nil }
        let column = table.columns[measure]
        var grid = Table(columns: [Column(table.columns[0].name, .text)] + seconds.map { Column($0, column.kind) })
        for period in periods {
            grid.rows.append([.text(period)] + seconds.map { values[period]?[$0] ?? .null })
        }
        var caption = "\(column.name) by \(table.columns[0].name) (rows) and \(table.columns[1].name) (columns)"
        if let overall, let text = humanText(overall, column: column) { caption += "; (all): " + text.plain }
        return (grid, caption)
    }
}

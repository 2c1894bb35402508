import Foundation

/// Two groups with time first (`winrate by quarter, segment`) read best as a
/// small grid: one row per period, one column per value of the second group,
/// each cell the measured value (the bar column). The `(all)` row becomes a
/// line above it.
///
/// A win rate is never shown without what it rests on: the rate grid carries
/// the answer's marks in its cells (a rate in parentheses rests on too few
/// deals; `▲`/`▼` its interval excludes the `(all)` rate), and two more grids
/// follow, the deals each rate rests on and its 95% interval.
enum TimeGrid {
    /// The grids to draw, and the footnotes to write under them; nil when
    /// `table` is not such an answer.
    static func grids(_ table: Table) -> (grids: [(grid: Table, caption: String)], footnotes: [String])? {
        guard var main = pivot(table, measure: table.barColumn), let measure = table.barColumn else { return nil }
        guard measure == table.column(.winrate) else { return ([main], table.footnotes.map { Wording.footnote($0) }) }
        main.grid = marked(main.grid, table, measure: measure)
        var grids = [main]
        if let n = pivot(table, measure: table.column(.deals)) {
            grids.append((n.grid, n.caption.replacingOccurrences(of: "deals by", with: "won + lost deals by")))
        }
        if let interval = intervals(table) { grids.append(interval) }
        // The marks read as cells here: `n<10: fewer than…` becomes `(…) in parentheses: fewer than…`.
        return (grids, table.footnotes.map { Wording.footnote($0, inGrid: true) })
    }

    /// One grid of `measure`, or nil when `table` is not two groups with time first.
    static func pivot(_ table: Table, measure: Int?, cell: ((_ row: Int) -> Cell)? = nil,
                      kind: Column.Kind? = nil) -> (grid: Table, caption: String)? {
        guard table.grid, table.groupColumns == 2, table.timeColumn == 0, let measure, table.columns.count > measure else { return nil }
        var periods: [String] = []
        var seconds: [String] = []
        var values: [String: [String: Cell]] = [:]
        var overall: Cell?
        for (index, row) in table.rows.enumerated() {
            guard case .text(let period) = row[0], case .text(let second) = row[1] else { continue }
            let value = cell?(index) ?? row[measure]
            if period == "(all)" && second == "(all)" {
                overall = value
                continue
            }
            if !periods.contains(period) { periods.append(period) }
            if !seconds.contains(second) { seconds.append(second) }
            values[period, default: [:]][second] = value
        }
        guard !periods.isEmpty else { return nil }
        let column = Column(table.columns[measure].name, kind ?? table.columns[measure].kind)
        var grid = Table(columns: [Column(table.columns[0].name, .text)] + seconds.map { Column($0, column.kind) })
        for period in periods {
            grid.rows.append([.text(period)] + seconds.map { values[period]?[$0] ?? .null })
        }
        var caption = "\(column.name) by \(table.columns[0].name) (rows) and \(table.columns[1].name) (columns)"
        if let overall, let text = humanText(overall, column: column) { caption += "; (all): " + text.plain }
        return (grid, caption)
    }

    /// The rate grid with each cell's mark: `(45.0%)` too few deals, `45.0% ▲` / `45.0% ▼`
    /// the interval excludes the `(all)` rate. Unmarked cells keep the same right edge.
    static func marked(_ grid: Table, _ table: Table, measure: Int) -> Table {
        guard table.marks.contains(where: { $0 != nil }) else { return grid }
        let column = table.columns[measure]
        let texts = table.rows.indices.map { index -> Cell in
            guard let text = humanText(table.rows[index][measure], column: column)?.plain else { return .null }
            switch index < table.marks.count ? table.marks[index] : nil {
            case .tooFew?: return .text("(" + text + ") ")
            case .above?: return .text(text + " ▲")
            case .below?: return .text(text + " ▼")
            case nil: return .text(text + "  ")
            }
        }
        return pivot(table, measure: measure, cell: { texts[$0] })?.grid ?? grid
    }

    /// The grid of 95% intervals (`31.2–48.9%`), when the answer has `ci_low` and `ci_high`.
    static func intervals(_ table: Table) -> (grid: Table, caption: String)? {
        guard let columns = HumanTable.intervalColumns(table.columns) else { return nil }
        let texts = table.rows.map { row -> Cell in
            HumanTable.intervalText(low: row[columns.low], high: row[columns.high], kind: .rate).map { .text($0.plain) } ?? .null
        }
        guard let grid = pivot(table, measure: columns.low, cell: { texts[$0] }, kind: .rate) else { return nil }
        return (grid.grid, grid.caption.replacingOccurrences(of: "ci_low by", with: "95% interval by"))
    }
}


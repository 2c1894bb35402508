/// A table prepared for people (`table` and `markdown`): cells formatted, the
/// Wilson interval shown as one `95% CI` column, rows cut to `maxRows`, and the
/// footer that says so.
struct HumanTable {
    struct Column {
        var header: String
        var alignRight: Bool
        var kind: DealqRender.Column.Kind
        /// The columns of the source table this one shows (two for the merged interval).
        var sources: [Int]
    }

    var columns: [Column]
    /// Cell texts; nil for absent values.
    var rows: [[StyledText?]]
    /// The source rows shown, for the bar chart.
    var sourceRows: [[Cell]]
    /// "showing 20 of 1,234 — limit:all for all" when rows were cut.
    var cutFooter: String?

    init(_ table: Table, maxRows: Int?) {
        var shown = table.rows
        if let maxRows, shown.count > maxRows { shown = Array(shown.prefix(max(0, maxRows))) }
        let total = max(table.totalRows ?? table.rows.count, table.rows.count)
        cutFooter = shown.count < total
            ? "showing \(formatThousands(shown.count)) of \(formatThousands(total)) — limit:all for all"
            : nil
        sourceRows = shown

        let interval = HumanTable.intervalColumns(table.columns)
        var columns: [Column] = []
        for (index, column) in table.columns.enumerated() {
            if let interval, index == max(interval.low, interval.high) { continue }
            if let interval, index == min(interval.low, interval.high) {
                columns.append(Column(header: "95% CI", alignRight: true, kind: table.columns[interval.low].kind,
                                      sources: [interval.low, interval.high]))
            } else {
                columns.append(Column(header: oneLine(column.name), alignRight: column.kind.isNumeric,
                                      kind: column.kind,
                                      sources: [index]))
            }
        }
        self.columns = columns
        rows = shown.map { row in
            columns.map { column in
                if column.sources.count == 2 {
                    return HumanTable.intervalText(
                        low: table.cell(row: row, column: column.sources[0]),
                        high: table.cell(row: row, column: column.sources[1]),
                        kind: table.columns[column.sources[0]].kind)
                }
                let index = column.sources[0]
                return humanText(table.cell(row: row, column: index), column: table.columns[index])
            }
        }
    }

    /// `ci_low` and `ci_high`, when both are present (once each).
    static func intervalColumns(_ columns: [DealqRender.Column]) -> (low: Int, high: Int)? {
        let lows = columns.indices.filter { columns[$0].name == Field.ciLow.rawValue }
        let highs = columns.indices.filter { columns[$0].name == Field.ciHigh.rawValue }
        guard lows.count == 1, highs.count == 1 else { return nil }
        return (lows[0], highs[0])
    }

    /// `31.2–48.9%` for rates, `0.31–0.49` for other numbers; nil when an end is absent.
    static func intervalText(low: Cell, high: Cell, kind: DealqRender.Column.Kind) -> StyledText? {
        func value(_ cell: Cell) -> Double? {
            switch cell {
            case .integer(let v): Double(v)
            case .number(let v): v.isFinite ? v : nil
            case .null, .text: nil
            }
        }
        guard let lo = value(low), let hi = value(high) else { return nil }
        if kind == .rate {
            return StyledText(plain: fixedPoint(lo * 100, fractionDigits: 1, trimZeros: false) + "–"
                              + fixedPoint(hi * 100, fractionDigits: 1, trimZeros: false) + "%")
        }
        return StyledText(plain: formatDecimal(lo) + "–" + formatDecimal(hi))
    }
}

/// Horizontal bars for `table` output when the answer is grouped by time.
///
/// Each row's value is drawn with full blocks and one eighth block for the remainder,
/// scaled so that the full bar width is 100% for rates (or the largest value, if above 1)
/// and the largest value otherwise. Absent, zero and negative values draw nothing. For
/// counts and other non-rate values the `(all)` baseline row draws nothing (it would
/// dwarf its groups); for rates it is drawn like any group, so the trend reads against it.
struct BarChart {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let baselineLabel = "(all)"

    /// One fraction (0…1 of the bar width) per row, nil where nothing is drawn.
    var fractions: [Double?]

    /// Nil when the table does not ask for bars or the bar column is not numeric.
    init?(_ table: Table, rows: [[Cell]]) {
        guard let timeColumn = table.timeColumn, let barColumn = table.barColumn,
              table.columns.indices.contains(timeColumn), table.columns.indices.contains(barColumn),
              table.columns[barColumn].kind.isNumeric
        else { return nil }
        let isRate = table.columns[barColumn].kind == .rate
        func value(_ row: [Cell]) -> Double? {
            switch table.cell(row: row, column: barColumn) {
            case .integer(let v): Double(v)
            case .number(let v): v.isFinite ? v : nil
            case .null, .text: nil
            }
        }
        func isBaseline(_ row: [Cell]) -> Bool {
            table.cell(row: row, column: timeColumn) == .text(BarChart.baselineLabel)
        }
        let values = rows.map { row -> Double? in
            isBaseline(row) && !isRate ? nil : value(row)
        }
        let largest = values.compactMap { $0 }.max() ?? 0
        let scale = isRate ? max(1, largest) : largest
        fractions = values.map { value in
            guard let value, scale > 0, value > 0 else { return nil }
            return min(1, value / scale)
        }
    }

    /// The bar for a fraction of `width` columns, to the nearest eighth.
    static func bar(_ fraction: Double?, width: Int) -> String {
        guard let fraction, width > 0 else { return "" }
        let units = min(width * 8, max(0, Int((fraction * Double(width * 8)).rounded())))
        var text = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { text.append(eighths[units % 8 - 1]) }
        return text
    }
}

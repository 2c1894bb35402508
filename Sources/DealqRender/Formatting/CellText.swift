// How one cell reads: exactly for machines, rounded and styled for people.

/// A cell for machine formats: what CSV and JSON write.
enum MachineValue: Equatable {
    case null
    case string(String)
    /// A JSON number literal (integers without `.0`, doubles shortest round-trip).
    case number(String)
}

extension Column.Kind {
    /// Numbers people compare by magnitude: right-aligned in human formats.
    var isNumeric: Bool {
        switch self {
        case .integer, .number, .money, .rate: true
        case .text, .date, .snippet: false
        }
    }
}

extension Table {
    /// The cell at a row and column; `.null` when the row is short.
    func cell(row: [Cell], column: Int) -> Cell {
        column < row.count ? row[column] : .null
    }
}

/// The exact value of a cell: snippets without highlight markers, dates as `YYYY-MM-DD`,
/// numbers unrounded, NaN and infinities as null.
func machineValue(_ cell: Cell, kind: Column.Kind) -> MachineValue {
    switch cell {
    case .null:
        return .null
    case .text(let text):
        return .string(kind == .snippet ? removingHighlightMarkers(text) : text)
    case .integer(let value):
        if kind == .date { return .string(dateText(epochSeconds: Double(value))) }
        return .number(String(value))
    case .number(let value):
        guard let plain = formatPlainNumber(value) else { return .null }
        if kind == .date { return .string(dateText(epochSeconds: value)) }
        return .number(plain)
    }
}

/// What a person reads in the cell, or nil for an absent value (shown as `nullText`).
func humanText(_ cell: Cell, column: Column) -> StyledText? {
    switch cell {
    case .null:
        return nil
    case .text(let text):
        return column.kind == .snippet ? StyledText(snippet: text) : StyledText(plain: text)
    case .integer(let value):
        switch column.kind {
        case .money: return StyledText(plain: formatMoney(value))
        case .rate, .date, .number: return humanText(.number(Double(value)), column: column)
        case .integer: return StyledText(plain: formatThousands(value))
        case .text, .snippet: return StyledText(plain: String(value))
        }
    case .number(let value):
        guard value.isFinite else { return nil }
        let text: String
        switch column.kind {
        case .money: text = formatMoney(value)
        case .rate: text = column.name == "lift" ? formatPoints(value) : formatPercent(value)
        case .date: text = dateText(epochSeconds: value)
        case .integer, .number: text = formatDecimal(value)
        case .text, .snippet: text = formatPlainNumber(value) ?? ""
        }
        return StyledText(plain: text)
    }
}

/// How human formats show an absent value.
let nullText = "—"

/// `YYYY-MM-DD` (UTC) of a Unix time in seconds: how a numeric `date` cell reads.
/// (The engine normally gives dates as `.text("YYYY-MM-DD")`, which are written as they are.)
func dateText(epochSeconds: Double) -> String {
    let days = Int((epochSeconds / 86_400).rounded(.down))
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
}

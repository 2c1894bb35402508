import Foundation
import DealqLanguage

/// How a column writes its days: `YYYY-MM-DD` is always understood; slash
/// dates (`3/14/2025`, `14/03/2025`) are month-first or day-first.
public enum DateOrder: Sendable, Equatable {
    case monthFirst, dayFirst
    /// Only `YYYY-MM-DD` (slash dates are malformed).
    case isoOnly

    /// `--date-format`: MM/DD/YYYY, DD/MM/YYYY or YYYY-MM-DD (any case, M/D/YYYY too).
    public init(option text: String) throws(ImportError) {
        switch text.uppercased().replacingOccurrences(of: "MM", with: "M").replacingOccurrences(of: "DD", with: "D") {
        case "M/D/YYYY": self = .monthFirst
        case "D/M/YYYY": self = .dayFirst
        case "YYYY-M-D": self = .isoOnly
        default: throw .dateFormat(text)
        }
    }

    var pattern: String {
        switch self {
        case .monthFirst: return "MM/DD/YYYY"
        case .dayFirst: return "DD/MM/YYYY"
        case .isoOnly: return "YYYY-MM-DD"
        }
    }
}

/// Decides a column's slash-date order from its values, and reads its days.
public enum SlashDates {
    /// The order the column's values show: a first part over 12 means day
    /// first, a second part over 12 month first. Nil when it has no slash
    /// dates. Throws when slash dates are there but nothing decides, or the
    /// column says both.
    public static func decide(_ values: [(line: Int, value: String)], column: String) throws(ImportError) -> DateOrder? {
        var dayFirst: (line: Int, value: String)?
        var monthFirst: (line: Int, value: String)?
        var example: String?
        for (line, value) in values {
            guard let (a, b, _) = parts(value) else { continue }
            if example == nil { example = value }
            if a > 12, b <= 12, dayFirst == nil { dayFirst = (line, value) }
            if b > 12, a <= 12, monthFirst == nil { monthFirst = (line, value) }
        }
        switch (dayFirst, monthFirst) {
        case let (day?, month?): throw .contradictoryDates(column: column, dayFirst: day, monthFirst: month)
        case (_?, nil): return .dayFirst
        case (nil, _?): return .monthFirst
        case (nil, nil):
            if let example { throw .undecidedDates(column: column, example: example) }
            return nil
        }
    }

    /// The day as `YYYY-MM-DD`, or nil when the text is not a real day in that order.
    public static func read(_ text: String, order: DateOrder?) -> String? {
        if let date = CalendarDate(text) { return date.description }
        guard let (a, b, year) = parts(text), let order else { return nil }
        let date: CalendarDate?
        switch order {
        case .monthFirst: date = CalendarDate(year: year, month: a, day: b)
        case .dayFirst: date = CalendarDate(year: year, month: b, day: a)
        case .isoOnly: date = nil
        }
        return date?.description
    }

    /// `a/b/yyyy` with one or two digits in `a` and `b`.
    static func parts(_ text: String) -> (Int, Int, Int)? {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 3, (1...2).contains(pieces[0].count), (1...2).contains(pieces[1].count), pieces[2].count == 4,
              let a = digits(pieces[0]), let b = digits(pieces[1]), let year = digits(pieces[2])
        else { return nil }
        return (a, b, year)
    }

    private static func digits(_ text: Substring) -> Int? {
        text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(text) : nil
    }
}

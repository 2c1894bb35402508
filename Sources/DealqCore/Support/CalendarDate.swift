/// Strict `YYYY-MM-DD` calendar dates, compared as text.
public enum CalendarDate {
    /// True when `text` is exactly four-two-two digits naming a real calendar day.
    public static func isValid(_ text: String) -> Bool {
        parse(text) != nil
    }

    /// Year, month and day of a strict `YYYY-MM-DD` date, or nil.
    public static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        guard (1...12).contains(m), d >= 1, d <= daysInMonth(year: y, month: m) else { return nil }
        return (y, m, d)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2025-08` for a valid date.
    public static func month(of date: String) -> String { String(date.prefix(7)) }

    /// `2025-Q3` for a valid date.
    public static func quarter(of date: String) -> String {
        let m = Int(date.dropFirst(5).prefix(2)) ?? 1
        return "\(date.prefix(4))-Q\((m - 1) / 3 + 1)"
    }

    /// `2025` for a valid date.
    public static func year(of date: String) -> String { String(date.prefix(4)) }
}

import DealqLanguage

/// Corpus-side helpers over the query language's `CalendarDate`.
extension CalendarDate {
    /// True when `text` is exactly four-two-two digits naming a real calendar day.
    static func isValid(_ text: String) -> Bool {
        CalendarDate(text) != nil
    }

    /// `2025-08` of a valid `YYYY-MM-DD`.
    static func month(of date: String) -> String { String(date.prefix(7)) }

    /// `2025-Q3` of a valid `YYYY-MM-DD`.
    static func quarter(of date: String) -> String {
        let m = Int(date.dropFirst(5).prefix(2)) ?? 1
        return "\(date.prefix(4))-Q\((m - 1) / 3 + 1)"
    }

    /// `2025` of a valid `YYYY-MM-DD`.
    static func year(of date: String) -> String { String(date.prefix(4)) }
}

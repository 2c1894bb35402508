import DealqLanguage

/// Calendar days for the generator: the query language's `CalendarDate`,
/// with the few conveniences deal writing needs.
typealias CivilDate = CalendarDate

extension CalendarDate {
    /// A day known to exist (the generator's fixed range).
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    /// Days since 1970-01-01.
    var days: Int { daysSinceEpoch }

    var ymd: (year: Int, month: Int, day: Int) { (year, month, day) }

    /// `YYYY-MM-DD`.
    var iso: String { description }

    var quarter: Int { (month - 1) / 3 + 1 }

    /// e.g. `March 2024`.
    var monthYear: String { Self.monthNames[month - 1] + " " + String(year) }

    /// The day `n` days later (earlier when negative), within the generator's range.
    func shifted(by n: Int) -> CalendarDate { adding(days: n)! }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}

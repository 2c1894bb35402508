/// A calendar day, computed with integer arithmetic only (no Foundation
/// calendars, no time zones, no current date).
struct CivilDate: Comparable {
    /// Days since 1970-01-01.
    let days: Int

    init(days: Int) { self.days = days }

    init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        days = era * 146_097 + doe - 719_468
    }

    var ymd: (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    var year: Int { ymd.year }
    var quarter: Int { (ymd.month - 1) / 3 + 1 }

    /// `YYYY-MM-DD`.
    var iso: String {
        let (y, m, d) = ymd
        var s = String(y)
        s += m < 10 ? "-0" : "-"
        s += String(m)
        s += d < 10 ? "-0" : "-"
        s += String(d)
        return s
    }

    /// e.g. `March 2024`.
    var monthYear: String {
        let (y, m, _) = ymd
        return CivilDate.monthNames[m - 1] + " " + String(y)
    }

    func adding(days n: Int) -> CivilDate { CivilDate(days: days + n) }

    static func < (a: CivilDate, b: CivilDate) -> Bool { a.days < b.days }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}

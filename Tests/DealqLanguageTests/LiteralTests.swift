import Testing

@testable import DealqLanguage

private func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

@Suite struct NumberLiteralTests {
    @Test(arguments: [
        ("0", 0.0), ("0.7", 0.7), (".5", 0.5), ("100", 100), ("100k", 100_000), ("100K", 100_000),
        ("1.5m", 1_500_000), ("1.5M", 1_500_000), ("$1,200", 1_200), ("1,200", 1_200),
        ("$1,200,000", 1_200_000), ("$100k", 100_000), ("$1.5m", 1_500_000), ("-5", -5),
        ("-$1,200", -1_200), ("12,345.67", 12_345.67), ("999,999k", 999_999_000),
    ])
    func valid(_ text: String, _ expected: Double) {
        #expect(Literal.number(text) == expected)
    }

    @Test(arguments: [
        "", "$", "k", "-", "abc", "1,2", "12,34", "1234,567", ",100", "100,", "1.", "1.2.3", "1e5",
        "$$1", "1kk", "1b", "1 000", "١٢", "--1", "1-", "soon",
    ])
    func invalid(_ text: String) {
        #expect(Literal.number(text) == nil)
    }

    @Test func limits() {
        #expect(Literal.limit("10") == .rows(10))
        #expect(Literal.limit("1,000") == .rows(1_000))
        #expect(Literal.limit("all") == .all)
        #expect(Literal.limit("ALL") == .all)
        for bad in ["0", "-1", "N", "10k", "1.5", "$5", "1000000000", ""] {
            #expect(Literal.limit(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct DateLiteralTests {
    @Test func days() {
        #expect(Literal.date("2025-03-14") == CalendarDate(year: 2025, month: 3, day: 14))
        #expect(Literal.date("2024-02-29") != nil)
        #expect(Literal.date("2000-02-29") != nil)
        for bad in ["2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
                    "0000-01-01", "2025-1-01", "25-01-01", "2025/01/01", "2025-01-01x", "today", "٢٠٢٥-٠١-٠١"] {
            #expect(Literal.date(bad) == nil, "\(bad)")
        }
        #expect(day("2025-03-14").description == "2025-03-14")
        #expect(day("0001-01-01").description == "0001-01-01")
    }

    @Test func periods() {
        #expect(Literal.period("2025-03") == Period(kind: .month, first: day("2025-03-01"), last: day("2025-03-31")))
        #expect(Literal.period("2024-02")?.last == day("2024-02-29"))
        #expect(Literal.period("2025-02")?.last == day("2025-02-28"))
        #expect(Literal.period("2025-Q1") == Period(kind: .quarter, first: day("2025-01-01"), last: day("2025-03-31")))
        #expect(Literal.period("2025-Q2") == Period(kind: .quarter, first: day("2025-04-01"), last: day("2025-06-30")))
        #expect(Literal.period("2025-q3") == Period(kind: .quarter, first: day("2025-07-01"), last: day("2025-09-30")))
        #expect(Literal.period("2025-Q4") == Period(kind: .quarter, first: day("2025-10-01"), last: day("2025-12-31")))
        #expect(Literal.period("2025") == Period(kind: .year, first: day("2025-01-01"), last: day("2025-12-31")))
        #expect(Literal.period("2025-03-14") == Period(kind: .day, first: day("2025-03-14"), last: day("2025-03-14")))
        for bad in ["2025-Q0", "2025-Q5", "2025-13", "2025-00", "2025-3", "25", "0000", "2025-Q", "2025-", "Q3", "2025-03-"] {
            #expect(Literal.period(bad) == nil, "\(bad)")
        }
    }

    @Test func spans() {
        #expect(Literal.span("90d") == RelativeSpan(count: 90, unit: .days))
        #expect(Literal.span("12w") == RelativeSpan(count: 12, unit: .weeks))
        #expect(Literal.span("6m") == RelativeSpan(count: 6, unit: .months))
        #expect(Literal.span("1y") == RelativeSpan(count: 1, unit: .years))
        for bad in ["d", "90", "90D", "-5d", "1.5m", "9999999d", "90x", "d90"] {
            #expect(Literal.span(bad) == nil, "\(bad)")
        }
    }

    @Test func spanStarts() {
        let today = day("2025-03-31")
        #expect(Literal.span("90d")!.start(endingAt: today) == day("2024-12-31"))
        #expect(Literal.span("1d")!.start(endingAt: day("2025-03-01")) == day("2025-02-28"))
        #expect(Literal.span("1d")!.start(endingAt: day("2024-03-01")) == day("2024-02-29"))
        #expect(Literal.span("0d")!.start(endingAt: today) == today)
        #expect(Literal.span("12w")!.start(endingAt: today) == day("2025-01-06"))
        // Months and years go back on the calendar, clamped to the month's end.
        #expect(Literal.span("1m")!.start(endingAt: today) == day("2025-02-28"))
        #expect(Literal.span("1m")!.start(endingAt: day("2024-03-31")) == day("2024-02-29"))
        #expect(Literal.span("6m")!.start(endingAt: day("2025-08-31")) == day("2025-02-28"))
        #expect(Literal.span("3m")!.start(endingAt: day("2025-05-31")) == day("2025-02-28"))
        #expect(Literal.span("13m")!.start(endingAt: day("2025-01-15")) == day("2023-12-15"))
        #expect(Literal.span("1y")!.start(endingAt: day("2024-02-29")) == day("2023-02-28"))
        #expect(Literal.span("4y")!.start(endingAt: day("2024-02-29")) == day("2020-02-29"))
        #expect(Literal.span("1y")!.start(endingAt: today) == day("2024-03-31"))
        #expect(Literal.span("999999y")!.start(endingAt: today) == nil)
    }

    @Test func dateRanges() {
        let today = day("2025-03-31")
        #expect(Literal.dateRange("90d", today: today) == Period(kind: .span, first: day("2024-12-31"), last: today))
        #expect(Literal.dateRange("2025-Q3", today: today)?.first == day("2025-07-01"))
        #expect(Literal.dateRange("soon", today: today) == nil)
    }

    @Test func calendarArithmetic() {
        #expect(day("1970-01-01").daysSinceEpoch == 0)
        #expect(day("2000-03-01").daysSinceEpoch == 11_017)
        #expect(day("0001-01-01").adding(days: -1) == nil)
        #expect(day("9999-12-31").adding(days: 1) == nil)
        #expect(day("2024-12-31").adding(days: 1) == day("2025-01-01"))
        #expect(day("2025-01-31").adding(months: 1) == day("2025-02-28"))
        #expect(day("2025-01-31").adding(months: -2) == day("2024-11-30"))
        #expect(day("2025-01-15").adding(months: Int.max) == nil)
        #expect(day("2025-01-01") < day("2025-01-02"))
        // Round trip over four centuries, leap days included.
        var date = day("1999-12-25")
        for _ in 0..<(365 * 401) {
            let next = date.adding(days: 1)!
            #expect(next.daysSinceEpoch == date.daysSinceEpoch + 1)
            date = next
            if date.day == 1 && date.month == 1 && date.year % 100 != 0 { continue }
        }
        #expect(CalendarDate.isLeapYear(2000) && CalendarDate.isLeapYear(2024))
        #expect(!CalendarDate.isLeapYear(1900) && !CalendarDate.isLeapYear(2025))
    }
}

/// `CalendarDate(_:)` reads a date's bytes directly; it must accept exactly what
/// splitting on `-` and checking each part did (four, two and two ASCII digits
/// naming a real day), which `splitReading` keeps as the oracle.
@Suite struct CalendarDateParsingTests {
    static func splitReading(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Literal.digits(parts[0]), let m = Literal.digits(parts[1]), let d = Literal.digits(parts[2])
        else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    @Test(arguments: [
        "2025-06-30", "2024-02-29", "2025-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-06-00", "0000-01-01",
        "2025-6-30", "2025-06-3", "25-06-30", "2025-06-30 ", " 2025-06-30", "2025/06/30", "2025-06-30-", "2025--6-30",
        "20250630", "2025-06-3x", "+025-06-30", "2025-0a-30", "٢٠٢٥-٠٦-٣٠", "2025\u{2013}06-30", "2025-06-3\u{0301}0",
        "２０２５-06-30", "", "-", "--", "2025-06-30\u{0}", "9999-12-31",
    ])
    func agreesWithSplitting(_ text: String) {
        #expect(CalendarDate(text) == Self.splitReading(text))
    }

    @Test func agreesOnMutatedDates() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-- x٣\u{0301}")
        for _ in 0..<5_000 {
            var characters = Array("2025-06-30")
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: characters[Int.random(in: 0..<characters.count, using: &generator)] = alphabet.randomElement(using: &generator)!
                case 1: characters.insert(alphabet.randomElement(using: &generator)!, at: Int.random(in: 0...characters.count, using: &generator))
                default: if characters.count > 1 { characters.remove(at: Int.random(in: 0..<characters.count, using: &generator)) }
                }
            }
            let text = String(characters)
            #expect(CalendarDate(text) == Self.splitReading(text), "\(text.debugDescription)")
        }
    }
}

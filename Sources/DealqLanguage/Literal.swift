/// Pure interpretations of query values. The parser keeps values as text; the
/// checker, which knows each facet's kind, calls these.
public enum Literal {
    /// A number: optional `-`, optional `$`, digits with optional thousands
    /// commas (`1,200`; groups of three), optional decimals, optional `k`
    /// (×1,000) or `m` (×1,000,000) in either case. `$1,200` → 1200,
    /// `100k` → 100000, `1.5m` → 1500000, `0.7`, `.5`. Nil otherwise.
    public static func number(_ text: String) -> Double? {
        var s = Substring(text)
        var sign = 1.0
        if s.first == "-" {
            sign = -1
            s = s.dropFirst()
        }
        if s.first == "$" { s = s.dropFirst() }
        var multiplier = 1.0
        switch s.last {
        case "k", "K": multiplier = 1_000
        case "m", "M": multiplier = 1_000_000
        default: break
        }
        if multiplier != 1 { s = s.dropLast() }
        let pieces = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : nil
        if let fraction, fraction.isEmpty || digits(fraction) == nil { return nil }
        if whole.isEmpty {
            guard fraction != nil else { return nil }
        } else if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), digits(groups[0]) != nil,
                groups.dropFirst().allSatisfy({ $0.count == 3 && digits($0) != nil })
            else { return nil }
        } else if digits(whole) == nil {
            return nil
        }
        let plain = whole.filter { $0 != "," } + (fraction.map { "." + $0 } ?? "")
        guard let value = Double(plain.isEmpty ? "0" : (plain.hasPrefix(".") ? "0" + plain : plain))
        else { return nil }
        return sign * value * multiplier
    }

    /// A day, exactly `YYYY-MM-DD` (a real calendar day).
    public static func date(_ text: String) -> CalendarDate? {
        CalendarDate(text)
    }

    /// A month `2025-03`, quarter `2025-Q3` (or `q3`), year `2025`, or a single
    /// day `2025-03-14`, as its first and last day. Nil otherwise.
    public static func period(_ text: String) -> Period? {
        if let day = CalendarDate(text) { return Period(kind: .day, first: day, last: day) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 4, let year = digits(parts[0]), (1...9999).contains(year) else { return nil }
        if parts.count == 1 {
            return Period(
                kind: .year, first: CalendarDate(year: year, month: 1, day: 1)!,
                last: CalendarDate(year: year, month: 12, day: 31)!)
        }
        guard parts.count == 2, parts[1].count == 2 else { return nil }
        let tail = parts[1]
        if tail.first == "Q" || tail.first == "q" {
            guard let q = digits(tail.dropFirst()), (1...4).contains(q) else { return nil }
            let lastMonth = q * 3
            return Period(
                kind: .quarter, first: CalendarDate(year: year, month: lastMonth - 2, day: 1)!,
                last: CalendarDate(year: year, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: year))!)
        }
        guard let month = digits(tail), (1...12).contains(month) else { return nil }
        return Period(
            kind: .month, first: CalendarDate(year: year, month: month, day: 1)!,
            last: CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!)
    }

    /// A relative span: a whole number and `d` (days), `w` (weeks), `m`
    /// (calendar months) or `y` (calendar years), lowercase: `90d`, `12w`,
    /// `6m`, `1y`. Nil otherwise.
    public static func span(_ text: String) -> RelativeSpan? {
        guard let unitCharacter = text.last, let unit = RelativeSpan.Unit(rawValue: unitCharacter) else { return nil }
        let number = text.dropLast()
        guard number.count <= 6, let count = digits(number) else { return nil }
        return RelativeSpan(count: count, unit: unit)
    }

    /// Any date-like value as the days it covers: a day, month, quarter or
    /// year, or a relative span (from its start to `today`). Nil otherwise.
    public static func dateRange(_ text: String, today: CalendarDate) -> Period? {
        if let period = period(text) { return period }
        if let span = span(text), let start = span.start(endingAt: today) {
            return Period(kind: .span, first: start, last: today)
        }
        return nil
    }

    /// `limit:` values: a whole number ≥ 1 (at most 9 digits, thousands commas
    /// allowed) or `all` in any case.
    public static func limit(_ text: String) -> Limit? {
        if text.lowercased() == "all" { return .all }
        guard !text.contains("."), !text.contains("$"), !text.hasPrefix("-"),
            text.last.map({ $0.isNumber }) == true,
            let n = number(text), n >= 1, n <= 999_999_999
        else { return nil }
        return .rows(Int(n))
    }

    /// ASCII digits only, as a number (no sign, no spaces); nil otherwise.
    static func digits<S: StringProtocol>(_ s: S) -> Int? {
        guard !s.isEmpty, s.count <= 18, s.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(s)
    }
}

/// A stretch of days given by a date literal, both ends included.
public struct Period: Hashable, Sendable {
    /// What the literal named.
    public enum Kind: String, Hashable, Sendable {
        case day, month, quarter, year
        /// A relative span ending today (`90d`).
        case span
    }

    /// What the literal named.
    public var kind: Kind
    /// The first day.
    public var first: CalendarDate
    /// The last day.
    public var last: CalendarDate

    public init(kind: Kind, first: CalendarDate, last: CalendarDate) {
        self.kind = kind
        self.first = first
        self.last = last
    }
}

/// `90d`, `12w`, `6m`, `1y`: the span ending today.
public struct RelativeSpan: Hashable, Sendable {
    /// Days, weeks (7 days), calendar months, calendar years.
    public enum Unit: Character, Hashable, Sendable {
        case days = "d"
        case weeks = "w"
        case months = "m"
        case years = "y"
    }

    /// How many units.
    public var count: Int
    /// Which unit.
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The first day of the span ending `today`: `today` minus the span; months
    /// and years go back on the calendar with the day clamped to the month's
    /// end (2025-03-31 − 1m = 2025-02-28; 2024-02-29 − 1y = 2023-02-28).
    /// Nil before year 1.
    public func start(endingAt today: CalendarDate) -> CalendarDate? {
        switch unit {
        case .days: return today.adding(days: -count)
        case .weeks: return today.adding(days: -7 * count)
        case .months: return today.adding(months: -count)
        case .years: return today.adding(months: -12 * count)
        }
    }
}

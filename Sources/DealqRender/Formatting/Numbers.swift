// Number formatting shared by the renderers, error messages and reports.
//
// Human forms (`formatMoney`, `formatPercent`, `formatThousands`, `formatDecimal`)
// round for reading; `formatPlainNumber` is exact (shortest round-trip) for machines.
// Human forms write "—" for NaN and infinities.

/// What the human forms print for a value that is not a finite number.
let notANumberText = "—"

/// An integer with thousands separators: `1234567` → `1,234,567`, `-1234` → `-1,234`.
public func formatThousands(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    out.reserveCapacity(digits.count + digits.count / 3 + 1)
    for (offset, digit) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return value < 0 ? "-" + out : out
}

/// A decimal number for reading: thousands separators, at most `maxFractionDigits`
/// decimals, trailing zeros dropped: `1234.5` → `1,234.5`, `3.0` → `3`, `0.125` → `0.13`.
public func formatDecimal(_ value: Double, maxFractionDigits: Int = 2) -> String {
    fixedPoint(value, fractionDigits: maxFractionDigits, trimZeros: true)
}

/// A fraction as a percentage with fixed decimals: `0.4213` → `42.1%`, `1` → `100.0%`.
/// With `signed`, positive values get a `+` (for differences such as lift).
public func formatPercent(_ fraction: Double, decimals: Int = 1, signed: Bool = false) -> String {
    guard fraction.isFinite else { return notANumberText }
    let text = fixedPoint(fraction * 100, fractionDigits: decimals, trimZeros: false)
    return (signed && isPositiveText(text) ? "+" : "") + text + "%"
}

/// A difference of two fractions in percentage points, always signed:
/// `0.052` → `+5.2 pts`, `-0.107` → `-10.7 pts`, `0` → `0.0 pts`.
public func formatPoints(_ difference: Double, decimals: Int = 1) -> String {
    guard difference.isFinite else { return notANumberText }
    let text = fixedPoint(difference * 100, fractionDigits: decimals, trimZeros: false)
    return (isPositiveText(text) ? "+" : "") + text + " pts"
}

/// Money in short form, about three significant digits:
/// `950` → `$950`, `4999` → `$5K`, `12500` → `$12.5K`, `120000` → `$120K`,
/// `1234567` → `$1.2M`, `2000000` → `$2M`, `-5000` → `-$5K`.
/// Below 100 of a unit one decimal is kept (and dropped when it is `.0`);
/// a value that rounds up to 1000 of a unit moves to the next unit (`999500` → `$1M`).
public func formatMoney(_ value: Double) -> String {
    guard value.isFinite else { return notANumberText }
    let magnitude = abs(value)
    let units: [(factor: Double, suffix: String)] = [(1e3, "K"), (1e6, "M"), (1e9, "B"), (1e12, "T")]
    var body = ""
    if magnitude.rounded() < 1000 {
        body = String(Int(magnitude.rounded()))
    } else {
        for (index, unit) in units.enumerated() {
            let scaled = magnitude / unit.factor
            let tenths = (scaled * 10).rounded()
            let text: String
            let shown: Double
            if tenths < 1000 {
                shown = tenths / 10
                text = fixedPoint(shown, fractionDigits: 1, trimZeros: true)
            } else {
                shown = scaled.rounded()
                text = String(format0: shown)
            }
            if shown < 1000 || index == units.count - 1 {
                body = text + unit.suffix
                break
            }
        }
    }
    let negative = value < 0 && body != "0"
    return (negative ? "-$" : "$") + body
}

/// Money with an integer amount.
public func formatMoney(_ value: Int) -> String { formatMoney(Double(value)) }

/// A number exactly, for machines (CSV, JSON): the shortest text that reads back as the
/// same `Double`; integral values without `.0` (`120000`), exponents without `+` or
/// leading zeros (`1e-7`, `1e22`), `-0` as `0`. Nil for NaN and infinities.
public func formatPlainNumber(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    let text = value.description
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
    var mantissa = String(text[..<e])
    if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
    var exponent = Substring(text[text.index(after: e)...])
    var sign = ""
    if exponent.first == "+" { exponent = exponent.dropFirst() }
    if exponent.first == "-" { sign = "-"; exponent = exponent.dropFirst() }
    while exponent.count > 1 && exponent.first == "0" { exponent = exponent.dropFirst() }
    return mantissa + "e" + sign + exponent
}

// MARK: - Helpers

/// Rounds half away from zero to `fractionDigits` decimals and groups thousands.
func fixedPoint(_ value: Double, fractionDigits: Int, trimZeros: Bool) -> String {
    guard value.isFinite else { return notANumberText }
    var scale = 1.0
    for _ in 0..<max(0, fractionDigits) { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e15 else {
        // Too large for exact integer arithmetic: show the plain form.
        return formatPlainNumber(value) ?? notANumberText
    }
    let units = Int64(scaled)
    let divisor = Int64(scale)
    let whole = Int(units / divisor)
    var fraction = ""
    if fractionDigits > 0 {
        fraction = String(units % divisor)
        fraction = String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        if trimZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
    }
    let negative = value < 0 && units != 0
    return (negative ? "-" : "") + formatThousands(whole) + (fraction.isEmpty ? "" : "." + fraction)
}

private func isPositiveText(_ text: String) -> Bool {
    !text.hasPrefix("-") && text.contains(where: { $0 >= "1" && $0 <= "9" })
}

private extension String {
    /// An integral double without decimals.
    init(format0 value: Double) { self = formatThousands(Int(value)) }
}

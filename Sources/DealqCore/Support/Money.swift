import Foundation

/// Money text as the corpus writes it: `120000`, `120000.50`, `"120,000"`,
/// `"$120K"`, `120k`, `"1.2M"`, `"$1.5m"`. Computed in decimal.
public enum Money {
    public enum Reading: Equatable {
        case empty
        case value(Double)
        case negative
        case unreadable
    }

    public static func read(_ raw: String) -> Reading {
        var text = Trimming.trimmed(raw, newlines: false)
        if text.isEmpty { return .empty }
        if text.hasPrefix("-") { return isNumberLike(String(text.dropFirst())) ? .negative : .unreadable }
        text.removeAll { $0 == "$" || $0 == "," }
        text = Trimming.trimmed(text, newlines: false)
        var multiplier: Decimal = 1
        if let last = text.last, last == "k" || last == "K" {
            multiplier = 1_000
            text.removeLast()
        } else if let last = text.last, last == "m" || last == "M" {
            multiplier = 1_000_000
            text.removeLast()
        }
        guard isPlainDecimal(text), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            return .unreadable
        }
        return .value(NSDecimalNumber(decimal: value * multiplier).doubleValue)
    }

    private static func isNumberLike(_ text: String) -> Bool {
        if case .value = read(text) { return true }
        return false
    }

    /// Digits with at most one decimal point and at least one digit.
    static func isPlainDecimal(_ text: String) -> Bool {
        var digits = 0
        var points = 0
        for c in text.utf8 {
            if c >= 0x30 && c <= 0x39 { digits += 1 } else if c == 0x2E { points += 1 } else { return false }
        }
        return digits > 0 && points <= 1
    }
}

import DealqLanguage

/// Writes a value as a YAML scalar that the corpus reader reads back as the
/// same value: plain when that is safe, else double-quoted with escapes.
enum YAMLScalar {
    /// Text for a string field: numbers, dates, booleans and null-like words
    /// are quoted too, so `007` stays the text `007`.
    static func text(_ value: String) -> String {
        needsQuotes(value) ? quoted(value) : value
    }

    /// A custom field's value: a plain number (`42`, `-3.5`) or day
    /// (`2025-03-14`) stays plain so that it is a number or date facet; other
    /// text follows `text`.
    static func custom(_ value: String) -> String {
        if isCanonicalNumber(value) || CalendarDate.isValid(value) { return value }
        return text(value)
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isSpecial(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">",
                                                     "'", "\"", "%", "@", "`", "+", "."]
    private static let words: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]

    static func needsQuotes(_ value: String) -> Bool {
        guard let first = value.first, let last = value.last else { return true }
        if indicators.contains(first) || first.isWhitespace || last.isWhitespace || last == ":" { return true }
        if first.isNumber { return true }
        if words.contains(value.lowercased()) { return true }
        if value.contains(": ") || value.contains(" #") { return true }
        return value.unicodeScalars.contains { isSpecial($0) || $0 == "\n" || $0 == "\t" || $0 == "\r" }
    }

    /// Control characters and the invisible ones YAML would not keep as written.
    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`: read back with the same text.
    static func isCanonicalNumber(_ value: String) -> Bool {
        var text = Substring(value)
        if text.hasPrefix("-") { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        return parts[0] == "0" || !parts[0].hasPrefix("0")
    }
}

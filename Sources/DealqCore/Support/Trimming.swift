/// Whitespace trimming for the corpus reader's hot paths, without Foundation's
/// `CharacterSet` (which costs as much as parsing a quote): the same sets as
/// `.whitespaces` (space separators and tab) and `.whitespacesAndNewlines`
/// (also LF, VT, FF, CR, NEL, line and paragraph separators).
enum Trimming {
    static func trimmed(_ text: String, newlines: Bool) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func plain(_ b: UInt8) -> Bool { b > 0x20 && b < 0x80 }
        if plain(first) && plain(last) { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0, newlines: newlines) }) else { return "" }
        let end = scalars.lastIndex(where: { !isSpace($0, newlines: newlines) })!
        return String(scalars[start...end])
    }

    static func isSpace(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0x200B: return true  // Foundation counts the zero-width space too
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
        case 0..<0x80: return false
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }
}

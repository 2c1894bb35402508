// How many terminal columns text takes: one per grapheme cluster, two for East Asian
// wide and fullwidth characters and emoji, none for control and zero-width characters.

/// The number of terminal columns `text` takes.
public func displayWidth(_ text: String) -> Int {
    var width = 0
    for character in text { width += displayWidth(of: character) }
    return width
}

/// The number of terminal columns one grapheme cluster takes (0, 1 or 2).
public func displayWidth(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    let value = first.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if isWide(value) { return 2 }
    if first.properties.isEmojiPresentation { return 2 }
    // A text-style emoji turned into an emoji by VS16 (e.g. "❤️").
    if first.properties.isEmoji && scalars.contains("\u{FE0F}") { return 2 }
    return 1
}

/// East Asian Wide (W) and Fullwidth (F) blocks, compacted.
func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F,      // Hangul Jamo initials
         0x2E80...0x303E,      // CJK radicals, Kangxi, CJK symbols and punctuation
         0x3041...0x33FF,      // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
         0x3400...0x4DBF,      // CJK extension A
         0x4E00...0x9FFF,      // CJK unified ideographs
         0xA000...0xA4CF,      // Yi
         0xA960...0xA97F,      // Hangul Jamo extended A
         0xAC00...0xD7A3,      // Hangul syllables
         0xF900...0xFAFF,      // CJK compatibility ideographs
         0xFE10...0xFE19,      // vertical forms
         0xFE30...0xFE6F,      // CJK compatibility forms, small form variants
         0xFF00...0xFF60,      // fullwidth forms
         0xFFE0...0xFFE6,      // fullwidth signs
         0x1F300...0x1F64F,    // pictographs, emoticons
         0x1F900...0x1F9FF,    // supplemental symbols and pictographs
         0x20000...0x2FFFD,    // CJK extensions B–F
         0x30000...0x3FFFD:    // CJK extension G
        return true
    default:
        return false
    }
}

/// `text` cut to at most `width` columns, ending in `…` when cut.
public func truncate(_ text: String, toWidth width: Int) -> String {
    StyledText(plain: text).truncated(toWidth: width).plain
}

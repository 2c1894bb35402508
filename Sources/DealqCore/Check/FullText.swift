/// Turns the user's text terms into FTS5 phrases: words are runs of Unicode
/// letters and digits (as the index's `unicode61` tokenizer splits them), each
/// phrase is double-quoted tokens, so no user text is ever FTS5 syntax.
public enum FullText {
    /// The words of `text`, lower-cased.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// `"pol 358"` for `POL-358`; `"implement" *` for `implement*`. Nil when there is no word.
    public static func phrase(_ text: String, prefix: Bool = false) -> String? {
        let tokens = words(text)
        guard !tokens.isEmpty else { return nil }
        return "\"" + tokens.joined(separator: " ") + "\"" + (prefix ? " *" : "")
    }
}

import DealqLanguage

/// The last line of a block quote that a writer meant as its attribution but
/// that the contract does not read as one (it must start with `—`, `–` or
/// `--`): `- Priya Shah, interview, 2025-10-02`, `~ VP Sales, call`, or a bare
/// `Priya Shah, 2025-10-02`. Such a line stays part of the quote's text and
/// the quote has no speaker, source or date.
enum AttributionLookalike {
    static let message = "the quote's last line looks like an attribution but is not read as one "
        + "(it stays part of the quote); write it as '— Speaker, source, YYYY-MM-DD'"

    /// Characters people open an attribution with that are not an em dash, an en dash or `--`.
    static let markers: Set<Character> = ["-", "*", "~", "+", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2015}", "\u{2212}"]

    /// Words of a source part (`interview`, `call`, …).
    static let sourceWords: Set<String> = [
        "interview", "call", "calls", "email", "e-mail", "survey", "demo", "meeting", "chat", "slack", "phone",
        "webinar", "notes", "review", "debrief", "qbr", "gong", "transcript",
    ]

    /// Whether `line` (a block quote's last line without its `>` markers) looks
    /// like an attribution but is not one.
    static func matches(_ line: String) -> Bool {
        let text = Trimming.trimmed(line, newlines: true)
        guard let first = text.first, Body.attributionText(text) == nil else { return false }
        if markers.contains(first) {
            let parts = commaParts(text.dropFirst())
            return parts.contains(where: CalendarDate.isValid) || parts.contains { sourceWords.contains($0.lowercased()) }
        }
        return isNameThenDate(commaParts(Substring(text)))
    }

    /// `Priya Shah, Head of Data, 2025-10-02`: a short capitalised first part
    /// without sentence punctuation, more parts, one of them a date.
    static func isNameThenDate(_ parts: [String]) -> Bool {
        guard parts.count >= 2, let name = parts.first, !CalendarDate.isValid(name),
              parts.dropFirst().contains(where: CalendarDate.isValid),
              name.first?.isUppercase == true,
              name.split(separator: " ").count <= 5,
              !name.contains(where: { ".!?\"\u{201C}\u{201D}".contains($0) }) else { return false }
        return true
    }

    private static func commaParts(_ text: Substring) -> [String] {
        text.split(separator: ",").map { Trimming.trimmed(String($0), newlines: true) }.filter { !$0.isEmpty }
    }
}

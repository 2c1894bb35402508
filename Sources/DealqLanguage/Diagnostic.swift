/// A problem with a query, as data: what, where, and what might help.
///
/// The parser throws one for the first syntax error; later stages (the
/// checker) build their own and may report several. ``render(in:)`` turns it
/// into text:
///
///     error: unknown facet 'competiter' (did you mean 'competitor'?)
///       winrate by competiter
///                  ^^^^^^^^^^
public struct Diagnostic: Error, Hashable, Sendable {
    /// How serious the problem is.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
        case note
    }

    /// Error, warning or note.
    public var severity: Severity
    /// What is wrong, without the "did you mean" part.
    public var message: String
    /// The text the problem is about; an empty range marks a position.
    public var range: SourceRange
    /// A likely intended spelling, shown as "(did you mean 'x'?)".
    public var suggestion: String?
    /// Further lines, each shown as `note: …` below the caret.
    public var notes: [String]

    public init(
        _ severity: Severity = .error, message: String, range: SourceRange,
        suggestion: String? = nil, notes: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.range = range
        self.suggestion = suggestion
        self.notes = notes
    }

    /// The same diagnostic with one more note (none when `note` is nil).
    public func noting(_ note: String?) -> Diagnostic {
        guard let note else { return self }
        var copy = self
        copy.notes.append(note)
        return copy
    }

    /// The headline: the message, with the suggestion when there is one.
    public var fullMessage: String {
        guard let suggestion else { return message }
        return "\(message) (did you mean '\(suggestion)'?)"
    }

    /// The diagnostic as text: the headline, the query line, carets under the
    /// range (columns counted in Characters; tabs kept so carets line up),
    /// then the notes. No trailing newline.
    public func render(in text: String) -> String {
        let source = Source(text)
        let lineRange = source.lineRange(containing: range.lowerBound)
        let line = text[lineRange]
        let start = max(lineRange.lowerBound, min(source.index(at: range.lowerBound), lineRange.upperBound))
        let end = max(start, min(source.index(at: range.upperBound), lineRange.upperBound))
        var padding = ""
        for character in text[lineRange.lowerBound..<start] {
            padding.append(character == "\t" ? "\t" : " ")
        }
        let width = max(1, text[start..<end].count)
        var lines = [
            "\(severity.rawValue): \(fullMessage)",
            "  \(line)",
            "  \(padding)\(String(repeating: "^", count: width))",
        ]
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Line and column (in Characters) where the problem starts.
    public func location(in text: String) -> SourceLocation {
        Source(text).location(of: range.lowerBound)
    }
}

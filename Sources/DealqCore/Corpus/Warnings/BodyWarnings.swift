/// Collects the body's warnings while `Body.read` walks its top-level blocks:
/// attribution look-alikes as each block quote is met, and the first inline
/// quote of a conversation section that turns out to have no block quote.
struct BodyWarnings {
    /// The body's lines, LF-separated, split only when a rule needs to look at them.
    private let markdown: String
    private var lines: [Substring]?
    private let firstLine: Int
    private var found: [(Position, String)] = []

    /// State of the current section.
    private var inConversation = false
    private var sectionHasBlockQuote = false
    private var inlineQuote: Position?
    private var reportedInlineQuote = false

    init(markdown: String, firstLine: Int) {
        self.markdown = markdown
        self.firstLine = firstLine
    }

    mutating func startSection(_ heading: String?) {
        endSection()
        inConversation = heading.map(InlineQuotes.isConversationSection) ?? false
        sectionHasBlockQuote = false
        inlineQuote = nil
    }

    /// A top-level block quote ending on body line `lastLine` (counted from 1).
    mutating func blockQuote(lastLine: Int) {
        sectionHasBlockQuote = true
        guard let raw = line(lastLine) else { return }
        let (content, column) = Self.withoutQuoteMarkers(raw)
        if AttributionLookalike.matches(String(content)) {
            found.append((Position(line: lastLine + firstLine - 1, column: column), AttributionLookalike.message))
        }
    }

    /// A paragraph or list on body lines `range`.
    mutating func text(lines range: ClosedRange<Int>) {
        guard inConversation, !sectionHasBlockQuote, !reportedInlineQuote, inlineQuote == nil else { return }
        for number in range {
            guard let raw = line(number), let column = InlineQuotes.speechColumn(in: raw) else { continue }
            inlineQuote = Position(line: number + firstLine - 1, column: column)
            return
        }
    }

    /// The warnings in file order.
    mutating func finish() -> [(Position, String)] {
        endSection()
        return found.sorted { ($0.0.line, $0.0.column) < ($1.0.line, $1.0.column) }
    }

    private mutating func endSection() {
        if let position = inlineQuote, !sectionHasBlockQuote, !reportedInlineQuote {
            found.append((position, InlineQuotes.message))
            reportedInlineQuote = true
        }
        inlineQuote = nil
    }

    private mutating func line(_ number: Int) -> Substring? {
        if lines == nil {
            lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        }
        guard let lines, number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// A block quote line without its leading `>` markers, and the column its content starts at.
    static func withoutQuoteMarkers(_ line: Substring) -> (Substring, Int) {
        var rest = line
        while true {
            let unindented = rest.drop { $0 == " " || $0 == "\t" }
            guard unindented.first == ">" else { break }
            rest = unindented.dropFirst()
        }
        let content = rest.drop { $0 == " " || $0 == "\t" }
        let column = line.unicodeScalars.distance(from: line.startIndex, to: content.startIndex) + 1
        return (content, column)
    }
}

/// Collects the body's warnings while `Body.read` walks its top-level blocks:
/// attribution look-alikes as each block quote is met, and the first inline
/// quote of a conversation section that turns out to have no block quote.
struct BodyWarnings {
    /// The body; its lines are LF-separated, found only when a rule needs to look at them.
    private let markdown: String
    /// Where each line starts, in UTF-8 bytes (and one past the end: a line ends a byte before the next starts).
    private var lineStarts: [Int]?
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

    /// Body line `number` (from 1) without its LF, as splitting the body at every LF gives it.
    private mutating func line(_ number: Int) -> Substring? {
        if lineStarts == nil {
            var text = markdown
            lineStarts = text.withUTF8 { bytes in
                var starts = [0]
                for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
                starts.append(bytes.count + 1)
                return starts
            }
        }
        guard let starts = lineStarts, number >= 1, number < starts.count else { return nil }
        let utf8 = markdown.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
        let end = utf8.index(utf8.startIndex, offsetBy: starts[number] - 1)
        return Substring(utf8[start..<end])
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

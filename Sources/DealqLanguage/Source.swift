/// A half-open range of a query's text, in UTF-8 code-unit offsets from its start.
///
/// Offsets are cheap to store and compare; line and column are computed only
/// when a diagnostic is printed (see ``Source/location(of:)``).
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// Offset of the first UTF-8 code unit.
    public var lowerBound: Int
    /// Offset one past the last UTF-8 code unit.
    public var upperBound: Int

    /// A range from `lowerBound` up to, not including, `upperBound`.
    public init(_ lowerBound: Int, _ upperBound: Int) {
        precondition(lowerBound <= upperBound, "SourceRange bounds out of order")
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// The empty range at offset 0, used where ranges do not matter.
    public static let zero = SourceRange(0, 0)

    /// True when the range covers no text (a position between characters).
    public var isEmpty: Bool { lowerBound == upperBound }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(lowerBound, other.lowerBound), max(upperBound, other.upperBound))
    }

    public var description: String { "\(lowerBound)..<\(upperBound)" }
}

/// A line and column in a query's text, both counted from 1.
///
/// Columns count Characters (extended grapheme clusters), so `é` written as
/// `e` plus a combining accent, or an emoji with modifiers, is one column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// Line number, from 1.
    public var line: Int
    /// Column number in Characters, from 1.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// The text of a query, with the position arithmetic that diagnostics need.
public struct Source: Hashable, Sendable {
    /// The query text as given.
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The string index for a UTF-8 offset (clamped to the text).
    func index(at offset: Int) -> String.Index {
        let utf8 = text.utf8
        let clamped = max(0, min(offset, utf8.count))
        return utf8.index(utf8.startIndex, offsetBy: clamped)
    }

    /// The text covered by a range.
    public func text(in range: SourceRange) -> Substring {
        text[index(at: range.lowerBound)..<index(at: range.upperBound)]
    }

    /// The range of the line holding `offset`, without its line break.
    func lineRange(containing offset: Int) -> Range<String.Index> {
        let position = index(at: offset)
        var start = position
        while start > text.startIndex {
            let before = text.unicodeScalars.index(before: start)
            if text.unicodeScalars[before] == "\n" { break }
            start = before
        }
        var end = position
        while end < text.endIndex, text.unicodeScalars[end] != "\n" {
            end = text.unicodeScalars.index(after: end)
        }
        if end > start, text.unicodeScalars[text.unicodeScalars.index(before: end)] == "\r" {
            end = text.unicodeScalars.index(before: end)
        }
        return start..<end
    }

    /// The line and column (in Characters) of a UTF-8 offset.
    public func location(of offset: Int) -> SourceLocation {
        let position = index(at: offset)
        let line = text.unicodeScalars[..<position].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let start = lineRange(containing: offset).lowerBound
        return SourceLocation(line: line, column: text[start..<max(start, position)].count + 1)
    }
}

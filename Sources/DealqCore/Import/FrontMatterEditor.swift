/// Edits a deal file's front matter as text, line by line: a value is replaced
/// on its own `key:` line (a comment after it kept), a missing key is inserted
/// at its place, and every other byte of the file stays as it was. The YAML is
/// never re-serialised.
struct FrontMatterEditor {
    enum Failure: Error, Equatable {
        /// The file does not open with a closed front-matter block.
        case notADeal
        /// A mapping written on one line (`crm: {loss_reason: Price}`), which a line edit cannot extend.
        case flowMapping(key: String, line: Int)

        var message: String {
            switch self {
            case .notADeal: return "the file does not open with a closed front matter"
            case .flowMapping(let key, let line):
                return "line \(line): '\(key)' is written on one line; write it as an indented block to let the import update it"
            }
        }
    }

    private var bom: Bool
    /// Every line of the file without its line end, and that line end ("\n", "\r\n" or "" at the very end).
    private var lines: [(content: String, end: String)]
    /// Index of the closing `---` or `...` line.
    private var closing: Int
    /// The line end of inserted lines: the opening line's.
    private let newline: String

    init(text: String) throws(Failure) {
        var bytes = Array(text.utf8)
        bom = bytes.starts(with: DealFile.bom)
        if bom { bytes.removeFirst(3) }
        var lines: [(content: String, end: String)] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            var lineEnd = end < bytes.count ? "\n" : ""
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D, !lineEnd.isEmpty { contentEnd -= 1; lineEnd = "\r\n" }
            lines.append((String(decoding: bytes[start..<contentEnd], as: UTF8.self), lineEnd))
            start = end + 1
        }
        guard lines.first?.content == "---",
              let close = lines.indices.dropFirst().first(where: { lines[$0].content == "---" || lines[$0].content == "..." })
        else { throw .notADeal }
        self.lines = lines
        closing = close
        newline = lines[0].end.isEmpty ? "\n" : lines[0].end
    }

    var text: String {
        (bom ? "\u{FEFF}" : "") + lines.map { $0.content + $0.end }.joined()
    }

    /// Sets a top-level key (`parent` nil) or a key of a top-level mapping to a rendered scalar.
    mutating func set(_ key: String, in parent: String? = nil, to value: String) throws(Failure) {
        guard let parent else {
            if let line = topLevel(key) {
                replaceValue(at: line, indent: 0, key: key, with: value)
            } else {
                insert(["\(key): \(value)"], at: insertionPoint(for: key))
            }
            return
        }
        guard let line = topLevel(parent) else {
            insert(["\(parent):", "  \(key): \(value)"], at: insertionPoint(for: parent))
            return
        }
        let rest = Self.valueText(lines[line].content, after: parent.utf8.count + 1)
        switch rest.value {
        case "", "~", "null", "Null", "NULL", "{}":
            if !rest.value.isEmpty { lines[line].content = parent + ":" + rest.comment }
        default:
            throw .flowMapping(key: parent, line: line + 1)
        }
        let end = blockEnd(after: line, indent: 0)
        let children = (line + 1..<end).filter { !Self.isBlankOrComment(lines[$0].content) }
        let indent = children.first.map { Self.indent(of: lines[$0].content) } ?? 2
        if let child = children.first(where: { Self.indent(of: lines[$0].content) == indent
                                                 && Self.opensKey(key, lines[$0].content.dropFirst(indent)) }) {
            replaceValue(at: child, indent: indent, key: key, with: value)
        } else {
            insert([String(repeating: " ", count: indent) + "\(key): \(value)"], at: end)
        }
    }

    /// Whether a top-level key holds a list or a mapping (flow or block), which a value must not replace.
    func holdsCollection(_ key: String) -> Bool {
        guard let line = topLevel(key) else { return false }
        let value = Self.valueText(lines[line].content, after: key.utf8.count + 1).value
        if value.hasPrefix("[") || value.hasPrefix("{") { return true }
        return value.isEmpty && blockEnd(after: line, indent: 0) > line + 1
    }

    // MARK: - Lines

    /// The line of a top-level `key:` in the front matter.
    private func topLevel(_ key: String) -> Int? {
        (1..<closing).first { Self.opensKey(key, Substring(lines[$0].content)) }
    }

    private static func opensKey(_ key: String, _ line: Substring) -> Bool {
        guard line.hasPrefix(key + ":") else { return false }
        let after = line.dropFirst(key.count + 1)
        return after.isEmpty || after.first == " " || after.first == "\t"
    }

    /// The line after the last one that belongs to the key on `line`: lines
    /// indented deeper (blank ones between them included), and for a top-level
    /// key a block sequence written at its own indent (`- item`).
    private func blockEnd(after line: Int, indent: Int) -> Int {
        var end = line + 1
        var j = line + 1
        while j < closing {
            let content = lines[j].content
            if content.allSatisfy({ $0 == " " || $0 == "\t" }) { j += 1; continue }
            let deeper = Self.indent(of: content) > indent
            let sequenceItem = Self.indent(of: content) == indent && content.dropFirst(indent).hasPrefix("-")
                && !content.dropFirst(indent).hasPrefix("---")
            guard deeper || sequenceItem else { break }
            j += 1
            end = j
        }
        return end
    }

    private mutating func replaceValue(at line: Int, indent: Int, key: String, with value: String) {
        let rest = Self.valueText(lines[line].content, after: indent + key.utf8.count + 1)
        let end = blockEnd(after: line, indent: indent)
        lines[line].content = String(lines[line].content.prefix(indent)) + "\(key): \(value)" + rest.comment
        // A value that ran over several lines (a block scalar, a folded string) is replaced whole.
        if end > line + 1 {
            lines.removeSubrange(line + 1..<end)
            closing -= end - line - 1
        }
    }

    private mutating func insert(_ newLines: [String], at index: Int) {
        lines.insert(contentsOf: newLines.map { ($0, newline) }, at: index)
        closing += newLines.count
    }

    /// Where a missing top-level key goes: after the block of the nearest key
    /// that comes before it in the usual order, else before the nearest one
    /// after it; custom keys and keys with no such neighbour go last.
    private func insertionPoint(for key: String) -> Int {
        guard let position = ImportField.fileOrder.firstIndex(of: key) else { return closing }
        for earlier in ImportField.fileOrder[..<position].reversed() {
            if let line = topLevel(earlier) { return blockEnd(after: line, indent: 0) }
        }
        for later in ImportField.fileOrder[(position + 1)...] {
            if let line = topLevel(later) { return line }
        }
        return closing
    }

    // MARK: - Text

    private static func indent(of line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" }
        return t.isEmpty || t.hasPrefix("#")
    }

    /// The value after `key:` on a line (trimmed, without a comment) and the comment with the spaces before it.
    static func valueText(_ line: String, after prefixLength: Int) -> (value: String, comment: String) {
        let rest = Substring(line).utf8.dropFirst(prefixLength)
        let restText = Substring(rest)
        var inSingle = false, inDouble = false, escaped = false
        var previousIsSpace = true
        var index = restText.startIndex
        while index < restText.endIndex {
            let c = restText[index]
            if inDouble {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inDouble = false }
            } else if inSingle {
                if c == "'" { inSingle = false }
            } else if c == "\"" && previousIsSpace {
                inDouble = true
            } else if c == "'" && previousIsSpace {
                inSingle = true
            } else if c == "#" && previousIsSpace {
                var commentStart = index
                while commentStart > restText.startIndex {
                    let before = restText.index(before: commentStart)
                    guard restText[before] == " " || restText[before] == "\t" else { break }
                    commentStart = before
                }
                return (Self.trimmed(restText[..<commentStart]), String(restText[commentStart...]))
            }
            previousIsSpace = c == " " || c == "\t"
            index = restText.index(after: index)
        }
        return (Self.trimmed(restText), "")
    }

    private static func trimmed(_ text: Substring) -> String {
        Trimming.trimmed(String(text), newlines: false)
    }
}

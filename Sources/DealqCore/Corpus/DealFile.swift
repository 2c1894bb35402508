/// Splits a deal file into front matter and body, by the contract's rules on
/// lines, encodings and delimiters. Works on bytes: no `String` is built for
/// files that are not deals.
struct DealFile: Sendable {
    /// The YAML between the delimiters, lines joined with LF (CRs dropped).
    var frontMatter: String
    /// The markdown after the closing delimiter, CRLF turned into LF.
    var body: String
    /// File line of the first body line.
    var bodyFirstLine: Int

    enum Split {
        case notADeal
        case deal(DealFile)
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// - Throws: `Rejection` when the file opens with `---` but is not valid UTF-8 or not closed.
    static func split(_ bytes: [UInt8]) throws(Rejection) -> Split {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let lines = LineScanner(bytes: bytes, start: start)
        guard let first = lines.line(at: start), lines.equals(first, "---") else { return .notADeal }

        if let bad = firstInvalidUTF8(bytes, from: start) {
            throw Rejection(position: position(ofByte: bad, in: bytes, from: start), message: "file is not valid UTF-8")
        }

        var lineNumber = 1
        var cursor = first.next
        while let line = lines.line(at: cursor) {
            lineNumber += 1
            if lines.equals(line, "---") || lines.equals(line, "...") {
                // The front matter's lines, each ended by LF alone: its bytes, CR LF made LF.
                let yaml = normalizeNewlines(bytes[first.next..<line.content.lowerBound])
                let body = normalizeNewlines(bytes[line.next...])
                return .deal(DealFile(frontMatter: yaml, body: body, bodyFirstLine: lineNumber + 1))
            }
            cursor = line.next
        }
        throw Rejection(position: .start, message: "front matter is not closed (no '---' or '...' line after the opening '---')")
    }

    private static func normalizeNewlines(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x0D) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0x0D, i + 1 < bytes.endIndex, bytes[i + 1] == 0x0A { i += 1; continue }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a file's first bytes open a front matter (a first line that is
    /// exactly `---`, as `split` reads it); `whole` when they are the whole file.
    static func opensFrontMatter(_ head: [UInt8], whole: Bool) -> Bool {
        let start = head.starts(with: bom) ? 3 : 0
        let lines = LineScanner(bytes: head, start: start)
        guard let first = lines.line(at: start), lines.equals(first, "---") else { return false }
        // Unless the file ends there, the line must end with a newline within the bytes given.
        return whole || (first.next > first.content.upperBound && head[first.next - 1] == 0x0A)
    }

    /// Offset of the first byte that is not part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            // Eight ASCII bytes at a time: most of a deal is ASCII.
            if i + 8 <= n, bytes.withUnsafeBytes({ $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= minSecond, second <= maxSecond else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Line and column (in Unicode scalars) of a byte offset; the bytes before it are valid UTF-8.
    static func position(ofByte offset: Int, in bytes: [UInt8], from start: Int) -> Position {
        var line = 1
        var lineStart = start
        for i in start..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return Position(line: line, column: column)
    }
}

/// Finds lines in a byte buffer: content without the LF and without a trailing CR.
struct LineScanner {
    let bytes: [UInt8]
    let start: Int

    struct Line {
        var content: Range<Int>
        /// Offset of the next line's first byte.
        var next: Int
    }

    func line(at offset: Int) -> Line? {
        guard offset < bytes.count else { return nil }
        var end = offset
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let next = end < bytes.count ? end + 1 : end
        var contentEnd = end
        if contentEnd > offset, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return Line(content: offset..<contentEnd, next: next)
    }

    func equals(_ line: Line, _ text: StaticString) -> Bool {
        guard line.content.count == text.utf8CodeUnitCount else { return false }
        let p = text.utf8Start
        for (k, i) in line.content.enumerated() where bytes[i] != p[k] { return false }
        return true
    }
}

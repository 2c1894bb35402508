/// Splits a query into tokens, one at a time, the way `grammar/query.lark` does.
///
/// What a character means depends on where it is: after `acv>` comes a value
/// (`100k`), after `by` a facet name, elsewhere a term. The lexer keeps that
/// little state itself, so the parser sees a plain token stream. It works on
/// Unicode scalars, as the grammar's regular expressions do, and records
/// UTF-8 offsets.
public struct Lexer: Sendable {
    private enum Mode: Sendable {
        case term, valueStart, afterValue, byName, afterByName
    }

    private let scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar, plus one for the end.
    private let offsets: [Int]
    private var position = 0
    private var mode = Mode.term
    private var atStart = true

    /// A lexer positioned at the start of `text`.
    public init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    /// Every token of `text`, ending with `.end`; throws the first lexical error.
    public static func tokenize(_ text: String) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// The next token; `.end` at the end of the text, again and again.
    public mutating func next() throws(Diagnostic) -> Token {
        let token = try scan()
        if token.kind != .end { atStart = false }
        return token
    }

    // MARK: - Modes

    private mutating func scan() throws(Diagnostic) -> Token {
        switch mode {
        case .term:
            return try scanTerm()
        case .valueStart:
            if let token = try scanValuePart(allowValue: true) { return token }
        case .afterValue:
            if let token = try scanValuePart(allowValue: false) { return token }
        case .byName:
            skipWhitespace()
            if let end = nameEnd(from: position), isNameBoundary(at: end) {
                mode = .afterByName
                return take(.byName, to: end)
            }
            if position < scalars.count, scalars[position] == "," {
                mode = .byName
                return take(.byComma, to: position + 1)
            }
        case .afterByName:
            skipWhitespace()
            if position < scalars.count, scalars[position] == "," {
                mode = .byName
                return take(.byComma, to: position + 1)
            }
        }
        mode = .term
        return try scanTerm()
    }

    /// A value, `,` or `..` glued to what came before; nil to go back to terms.
    private mutating func scanValuePart(allowValue: Bool) throws(Diagnostic) -> Token? {
        guard position < scalars.count else { return nil }
        let c = scalars[position]
        if c == "," {
            mode = .valueStart
            return take(.valueComma, to: position + 1)
        }
        if c == ".", position + 1 < scalars.count, scalars[position + 1] == "." {
            mode = .valueStart
            return take(.rangeDots, to: position + 2)
        }
        guard allowValue else { return nil }
        if c == "\"" {
            let (content, end) = try scanQuoted()
            mode = .afterValue
            return Token(kind: .value(quoted: true), text: content, range: range(position, end))
                .consuming(&position, to: end)
        }
        let end = bareValueEnd(from: position)
        guard end > position else { return nil }
        mode = .afterValue
        return take(.value(quoted: false), to: end)
    }

    private mutating func scanTerm() throws(Diagnostic) -> Token {
        skipWhitespace()
        guard position < scalars.count else {
            return Token(kind: .end, text: "", range: range(position, position))
        }
        let c = scalars[position]
        switch c {
        case "(":
            return take(.leftParen, to: position + 1)
        case ")":
            return take(.rightParen, to: position + 1)
        case "\"":
            let (content, end) = try scanQuoted()
            return Token(kind: .phrase, text: content, range: range(position, end))
                .consuming(&position, to: end)
        case "-":
            let next = position + 1
            guard next < scalars.count, !Self.isWhitespace(scalars[next]), scalars[next] != ")" else {
                throw SyntaxError.danglingMinus.at(range(position, position + 1))
            }
            return take(.minus, to: next)
        default:
            break
        }
        if let nameEnd = nameEnd(from: position), let op = facetOperator(at: nameEnd) {
            let name = string(position, nameEnd)
            let end = nameEnd + op.rawValue.unicodeScalars.count
            mode = .valueStart
            return Token(kind: .facet(op), text: name, range: range(position, end))
                .consuming(&position, to: end)
        }
        let end = wordEnd(from: position)
        let word = string(position, end)
        switch word {
        case "and", "AND": return take(.and, to: end)
        case "or", "OR": return take(.or, to: end)
        case "not", "NOT": return take(.not, to: end)
        case "by":
            mode = .byName
            return take(.by, to: end)
        default:
            break
        }
        if atStart, let verb = Verb(rawValue: word) {
            return take(.verb(verb), to: end)
        }
        for op in [">=", "<=", "!=", ":", ">", "<", "="] where word.hasPrefix(op) {
            throw SyntaxError.operatorWithoutFacet(op)
                .at(range(position, position + op.unicodeScalars.count))
        }
        if c == "*" { throw SyntaxError.misplacedStar.at(range(position, position + 1)) }
        if c == "," { throw SyntaxError.misplacedComma.at(range(position, position + 1)) }
        if scalars[end - 1] == "*" {
            let token = Token(kind: .prefix, text: string(position, end - 1), range: range(position, end))
            position = end
            return token
        }
        return take(.word, to: end)
    }

    // MARK: - Pieces

    /// Scans `"…"` at `position`; returns the content and the offset after the closing quote.
    private func scanQuoted() throws(Diagnostic) -> (String, Int) {
        var end = position + 1
        while end < scalars.count, scalars[end] != "\"" { end += 1 }
        guard end < scalars.count else {
            throw SyntaxError.unterminatedQuote.at(range(position, position + 1))
        }
        guard end > position + 1 else {
            throw SyntaxError.emptyQuotes.at(range(position, end + 1))
        }
        return (string(position + 1, end), end + 1)
    }

    /// End of a facet name starting at `start` (ASCII, dot-separated parts), if any.
    private func nameEnd(from start: Int) -> Int? {
        guard start < scalars.count, Self.isNameStart(scalars[start]) else { return nil }
        var i = start + 1
        while true {
            while i < scalars.count, Self.isNameChar(scalars[i]) { i += 1 }
            if i + 1 < scalars.count, scalars[i] == ".", Self.isNameStart(scalars[i + 1]) {
                i += 2
            } else {
                return i
            }
        }
    }

    /// The facet operator at `i`, longest first.
    private func facetOperator(at i: Int) -> FacetOperator? {
        guard i < scalars.count else { return nil }
        let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
        switch (scalars[i], next) {
        case (">", "="): return .greaterOrEqual
        case ("<", "="): return .lessOrEqual
        case ("!", "="): return .notEqual
        case (">", _): return .greater
        case ("<", _): return .less
        case ("=", _): return .equal
        case (":", _): return .colon
        default: return nil
        }
    }

    /// True at the end or before whitespace, `(`, `)`, `"` or `,`.
    private func isNameBoundary(at i: Int) -> Bool {
        i >= scalars.count || Self.isDelimiter(scalars[i]) || scalars[i] == ","
    }

    private func wordEnd(from start: Int) -> Int {
        var i = start
        while i < scalars.count, !Self.isDelimiter(scalars[i]) { i += 1 }
        return i
    }

    private func bareValueEnd(from start: Int) -> Int {
        var i = start
        while i < scalars.count {
            let c = scalars[i]
            if Self.isDelimiter(c) { break }
            if c == "." {
                if i + 1 < scalars.count, scalars[i + 1] == "." { break }
            } else if c == "," {
                if !isThousandsComma(at: i) { break }
            }
            i += 1
        }
        return i
    }

    /// A `,` between a digit and exactly three digits.
    private func isThousandsComma(at i: Int) -> Bool {
        guard i > 0, Self.isDigit(scalars[i - 1]) else { return false }
        for k in 1...3 {
            guard i + k < scalars.count, Self.isDigit(scalars[i + k]) else { return false }
        }
        return !(i + 4 < scalars.count && Self.isDigit(scalars[i + 4]))
    }

    private mutating func skipWhitespace() {
        while position < scalars.count, Self.isWhitespace(scalars[position]) { position += 1 }
    }

    private mutating func take(_ kind: Token.Kind, to end: Int) -> Token {
        let token = Token(kind: kind, text: string(position, end), range: range(position, end))
        position = end
        return token
    }

    private func string(_ start: Int, _ end: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }

    private func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(offsets[start], offsets[end])
    }

    // MARK: - Character classes (kept identical to grammar/query.lark)

    /// Unicode White_Space.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Whitespace, `(`, `)` and `"` end words and values.
    static func isDelimiter(_ c: Unicode.Scalar) -> Bool {
        c == "(" || c == ")" || c == "\"" || isWhitespace(c)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || isDigit(c) || c == "-"
    }
}

extension Token {
    /// Returns the token after moving `position` to `end`.
    fileprivate func consuming(_ position: inout Int, to end: Int) -> Token {
        position = end
        return self
    }
}

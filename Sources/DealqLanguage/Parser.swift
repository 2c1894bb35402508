/// Parses one query. Throws a ``Diagnostic`` for the first syntax error.
///
/// Syntax only: unknown facets, values that do not fit a facet's kind
/// (`acv:abc`), or `limit:N` are left to the checker.
public func parseQuery(_ text: String) throws(Diagnostic) -> Query {
    var parser = Parser(text)
    return try parser.parseQuery()
}

/// A recursive-descent parser over ``Lexer`` tokens, one token of lookahead.
///
/// Precedence, tightest first: `-`/`not`, `or`, `and` (written or implied).
public struct Parser: Sendable {
    /// Parentheses and negations deeper than this are an error (the parser,
    /// the printer and later stages recurse).
    public static let maximumDepth = 100

    private static let reservedFilters: Set<String> = ["has", "since", "before"]
    private static let optionNames: Set<String> = ["sort", "limit", "weight", "in"]

    private var lexer: Lexer
    private var token = Token(kind: .end, text: "", range: .zero)
    private var depth = 0
    /// Where the last consumed token ended.
    private var lastEnd = 0
    private let source: Source

    /// A parser for `text`.
    public init(_ text: String) {
        lexer = Lexer(text)
        source = Source(text)
    }

    /// Parses the whole text as a query.
    public mutating func parseQuery() throws(Diagnostic) -> Query {
        try advance()
        var query = Query(range: SourceRange(0, source.text.utf8.count))
        if case .verb(let verb) = token.kind {
            query.verb = verb
            query.verbRange = token.range
            try advance()
        }
        while token.kind != .end {
            switch token.kind {
            case .by:
                query.groupBy += try parseGroupBy()
            case .facet(let op) where Self.optionNames.contains(token.text.lowercased()):
                try parseOption(op, into: &query.options)
            case .rightParen:
                throw SyntaxError.unmatchedRightParen.at(token.range)
            case .and, .or:
                throw SyntaxError.missingFilterBefore(token.text).at(token.range)
            default:
                query.filters += try parseConjunction()
            }
        }
        return query
    }

    // MARK: - Clauses

    private mutating func parseGroupBy() throws(Diagnostic) -> [FacetName] {
        var names: [FacetName] = []
        var previous = token
        try advance()
        while true {
            guard token.kind == .byName else {
                throw SyntaxError.missingFacetName(after: previous.text).at(previous.range)
            }
            names.append(FacetName(token.text, range: token.range))
            try advance()
            guard token.kind == .byComma else { return names }
            previous = token
            try advance()
        }
    }

    private mutating func parseOption(_ op: FacetOperator, into options: inout Options) throws(Diagnostic) {
        let name = token.text.lowercased()
        let start = token
        guard op == .colon else {
            throw SyntaxError.reservedNeedsColon(token.text).at(token.range)
        }
        let duplicate: Bool
        switch name {
        case "sort": duplicate = options.sort != nil
        case "limit": duplicate = options.limit != nil
        case "in": duplicate = options.compared != nil
        default: duplicate = options.weight != nil
        }
        if duplicate { throw SyntaxError.duplicateOption(name).at(token.range) }
        try advance()
        guard case .value(quoted: false) = token.kind else {
            if case .value = token.kind {
                throw SyntaxError.optionTakesOneValue(name).at(token.range)
            }
            if token.kind == .valueComma || token.kind == .rangeDots {
                throw SyntaxError.optionTakesOneValue(name).at(token.range)
            }
            throw SyntaxError.missingOptionValue(name).at(start.range)
                .noting(spaceNote(after: start.text + ":", at: start.range))
        }
        let value = token
        try advance()
        if token.kind == .valueComma || token.kind == .rangeDots {
            throw SyntaxError.optionTakesOneValue(name).at(token.range)
        }
        let range = start.range.union(value.range)
        if name == "sort" {
            var field = value.text
            var ascending = false
            var fieldRange = value.range
            if field.unicodeScalars.count > 4, field.lowercased().hasSuffix("-asc") {
                field = String(field.dropLast(4))
                ascending = true
                fieldRange = SourceRange(value.range.lowerBound, value.range.upperBound - 4)
            }
            options.sort = SortOption(field: field, ascending: ascending, fieldRange: fieldRange, range: range)
        } else if name == "limit" {
            options.limit = LimitOption(
                value: Value(value.text, isQuoted: false, range: value.range), range: range)
        } else if name == "in" {
            options.compared = WeightOption(value: Value(value.text, isQuoted: false, range: value.range), range: range)
        } else {
            options.weight = WeightOption(value: Value(value.text, isQuoted: false, range: value.range), range: range)
        }
    }

    // MARK: - Filters

    /// `disjunction { [and] disjunction }` is handled by the callers' loops;
    /// this parses `disjunction { and disjunction }` and returns the terms.
    private mutating func parseConjunction() throws(Diagnostic) -> [Filter] {
        var terms = [try parseDisjunction()]
        while token.kind == .and {
            let keyword = token
            try advance()
            try expectFilter(after: keyword)
            terms.append(try parseDisjunction())
        }
        return terms
    }

    private mutating func parseDisjunction() throws(Diagnostic) -> Filter {
        let start = token.range.lowerBound
        let first = try parseUnary()
        guard token.kind == .or else { return first }
        var terms = [first]
        while token.kind == .or {
            let keyword = token
            try advance()
            try expectFilter(after: keyword)
            terms.append(try parseUnary())
        }
        return .or(terms, SourceRange(start, lastEnd))
    }

    /// Reports what is missing when the current token cannot start a filter.
    private func expectFilter(after keyword: Token) throws(Diagnostic) {
        switch token.kind {
        case .end, .rightParen, .and, .or, .by:
            throw SyntaxError.missingFilterAfter(keyword.text).at(keyword.range)
        case .facet where Self.optionNames.contains(token.text.lowercased()):
            throw SyntaxError.optionNotAtTopLevel(token.text.lowercased()).at(token.range)
        default:
            return
        }
    }

    private mutating func parseUnary() throws(Diagnostic) -> Filter {
        let start = token
        switch token.kind {
        case .minus, .not:
            try enter(start)
            defer { depth -= 1 }
            try advance()
            try expectFilter(after: start)
            let operand = try parseUnary()
            // Up to the last token read, so `-(a or b)` includes its `)`.
            return .not(operand, SourceRange(start.range.lowerBound, lastEnd))
        case .leftParen:
            try enter(start)
            defer { depth -= 1 }
            return try parseGroup()
        case .word:
            try advance()
            return .text(TextTerm(kind: .word, text: start.text, range: start.range))
        case .prefix:
            try advance()
            return .text(TextTerm(kind: .prefix, text: start.text, range: start.range))
        case .phrase:
            try advance()
            return .text(TextTerm(kind: .phrase, text: start.text, range: start.range))
        case .facet(let op):
            return try parseFacetFilter(op)
        case .by:
            throw SyntaxError.byNotAtTopLevel.at(token.range)
        case .rightParen:
            throw SyntaxError.unmatchedRightParen.at(token.range)
        case .and, .or:
            throw SyntaxError.missingFilterBefore(token.text).at(token.range)
        case .verb, .value, .valueComma, .rangeDots, .byName, .byComma, .end:
            // The lexer yields these only where the grammar expects them.
            throw Diagnostic(message: "unexpected '\(token.text)'", range: token.range)
        }
    }

    private mutating func enter(_ token: Token) throws(Diagnostic) {
        depth += 1
        if depth > Self.maximumDepth { throw SyntaxError.nestedTooDeeply.at(token.range) }
    }

    private mutating func parseGroup() throws(Diagnostic) -> Filter {
        let open = token
        try advance()
        var terms: [Filter] = []
        while true {
            switch token.kind {
            case .rightParen:
                guard !terms.isEmpty else {
                    throw SyntaxError.emptyParentheses.at(open.range.union(token.range))
                }
                let range = open.range.union(token.range)
                try advance()
                return terms.count == 1 ? terms[0] : .and(terms, range)
            case .end:
                throw SyntaxError.unclosedLeftParen.at(open.range)
            case .by:
                throw SyntaxError.byNotAtTopLevel.at(token.range)
            case .facet where Self.optionNames.contains(token.text.lowercased()):
                throw SyntaxError.optionNotAtTopLevel(token.text.lowercased()).at(token.range)
            default:
                terms += try parseConjunction()
            }
        }
    }

    private mutating func parseFacetFilter(_ op: FacetOperator) throws(Diagnostic) -> Filter {
        let head = token
        let name = head.text.lowercased()
        if Self.optionNames.contains(name) {
            throw SyntaxError.optionNotAtTopLevel(name).at(head.range)
        }
        let reserved = Self.reservedFilters.contains(name)
        if reserved, op != .colon {
            throw SyntaxError.reservedNeedsColon(head.text).at(head.range)
        }
        try advance()
        let facet = FacetName(head.text, range: SourceRange(head.range.lowerBound, head.range.upperBound - op.rawValue.utf8.count))
        let test = try parseFacetTest(op, head: head)
        let range = head.range.union(test.range)
        guard reserved else {
            return .facet(FacetFilter(facet: facet, test: test.test, range: range))
        }
        guard case .oneOf(let values) = test.test, values.count == 1 else {
            if name == "has" { throw SyntaxError.hasNeedsFacetName.at(test.range) }
            throw SyntaxError.takesOneValue(name).at(test.range)
        }
        let value = values[0]
        switch name {
        case "has":
            guard !value.isQuoted, Self.isFacetName(value.text) else {
                throw SyntaxError.hasNeedsFacetName.at(value.range)
            }
            return .has(FacetName(value.text, range: value.range), range)
        case "since":
            return .since(value, range)
        default:
            return .before(value, range)
        }
    }

    /// The values after a facet operator, and the range they cover.
    private mutating func parseFacetTest(
        _ op: FacetOperator, head: Token
    ) throws(Diagnostic) -> (test: FacetTest, range: SourceRange) {
        var lower: Value?
        if case .value(let quoted) = token.kind {
            lower = Value(token.text, isQuoted: quoted, range: token.range)
            try advance()
        } else if token.kind != .rangeDots {
            throw SyntaxError.missingValue(after: head.text + op.rawValue).at(head.range)
                .noting(spaceNote(after: head.text + op.rawValue, at: head.range))
        }
        if let comparison = op.comparison {
            switch token.kind {
            case .valueComma: throw SyntaxError.comparisonWithList(op.rawValue).at(token.range)
            case .rangeDots: throw SyntaxError.comparisonWithRange(op.rawValue).at(token.range)
            default: return (.compare(comparison, lower!), lower!.range)
            }
        }
        if token.kind == .rangeDots {
            let dots = token
            try advance()
            var upper: Value?
            if case .value(let quoted) = token.kind {
                upper = Value(token.text, isQuoted: quoted, range: token.range)
                try advance()
            } else if lower == nil {
                throw SyntaxError.missingValue(after: "..").at(dots.range)
            }
            switch token.kind {
            case .rangeDots: throw SyntaxError.tooManyRangeEnds.at(token.range)
            case .valueComma: throw SyntaxError.rangeInList.at(token.range)
            default: break
            }
            let start = lower?.range ?? dots.range
            return (.range(lower: lower, upper: upper), start.union(upper?.range ?? dots.range))
        }
        var values = [lower!]
        while token.kind == .valueComma {
            let comma = token
            try advance()
            guard case .value(let quoted) = token.kind else {
                throw SyntaxError.missingValue(after: ",").at(comma.range)
            }
            values.append(Value(token.text, isQuoted: quoted, range: token.range))
            try advance()
            if token.kind == .rangeDots { throw SyntaxError.rangeInList.at(token.range) }
        }
        return (.oneOf(values), values[0].range.union(values[values.count - 1].range))
    }

    // MARK: - Helpers

    /// A note for `outcome: won`: the value came, after a space.
    private func spaceNote(after head: String, at range: SourceRange) -> String? {
        guard token.range.lowerBound > range.upperBound else { return nil }
        switch token.kind {
        case .word, .prefix, .phrase, .facet, .minus:
            let next = source.text(in: token.range)
            return "no space may follow '\(head)'; write '\(head)\(next)'"
        default:
            return nil
        }
    }

    private mutating func advance() throws(Diagnostic) {
        lastEnd = token.range.upperBound
        token = try lexer.next()
    }

    /// An ASCII facet name: letters, digits, `_`, `-` in dot-separated parts.
    static func isFacetName(_ text: String) -> Bool {
        var atPartStart = true
        for c in text.unicodeScalars {
            if atPartStart {
                guard Lexer.isNameStart(c) else { return false }
                atPartStart = false
            } else if c == "." {
                atPartStart = true
            } else if !Lexer.isNameChar(c) {
                return false
            }
        }
        return !atPartStart
    }
}

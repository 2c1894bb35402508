import DealqLanguage

/// A named query kept in the corpus's `dealq-queries.yml`, with parameters.
///
/// The query is a template: `$name` (a letter or `_`, then letters, digits
/// or `_`) outside double quotes is a parameter. `$100k` is a number, not a
/// parameter, and `"$x"` is the text `$x`. ``expand(_:)`` substitutes values
/// written so that they stay one value: a word of letters, digits, `.`, `-`,
/// `_` or `$` is written as it is (so `by $facet`, `sort:$column` and
/// `acv>$min` work); anything else is quoted (`"Acme Analytics"`), so a value
/// can never add filters, operators or options to the query.
public struct SavedQuery: Sendable, Equatable {
    /// A parameter: its name (without `$`) and its default, if any.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        /// nil: the parameter must be given.
        public var defaultValue: String?

        public init(name: String, defaultValue: String? = nil) {
            self.name = name
            self.defaultValue = defaultValue
        }
    }

    public var name: String
    public var description: String?
    /// The query text with `$parameters`.
    public var query: String
    /// The parameters in the order they first appear in the query, then any
    /// declared under `params:` but not used (which ``validate()`` reports).
    public var parameters: [Parameter]
    /// Where the entry starts in its file (the line of its name), counted from 1.
    public var line: Int
    /// The file the query came from, relative to the corpus root.
    public var path: String

    /// Where the query text starts in the file, and whether columns inside it
    /// can be counted from there (a one-line scalar written without escapes).
    var queryPosition: (line: Int, column: Int, exact: Bool)?
    /// Positions of declared defaults, for errors about them.
    var defaultPositions: [String: (line: Int, column: Int)] = [:]

    public init(name: String, description: String? = nil, query: String, defaults: [String: String] = [:],
                line: Int = 0, path: String = SavedQueries.fileName) {
        self.name = name
        self.description = description
        self.query = query
        self.line = line
        self.path = path
        var parameters = Self.parameterNames(in: query).map { Parameter(name: $0, defaultValue: defaults[$0]) }
        for key in defaults.keys.sorted() where !parameters.contains(where: { $0.name == key }) {
            parameters.append(Parameter(name: key, defaultValue: defaults[key]))
        }
        self.parameters = parameters
    }

    public static func == (a: SavedQuery, b: SavedQuery) -> Bool {
        a.name == b.name && a.description == b.description && a.query == b.query && a.parameters == b.parameters
            && a.line == b.line && a.path == b.path
    }

    // MARK: - Expanding

    /// The query with every parameter replaced by its value from `arguments`,
    /// or else its default.
    ///
    /// Throws, in this order: the query itself is broken (``validate()``); an
    /// argument names no parameter (with "did you mean"); a parameter without
    /// default has no value; a value is empty or holds a `"`.
    public func expand(_ arguments: [String: String]) throws(SavedQueryError) -> String {
        try validate()
        for key in arguments.keys.sorted() where !parameters.contains(where: { $0.name == key }) {
            throw SavedQueryError(.unknownParameter(query: name, parameter: key,
                                                    suggestion: Suggest.closest(to: key, among: parameters.map(\.name))))
        }
        var values: [String: String] = [:]
        for parameter in parameters {
            guard let value = arguments[parameter.name] ?? parameter.defaultValue else {
                throw SavedQueryError(.missingParameter(query: name, parameter: parameter.name))
            }
            guard let written = Self.written(value) else {
                throw SavedQueryError(.invalidValue(query: name, parameter: parameter.name, value: value))
            }
            values[parameter.name] = written
        }
        return substitute(values).text
    }

    /// Checks the query: every parameter declared under `params:` is used, every
    /// default can be written into the query, and the query parses with the
    /// defaults (and a placeholder for each parameter without one). Errors
    /// point into the file when the query came from one.
    public func validate() throws(SavedQueryError) {
        let used = Set(Self.parameterNames(in: query))
        for parameter in parameters {
            if !used.contains(parameter.name) {
                let at = defaultPositions[parameter.name]
                throw SavedQueryError(.invalidFile(message: "parameter '\(parameter.name)' of saved query '\(name)' is not used in its query"),
                                      path: located ? path : nil, line: at?.line, column: at?.column)
            }
            if let value = parameter.defaultValue, Self.written(value) == nil {
                let at = defaultPositions[parameter.name]
                throw SavedQueryError(.invalidValue(query: name, parameter: parameter.name, value: value),
                                      path: located ? path : nil, line: at?.line ?? line, column: at?.column)
            }
        }
        var firstFailure: (Diagnostic, Substitution)?
        for placeholder in ["x", "1"] {
            var values: [String: String] = [:]
            for parameter in parameters {
                values[parameter.name] = parameter.defaultValue.flatMap(Self.written) ?? placeholder
            }
            let substitution = substitute(values)
            do {
                _ = try parseQuery(substitution.text)
                return
            } catch {
                if firstFailure == nil { firstFailure = (error, substitution) }
            }
        }
        guard let (diagnostic, substitution) = firstFailure else { return }
        let offset = substitution.templateOffset(ofUTF8: diagnostic.range.lowerBound)
        var failure = SavedQueryError(.brokenQuery(name: name, message: diagnostic.fullMessage))
        if located {
            failure.path = path
            if let start = queryPosition {
                failure.line = start.line
                failure.column = start.exact ? start.column + offset : start.column
            } else {
                failure.line = line
            }
        }
        throw failure
    }

    /// True when the query was read from a file (errors then carry its location).
    private var located: Bool { line > 0 }

    // MARK: - Parameters and values

    /// The `$names` of a template in order of first appearance, without `$`.
    public static func parameterNames(in template: String) -> [String] {
        var names: [String] = []
        for piece in pieces(of: template) {
            if case .parameter(let name, _) = piece, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// How `value` is written into a query: as it is when it is one plain word,
    /// quoted otherwise; nil when it cannot be written (empty, or holding `"`).
    public static func written(_ value: String) -> String? {
        if value.isEmpty || value.contains("\"") { return nil }
        return isPlainWord(value) ? value : "\"\(value)\""
    }

    /// Letters, digits, `.`, `-`, `_`, `$`; starting with a letter, digit, `_`
    /// or `$`; no `..`; not a keyword.
    static func isPlainWord(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first != "-", first != "." else { return false }
        if value.contains("..") { return false }
        if ["and", "AND", "or", "OR", "not", "NOT", "by"].contains(value) { return false }
        return value.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "-" || c == "_" || c == "$"
        }
    }

    /// Parses `name=value` arguments (as typed after `dealq run NAME`).
    public static func arguments(from words: [String]) throws(SavedQueryError) -> [String: String] {
        var result: [String: String] = [:]
        for word in words {
            guard let equals = word.firstIndex(of: "=") else { throw SavedQueryError(.malformedArgument(argument: word)) }
            var key = String(word[..<equals])
            if key.hasPrefix("$") { key.removeFirst() }
            guard !key.isEmpty else { throw SavedQueryError(.malformedArgument(argument: word)) }
            guard result[key] == nil else { throw SavedQueryError(.repeatedArgument(parameter: key)) }
            result[key] = String(word[word.index(after: equals)...])
        }
        return result
    }

    // MARK: - Substitution

    enum Piece {
        case text(String)
        /// A parameter and its length in the template, `$` included, in Unicode scalars.
        case parameter(String, length: Int)
    }

    /// The template cut into literal text and `$parameters` (outside double quotes).
    static func pieces(of template: String) -> [Piece] {
        let scalars = Array(template.unicodeScalars)
        var pieces: [Piece] = []
        var literal = String.UnicodeScalarView()
        var quoted = false
        var i = 0
        func isStart(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        func isPart(_ c: Unicode.Scalar) -> Bool { isStart(c) || ("0"..."9").contains(c) }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\"" { quoted.toggle() }
            if !quoted, c == "$", i + 1 < scalars.count, isStart(scalars[i + 1]) {
                var end = i + 2
                while end < scalars.count, isPart(scalars[end]) { end += 1 }
                if !literal.isEmpty {
                    pieces.append(.text(String(literal)))
                    literal = String.UnicodeScalarView()
                }
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[(i + 1)..<end])
                pieces.append(.parameter(String(name), length: end - i))
                i = end
                continue
            }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { pieces.append(.text(String(literal))) }
        return pieces
    }

    /// An expanded text and how its offsets map back to the template.
    struct Substitution {
        var text = ""
        /// (UTF-8 offset in `text`, scalar offset in the template, is a parameter, UTF-8 length in `text`).
        var spans: [(expanded: Int, template: Int, parameter: Bool, length: Int)] = []

        /// The template offset (in Unicode scalars) for a UTF-8 offset of `text`:
        /// inside a substituted value, the `$` of its parameter.
        func templateOffset(ofUTF8 offset: Int) -> Int {
            var last = (expanded: 0, template: 0, parameter: false, length: 0)
            for span in spans where span.expanded <= offset { last = span }
            if last.parameter { return last.template + (offset >= last.expanded + last.length ? 1 : 0) }
            let utf8 = Array(text.utf8)
            let slice = utf8[last.expanded..<min(max(offset, last.expanded), utf8.count)]
            return last.template + String(decoding: slice, as: UTF8.self).unicodeScalars.count
        }
    }

    func substitute(_ values: [String: String]) -> Substitution {
        var result = Substitution()
        var templateOffset = 0
        for piece in Self.pieces(of: query) {
            switch piece {
            case .text(let text):
                result.spans.append((result.text.utf8.count, templateOffset, false, text.utf8.count))
                result.text += text
                templateOffset += text.unicodeScalars.count
            case .parameter(let name, let length):
                let value = values[name] ?? ""
                result.spans.append((result.text.utf8.count, templateOffset, true, value.utf8.count))
                result.text += value
                templateOffset += length
            }
        }
        return result
    }
}

/// Why a saved query could not be read, found, expanded or saved: data, not text.
///
/// ``description`` renders it the way dealq prints file problems:
///
///     dealq-queries.yml:7:44: error: saved query 'lost-to' does not parse: unterminated quote: add a closing '"'
///     error: saved query 'lost-to' needs a value for parameter 'competitor' (run it with competitor=VALUE)
public struct SavedQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The saved-queries file exists but cannot be read or written; `detail` says why.
        case unreadableFile(detail: String)
        /// The file is not valid YAML, or not shaped as saved queries.
        case invalidFile(message: String)
        /// A saved query's template does not parse (with defaults or placeholders
        /// for its parameters); `message` is the parser's.
        case brokenQuery(name: String, message: String)
        /// Two entries with the same name.
        case duplicateQuery(name: String, firstLine: Int)
        /// No saved query has this name.
        case unknownQuery(name: String, suggestion: String?)
        /// A name that cannot be saved (empty, or not letters, digits, `-`, `_`).
        case invalidName(name: String)
        /// A parameter without a default was not given a value.
        case missingParameter(query: String, parameter: String)
        /// A value was given for a parameter the query does not have.
        case unknownParameter(query: String, parameter: String, suggestion: String?)
        /// A value cannot be written into a query (it is empty or holds a `"`).
        case invalidValue(query: String, parameter: String, value: String)
        /// An argument that is not `name=value`, or a parameter given twice.
        case malformedArgument(argument: String)
        case repeatedArgument(parameter: String)
    }

    public var reason: Reason
    /// The file the problem is in (relative to the corpus root), when it is in one.
    public var path: String?
    /// Line and column in that file, counted from 1 (columns count Unicode scalars).
    public var line: Int?
    public var column: Int?

    public init(_ reason: Reason, path: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.path = path
        self.line = line
        self.column = column
    }

    /// The message without location or severity.
    public var message: String {
        switch reason {
        case .unreadableFile(let detail):
            return "cannot read saved queries: \(detail)"
        case .invalidFile(let message):
            return message
        case .brokenQuery(let name, let message):
            return "saved query '\(name)' does not parse: \(message)"
        case .duplicateQuery(let name, let firstLine):
            return "saved query '\(name)' is defined twice (first on line \(firstLine))"
        case .unknownQuery(let name, let suggestion):
            return "no saved query '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; 'dealq queries' lists them"
        case .invalidName(let name):
            return "'\(name)' cannot name a saved query: use letters, digits, '-' and '_', starting with a letter"
        case .missingParameter(let query, let parameter):
            return "saved query '\(query)' needs a value for parameter '\(parameter)' (run it with \(parameter)=VALUE)"
        case .unknownParameter(let query, let parameter, let suggestion):
            return "saved query '\(query)' has no parameter '\(parameter)'"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .invalidValue(let query, let parameter, let value):
            if value.isEmpty { return "parameter '\(parameter)' of saved query '\(query)' cannot be empty" }
            return "the value of parameter '\(parameter)' of saved query '\(query)' cannot contain '\"'"
        case .malformedArgument(let argument):
            return "expected a parameter as NAME=VALUE, not '\(argument)'"
        case .repeatedArgument(let parameter):
            return "parameter '\(parameter)' is given more than once"
        }
    }

    /// `path:line:col: error: message`, or `error: message` when not in a file.
    public var description: String {
        var prefix = ""
        if let path {
            prefix = path
            if let line {
                prefix += ":\(line)"
                if let column { prefix += ":\(column)" }
            }
            prefix += ": "
        }
        return prefix + "error: " + message
    }

    /// True for problems with the file itself or a saved query in it (exit
    /// status 2 like a query error), false when the file could not be read (1).
    public var isQueryError: Bool {
        if case .unreadableFile = reason { return false }
        return true
    }
}

/// A problem found in one corpus file, with its place: `path:line:col: severity: message`.
public struct FileDiagnostic: Sendable, Equatable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// Path relative to the corpus root, with `/`.
    public var path: String
    /// Line and column counted from 1; columns count Unicode scalars.
    public var line: Int
    public var column: Int
    public var message: String
    public var severity: Severity
    /// The file's other problems after this one, in file order: a rejected
    /// file reports every error found in one reading, this one first.
    public var more: [FileDiagnostic] = []

    public init(path: String, line: Int, column: Int, message: String, severity: Severity = .error,
                more: [FileDiagnostic] = []) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
        self.more = more
    }

    public var description: String { "\(path):\(line):\(column): \(severity.rawValue): \(message)" }

    /// One `path:line:col: severity: message` line for this problem and each of `more`.
    public var lines: [String] { [description] + more.map(\.description) }
}

/// A position inside a file, before the path is known.
struct Position: Sendable, Equatable {
    var line: Int
    var column: Int
    static let start = Position(line: 1, column: 1)
}

/// A rule of the corpus contract broken at a position.
struct Rejection: Error, Sendable {
    var position: Position
    var message: String
}

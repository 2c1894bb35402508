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

/// Every rule a file breaks, in file order (never empty).
struct Rejections: Error, Sendable {
    var all: [Rejection]

    init(_ all: [Rejection]) {
        self.all = all.enumerated().sorted {
            ($0.element.position.line, $0.element.position.column, $0.offset)
                < ($1.element.position.line, $1.element.position.column, $1.offset)
        }.map(\.element)
    }

    /// The first problem as the file's diagnostic, the others in its `more`.
    func diagnostic(path: String) -> FileDiagnostic {
        let list = all.map { FileDiagnostic(path: path, line: $0.position.line, column: $0.position.column, message: $0.message) }
        var first = list.first ?? FileDiagnostic(path: path, line: 1, column: 1, message: "rejected")
        first.more = Array(list.dropFirst())
        return first
    }
}

/// Rejections gathered while reading goes on past them, so that one run
/// reports every problem of a file.
struct Problems {
    var list: [Rejection] = []

    /// The value `read` gives, or nil after recording the rejection it threw.
    /// (Untyped `throws` so that one-line closures need no annotation; the
    /// readers it runs throw only `Rejection`.)
    mutating func attempt<T>(_ read: () throws -> T) -> T? {
        do {
            return try read()
        } catch let rejection as Rejection {
            list.append(rejection)
        } catch {
            list.append(Rejection(position: .start, message: "\(error)"))
        }
        return nil
    }

    /// Throws them all when there is any.
    func check() throws(Rejections) {
        if !list.isEmpty { throw Rejections(list) }
    }
}

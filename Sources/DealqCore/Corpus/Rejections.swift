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

/// Why an index could not be built, opened or refreshed.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `dealq.yml` is invalid; the existing index was left as it was.
    case config(FileDiagnostic)
    /// The corpus folder cannot be read.
    case corpus(path: String, reason: String)
    /// The file at the index path is not a dealq index; it was not touched.
    case notAnIndex(path: String, reason: String)
    /// The index file is damaged, and this command does not write (`--no-refresh`).
    case corrupt(path: String, detail: String)
    /// No index yet (queries with `--no-refresh`).
    case missing(path: String)
    /// The index (or its folder) cannot be written; a query answers from it as it is.
    case readOnly(path: String, reason: String)
    /// SQLite or the file system failed, while writing the index or (`reading`) while reading it.
    case storage(path: String, detail: String, reading: Bool = false)

    /// The line to print: `path:line:col: error: …` for a bad `dealq.yml`, `error: …` otherwise.
    public var diagnosticLine: String {
        if case .config(let d) = self { return d.description }
        return "error: \(description)"
    }

    public var description: String {
        switch self {
        case .config(let d):
            return "\(d.path):\(d.line):\(d.column): \(d.message)"
        case .corpus(let path, let reason):
            return "cannot read the corpus at '\(path)': \(reason)"
        case .notAnIndex(let path, let reason):
            return "'\(path)' is not a dealq index (\(reason)); it was left untouched: move it away or choose another path with --db"
        case .corrupt(let path, let detail):
            return "the index '\(path)' is damaged (\(detail)); run 'dealq index --rebuild' to build a fresh one"
        case .missing(let path):
            return "no index at '\(path)'; run 'dealq index' first"
        case .readOnly(let path, let reason):
            return "cannot write the index '\(path)': \(reason)"
        case .storage(let path, let detail, let reading):
            return "cannot \(reading ? "read" : "write") the index '\(path)': \(detail)"
        }
    }
}

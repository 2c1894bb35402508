/// What an import would do, worked out before anything is written:
/// `--dry-run` shows it, `CRMImporter.apply` writes it.
public struct ImportPlan: Sendable {
    /// The export as the user named it, for messages (`export.csv:17: …`).
    public var source: String
    /// Records that are not blank.
    public var rows = 0
    public var files: [PlannedFile] = []
    public var issues: [RowIssue] = []

    public func count(_ kind: PlannedFile.Kind) -> Int { files.filter { $0.kind == kind }.count }
    public var skipped: Int { issues.filter { !$0.isError }.count }
    public var malformed: Int { issues.filter(\.isError).count }
    /// Files to write (new or changed).
    public var writes: [PlannedFile] { files.filter { $0.kind != .unchanged } }
}

/// One closed row's deal file.
public struct PlannedFile: Sendable {
    public enum Kind: Sendable { case new, updated, unchanged }
    public var kind: Kind
    /// Relative to the corpus root.
    public var path: String
    /// The export line of the row.
    public var line: Int
    public var contents: String
    public var changes: [ValueChange]
}

/// A front-matter value the import changes in an existing file.
public struct ValueChange: Sendable, Equatable {
    public var field: String
    /// As the file had it (nil: absent).
    public var old: String?
    public var new: String

    public var description: String { "\(field) \(old ?? "(none)") → \(new)" }
}

/// A row that is not imported, and why.
public struct RowIssue: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case openStage(String)
        case noStage
        case noID(column: String)
        case noCloseDate(column: String)
        case badDate(String, column: String, order: DateOrder?)
        case badAmount(String, column: String)
        case negativeAmount(String, column: String)
        case repeatedID(String, firstLine: Int)
        case unwritable(path: String, reason: String)
    }

    public var line: Int
    public var reason: Reason

    /// Skipped rows are expected (open deals); the others are errors.
    public var isError: Bool {
        switch reason {
        case .openStage, .noStage: return false
        default: return true
        }
    }

    public var message: String {
        switch reason {
        case .openStage(let stage): return "skipped: stage '\(stage)' is not closed"
        case .noStage: return "skipped: no stage"
        case .noID(let column): return "error: no id (column '\(column)' is empty)"
        case .noCloseDate(let column): return "error: no close date (column '\(column)' is empty)"
        case .badDate(let text, let column, let order):
            let expected = order.flatMap { $0 == .isoOnly ? nil : "\($0.pattern) or YYYY-MM-DD" } ?? "YYYY-MM-DD"
            return "error: invalid close date '\(text)' in column '\(column)' (expected a real day as \(expected))"
        case .badAmount(let text, let column):
            return "error: invalid amount '\(text)' in column '\(column)' (expected a number like 120000, $120,000 or USD 120,000.00)"
        case .negativeAmount(let text, let column): return "error: negative amount '\(text)' in column '\(column)'"
        case .repeatedID(let id, let first): return "error: id '\(id)' was already imported from line \(first); this row is left out"
        case .unwritable(let path, let reason): return "error: cannot update \(path): \(reason)"
        }
    }

    /// `export.csv:17: skipped: …`
    public func description(source: String) -> String { "\(source):\(line): \(message)" }
}

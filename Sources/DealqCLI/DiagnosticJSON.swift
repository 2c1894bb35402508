import DealqCore
import Foundation

/// The one JSON encoding of file diagnostics, shared by `dealq index` and `dealq check`.
enum DiagnosticJSON {
    /// `[{"path", "line", "column", "message"}]`, in the order given (warnings).
    static func objects(_ list: [FileDiagnostic]) -> [[String: Any]] {
        list.map { ["path": $0.path, "line": $0.line, "column": $0.column, "message": $0.message] }
    }

    /// Rejected files: each file's first error as in `objects`, the others under `more`, in file order.
    static func rejections(_ list: [FileDiagnostic]) -> [[String: Any]] {
        zip(objects(list), list).map { object, d in
            object.merging(["more": d.more.map { ["line": $0.line, "column": $0.column, "message": $0.message] }]) { _, more in more }
        }
    }

    /// A summary object as one line of JSON, keys sorted.
    static func encode(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

import DealqCore
import Foundation

/// The summary `dealq index` prints on stdout.
enum IndexSummary {
    static func text(_ r: IndexReport, database: String, corpus: String) -> String {
        var lines: [String] = []
        lines.append("\(Format.plural(r.deals, "deal")) in the index (\(database))")
        if r.rebuilt {
            lines.append("built from \(Format.plural(r.new, "file")) in \(Format.duration(r.seconds))")
        } else if r.changedAnything {
            lines.append("\(Format.thousands(r.new)) new, \(Format.thousands(r.changed)) changed, \(Format.thousands(r.removed)) removed, "
                         + "\(Format.thousands(r.unchanged)) unchanged, in \(Format.duration(r.seconds))")
        } else {
            lines.append("up to date: \(Format.plural(r.unchanged, "file")) unchanged (\(Format.duration(r.seconds)))")
        }
        lines.append("\(Format.plural(r.skipped, "non-deal file")) skipped, \(Format.plural(r.rejected.count, "file")) rejected")
        return lines.joined(separator: "\n")
    }

    static func json(_ r: IndexReport, database: String) -> String {
        func diagnostics(_ list: [FileDiagnostic]) -> [[String: Any]] {
            list.map { ["path": $0.path, "line": $0.line, "column": $0.column, "message": $0.message] }
        }
        /// A rejected file: its first error as above, the others under `more`, in file order.
        func rejections(_ list: [FileDiagnostic]) -> [[String: Any]] {
            list.map { d in
                ["path": d.path, "line": d.line, "column": d.column, "message": d.message,
                 "more": d.more.map { ["line": $0.line, "column": $0.column, "message": $0.message] }]
            }
        }
        let object: [String: Any] = [
            "deals": r.deals, "new": r.new, "changed": r.changed, "removed": r.removed, "unchanged": r.unchanged,
            "skipped": r.skipped, "rejected": rejections(r.rejected), "warnings": diagnostics(r.warnings),
            "rebuilt": r.rebuilt, "seconds": (r.seconds * 1000).rounded() / 1000, "index": database,
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

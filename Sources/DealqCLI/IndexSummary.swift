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
        let object: [String: Any] = [
            "deals": r.deals, "new": r.new, "changed": r.changed, "removed": r.removed, "unchanged": r.unchanged,
            "skipped": r.skipped, "rejected": DiagnosticJSON.rejections(r.rejected), "warnings": DiagnosticJSON.objects(r.warnings),
            "folders_left_out": r.folderWarnings.map { ["path": $0.path, "message": $0.message] },
            "rebuilt": r.rebuilt, "moved_aside": r.movedAside.map { ["path": $0.path, "reason": $0.reason] } as Any? ?? NSNull(), "seconds": (r.seconds * 1000).rounded() / 1000, "index": database,
        ]
        return DiagnosticJSON.encode(object)
    }
}

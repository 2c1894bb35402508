import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A full build writes `<index>.building-<pid>` (and its `-wal`/`-shm`) and
/// renames it into place at the end; a build killed before that leaves the file
/// behind. Before a run writes the index, the files of such dead builds are
/// removed. A file whose process is still running is kept.
enum LeftoverBuilds {
    /// The prefix of a build's temporary file names, next to `database`.
    static func prefix(of database: String) -> String {
        (database as NSString).lastPathComponent + ".building-"
    }

    /// The process id in a leftover's name (`index.sqlite.building-123`, `…-123-wal`), or nil when it is not one.
    static func processID(in name: String, prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        var rest = Substring(name.dropFirst(prefix.count))
        for suffix in ["-wal", "-shm", "-journal"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        guard !rest.isEmpty, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber), let pid = pid_t(rest), pid > 0 else { return nil }
        return pid
    }

    /// Whether no process has this id (`kill(pid, 0)` fails with ESRCH).
    static func isDead(_ pid: pid_t) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the leftovers of dead builds next to `database`; returns the names removed.
    @discardableResult
    static func removeDead(next database: String) -> [String] {
        let folder = (database as NSString).deletingLastPathComponent
        let prefix = prefix(of: database)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = processID(in: name, prefix: prefix), isDead(pid) else { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(name) }
        }
        return removed
    }
}

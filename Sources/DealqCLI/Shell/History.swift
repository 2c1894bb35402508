import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The shell's history file: `$XDG_STATE_HOME/dealq/history`, by default
/// `~/.local/state/dealq/history`, one query per line (a query continued
/// with `\` is one line). The folder and file are made on the first entry;
/// when they cannot be (a read-only HOME), history stays in memory.
struct History {
    let path: String?
    private var writable = true
    /// Entries kept in the file when it is rewritten at start.
    static let keep = 2000

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = History.path(environment: environment)
    }

    static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/dealq/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/dealq/history"
    }

    /// The entries of the file, oldest first (none when there is no file).
    func load() -> [String] {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return [] }
        let entries = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if entries.count > History.keep * 2 {
            let kept = Array(entries.suffix(History.keep))
            try? (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return kept
        }
        return entries
    }

    /// Appends an entry to the file, making it when needed; silent on failure.
    mutating func append(_ entry: String) {
        guard writable, let path else { return }
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        var file = fd
        if file < 0 && errno == ENOENT {
            if (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil {
                file = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            }
        }
        guard file >= 0 else {
            writable = false
            return
        }
        defer { close(file) }
        var line = entry.replacingOccurrences(of: "\n", with: " ") + "\n"
        line.withUTF8 { buffer in
            _ = Glibc.write(file, buffer.baseAddress, buffer.count)
        }
    }
}

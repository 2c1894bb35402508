import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last step of a full build: the new file takes the index's place.
///
/// The old index's `-wal` and `-shm` are removed (or, for a damaged index,
/// moved aside with it) before the rename, so that the new file never meets a
/// log of the old one; readers that still have the old file open keep reading
/// it through the log they opened. All of it happens under `SwapLock`.
enum IndexSwap {
    /// Puts `temporary` in the place of `database`; a damaged old index is
    /// moved aside first. Returns the path it was moved to.
    static func replace(_ database: String, with temporary: String, damaged: Bool) throws(IndexError) -> String? {
        let swap = SwapLock(database: database, exclusive: true)
        defer { _ = swap }
        var aside: String?
        if damaged, access(database, F_OK) == 0 {
            let target = asidePath(for: database)
            if rename(database, target) != 0 { throw failure("cannot move the damaged index aside", path: database) }
            if access(database + "-wal", F_OK) == 0 { _ = rename(database + "-wal", target + "-wal") }
            aside = target
        }
        unlink(database + "-wal")
        unlink(database + "-shm")
        if rename(temporary, database) != 0 { throw failure("cannot put the new index in place", path: database) }
        return aside
    }

    /// `index.sqlite.damaged-20261201T023000Z` next to the index (`-2`, `-3`, … when taken).
    static func asidePath(for database: String, now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = database + ".damaged-" + formatter.string(from: now)
        var candidate = base
        var n = 2
        while access(candidate, F_OK) == 0 || access(candidate + "-wal", F_OK) == 0 {
            candidate = base + "-\(n)"
            n += 1
        }
        return candidate
    }

    private static func failure(_ what: String, path: String) -> IndexError {
        .storage(path: path, detail: what + " (" + String(cString: strerror(errno)) + ")")
    }
}

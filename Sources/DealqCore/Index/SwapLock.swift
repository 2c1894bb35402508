import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A full build renames a new file over the index. SQLite finds an index's
/// `-wal` and `-shm` by name, not by file, so a reader that opened the old
/// file just before the rename and its `-wal` just after would read one file
/// through the other's log. The swap and a reader's opening therefore exclude
/// each other: an advisory lock (`flock`) on the index's folder, held shared by
/// a reader from opening the file until its first read (when SQLite has opened
/// the `-wal` and `-shm` and keeps them), and exclusively by the build from
/// removing the old `-wal` and `-shm` until the rename. Both hold it for
/// microseconds. A folder that cannot be opened is simply not locked.
struct SwapLock: ~Copyable {
    private let fd: Int32

    /// Takes the lock on the folder of `database`, shared for a reader, exclusive for the swap.
    init(database: String, exclusive: Bool) {
        let folder = (database as NSString).deletingLastPathComponent
        fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 && errno == EINTR {}
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }
}

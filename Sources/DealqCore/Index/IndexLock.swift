#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `dealq` at a time brings an index up to date: an advisory lock
/// (`flock`) on `<index>.lock` next to it. A second process waits for the
/// first and then finds the index current, instead of building it again in
/// parallel or failing on SQLite's write lock. Readers never take it: WAL lets
/// them read while the index is written. Where the lock file cannot be made
/// (a read-only folder), indexing goes ahead without it.
final class IndexLock {
    private let fd: Int32

    init(database: String) {
        fd = open(database + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Takes the lock if no other holder has it; true when held (or when there is no lock file).
    func tryAcquire() -> Bool {
        guard fd >= 0 else { return true }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            return false
        }
        return true
    }

    /// Waits for the lock.
    func acquire() {
        guard fd >= 0 else { return }
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    }

    func release() {
        if fd >= 0 { _ = flock(fd, LOCK_UN) }
    }
}

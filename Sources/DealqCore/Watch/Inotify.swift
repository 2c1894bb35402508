#if canImport(Glibc)
import Glibc

/// The Linux inotify calls the watcher needs: one descriptor, a watch per
/// folder, and the events read from it without blocking.
final class Inotify {
    struct Event {
        var watch: Int32
        var mask: UInt32
        /// The entry's name inside the watched folder (empty for events on the folder itself).
        var name: [UInt8]

        func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
    }

    enum AddFailure: Error {
        /// The user's watch limit (`/proc/sys/fs/inotify/max_user_watches`) is reached.
        case limit
        /// The folder is gone or cannot be watched.
        case other(String)
    }

    /// What a folder watch listens for: entries created, deleted, renamed or written, and the folder itself going.
    static let folderMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_MODIFY
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    let descriptor: Int32
    /// At most this many watches (a test stands in for the kernel's limit with it).
    private let cap: Int?
    private(set) var count = 0

    /// nil when inotify is unavailable (or the limit of instances is reached).
    init?(cap: Int?) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.cap = cap
    }

    deinit { close(descriptor) }

    func add(_ path: String) -> Result<Int32, AddFailure> {
        if let cap, count >= cap { return .failure(.limit) }
        let watch = inotify_add_watch(descriptor, path, Self.folderMask)
        if watch < 0 {
            return .failure(errno == ENOSPC ? .limit : .other(String(cString: strerror(errno))))
        }
        count += 1
        return .success(watch)
    }

    func remove(_ watch: Int32) {
        if inotify_rm_watch(descriptor, watch) == 0 { count -= 1 }
    }

    /// The kernel dropped the watch itself (its folder was deleted).
    func forget() { count = max(0, count - 1) }

    /// Every event queued now; empty when there is none.
    func drain() -> [Event] {
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return events }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset + 16 <= n {
                    let watch = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = raw[(offset + 16)..<min(n, offset + 16 + length)]
                    events.append(Event(watch: watch, mask: mask, name: Array(nameBytes.prefix { $0 != 0 })))
                    offset += 16 + length
                }
            }
        }
    }

    /// Waits until events are queued or `milliseconds` pass; true when there are events.
    func wait(milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0 && entry.revents & Int16(POLLIN) != 0
    }
}
#endif

import Foundation

/// The Unix socket a `dealq watch` listens on, next to the index (`index.sqlite.watch`).
/// The protocol is one line each way: `sync CORPUS` asks the watcher to apply
/// every change queued so far; it answers `ok SEQUENCE SCHEMA` once the index
/// holds them, or `no REASON`.
enum WatchSocket {
    static func path(database: String) -> String { database + ".watch" }

    /// The corpus as both ends name it: absolute, symbolic links resolved.
    static func canonical(_ corpus: String) -> String {
        guard let resolved = realpath(corpus, nil) else { return corpus }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Calls `body` with the socket's address. A path too long for `sun_path`
    /// goes through its folder's descriptor (`/proc/self/fd/N/name`).
    static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T? {
        var name = path
        var folder: Int32 = -1
        defer { if folder >= 0 { close(folder) } }
        var address = sockaddr_un()
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        if name.utf8.count >= capacity {
            folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0 else { return nil }
            name = "/proc/self/fd/\(folder)/" + (path as NSString).lastPathComponent
            guard name.utf8.count < capacity else { return nil }
        }
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in name.utf8.enumerated() { raw[i] = byte }
            raw[name.utf8.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// Sets both timeouts of a socket.
    static func setTimeout(_ fd: Int32, milliseconds: Int) {
        var time = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads one line (without its newline), up to 4 KiB; nil on timeout, error or end of stream.
    static func readLine(_ fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 4096 {
            let n = recv(fd, &byte, 1, 0)
            if n < 0 && errno == EINTR { continue }
            guard n == 1 else { return nil }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return nil
    }

    static func send(_ fd: Int32, _ line: String) -> Bool {
        let bytes = Array((line + "\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }
}

/// What a one-shot query asks of a running `dealq watch`.
public enum WatchClient {
    /// How long a query waits for the watcher before it looks at every file itself.
    public static let defaultTimeoutMilliseconds = 500

    /// Asks the watcher serving `database` to apply every change made so far.
    /// The sequence it reached when the index holds them all; nil when no live
    /// watcher of this corpus answered in time (the caller then refreshes by walking).
    public static func sync(corpus: String, database: String, timeoutMilliseconds: Int = defaultTimeoutMilliseconds) -> Int64? {
        let path = WatchSocket.path(database: database)
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK else { return nil }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        WatchSocket.setTimeout(fd, milliseconds: timeoutMilliseconds)
        // A stale socket (its watcher was killed) refuses the connection.
        guard WatchSocket.withAddress(path, { connect(fd, $0, $1) }) == 0 else { return nil }
        guard WatchSocket.send(fd, "sync " + WatchSocket.canonical(corpus)), let reply = WatchSocket.readLine(fd) else { return nil }
        let words = reply.split(separator: " ")
        guard words.count == 3, words[0] == "ok", let sequence = Int64(words[1]), Int(words[2]) == Schema.version else { return nil }
        return sequence
    }
}

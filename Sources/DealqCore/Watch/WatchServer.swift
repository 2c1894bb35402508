import Foundation

/// The foreground side of `dealq watch`: holds `<index>.watch.lock` (one
/// watcher per index), listens on `<index>.watch`, applies changes as they
/// come, answers `sync` requests after applying every queued change, and
/// writes a heartbeat into the index's `meta`.
public final class WatchServer {
    public let watcher: CorpusWatcher
    private let corpus: String
    private var lockFD: Int32 = -1
    private var listener: Int32 = -1
    private let socketPath: String
    /// Seconds between heartbeats written into the index while nothing changes.
    public var heartbeatSeconds = 10.0

    public init(watcher: CorpusWatcher) {
        self.watcher = watcher
        corpus = WatchSocket.canonical(watcher.corpus)
        socketPath = WatchSocket.path(database: watcher.database)
    }

    deinit { close() }

    /// Takes the index's watcher lock and listens on its socket (a stale socket of a killed watcher is replaced).
    public func open() throws(WatchError) {
        let folder = (watcher.database as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let lockPath = watcher.database + ".watch.lock"
        lockFD = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else { throw .socket(path: lockPath, reason: String(cString: strerror(errno))) }
        if flock(lockFD, LOCK_EX | LOCK_NB) != 0 {
            let pid = (try? String(contentsOfFile: lockPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            Glibc.close(lockFD)
            lockFD = -1
            throw .alreadyWatched(pid: pid)
        }
        _ = ftruncate(lockFD, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(lockFD, $0.baseAddress, $0.count, 0) }
        unlink(socketPath)
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard listener >= 0 else { throw .socket(path: socketPath, reason: String(cString: strerror(errno))) }
        let bound = WatchSocket.withAddress(socketPath) { bind(listener, $0, $1) }
        guard bound == 0 else {
            throw .socket(path: socketPath, reason: bound == nil ? "the path is too long" : String(cString: strerror(errno)))
        }
        guard listen(listener, 64) == 0 else { throw .socket(path: socketPath, reason: String(cString: strerror(errno))) }
    }

    /// Serves until `shouldStop()` (checked at least four times a second) or until the watcher cannot keep
    /// its promise (the watch limit: it throws then). `applied` is called with each batch of changes written
    /// to the index; `failed` when a batch could not be applied (an invalid `dealq.yml`, say): queries then
    /// look at every file, and the next change or query tries again.
    public func serve(shouldStop: () -> Bool, applied: (IndexReport) -> Void, failed: (WatchError) -> Void) throws(WatchError) {
        var lastBeat = Date()
        while !shouldStop() {
            var entries = [pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&entries, 2, 250)
            if ready < 0 && errno != EINTR { throw .unavailable("poll: \(String(cString: strerror(errno)))") }
            if entries[0].revents & Int16(POLLIN) != 0 {
                do throws(WatchError) {
                    if let report = try watcher.sync() { applied(report) }
                } catch {
                    if case .limit = error { throw error }
                    failed(error)
                }
            }
            if entries[1].revents & Int16(POLLIN) != 0 { try answerClients(applied: applied, failed: failed) }
            if Date().timeIntervalSince(lastBeat) >= heartbeatSeconds {
                watcher.beat()
                lastBeat = Date()
            }
        }
    }

    private func answerClients(applied: (IndexReport) -> Void, failed: (WatchError) -> Void) throws(WatchError) {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            // The listener does not block; the client must, with a timeout.
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) & ~O_NONBLOCK)
            defer { Glibc.close(client) }
            WatchSocket.setTimeout(client, milliseconds: 1000)
            guard let request = WatchSocket.readLine(client) else { continue }
            guard request.hasPrefix("sync "), String(request.dropFirst(5)) == corpus else {
                _ = WatchSocket.send(client, "no this watcher serves \(corpus)")
                continue
            }
            // Every change completed before the request is queued by now: apply them all, then answer.
            do throws(WatchError) {
                if let report = try watcher.sync() { applied(report) }
            } catch {
                _ = WatchSocket.send(client, "no \(error.description)")
                if case .limit = error { throw error }
                failed(error)
                continue
            }
            _ = WatchSocket.send(client, "ok \(watcher.sequence) \(Schema.version)")
        }
    }

    /// Stops listening and removes the socket.
    public func close() {
        if listener >= 0 {
            Glibc.close(listener)
            listener = -1
            unlink(socketPath)
        }
        if lockFD >= 0 {
            Glibc.close(lockFD)
            lockFD = -1
        }
    }
}

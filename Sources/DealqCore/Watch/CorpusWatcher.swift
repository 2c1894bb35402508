import Foundation
import GRDB

/// Keeps an index fresh by watching the corpus's folders with inotify.
///
/// Every folder of the corpus (hidden ones excepted, as the walk skips them)
/// has a watch. `sync()` reads every event the kernel has queued and applies
/// what changed to the index through `Indexer`, under the index lock: the
/// named files and the subtrees of created, deleted or moved folders, nothing
/// else. A change whose system call returned before `sync()` was called is
/// already queued, so after `sync()` the index answers as a full refresh
/// would. An overflowed queue or a changed `dealq.yml` costs a full refresh.
/// When a folder cannot be watched (the watch limit), `sync()` throws from
/// then on, and callers look at every file instead.
public final class CorpusWatcher: @unchecked Sendable {
    public let corpus: String
    public let database: String
    private let inotify: Inotify
    private var folderOf: [Int32: String] = [:]
    private var watchOf: [String: Int32] = [:]
    private var pending = ChangeSet()
    private var config = CorpusConfig()
    private var broken: WatchError?
    private let lock = NSLock()
    /// Events applied to the index so far (published in the index's `meta` as `watch_sequence`).
    public var sequence: Int64 { lock.withLock { applied } }
    private var applied: Int64 = 0
    /// `start()` brought the index up to date and every folder is watched.
    public private(set) var started = false
    private var applying = false

    /// `DEALQ_TEST_MAX_WATCHES=N` stands in for a kernel watch limit of N in tests.
    public init(corpus: String, database: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(WatchError) {
        self.corpus = corpus
        self.database = database
        guard let inotify = Inotify(cap: environment["DEALQ_TEST_MAX_WATCHES"].flatMap { Int($0) }) else {
            throw .unavailable("inotify_init1: \(String(cString: strerror(errno)))")
        }
        self.inotify = inotify
    }

    /// Readable when events are queued (for `poll`).
    public var descriptor: Int32 { inotify.descriptor }

    /// Waits up to `milliseconds` for events; true when some are queued.
    public func waitForEvents(milliseconds: Int32) -> Bool { inotify.wait(milliseconds: milliseconds) }

    /// Watches every folder, then brings the whole index up to date (as `Indexer.run` does).
    public func start(progress: (@Sendable (IndexProgress) -> Void)? = nil, waiting: (() -> Void)? = nil) throws(WatchError) -> IndexReport {
        lock.lock()
        defer { lock.unlock() }
        if started { return try syncLocked() ?? IndexReport() }
        try watchEverything()
        let report: IndexReport
        do {
            report = try Indexer(corpus: corpus, database: database).run(progress: progress, waiting: waiting)
            config = try Indexer(corpus: corpus, database: database).loadConfig()
            try publish()
        } catch {
            throw .index(error)
        }
        started = true
        return report
    }

    /// Applies every change queued so far; nil when there was none.
    public func sync() throws(WatchError) -> IndexReport? {
        lock.lock()
        defer { lock.unlock() }
        return try syncLocked()
    }

    private func syncLocked() throws(WatchError) -> IndexReport? {
        if let broken { throw broken }
        collect()
        if let broken { throw broken }
        guard !pending.isEmpty else { return nil }
        let changes = pending.simplified()
        pending = ChangeSet()
        let indexer = Indexer(corpus: corpus, database: database)
        do {
            var report: IndexReport
            applied += Int64(max(1, changes.events))
            if changes.full {
                try watchEverything()
                report = try indexer.run()
                config = try indexer.loadConfig()
                try publish()
            } else {
                report = try indexer.refresh(changes, config: config, meta: meta())
            }
            return report
        } catch {
            // Nothing is lost: the next sync looks at everything.
            pending.full = true
            if let error = error as? WatchError { throw error }
            throw .index(error as? IndexError ?? .storage(path: database, detail: "\(error)"))
        }
    }

    /// Applies changes in the background as they come (for the shell and the MCP server), so that the
    /// `sync()` before a query finds little or nothing left to do. Failures surface at that `sync()`.
    public func applyInBackground() {
        lock.lock()
        defer { lock.unlock() }
        guard !applying else { return }
        applying = true
        let thread = Thread { [self] in
            while true {
                if waitForEvents(milliseconds: 1000) {
                    // Let a burst of events (a checkout, an editor's save) arrive before applying it.
                    usleep(20_000)
                    do throws(WatchError) { _ = try sync() } catch { if case .limit = error { return } }
                }
            }
        }
        thread.name = "dealq-watch"
        thread.start()
    }

    /// Writes the heartbeat (and the sequence) into the index's `meta`, unless an index run holds the lock.
    public func beat() {
        lock.lock()
        defer { lock.unlock() }
        try? publish()
    }

    private func meta() -> [String: String] {
        ["watch_sequence": String(applied), "watch_heartbeat": String(Int64(Date().timeIntervalSince1970)),
         "watch_pid": String(getpid())]
    }

    private func publish() throws(IndexError) {
        try Indexer(corpus: corpus, database: database).writeWatchMeta(meta())
    }

    // MARK: - Events

    private func collect() {
        for event in inotify.drain() {
            if event.has(IN_Q_OVERFLOW) {
                pending.full = true
                pending.events += 1
                continue
            }
            if event.has(IN_IGNORED) {
                if let folder = folderOf.removeValue(forKey: event.watch) {
                    if watchOf[folder] == event.watch { watchOf[folder] = nil }
                    inotify.forget()
                }
                continue
            }
            guard let folder = folderOf[event.watch] else { continue }
            pending.events += 1
            if event.name.isEmpty {
                // The folder itself was deleted or moved.
                if event.has(IN_DELETE_SELF) || event.has(IN_MOVE_SELF) {
                    if folder.isEmpty { pending.full = true } else { pending.trees.insert(folder) }
                }
                continue
            }
            if event.name.first == 0x2E { continue }  // hidden names, as the walk skips them
            guard let name = String(validating: event.name, as: UTF8.self) else {
                // The walk names the problem.
                if folder.isEmpty { pending.full = true } else { pending.trees.insert(folder) }
                continue
            }
            let path = folder.isEmpty ? name : folder + "/" + name
            if folder.isEmpty && name == CorpusConfig.fileName {
                pending.full = true
            } else if event.has(IN_ISDIR) {
                if event.has(IN_DELETE) || event.has(IN_MOVED_FROM) { unwatch(path) }
                if event.has(IN_CREATE) || event.has(IN_MOVED_TO) { watchTree(path) }
                pending.trees.insert(path)
            } else if name.hasSuffix(".md") {
                pending.files.insert(path)
            }
        }
    }

    // MARK: - Watches

    /// Watches the root and every folder below it, and forgets watches of folders that are gone.
    private func watchEverything() throws(WatchError) {
        let listing: Listing
        do {
            listing = try CorpusWalker.listing(root: corpus)
        } catch {
            throw .index(.corpus(path: error.path, reason: error.reason))
        }
        let present = Set(listing.folders.map(\.path))
        for (folder, watch) in watchOf where !present.contains(folder) {
            inotify.remove(watch)
            watchOf[folder] = nil
            folderOf[watch] = nil
        }
        for folder in listing.folders where watchOf[folder.path] == nil { watch(folder.path) }
        if let broken { throw broken }
    }

    /// Watches a new folder and the folders inside it (their files are compared by the next refresh).
    /// Each folder is watched before it is listed: a folder made inside it after the listing raises an
    /// event on that watch, and one made before is in the listing, so none is missed however fast a
    /// tree is made (listing the whole tree first and watching its folders afterwards missed a folder
    /// made inside one of them in between).
    private func watchTree(_ path: String) {
        var waiting = [path]
        while let folder = waiting.popLast(), broken == nil {
            watch(folder)
            let inside = CorpusWalker.subfolders(root: corpus, relative: folder)
            Self.afterListingForTests?(corpus, folder)
            waiting += inside
        }
    }

    /// Called with the corpus and a new folder just listed, before the folders found in it are watched:
    /// tests make a folder there, in the gap a one-pass listing left open.
    nonisolated(unsafe) static var afterListingForTests: ((String, String) -> Void)?

    /// The folders watched now, relative to the corpus ("" for the root), for tests.
    var watchedFolders: Set<String> { lock.withLock { Set(watchOf.keys) } }

    private func watch(_ path: String) {
        guard broken == nil else { return }
        switch inotify.add(path.isEmpty ? corpus : corpus + "/" + path) {
        case .success(let watch):
            // Adding a watch on a folder already watched (moved here) gives its descriptor again.
            if let old = folderOf[watch], watchOf[old] == watch { watchOf[old] = nil }
            folderOf[watch] = path
            watchOf[path] = watch
        case .failure(.limit):
            broken = .limit(folders: inotify.count)
        case .failure(.other):
            // Gone already: its parent's event brings it into the next refresh.
            break
        }
    }

    /// Stops watching a folder moved away or deleted, and the folders inside it.
    private func unwatch(_ path: String) {
        for (folder, watch) in watchOf where ChangeSet.path(folder, isIn: path) {
            inotify.remove(watch)
            watchOf[folder] = nil
            folderOf[watch] = nil
        }
    }
}

extension Indexer {
    /// Writes rows of `meta` in their own transaction, under the index lock (skipped when an index run holds it).
    func writeWatchMeta(_ rows: [String: String]) throws(IndexError) {
        guard case .index(let version, _) = try IndexStore.inspect(database, readFingerprint: false), version == Schema.version else { return }
        let lock = IndexLock(database: database)
        guard lock.tryAcquire() else { return }
        defer { lock.release() }
        do {
            let queue = try DatabaseQueue(path: database, configuration: IndexStore.writeConfiguration(fresh: false))
            defer { try? queue.close() }
            try queue.write { db in
                for (key, value) in rows {
                    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
                }
            }
        } catch {
            throw IndexStore.storageError(error, path: database)
        }
    }
}

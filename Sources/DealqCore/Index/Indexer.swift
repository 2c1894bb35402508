import Dispatch
import Foundation
import GRDB

/// Builds and refreshes the SQLite index of a corpus, incrementally.
///
/// Unchanged files (same size and mtime, or same content hash) are not parsed
/// again; changed and deleted files leave the index; a changed `dealq.yml`
/// or schema rebuilds everything. A full build is written to a temporary file
/// renamed over the old index at the end; an incremental run is one
/// transaction. Either way a kill mid-run leaves the previous index intact.
public struct Indexer: Sendable {
    public var corpus: String
    public var database: String

    public init(corpus: String, database: String) {
        self.corpus = corpus
        self.database = database
    }

    /// Reads `dealq.yml` at the corpus root (absent: no topics, no aliases).
    public func loadConfig() throws(IndexError) -> CorpusConfig {
        let path = corpus + "/" + CorpusConfig.fileName
        guard FileManager.default.fileExists(atPath: path) else { return CorpusConfig() }
        guard let bytes = CorpusWalker.contents(of: path) else {
            throw .corpus(path: path, reason: "cannot read \(CorpusConfig.fileName)")
        }
        guard DealFile.firstInvalidUTF8(bytes, from: 0) == nil else {
            throw .config(FileDiagnostic(path: CorpusConfig.fileName, line: 1, column: 1, message: "file is not valid UTF-8"))
        }
        do {
            return try CorpusConfig.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw .config(error)
        }
    }

    /// The fingerprint `loadConfig()` would give, from the file's bytes alone ("none" without the file).
    func configFingerprint() -> String {
        CorpusWalker.contents(of: corpus + "/" + CorpusConfig.fileName).map(Fingerprint.hex) ?? CorpusConfig().fingerprint
    }

    /// Brings the index up to date with the corpus.
    ///
    /// A damaged index (see `IndexStore`) is moved aside as
    /// `index.sqlite.damaged-TIMESTAMP` and built anew; the report says so.
    /// - Parameters:
    ///   - damagedFile: the index file a reader found damaged (`QueryEngine.damage`):
    ///     when it is still the one in place, it is moved aside and rebuilt.
    ///   - progress: called from the indexing thread as files are read.
    ///   - waiting: called once when another process is indexing; this one then
    ///     waits for it (see `IndexLock`), a `--rebuild` included.
    public func run(forceRebuild: Bool = false, damagedFile: DamagedFile? = nil,
                    progress: (@Sendable (IndexProgress) -> Void)? = nil,
                    waiting: (() -> Void)? = nil) throws(IndexError) -> IndexReport {
        try prepareFolder()
        let lock = IndexLock(database: database)
        if !lock.tryAcquire() {
            waiting?()
            lock.acquire()
        }
        defer { lock.release() }
        LeftoverBuilds.removeDead(next: database)
        let started = Date()
        let scanStarted = Self.nowNanoseconds()
        let config = try loadConfig()
        var existing = try IndexStore.inspect(database, checkSize: true)
        if let damagedFile, case .index = existing, IndexStore.identity(database) == damagedFile.identity {
            existing = .damaged(reason: damagedFile.reason)
        }
        if forceRebuild, case .index = existing, let reason = IndexStore.quickCheck(database) {
            existing = .damaged(reason: reason)
        }
        let rebuild: Bool
        var damage: String?
        switch existing {
        case .none: rebuild = true
        case .damaged(let reason): (rebuild, damage) = (true, reason)
        case .index(let version, let fingerprint):
            rebuild = forceRebuild || version != Schema.version || fingerprint != config.fingerprint
        }
        let listing: Listing
        do {
            listing = try CorpusWalker.listing(root: corpus)
        } catch {
            throw .corpus(path: error.path, reason: error.reason)
        }
        var report: IndexReport
        do {
            if !rebuild {
                do {
                    report = try refresh(listing, config: config, progress: progress, started: started, scanStarted: scanStarted)
                } catch where IndexStore.damage(error) != nil {
                    damage = IndexStore.damage(error)
                    report = IndexReport()
                }
            } else {
                report = IndexReport()
            }
            if rebuild || damage != nil {
                report = try build(listing, config: config, damaged: damage != nil, progress: progress, started: started,
                                   scanStarted: scanStarted)
                report.rebuilt = true
                if let damage, let aside = report.movedAside?.path { report.movedAside = MovedAside(path: aside, reason: damage) }
            }
        } catch {
            throw IndexStore.storageError(error, path: database)
        }
        report.folderWarnings = listing.folderWarnings
        if !listing.badNames.isEmpty {
            report.rejected = (report.rejected + listing.badNames).sorted { CorpusWalker.precedes($0.path, $1.path) }
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Makes the index's folder, and fails in words when the index cannot be written there.
    private func prepareFolder() throws(IndexError) {
        let folder = (database as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .readOnly(path: database, reason: "cannot create the folder '\(folder)' (\(StorageWords.describe(error))); "
                            + "choose a writable place with --db")
        }
        if access(database, F_OK) == 0, access(database, W_OK) != 0 {
            throw .readOnly(path: database, reason: "the file is read-only")
        }
        if access(folder, W_OK) != 0 {
            throw .readOnly(path: database, reason: "its folder '\(folder)' is read-only")
        }
    }

    // MARK: - Full build into a new file

    private func build(_ listing: Listing, config: CorpusConfig, damaged: Bool, progress: (@Sendable (IndexProgress) -> Void)?,
                       started: Date, scanStarted: Int64) throws -> IndexReport {
        let files = listing.files
        let temporary = database + ".building-\(ProcessInfo.processInfo.processIdentifier)"
        unlink(temporary)
        var report = IndexReport()
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: IndexStore.writeConfiguration(fresh: true))
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: Schema.tables)
                try db.inTransaction {
                    var session = try Session(db: db, corpus: corpus, config: config, old: [:], bulk: true)
                    try session.process(files, progress: progress, started: started)
                    try session.finish(removed: [])
                    try Self.storeFolders(listing.folders, db)
                    report = session.report
                    try writeMeta(db, config: config, scanStarted: scanStarted)
                    return .commit
                }
                try db.execute(sql: "PRAGMA user_version = \(Schema.version); PRAGMA application_id = \(Schema.applicationID)")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try fillTotals(db, into: &report)
            }
            try queue.close()
            if let aside = try IndexSwap.replace(database, with: temporary, damaged: damaged) {
                report.movedAside = MovedAside(path: aside, reason: "")
            }
        } catch {
            unlink(temporary)
            unlink(temporary + "-wal")
            unlink(temporary + "-shm")
            throw error
        }
        return report
    }

    // MARK: - Incremental refresh in one transaction

    private func refresh(_ listing: Listing, config: CorpusConfig, progress: (@Sendable (IndexProgress) -> Void)?,
                         started: Date, scanStarted: Int64) throws -> IndexReport {
        let files = listing.files
        let queue = try DatabaseQueue(path: database, configuration: IndexStore.writeConfiguration(fresh: false))
        defer { try? queue.close() }
        var report = IndexReport()
        try queue.writeWithoutTransaction { db in
            // A file written in the same clock tick as the last scan may have changed
            // without a new size or mtime: read it again and compare hashes (as git does).
            let lastScan = Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'scan_started_ns'") ?? "") ?? .max
            let diff = try Self.diff(files, against: db, racyAfter: lastScan - 50_000_000)
            let (candidates, removed, old) = (diff.candidates, diff.removed, diff.records)
            if candidates.isEmpty && removed.isEmpty {
                // Nothing to index; keep the folder mtimes current for quick staleness checks.
                if try Self.storedFolders(db) != listing.folders {
                    try db.inTransaction {
                        try Self.storeFolders(listing.folders, db)
                        return .commit
                    }
                }
                report.unchanged = files.count
                try fillTotals(db, into: &report)
                return
            }
            try db.inTransaction {
                var session = try Session(db: db, corpus: corpus, config: config, old: old)
                try session.process(candidates, progress: progress, started: started)
                try session.finish(removed: removed)
                try Self.storeFolders(listing.folders, db)
                report = session.report
                report.unchanged = files.count - report.new - report.changed - session.vanished
                try writeMeta(db, config: config, scanStarted: scanStarted)
                return .commit
            }
            try fillTotals(db, into: &report)
        }
        return report
    }

    static func storedFolders(_ db: Database) throws -> [FolderStat] {
        try Row.fetchAll(db, sql: "SELECT path, mtime_ns FROM folders ORDER BY path").map {
            FolderStat(path: $0[0], mtimeNanoseconds: $0[1])
        }
    }

    static func storeFolders(_ folders: [FolderStat], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM folders")
        let insert = try FastStatement(db, "INSERT INTO folders (path, mtime_ns) VALUES (?, ?)")
        for folder in folders { try insert.run(.text(folder.path), .int(folder.mtimeNanoseconds)) }
    }

    /// A quick look for changes without reading every file's metadata: true
    /// when `dealq.yml` changed, or a folder of the corpus was added, removed
    /// or had a file added, removed or renamed since the last run (its mtime
    /// moved). Edits inside existing files are not seen: the next refresh finds them.
    public func looksStale() throws(IndexError) -> Bool {
        let version: Int
        switch try IndexStore.inspect(database, readFingerprint: false) {
        case .none: throw .missing(path: database)
        case .damaged(let reason): throw .corrupt(path: database, detail: reason)
        case .index(let v, _): version = v
        }
        if version != Schema.version { return true }
        do {
            let queue = try IndexStore.openForReading(database)
            defer { try? queue.close() }
            let (fingerprint, folders) = try queue.read { db in (try IndexStore.fingerprint(db), try Self.storedFolders(db)) }
            // The file's bytes are compared, not parsed: a broken dealq.yml reads as a change.
            if fingerprint != configFingerprint() { return true }
            for folder in folders {
                var info = stat()
                let path = folder.path.isEmpty ? corpus : corpus + "/" + folder.path
                guard stat(path, &info) == 0 else { return true }
                if info.st_mtim.nanoseconds != folder.mtimeNanoseconds { return true }
            }
            return folders.isEmpty
        } catch {
            throw IndexStore.storageError(error, path: database)
        }
    }

    struct Diff {
        /// Files new or changed by size or mtime (or written too close to the last scan to tell).
        var candidates: [FileStat] = []
        /// Paths in the index that are gone from the corpus.
        var removed: [String] = []
        /// What the index knew about the candidates and the removed files.
        var records: [String: FileRecord] = [:]
    }

    /// Merges the walked files (sorted by path bytes) with the `files` table
    /// read in primary-key order (the same order), without loading unchanged rows.
    static func diff(_ files: [FileStat], against db: Database, racyAfter: Int64) throws -> Diff {
        var diff = Diff()
        let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime_ns, hash, status, deal_id, inode FROM files ORDER BY path")
        var index = 0
        func record(_ row: Row) -> FileRecord {
            FileRecord(size: row[1], mtime: row[2], hash: row[3], status: row[4], dealID: row[5])
        }
        while let row = try rows.next() {
            let path: String = row[0]
            while index < files.count, CorpusWalker.compare(files[index].path, path) < 0 {
                diff.candidates.append(files[index])
                index += 1
            }
            if index < files.count, files[index].path == path {
                let file = files[index]
                if file.differs(size: row[1], mtime: row[2], inode: row[6], racyAfter: racyAfter) {
                    diff.candidates.append(file)
                    diff.records[path] = record(row)
                }
                index += 1
            } else {
                diff.removed.append(path)
                diff.records[path] = record(row)
            }
        }
        diff.candidates += files[index...]
        return diff
    }

    func writeMeta(_ db: Database, config: CorpusConfig, scanStarted: Int64) throws {
        let formatter = ISO8601DateFormatter()
        try db.execute(sql: """
            INSERT OR REPLACE INTO meta (key, value)
            VALUES ('config', ?), ('indexed_at', ?), ('corpus', ?), ('scan_started_ns', ?), ('schema', ?), ('aliases', ?), ('topics', ?)
            """, arguments: [config.fingerprint, formatter.string(from: Date()), corpus, String(scanStarted), String(Schema.version),
                             Self.aliasesJSON(config), Self.topicsJSON(config)])
    }

    /// The competitor aliases as JSON (`{"acme": "Acme Analytics", …}`), for queries.
    static func aliasesJSON(_ config: CorpusConfig) -> String {
        let data = try? JSONSerialization.data(withJSONObject: config.competitorAliases, options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The topics in `dealq.yml` order with their patterns (`[["pricing", ["\\bpric…"]], …]`), for `terms`.
    static func topicsJSON(_ config: CorpusConfig) -> String {
        let byName = Dictionary(config.topics.map { ($0.name, $0.patterns.map(\.source)) }, uniquingKeysWith: { a, _ in a })
        let list = config.topicsInFileOrder.map { [$0, byName[$0] ?? []] as [Any] }
        let data = try? JSONSerialization.data(withJSONObject: list)
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// Now, in the file system's clock, as nanoseconds since 1970.
    static func nowNanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return ts.nanoseconds
    }

    func fillTotals(_ db: Database, into report: inout IndexReport) throws {
        report.deals = try Int.fetchOne(db, sql: "SELECT count(*) FROM deals") ?? 0
        report.skipped = try Int.fetchOne(db, sql: "SELECT count(*) FROM files WHERE status = 'skipped'") ?? 0
        report.rejected = try Row.fetchAll(db, sql: """
            SELECT path, line, col, message, more FROM files WHERE status IN ('rejected', 'duplicate') ORDER BY path
            """).map { row in
                let path: String = row[0]
                return FileDiagnostic(path: path, line: row[1], column: row[2], message: row[3],
                                      more: MoreErrors.decode(row[4], path: path))
            }
    }
}

/// What the index knew about a file before this run.
struct FileRecord {
    var size: Int64
    var mtime: Int64
    var hash: String
    var status: String
    var dealID: String?
}

import Foundation
import GRDB

extension Indexer {
    /// Brings the index up to date with what a watcher saw change, looking at
    /// nothing else: each named file is compared with its row in `files`, each
    /// named folder's subtree is walked and compared with the rows under it.
    /// One transaction, under the index lock, through the same `Session` as a
    /// refresh. `meta` rows are written in the same transaction. When the index
    /// is missing or of another schema, this is a whole `run()`.
    func refresh(_ changes: ChangeSet, config: CorpusConfig, meta: [String: String]) throws(IndexError) -> IndexReport {
        guard case .index(let version, _) = try IndexStore.inspect(database, readFingerprint: false), version == Schema.version else {
            return try run()
        }
        let lock = IndexLock(database: database)
        lock.acquire()
        defer { lock.release() }
        let started = Date()
        let scanStarted = Self.nowNanoseconds()
        var walked = Listing()
        var treeFolders: [String] = []
        for tree in changes.trees.sorted() {
            treeFolders.append(tree)
            // A folder deleted or moved away walks as empty: its rows leave the index.
            guard let listing = try? CorpusWalker.listing(root: corpus + "/" + tree) else { continue }
            walked.files += listing.files.map { file in
                var inTree = file
                inTree.path = tree + "/" + file.path
                return inTree
            }
            walked.folders += listing.folders.map { FolderStat(path: $0.path.isEmpty ? tree : tree + "/" + $0.path, mtimeNanoseconds: $0.mtimeNanoseconds) }
            walked.folderWarnings += listing.folderWarnings.map { FolderWarning(path: tree + "/" + $0.path, message: $0.message) }
        }
        var report = IndexReport()
        do {
            let queue = try DatabaseQueue(path: database, configuration: IndexStore.writeConfiguration(fresh: false))
            defer { try? queue.close() }
            try queue.writeWithoutTransaction { db in
                let lastScan = Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'scan_started_ns'") ?? "") ?? .max
                var diff = try Self.diff(trees: changes.trees, walked: walked.files, against: db, racyAfter: lastScan - 50_000_000)
                try Self.diff(files: changes.files, corpus: corpus, against: db, into: &diff)
                try db.inTransaction {
                    var session = try Session(db: db, corpus: corpus, config: config, old: diff.records)
                    try session.process(diff.candidates.sorted { CorpusWalker.precedes($0.path, $1.path) }, progress: nil, started: started)
                    try session.finish(removed: diff.removed)
                    try Self.storeFolders(trees: treeFolders, walked: walked.folders, parentsOf: changes.files, corpus: corpus, db)
                    report = session.report
                    if !diff.candidates.isEmpty || !diff.removed.isEmpty {
                        try writeMeta(db, config: config, scanStarted: scanStarted)
                    }
                    for (key, value) in meta {
                        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
                    }
                    return .commit
                }
                try fillTotals(db, into: &report)
            }
        } catch {
            throw IndexStore.storageError(error, path: database)
        }
        report.folderWarnings = walked.folderWarnings
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Compares the files walked under `trees` with the rows of `files` under them.
    private static func diff(trees: Set<String>, walked: [FileStat], against db: Database, racyAfter: Int64) throws -> Diff {
        var diff = Diff()
        var found = Dictionary(walked.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for tree in trees {
            // Paths under "tree/" sort between "tree/" and "tree0" ('0' follows '/').
            let rows = try Row.fetchCursor(db, sql: """
                SELECT path, size, mtime_ns, hash, status, deal_id, inode FROM files WHERE path >= ? AND path < ?
                """, arguments: [tree + "/", tree + "0"])
            while let row = try rows.next() {
                let path: String = row[0]
                let record = FileRecord(size: row[1], mtime: row[2], hash: row[3], status: row[4], dealID: row[5])
                if let file = found.removeValue(forKey: path) {
                    if file.differs(size: record.size, mtime: record.mtime, inode: row[6], racyAfter: racyAfter) {
                        diff.candidates.append(file)
                        diff.records[path] = record
                    }
                } else {
                    diff.removed.append(path)
                    diff.records[path] = record
                }
            }
        }
        diff.candidates += found.values
        return diff
    }

    /// Compares each named file on disk with its row: present files are read
    /// again (a same-content write costs a hash, not a parse), gone ones leave.
    private static func diff(files: Set<String>, corpus: String, against db: Database, into diff: inout Diff) throws {
        let select = try db.makeStatement(sql: "SELECT size, mtime_ns, hash, status, deal_id FROM files WHERE path = ?")
        for path in files {
            let row = try Row.fetchOne(select, arguments: [path])
            let record = row.map { FileRecord(size: $0[0], mtime: $0[1], hash: $0[2], status: $0[3], dealID: $0[4]) }
            var info = stat()
            if lstat(corpus + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                diff.candidates.append(FileStat(path: path, info))
                if let record { diff.records[path] = record }
            } else if let record {
                diff.removed.append(path)
                diff.records[path] = record
            }
        }
    }

    /// Keeps `folders` (the mtimes a quick staleness check compares) in step
    /// with the walked trees and the folders of the changed files.
    private static func storeFolders(trees: [String], walked: [FolderStat], parentsOf files: Set<String>,
                                     corpus: String, _ db: Database) throws {
        for tree in trees {
            try db.execute(sql: "DELETE FROM folders WHERE path = ? OR (path >= ? AND path < ?)", arguments: [tree, tree + "/", tree + "0"])
        }
        let upsert = try db.makeStatement(sql: "INSERT OR REPLACE INTO folders (path, mtime_ns) VALUES (?, ?)")
        for folder in walked { try upsert.execute(arguments: [folder.path, folder.mtimeNanoseconds]) }
        let parents = Set((Array(files) + trees).map { ($0 as NSString).deletingLastPathComponent })
        for parent in parents {
            var info = stat()
            if stat(parent.isEmpty ? corpus : corpus + "/" + parent, &info) == 0 {
                try upsert.execute(arguments: [parent, info.st_mtim.nanoseconds])
            } else {
                try db.execute(sql: "DELETE FROM folders WHERE path = ?", arguments: [parent])
            }
        }
    }
}

import Foundation
import GRDB

/// One indexing transaction: applies parsed files, removals and duplicate-id
/// resolution to the database, and counts what it did.
struct Session {
    let db: Database
    let corpus: String
    let config: CorpusConfig
    let old: [String: FileRecord]
    let writer: DealWriter
    var report = IndexReport()
    /// Files listed but deleted before they were read.
    private(set) var vanished = 0
    /// Ids whose set of files changed in this run: duplicates among them are resolved at the end.
    private var touchedIDs = Set<String>()
    private let upsertFile: FastStatement
    private let touchFile: Statement

    /// `bulk`: the index is fresh, its tables empty and without `Schema.indexes` (see `DealWriter`).
    init(db: Database, corpus: String, config: CorpusConfig, old: [String: FileRecord], bulk: Bool = false) throws {
        self.db = db
        self.corpus = corpus
        self.config = config
        self.old = old
        writer = try DealWriter(db, bulk: bulk)
        upsertFile = try FastStatement(db, """
            INSERT OR REPLACE INTO files (path, size, mtime_ns, inode, hash, status, deal_id, line, col, message, more)
            VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """)
        touchFile = try db.makeStatement(sql: "UPDATE files SET size = ?, mtime_ns = ?, inode = ? WHERE path = ?")
    }

    mutating func process(_ files: [FileStat], progress: (@Sendable (IndexProgress) -> Void)?, started: Date) throws {
        let hashes = old.mapValues(\.hash)
        let pipeline = ParsePipeline(corpus: corpus, config: config)
        var done = 0
        try pipeline.run(files, knownHashes: { hashes[$0] }) { items in
            for item in items { try apply(item) }
            done += items.count
            progress?(IndexProgress(done: done, total: files.count, seconds: Date().timeIntervalSince(started)))
        }
    }

    private mutating func apply(_ item: ParsedItem) throws {
        let path = item.stat.path
        let record = old[path]
        if item.vanished {
            vanished += 1
            if let record {
                try forget(path: path, record: record)
                try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
                report.removed += 1
            }
            return
        }
        guard let parsed = item.parsed else {
            touchFile.setUncheckedArguments([item.stat.size, item.stat.mtimeNanoseconds, item.stat.inode, path])
            try touchFile.execute()
            return
        }
        if record == nil { report.new += 1 } else { report.changed += 1 }
        if let record { try forget(path: path, record: record) }
        try store(parsed, stat: item.stat, hash: item.hash, terms: item.terms)
    }

    /// Writes a parsed file to the index and to `files`.
    private mutating func store(_ parsed: ParsedFile, stat: FileStat, hash: String, terms: DealTerms? = nil) throws {
        let status: String
        var dealID: String?, line: Int?, column: Int?, message: String?, more: String?
        switch parsed {
        case .notADeal:
            status = "skipped"
        case .rejected(let d):
            status = "rejected"
            (line, column, message, more) = (d.line, d.column, d.message, MoreErrors.encode(d.more))
        case .deal(let deal, let warnings):
            try writer.insert(deal, path: stat.path, terms: terms)
            FailurePoint.dealRowWritten()
            touchedIDs.insert(deal.id)
            report.warnings += warnings
            status = "deal"
            dealID = deal.id
        }
        try upsertFile.run(.text(stat.path), .int(stat.size), .int(stat.mtimeNanoseconds), .int(stat.inode), .text(hash), .text(status),
                           .text(dealID), line.map { .int($0) } ?? .null, column.map { .int($0) } ?? .null, .text(message), .text(more))
    }

    /// Takes what the index held for a file out of it.
    private mutating func forget(path: String, record: FileRecord) throws {
        if record.status == "deal", let id = try writer.delete(path: path) { touchedIDs.insert(id) }
        if record.status == "duplicate", let id = record.dealID { touchedIDs.insert(id) }
    }

    mutating func finish(removed: [String]) throws {
        try writer.finishBulkLoad()
        for path in removed {
            if let record = old[path] { try forget(path: path, record: record) }
            try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
            report.removed += 1
        }
        try resolveDuplicateIDs()
        try writer.applyCounts()
    }

    /// Of the valid files sharing an id, the one whose path sorts first is the
    /// deal; the others are rejected with a message naming it.
    private mutating func resolveDuplicateIDs() throws {
        guard !touchedIDs.isEmpty else { return }
        // Files rejected earlier as duplicates of a touched id may be the deal now: read them again.
        let waiting = try Row.fetchAll(db, sql: "SELECT path, size, mtime_ns, inode, deal_id FROM files WHERE status = 'duplicate'")
            .filter { touchedIDs.contains($0[4] as String) }
        for row in waiting {
            let stat = FileStat(path: row[0], size: row[1], mtimeNanoseconds: row[2], inode: row[3])
            let item = ParsePipeline.parse(stat, corpus: corpus, config: config, knownHash: nil)
            guard let parsed = item.parsed else {
                try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [stat.path])
                report.removed += 1
                continue
            }
            try store(parsed, stat: stat, hash: item.hash, terms: item.terms)
        }

        let candidates: [String]
        if touchedIDs.count > 256 {
            candidates = try String.fetchAll(db, sql: "SELECT id FROM deals GROUP BY id HAVING count(*) > 1")
        } else {
            candidates = touchedIDs.sorted()
        }
        for id in candidates {
            let rows = try Row.fetchAll(db, sql: "SELECT path, id_line, id_col FROM deals WHERE id = ? ORDER BY path", arguments: [id])
            guard let first = rows.first else { continue }
            let firstPath: String = first[0]
            for row in rows.dropFirst() {
                let path: String = row[0]
                try writer.delete(path: path)
                try db.execute(sql: "UPDATE files SET status = 'duplicate', line = ?, col = ?, message = ?, more = NULL WHERE path = ?",
                               arguments: [row[1], row[2], Self.duplicateMessage(id: id, firstPath: firstPath), path])
            }
            try db.execute(sql: """
                UPDATE files SET message = ? WHERE status = 'duplicate' AND deal_id = ?
                """, arguments: [Self.duplicateMessage(id: id, firstPath: firstPath), id])
        }
    }

    static func duplicateMessage(id: String, firstPath: String) -> String {
        "duplicate id '\(id)' (first used in \(firstPath))"
    }
}

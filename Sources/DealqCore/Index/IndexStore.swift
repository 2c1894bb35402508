import Foundation
import GRDB

/// Opens index files and tells a dealq index from anything else at the same path.
enum IndexStore {
    enum Existing {
        case none
        /// A dealq index with this schema version and `dealq.yml` fingerprint.
        case index(version: Int, fingerprint: String?)
    }

    /// Looks at the file at `path` without changing it. The schema version and
    /// application id come from the file's header (they are written before the
    /// index is renamed into place, so no WAL holds newer ones); SQLite is opened
    /// only to read the `dealq.yml` fingerprint, and only when it is wanted.
    static func inspect(_ path: String, readFingerprint: Bool = true) throws(IndexError) -> Existing {
        guard FileManager.default.fileExists(atPath: path) else { return .none }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .notAnIndex(path: path, reason: "it cannot be read")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .none }
        guard header.count >= 16, header.prefix(16) == Data("SQLite format 3\u{0}".utf8) else {
            throw .notAnIndex(path: path, reason: "not an SQLite database")
        }
        func integer(at offset: Int) -> Int32 {
            header.count >= offset + 4 ? header[offset..<offset + 4].reduce(Int32(0)) { $0 << 8 | Int32($1) } : 0
        }
        guard integer(at: 68) == Schema.applicationID else {
            throw .notAnIndex(path: path, reason: "an SQLite database of another program")
        }
        let version = Int(integer(at: 60))
        guard readFingerprint, version == Schema.version else { return .index(version: version, fingerprint: nil) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnlyConfiguration())
            defer { try? queue.close() }
            return .index(version: version, fingerprint: try queue.read(fingerprint))
        } catch {
            throw storageError(error, path: path)
        }
    }

    /// The fingerprint of the `dealq.yml` the index was built with.
    static func fingerprint(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'config'")
    }

    static func readOnlyConfiguration() -> Configuration {
        var config = Configuration()
        config.readonly = true
        config.label = "dealq-read"
        // A checkpoint of another process may hold the file for a moment.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in db.add(function: DriverKey.function) }
        return config
    }

    static func writeConfiguration(fresh: Bool) -> Configuration {
        var config = Configuration()
        config.label = "dealq-write"
        // Writers take turns (`IndexLock`); this covers other programs writing, such as sqlite3.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            if fresh {
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000")
            } else {
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -200000")
            }
        }
        return config
    }

    /// Maps a SQLite failure to what a person can act on.
    static func storageError(_ error: any Error, path: String) -> IndexError {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return .corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
            default:
                return .storage(path: path, detail: error.message ?? "\(error.resultCode)")
            }
        }
        if let error = error as? IndexError { return error }
        return .storage(path: path, detail: "\(error)")
    }
}

import Foundation
import GRDB

/// Opens index files and tells a dealq index from anything else at the same path.
///
/// Which files are dealq's: a file whose SQLite header carries dealq's
/// application id, and any file at `.dealq/index.sqlite` (dealq owns that
/// folder) unless it is a sound SQLite database of another program. A damaged
/// file of dealq's is moved aside and rebuilt by a writer; any other file at
/// the index path (`--db notes.sqlite`, say) is never touched.
enum IndexStore {
    enum Existing: Equatable {
        case none
        /// A dealq index with this schema version and `dealq.yml` fingerprint.
        case index(version: Int, fingerprint: String?)
        /// A file of dealq's that cannot be read as an index, and why.
        case damaged(reason: String)
    }

    /// Whether `path` is the index file of a `.dealq/` folder, which dealq owns.
    static func isOwnedLocation(_ path: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        return url.lastPathComponent == "index.sqlite" && url.deletingLastPathComponent().lastPathComponent == ".dealq"
    }

    /// Looks at the file at `path` without changing it. The schema version and
    /// application id come from the file's header (they are written before the
    /// index is renamed into place, so no WAL holds newer ones); SQLite is opened
    /// only to read the `dealq.yml` fingerprint, and only when it is wanted.
    /// - Parameter checkSize: compare the file's size with the page count in its
    ///   header (a cut-off file); only under `IndexLock`, where no checkpoint grows the file meanwhile.
    static func inspect(_ path: String, readFingerprint: Bool = true, checkSize: Bool = false) throws(IndexError) -> Existing {
        var info = stat()
        guard stat(path, &info) == 0 else { return .none }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .notAnIndex(path: path, reason: "it cannot be read")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .none }
        let owned = isOwnedLocation(path)
        guard header.count >= 16, header.prefix(16) == Data("SQLite format 3\u{0}".utf8) else {
            if owned { return .damaged(reason: "its header is not an SQLite header") }
            throw .notAnIndex(path: path, reason: "not an SQLite database")
        }
        guard header.count == 100 else {
            if owned { return .damaged(reason: "the file is cut off inside its header") }
            throw .notAnIndex(path: path, reason: "an SQLite file cut off inside its header")
        }
        func integer(at offset: Int, _ size: Int = 4) -> Int64 {
            header[offset..<offset + size].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        }
        guard Int32(truncatingIfNeeded: integer(at: 68)) == Schema.applicationID else {
            if owned, case .damaged(let reason) = probe(path) { return .damaged(reason: reason) }
            throw .notAnIndex(path: path, reason: "an SQLite database of another program")
        }
        if checkSize {
            let pageSize = integer(at: 16, 2) == 1 ? 65_536 : integer(at: 16, 2)
            // The page count is valid when the change counter matches the "version valid for" number.
            if integer(at: 92) == integer(at: 24), Int64(info.st_size) < pageSize * integer(at: 28) {
                return .damaged(reason: "the file is cut off: \(info.st_size) bytes of \(pageSize * integer(at: 28))")
            }
        }
        let version = Int(integer(at: 60))
        guard readFingerprint, version == Schema.version else { return .index(version: version, fingerprint: nil) }
        do {
            let queue = try openForReading(path)
            defer { try? queue.close() }
            return .index(version: version, fingerprint: try queue.read(fingerprint))
        } catch {
            if let reason = damage(error) { return .damaged(reason: reason) }
            throw storageError(error, path: path, reading: true)
        }
    }

    /// Opens a file with an SQLite header but another application id: damaged when SQLite says so.
    private static func probe(_ path: String) -> Existing {
        do {
            let queue = try openForReading(path)
            defer { try? queue.close() }
            _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return .none
        } catch {
            return damage(error).map { .damaged(reason: $0) } ?? .none
        }
    }

    /// The reason, in words, when `error` says the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
    static func damage(_ error: any Error) -> String? {
        if case .corrupt(_, let detail) = error as? IndexError { return detail }
        guard let error = error as? DatabaseError,
              error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB else { return nil }
        return StorageWords.describe(error.resultCode)
    }

    /// SQLite's `PRAGMA quick_check` of every page (seconds on a large index:
    /// only before a rebuild, which costs far more): the problem, or nil when sound.
    static func quickCheck(_ path: String) -> String? {
        do {
            let queue = try openForReading(path)
            defer { try? queue.close() }
            let result = try queue.read { try String.fetchOne($0, sql: "PRAGMA quick_check(1)") }
            return result == "ok" ? nil : "SQLite's check found a malformed page in it"
        } catch {
            return damage(error)
        }
    }

    /// The fingerprint of the `dealq.yml` the index was built with.
    static func fingerprint(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'config'")
    }

    /// Opens the index read-only. Where its folder cannot be written and its
    /// `-wal` and `-shm` are not there (a read-only install), SQLite could not
    /// create them, so the file is opened as immutable, as SQLite documents for
    /// read-only WAL databases: nothing can write it there. Otherwise the opening
    /// and the first read (after which SQLite keeps the `-wal` and `-shm` open)
    /// happen under `SwapLock`, so that a build's rename never falls in between.
    static func openForReading(_ path: String) throws -> DatabaseQueue {
        try openIdentified(path).queue
    }

    /// `openForReading`, and which file was opened.
    static func openIdentified(_ path: String) throws -> (queue: DatabaseQueue, file: FileIdentity?) {
        if isReadOnlyInstall(path) {
            return (try DatabaseQueue(path: immutableURI(path), configuration: readOnlyConfiguration()), identity(path))
        }
        let swap = SwapLock(database: path, exclusive: false)
        defer { _ = swap }
        do {
            // GRDB reads the schema as it opens: the `-wal` and `-shm` are open when this returns.
            let queue = try DatabaseQueue(path: path, configuration: readOnlyConfiguration())
            return (queue, identity(path))
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode)
                    && !isWritableFolder(path) {
            // A `-wal` or `-shm` this user cannot open, in a folder nobody here writes: read the file alone.
            return (try DatabaseQueue(path: immutableURI(path), configuration: readOnlyConfiguration()), identity(path))
        }
    }

    static func isWritableFolder(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// A folder that cannot be written, without the index's `-wal` and `-shm`.
    static func isReadOnlyInstall(_ path: String) -> Bool {
        guard !isWritableFolder(path) else { return false }
        return access(path + "-wal", F_OK) != 0 || access(path + "-shm", F_OK) != 0
    }

    /// `file:PATH?immutable=1`, with the characters URIs reserve escaped.
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// The device and inode of the file at `path`: which file a connection opened.
    static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    static func readOnlyConfiguration() -> Configuration {
        SQLiteSetup.ensure()
        var config = Configuration()
        config.readonly = true
        config.label = "dealq-read"
        // A checkpoint of another process may hold the file for a moment.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in QueryFunctions.register(db) }
        return config
    }

    static func writeConfiguration(fresh: Bool) -> Configuration {
        SQLiteSetup.ensure()
        var config = Configuration()
        config.label = "dealq-write"
        // Writers take turns (`IndexLock`); this covers readers opening and closing, and other programs such as sqlite3.
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

    /// Maps a SQLite or file-system failure to what a person can act on; `reading` when it happened while
    /// reading the index (opening it or answering a query), so that the message does not speak of writing.
    static func storageError(_ error: any Error, path: String, reading: Bool = false) -> IndexError {
        if let error = error as? IndexError { return error }
        if let reason = damage(error) { return .corrupt(path: path, detail: reason) }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_READONLY {
            return .readOnly(path: path, reason: StorageWords.describe(error.resultCode))
        }
        return .storage(path: path, detail: StorageWords.describe(error), reading: reading)
    }
}

/// Which file: a device and an inode.
public struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
}

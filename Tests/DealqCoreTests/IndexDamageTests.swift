import Foundation
import GRDB
import Testing
@testable import DealqCore

/// A damaged index, a file that is not one, and read-only places: each leads to
/// a rebuild (the damaged file moved aside) or to a clear error with a
/// documented exit status, and the corpus is never touched.
@Suite struct IndexDamageTests {
    /// A corpus of 40 deals indexed at the default place, its fresh answers and its files.
    static func indexedCorpus() throws -> (folder: TemporaryFolder, corpus: String, db: String, answers: String, files: [String: Data]) {
        let folder = TemporaryFolder()
        writeHealingCorpus(folder, count: 40, version: 1)
        let corpus = folder.path + "/c"
        let r = try runDealq(["index", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        return (folder, corpus, corpus + "/.dealq/index.sqlite", try healingAnswers(corpus: corpus), snapshot(corpus))
    }

    static func overwrite(_ path: String, at offset: Int, with bytes: [UInt8]) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    /// Checks the healing warning, the file moved aside, answers equal to a fresh build, and the corpus untouched.
    static func expectHealed(_ stderr: String, corpus: String, db: String, answers: String, files: [String: Data],
                             reason: String? = nil) throws {
        let aside = IndexDamageTests.aside(corpus)
        #expect(aside.count == 1, "\(aside)")
        #expect(stderr.contains("warning: the index '\(db)' was damaged ("), "\(stderr)")
        #expect(stderr.contains("it was moved to '\(corpus)/.dealq/\(aside.first ?? "")' and a fresh one was built from the corpus"))
        if let reason { #expect(stderr.contains(reason), "\(stderr)") }
        #expect(try quickCheck(db) == "ok")
        #expect(try healingAnswers(corpus: corpus) == answers)
        #expect(snapshot(corpus) == files, "the corpus changed")
    }

    static func aside(_ corpus: String) -> [String] {
        files(in: corpus + "/.dealq", startingWith: "index.sqlite.damaged-").filter { !$0.hasSuffix("-wal") }
    }

    @Test func aTruncatedIndexIsMovedAsideAndRebuilt() throws {
        let (folder, corpus, db, answers, files) = try Self.indexedCorpus()
        defer { withExtendedLifetime(folder) {} }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int)
        truncate(db, off_t(size / 2))
        let r = try runDealq(["index", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        try Self.expectHealed(r.stderr, corpus: corpus, db: db, answers: answers, files: files, reason: "the file is cut off")
        // The damaged file was kept, as it was.
        let aside = try #require(Self.aside(corpus).first)
        #expect(try FileManager.default.attributesOfItem(atPath: corpus + "/.dealq/" + aside)[.size] as? Int == size / 2)
    }

    @Test func aZeroedHeaderIsAnErrorWithoutRefreshAndRebuiltByAQuery() throws {
        let (folder, corpus, db, answers, files) = try Self.indexedCorpus()
        defer { withExtendedLifetime(folder) {} }
        try Self.overwrite(db, at: 0, with: Array(repeating: 0, count: 100))
        let stale = try runDealq(["--corpus", corpus, "--no-refresh", "count"])
        #expect(stale.status == 1)
        #expect(stale.stderr == "error: the index '\(db)' is damaged (its header is not an SQLite header); "
                + "run 'dealq index --rebuild' to build a fresh one\n")
        #expect(Self.aside(corpus).isEmpty, "a query without refresh wrote")
        let query = try runDealq(["--corpus", corpus, "--format", "csv", "count"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout == "deals\n40\n")
        try Self.expectHealed(query.stderr, corpus: corpus, db: db, answers: answers, files: files, reason: "its header is not an SQLite header")
    }

    /// One b-tree page (seeded choice, from SQLite's `dbstat`) overwritten with
    /// random bytes: queries that refresh meet the damage where they read it, and
    /// rebuild; every answer equals a fresh build's.
    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func aRandomPageOverwrittenIsRebuilt(seed: UInt64) throws {
        let (folder, corpus, db, answers, files) = try Self.indexedCorpus()
        defer { withExtendedLifetime(folder) {} }
        let (pages, pageSize) = try DatabaseQueue(path: db, configuration: IndexStore.readOnlyConfiguration()).read { db in
            (try Int.fetchAll(db, sql: "SELECT pageno FROM dbstat WHERE pagetype IN ('internal', 'leaf') ORDER BY pageno"),
             try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
        }
        var random = SeededGenerator(seed: seed)
        let page = pages[random.below(pages.count)]
        try Self.overwrite(db, at: (page - 1) * pageSize, with: (0..<pageSize).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        // Every question reads a different part of the index; the first one to meet the damage rebuilds.
        #expect(try healingAnswers(corpus: corpus, refresh: true) == answers, "page \(page)")
        // A page none of them read is found by the check a rebuild makes first.
        if Self.aside(corpus).isEmpty {
            let rebuild = try runDealq(["index", "--rebuild", corpus])
            #expect(rebuild.status == 0, "\(rebuild.stderr)")
            #expect(rebuild.stderr.contains("was damaged"), "page \(page): \(rebuild.stderr)")
        }
        let stderrs = try healingQueries.map {
            try runDealq(["--corpus", corpus, "--format", "json", "--today", "2026-01-01", $0]).stderr
        }
        #expect(stderrs.allSatisfy { !$0.contains("damaged") }, "rebuilt twice: \(stderrs)")
        #expect(Self.aside(corpus).count == 1, "page \(page): \(Self.aside(corpus))")
        #expect(try quickCheck(db) == "ok")
        #expect(snapshot(corpus) == files)
    }

    /// Damage that neither the refresh nor the opening reads (the quotes table):
    /// the query that meets it rebuilds and answers; without refresh it stops in words.
    @Test func damageMetByAQueryIsRebuiltByThatQuery() throws {
        let (folder, corpus, db, answers, files) = try Self.indexedCorpus()
        defer { withExtendedLifetime(folder) {} }
        let (root, pageSize) = try DatabaseQueue(path: db, configuration: IndexStore.readOnlyConfiguration()).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'quotes'") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
        }
        try Self.overwrite(db, at: (root - 1) * pageSize, with: Array(repeating: 0xA5, count: pageSize))
        let counted = try runDealq(["--corpus", corpus, "--format", "csv", "--no-refresh", "count"])
        #expect(counted.status == 0 && counted.stdout == "deals\n40\n", "\(counted.stderr)")
        let stopped = try runDealq(["--corpus", corpus, "--format", "csv", "--no-refresh", "quotes limit:all"])
        #expect(stopped.status == 1)
        #expect(stopped.stderr == "error: the index '\(db)' is damaged (SQLite found a malformed page in it); "
                + "run 'dealq index --rebuild' to build a fresh one\n")
        #expect(stopped.stdout == "")
        let quotes = try runDealq(["--corpus", corpus, "--format", "json", "--today", "2026-01-01", "quotes limit:all"])
        #expect(quotes.status == 0, "\(quotes.stderr)")
        #expect(answers.contains(quotes.stdout))
        try Self.expectHealed(quotes.stderr, corpus: corpus, db: db, answers: answers, files: files,
                              reason: "SQLite found a malformed page in it")
    }

    @Test func anIndexOfAnotherVersionIsReadNotWrittenWithoutRefreshAndRebuiltByAQuery() throws {
        let (folder, corpus, db, _, _) = try Self.indexedCorpus()
        defer { withExtendedLifetime(folder) {} }
        // The schema version is SQLite's user_version, at offset 60 of the header.
        let old = Schema.version - 1
        try Self.overwrite(db, at: 60, with: [UInt8(old >> 24 & 0xff), UInt8(old >> 16 & 0xff), UInt8(old >> 8 & 0xff), UInt8(old & 0xff)])
        let stale = try runDealq(["--corpus", corpus, "--no-refresh", "count"])
        #expect(stale.status == 1)
        #expect(stale.stderr == "error: cannot read the index '\(db)': it was built by another version of dealq; "
                + "run 'dealq index --rebuild'\n")
        let query = try runDealq(["--corpus", corpus, "--format", "csv", "count"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout == "deals\n40\n")
    }

    @Test func aRebuildMovesADamagedIndexAsideToo() throws {
        let (folder, corpus, db, answers, files) = try Self.indexedCorpus()
        defer { withExtendedLifetime(folder) {} }
        // The root page of the deals table, garbled: the refresh does not read it, the rebuild's check does.
        let (root, pageSize) = try DatabaseQueue(path: db, configuration: IndexStore.readOnlyConfiguration()).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'deals'") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
        }
        try Self.overwrite(db, at: (root - 1) * pageSize, with: Array(repeating: 0xA5, count: pageSize))
        let r = try runDealq(["index", "--rebuild", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        try Self.expectHealed(r.stderr, corpus: corpus, db: db, answers: answers, files: files)
    }

    @Test func aFileThatIsNotAnIndexIsNeverTouched() throws {
        let (folder, corpus, _, _, files) = try Self.indexedCorpus()
        // Given with --db, a text file, a zeroed header and another program's database are left alone.
        let text = folder.path + "/notes.txt"
        folder.write("notes.txt", "my notes\n")
        let zeroed = folder.path + "/zeroed.sqlite"
        folder.write("zeroed.sqlite", Data(count: 8192))
        let other = folder.path + "/other.sqlite"
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE mine (x); INSERT INTO mine VALUES (1)") }
        let otherBytes = try Data(contentsOf: URL(fileURLWithPath: other))
        for (path, reason) in [(text, "not an SQLite database"), (zeroed, "not an SQLite database"),
                               (other, "an SQLite database of another program")] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            for arguments in [["index", corpus, "--db", path], ["index", "--rebuild", corpus, "--db", path],
                              ["--corpus", corpus, "--db", path, "count"]] {
                let r = try runDealq(arguments)
                #expect(r.status == 1, "\(arguments)")
                #expect(r.stderr == "error: '\(path)' is not a dealq index (\(reason)); it was left untouched: "
                        + "move it away or choose another path with --db\n")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(DealqCoreTests.files(in: folder.path, startingWith: (path as NSString).lastPathComponent + ".damaged").isEmpty)
        }
        // Another program's sound database at the default place is not dealq's either.
        let db = corpus + "/.dealq/index.sqlite"
        try FileManager.default.removeItem(atPath: db)
        try FileManager.default.copyItem(atPath: other, toPath: db)
        let r = try runDealq(["index", corpus])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is not a dealq index (an SQLite database of another program); it was left untouched"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == otherBytes)
        #expect(snapshot(corpus) == files)
    }

    @Test func failuresAreDescribedInWords() {
        #expect(StorageWords.describe(DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed"))
                == "SQLite found a malformed page in it")
        #expect(StorageWords.describe(DatabaseError(resultCode: .SQLITE_READONLY_DBMOVED, message: "attempt to write a readonly database"))
                == "it cannot be written (read-only)")
        #expect(StorageWords.describe(DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked"))
                == "another program kept it locked")
        let cocoa = CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/x/.dealq"])
        #expect(StorageWords.describe(cocoa) == "permission denied")
        #expect(IndexStore.storageError(cocoa, path: "/x").description == "cannot write the index '/x': permission denied")
        let busy = DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked")
        #expect(IndexStore.storageError(busy, path: "/x", reading: true).description
                == "cannot read the index '/x': another program kept it locked")
        #expect(IndexStore.storageError(busy, path: "/x").description == "cannot write the index '/x': another program kept it locked")
    }

    @Test func dealqOwnsTheIndexFileOfADealqFolderOnly() {
        #expect(IndexStore.isOwnedLocation("/c/.dealq/index.sqlite"))
        #expect(!IndexStore.isOwnedLocation("/c/.dealq/other.sqlite"))
        #expect(!IndexStore.isOwnedLocation("/c/dealq/index.sqlite"))
        #expect(!IndexStore.isOwnedLocation("/c/index.sqlite"))
    }

    // MARK: - Read-only places (run as `nobody`: root writes everywhere)

    static let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", dealqBinary]
    static var canDropPrivileges: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

    /// A read-only install: the index's folder cannot be written and has no
    /// `-wal` or `-shm`. Queries answer (a refreshing one warns), `dealq index`
    /// fails in words with status 1, and nothing is written.
    @Test(.enabled(if: IndexDamageTests.canDropPrivileges))
    func aReadOnlyInstallAnswers() throws {
        let (folder, corpus, db, _, files) = try Self.indexedCorpus()
        chmod(folder.path, 0o755)
        for name in ["-wal", "-shm"] { unlink(db + name) }
        let before = try FileManager.default.contentsOfDirectory(atPath: corpus + "/.dealq").sorted()
        let plain = try runProgram("/usr/bin/setpriv", Self.asNobody + ["--corpus", corpus, "--format", "csv", "--no-refresh", "count outcome:won"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout == "deals\n14\n")
        #expect(plain.stderr == "")
        let text = try runProgram("/usr/bin/setpriv", Self.asNobody + ["--corpus", corpus, "--format", "csv", "--no-refresh", "count version1"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == "deals\n40\n")
        let refreshing = try runProgram("/usr/bin/setpriv", Self.asNobody + ["--corpus", corpus, "--format", "csv", "count"])
        #expect(refreshing.status == 0, "\(refreshing.stderr)")
        #expect(refreshing.stdout == "deals\n40\n")
        #expect(refreshing.stderr == "warning: cannot refresh the index '\(db)' (the file is read-only); answering from it as it is, "
                + "which may be stale\n")
        let index = try runProgram("/usr/bin/setpriv", Self.asNobody + ["index", corpus])
        #expect(index.status == 1)
        #expect(index.stderr == "error: cannot write the index '\(db)': the file is read-only\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus + "/.dealq").sorted() == before)
        #expect(snapshot(corpus) == files)
    }

    /// A read-only install whose `-wal` and `-shm` this user cannot open (another user's, mode 600): the file alone is read.
    @Test(.enabled(if: IndexDamageTests.canDropPrivileges))
    func aReadOnlyInstallWithAnotherUsersLogAnswers() throws {
        let (folder, corpus, db, _, _) = try Self.indexedCorpus()
        chmod(folder.path, 0o755)
        #expect(try runDealq(["--corpus", corpus, "--no-refresh", "count"]).status == 0)
        for name in ["-wal", "-shm"] {
            #expect(FileManager.default.fileExists(atPath: db + name))
            chmod(db + name, 0o600)
        }
        let r = try runProgram("/usr/bin/setpriv", Self.asNobody + ["--corpus", corpus, "--format", "csv", "--no-refresh", "count version1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "deals\n40\n")
        #expect(r.stderr == "")
    }

    /// An index file of mode 444 in a folder that can be written: a refreshing query answers from it with a warning.
    @Test(.enabled(if: IndexDamageTests.canDropPrivileges))
    func aReadOnlyIndexFileAnswersWithAWarning() throws {
        let (folder, corpus, db, _, _) = try Self.indexedCorpus()
        chmod(folder.path, 0o755)
        chmod(corpus + "/.dealq", 0o777)
        chmod(db, 0o444)
        folder.write("c/2023/D-new.md", dealText(id: "D-new"))
        let r = try runProgram("/usr/bin/setpriv", Self.asNobody + ["--corpus", corpus, "--format", "csv", "count"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "deals\n40\n")
        #expect(r.stderr.hasPrefix("warning: cannot refresh the index '\(db)' (the file is read-only)"))
    }

    /// A corpus that cannot be written and no `--db`: the index has nowhere to go, said in words.
    @Test(.enabled(if: IndexDamageTests.canDropPrivileges))
    func aReadOnlyCorpusWithoutDbSaysWhereToPutTheIndex() throws {
        let folder = TemporaryFolder()
        writeHealingCorpus(folder, count: 3, version: 1)
        chmod(folder.path, 0o755)
        let corpus = folder.path + "/c"
        for arguments in [["index", corpus], ["--corpus", corpus, "count"]] {
            let r = try runProgram("/usr/bin/setpriv", Self.asNobody + arguments)
            #expect(r.status == 1)
            #expect(r.stderr == "error: cannot write the index '\(corpus)/.dealq/index.sqlite': cannot create the folder "
                    + "'\(corpus)/.dealq' (permission denied); choose a writable place with --db\n")
        }
        #expect(!FileManager.default.fileExists(atPath: corpus + "/.dealq"))
    }
}

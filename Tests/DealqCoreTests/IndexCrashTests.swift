import Foundation
import Testing
@testable import DealqCore

/// A build and a refresh killed (SIGKILL) at many points, deterministically:
/// debug builds read `DEALQ_TEST_FAIL_AFTER_ROWS=N` and kill themselves right
/// after writing their Nth deal row. After each kill, queries answer from the
/// old index, whole; the next run cleans up and equals a fresh build.
@Suite struct IndexCrashTests {
    static let deals = 36

    /// A corpus indexed at version 1, then changed to version 2 (every deal
    /// edited, six added, three removed): 39 deal rows for a refresh to write.
    static func changedCorpus() throws -> (folder: TemporaryFolder, corpus: String, old: String, new: String) {
        let folder = TemporaryFolder()
        writeHealingCorpus(folder, count: deals, version: 1)
        let corpus = folder.path + "/c"
        let first = try runDealq(["index", corpus])
        #expect(first.status == 0, "\(first.stderr)")
        let old = try healingAnswers(corpus: corpus)
        writeHealingCorpus(folder, count: deals + 6, version: 2)
        for i in [3, 4, 5] { folder.remove("c/\(2023 + i % 3)/D-\(i).md") }
        let fresh = folder.path + "/fresh.sqlite"
        #expect(try runDealq(["index", corpus, "--db", fresh]).status == 0)
        let new = try healingAnswers(corpus: corpus, db: fresh)
        #expect(old != new)
        return (folder, corpus, old, new)
    }

    /// Runs `dealq index` with the failure point at `rows`; true when it was killed.
    static func killedRun(_ arguments: [String], afterRows rows: Int) throws -> Bool {
        let r = try runDealq(arguments, environment: ["DEALQ_TEST_FAIL_AFTER_ROWS": String(rows)])
        if r.status == SIGKILL { return true }
        #expect(r.status == 0, "\(r.stderr)")
        return false
    }

    @Test(arguments: [1, 2, 17, 38, 39])
    func aRefreshKilledAfterNRowsLeavesTheOldIndex(rows: Int) throws {
        let (folder, corpus, old, new) = try Self.changedCorpus()
        let db = corpus + "/.dealq/index.sqlite"
        #expect(try Self.killedRun(["index", corpus], afterRows: rows), "the run was to be killed at row \(rows)")
        #expect(try healingAnswers(corpus: corpus) == old, "a refresh killed at row \(rows) changed the answers")
        // The next run cleans up and equals a fresh build.
        let next = try runDealq(["index", corpus])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try healingAnswers(corpus: corpus) == new)
        #expect(try dumpIndex(db) == dumpIndex(folder.path + "/fresh.sqlite"))
        #expect(files(in: corpus + "/.dealq", startingWith: "index.sqlite.building-").isEmpty)
    }

    @Test(arguments: [1, 2, 20, 38, 39])
    func aRebuildKilledAfterNRowsLeavesTheOldIndexAndItsLeftoverIsRemoved(rows: Int) throws {
        let (folder, corpus, old, new) = try Self.changedCorpus()
        let db = corpus + "/.dealq/index.sqlite"
        #expect(try Self.killedRun(["index", "--rebuild", corpus], afterRows: rows))
        // The killed build left its temporary file; the old index answers, whole.
        #expect(files(in: corpus + "/.dealq", startingWith: "index.sqlite.building-").count >= 1)
        #expect(try healingAnswers(corpus: corpus) == old, "a build killed at row \(rows) changed the answers")
        let next = try runDealq(["index", corpus])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(files(in: corpus + "/.dealq", startingWith: "index.sqlite.building-").isEmpty)
        #expect(try healingAnswers(corpus: corpus) == new)
        #expect(try dumpIndex(db) == dumpIndex(folder.path + "/fresh.sqlite"))
    }

    /// The first build of a corpus killed: no index is left, queries say so, the next run builds it.
    @Test func aFirstBuildKilledLeavesNoIndex() throws {
        let folder = TemporaryFolder()
        writeHealingCorpus(folder, count: 12, version: 1)
        let corpus = folder.path + "/c"
        #expect(try Self.killedRun(["index", corpus], afterRows: 5))
        #expect(!FileManager.default.fileExists(atPath: corpus + "/.dealq/index.sqlite"))
        let query = try runDealq(["--corpus", corpus, "--no-refresh", "count"])
        #expect(query.status == 1)
        #expect(query.stderr.contains("no index at"))
        let next = try runDealq(["--corpus", corpus, "--format", "csv", "count"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout == "deals\n12\n")
    }

    /// Many kills in a row, refreshes and builds alternating, each from the
    /// state the last one left: the index stays the old one until a run completes.
    @Test func killsInARowNeverMixTheTwoVersions() throws {
        let (folder, corpus, old, new) = try Self.changedCorpus()
        defer { withExtendedLifetime(folder) {} }
        for (step, rows) in [3, 11, 25, 7, 31].enumerated() {
            let arguments = step % 2 == 0 ? ["index", corpus] : ["index", "--rebuild", corpus]
            #expect(try Self.killedRun(arguments, afterRows: rows))
            #expect(try healingAnswers(corpus: corpus) == old, "step \(step)")
        }
        #expect(try Self.killedRun(["index", corpus], afterRows: 10_000) == false)
        #expect(try healingAnswers(corpus: corpus) == new)
    }
}

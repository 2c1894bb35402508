import Foundation
import GRDB
import Testing
@testable import DealqCore

/// `dealq index` run as a process: output streams, formats and exit statuses.
@Suite struct IndexCommandTests {
    func corpus() throws -> TemporaryFolder { try fixtureCopy("rules") }

    @Test func rejectedFilesOnStderrInPathOrderAndExitOne() throws {
        let folder = try corpus()
        let r = try runDealq(["index", folder.path])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "good/lost.md:8:3: warning: driver weights sum to 100; scaled to sum to 1")
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(errors.count == 16)
        #expect(errors.first == "bad/01-not-closed.md:1:1: error: front matter is not closed (no '---' or '...' line after the opening '---')")
        #expect(errors.last == "dup/b-rejected.md:2:5: error: duplicate id 'DUP' (first used in dup/a-kept.md)")
        #expect(!r.stderr.contains("\r"), "no progress line when stderr is not a terminal")
        #expect(r.stdout.contains("5 deals in the index"))
        #expect(r.stdout.contains("2 non-deal files skipped, 16 files rejected"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.dealq/index.sqlite"))
    }

    @Test func jsonSummaryCounts() throws {
        let folder = try corpus()
        let r = try runDealq(["index", folder.path, "--format", "json"])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["deals"] as? Int == 5)
        #expect(object["skipped"] as? Int == 2)
        #expect(object["new"] as? Int == 23)
        let rejected = try #require(object["rejected"] as? [[String: Any]])
        #expect(rejected.count == 16)
        #expect(rejected[4]["path"] as? String == "bad/05-outcome.md")
        #expect(rejected[4]["line"] as? Int == 3)
        #expect(rejected[4]["column"] as? Int == 10)
        #expect(rejected[4]["message"] as? String == "invalid outcome 'maybe' (expected won, lost or churned)")
    }

    @Test func cleanCorpusExitsZeroAndDbOptionIsHonoured() throws {
        let folder = TemporaryFolder()
        folder.write("c/a.md", dealText())
        let r = try runDealq(["index", "c", "--db", "elsewhere/i.sqlite"], in: folder.path)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/elsewhere/i.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/c/.dealq"))
        let again = try runDealq(["index", "c", "--db", "elsewhere/i.sqlite"], in: folder.path)
        #expect(again.stdout.contains("up to date: 1 file unchanged"))
    }

    @Test func corpusFoundFromASubfolder() throws {
        let folder = TemporaryFolder()
        folder.write("dealq.yml", "topics: {}\n")
        folder.write("deals/2025/a.md", dealText())
        let r = try runDealq(["index"], in: folder.path + "/deals/2025")
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.dealq/index.sqlite"))
    }

    @Test func manyWarningsAreSummedUp() throws {
        let folder = TemporaryFolder()
        for i in 0..<12 {
            folder.write("w\(i).md", dealText("drivers:\n  - category: a\n    weight: 60\n  - category: b\n    weight: 40", id: "W-\(i)"))
        }
        let r = try runDealq(["index", folder.path])
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines.last == "… and 2 more warnings (--format json lists them all)")
        let json = try runDealq(["index", folder.path, "--rebuild", "--format", "json"])
        #expect(json.stderr.split(separator: "\n").count == 12)
    }

    @Test func usageErrorsExitTwo() throws {
        let r = try runDealq(["index", "--format", "xml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("xml"))
        #expect(r.stdout == "")
    }

    @Test func foreignIndexFileExitsOneAndIsKept() throws {
        let folder = TemporaryFolder()
        folder.write("c/a.md", dealText())
        folder.write("db.sqlite", "hello")
        let r = try runDealq(["index", "c", "--db", "db.sqlite"], in: folder.path)
        #expect(r.status == 1)
        #expect(r.stderr == "error: '\(folder.path)/db.sqlite' is not a dealq index (not an SQLite database); it was left untouched: move it away or choose another path with --db\n")
        #expect(try String(contentsOfFile: folder.path + "/db.sqlite", encoding: .utf8) == "hello")
    }

    @Test func badConfigExitsOneNamingTheLine() throws {
        let folder = TemporaryFolder()
        folder.write("a.md", dealText())
        folder.write("dealq.yml", "topics:\n  x: ['a(']\n")
        let r = try runDealq(["index", folder.path])
        #expect(r.status == 1)
        #expect(r.stderr == "dealq.yml:2:7: error: invalid pattern 'a(' for topic 'x': missing closing parenthesis at offset 2\n")
    }

    /// A kill in the middle of a run leaves the previous index whole: the run is
    /// killed (SIGKILL) after its first batch of 512 files is written and before the
    /// rest, and the index still holds the old corpus, whole, and opens without error.
    @Test func killedRunLeavesThePreviousIndex() throws {
        let folder = TemporaryFolder()
        for i in 0..<1200 { folder.write(String(format: "d/%05d.md", i), dealText(id: "K-\(i)", body: "version one \(i)\n")) }
        let first = try runDealq(["index", folder.path])
        #expect(first.status == 0, "\(first.stderr)")
        let db = folder.path + "/.dealq/index.sqlite"
        let before = try dumpIndex(db)
        for i in 0..<1200 { folder.write(String(format: "d/%05d.md", i), dealText(id: "K-\(i)", body: "version two, longer \(i)\n")) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dealqBinary)
        process.arguments = ["index", folder.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["DEALQ_TEST_KILL_AFTER_FILES": "500"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // The kill landed mid-write, not after the run.
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(try dumpIndex(db) == before, "a killed run changed the index")
        // The next run finishes the job.
        #expect(try runDealq(["index", folder.path]).status == 0)
        let after = try dumpIndex(db)
        #expect(after.contains("version two") && !after.contains("version one"))
    }
}

import Foundation
import GRDB
import Testing
@testable import DealqCore

@Suite struct IndexTests {
    /// Copies the rules fixture corpus to a temporary folder and adds a symbolic link to a deal.
    func rulesCorpus() throws -> TemporaryFolder {
        let folder = try fixtureCopy("rules")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.md", withDestinationPath: "good/won.md")
        return folder
    }

    @Test func oneFilePerRuleIsRejectedAndTheOthersAreIndexed() throws {
        let corpus = try rulesCorpus()
        let report = try Indexer(corpus: corpus.path, database: corpus.path + "/.dealq/index.sqlite").run()
        #expect(report.rejected.map(\.description) == [
            "bad/01-not-closed.md:1:1: error: front matter is not closed (no '---' or '...' line after the opening '---')",
            "bad/02-yaml.md:6:1: error: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'",
            "bad/03-not-mapping.md:2:1: error: front matter is not a mapping",
            "bad/04-missing-id.md:1:1: error: missing required field 'id'",
            "bad/05-outcome.md:3:10: error: invalid outcome 'maybe' (expected won, lost or churned)",
            "bad/06-closed.md:4:9: error: invalid date '2025-02-30' for 'closed' (expected a real day as YYYY-MM-DD)",
            "bad/07-acv.md:5:6: error: 'acv' must be a number or money text like 120000, $120K or 1.2M, not 'EUR 100'",
            "bad/08-acv-negative.md:5:6: error: 'acv' must not be negative, not '-1'",
            "bad/09-type.md:5:10: error: 'segment' must be a string",
            "bad/10-weights-zero.md:6:3: error: driver weights are all zero",
            "bad/11-weights-mixed.md:6:3: error: some drivers have a weight and some do not",
            "bad/12-confidence.md:5:13: error: 'confidence' must be between 0 and 1, not '2'",
            "bad/13-label.md:7:12: error: invalid insight label 'wish' (expected gap, advantage, bug or requested)",
            "bad/14-category.md:6:5: error: driver 1 has no 'category'",
            "bad/16-utf8.md:3:13: error: file is not valid UTF-8",
            "dup/b-rejected.md:2:5: error: duplicate id 'DUP' (first used in dup/a-kept.md)",
        ])
        #expect(report.deals == 5)
        #expect(report.skipped == 2)
        #expect(report.warnings.map(\.description) == ["good/lost.md:8:3: warning: driver weights sum to 100; scaled to sum to 1"])
        let ids = try DatabaseQueue(path: corpus.path + "/.dealq/index.sqlite").read { db in
            try String.fetchAll(db, sql: "SELECT id FROM deals ORDER BY id")
        }
        #expect(ids == ["DUP", "G-1", "G-2", "G-3", "G-4"])
    }

    @Test func warmRunReadsNothingAndReportsTheSame() throws {
        let corpus = try rulesCorpus()
        let indexer = Indexer(corpus: corpus.path, database: corpus.path + "/.dealq/index.sqlite")
        // Files written within 50 ms of a scan are read again (their mtime may hide an edit):
        // date them a minute back rather than wait for the clock.
        try backdate(corpus.path)
        let first = try indexer.run()
        let second = try indexer.run()
        #expect(second.rebuilt == false)
        #expect(second.new == 0 && second.changed == 0 && second.removed == 0)
        #expect(second.unchanged == 23)
        #expect(second.rejected == first.rejected)
        #expect(second.deals == first.deals)
    }

    /// A file replaced by another of the same size and the same mtime (copied with its times kept, then
    /// renamed over it, as a sync tool does) is another inode: the next refresh reads it again.
    @Test func aFileReplacedWithTheSameSizeAndMtimeIsReadAgain() throws {
        let folder = try fixtureCopy("semantics")
        let file = folder.path + "/a1.md"
        let old = try String(contentsOfFile: file, encoding: .utf8)
        #expect(old.contains("Implementation took"), "the fixture's text changed: pick another phrase")
        let new = old.replacingOccurrences(of: "Implementation took", with: "Zquklementaxon took")
        #expect(new.utf8.count == old.utf8.count)
        let dated = try runProgram("/usr/bin/touch", ["-d", "2020-01-01 00:00:00", file])
        #expect(dated.status == 0)
        let indexed = try runDealq(["index", folder.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        try new.write(toFile: folder.path + "/a1.md.tmp", atomically: false, encoding: .utf8)
        let copied = try runProgram("/usr/bin/touch", ["-r", file, folder.path + "/a1.md.tmp"])
        #expect(copied.status == 0)
        #expect(rename(folder.path + "/a1.md.tmp", file) == 0)
        let r = try runDealq(["--corpus", folder.path, "--format", "csv", "count zquklementaxon"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "deals\n1\n")
    }

    /// Each step refreshes the index and compares it with one built fresh from the same files.
    @Test func incrementalEqualsFresh() throws {
        let corpus = try rulesCorpus()
        let db = corpus.path + "/.dealq/index.sqlite"
        let indexer = Indexer(corpus: corpus.path, database: db)
        // Fresh builds go outside the corpus: files made in it would change its folders' mtimes.
        let elsewhere = try TemporaryFolder()
        func check(_ step: String, new: Int = 0, changed: Int = 0, removed: Int = 0, rebuilt: Bool = false,
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
            let report = try indexer.run()
            #expect(report.rebuilt == rebuilt, "\(step)", sourceLocation: sourceLocation)
            if !rebuilt {
                let counts = [report.new, report.changed, report.removed]
                #expect(counts == [new, changed, removed], "\(step)", sourceLocation: sourceLocation)
            }
            let freshPath = elsewhere.path + "/fresh-\(UUID().uuidString).sqlite"
            _ = try Indexer(corpus: corpus.path, database: freshPath).run()
            let incremental = try dumpIndex(db), fresh = try dumpIndex(freshPath)
            #expect(incremental == fresh, "\(step): the refreshed index differs from a fresh build", sourceLocation: sourceLocation)
        }
        _ = try indexer.run()
        corpus.write("new/added.md", dealText("acv: 10k\ntopics: [security]", id: "N-1", body: "> Added quote\n> — CTO, call\n"))
        try check("add", new: 1)
        corpus.write("good/lost.md", dealText("acv: 46000\nsegment: Mid-Market", id: "G-2", outcome: "lost", body: "Changed body text.\n"))
        try check("change", changed: 1)
        corpus.remove("good/churned.md")
        try check("delete", removed: 1)
        try FileManager.default.moveItem(atPath: corpus.path + "/good/won.md", toPath: corpus.path + "/renamed.md")
        try check("rename", new: 1, removed: 1)
        corpus.write("bad/05-outcome.md", dealText(id: "B-5", outcome: "lost"))
        try check("rejected file fixed", changed: 1)
        corpus.write("new/added.md", dealText(id: "N-1", outcome: "???"))
        try check("good file broken", changed: 1)
        corpus.remove("dup/a-kept.md")
        try check("the kept duplicate removed: the other one becomes the deal", removed: 1)
        corpus.write("dup/0-first.md", dealText(id: "DUP", outcome: "lost"))
        try check("an earlier path takes the id", new: 1)
        corpus.write("dealq.yml", "topics:\n  pricing: ['\\bpric\\w*']\naliases:\n  competitor:\n    Acme Analytics: [Acme]\n")
        try check("dealq.yml edited", rebuilt: true)
    }

    @Test func configTopicsAndAliasesReachTheIndex() throws {
        let corpus = try rulesCorpus()
        corpus.write("dealq.yml", "topics:\n  implementation: ['\\bimplement\\w*']\naliases:\n  competitor:\n    Acme Analytics: [Acme]\n")
        let db = corpus.path + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: corpus.path, database: db).run()
        let rows = try DatabaseQueue(path: db).read { db in
            try String.fetchAll(db, sql: """
                SELECT f.facet || '=' || f.value FROM deal_facet_values f JOIN deals d ON d.rowid = f.deal
                WHERE d.id = 'G-1' AND f.facet IN ('topic', 'competitor') ORDER BY 1
                """)
        }
        #expect(rows == ["competitor=Acme Analytics", "topic=implementation"])
    }

    @Test func badConfigStopsIndexingAndKeepsTheIndex() throws {
        let corpus = try rulesCorpus()
        let db = corpus.path + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: corpus.path, database: db).run()
        let before = try dumpIndex(db)
        corpus.write("dealq.yml", "topics:\n  pricing: ['(unclosed']\n")
        #expect(throws: IndexError.config(FileDiagnostic(path: "dealq.yml", line: 2, column: 13,
                                                          message: "invalid pattern '(unclosed' for topic 'pricing': missing closing parenthesis at offset 9"))) {
            try Indexer(corpus: corpus.path, database: db).run()
        }
        #expect(try dumpIndex(db) == before)
    }

    @Test func foreignFilesAtTheIndexPathAreNotTouched() throws {
        let folder = TemporaryFolder()
        folder.write("corpus/a.md", dealText())
        let text = folder.path + "/notes.txt"
        folder.write("notes.txt", "my notes, not a database\n")
        #expect(throws: IndexError.notAnIndex(path: text, reason: "not an SQLite database")) {
            try Indexer(corpus: folder.path + "/corpus", database: text).run()
        }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "my notes, not a database\n")

        let other = folder.path + "/other.sqlite"
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE important (x); INSERT INTO important VALUES (1)") }
        #expect(throws: IndexError.notAnIndex(path: other, reason: "an SQLite database of another program")) {
            try Indexer(corpus: folder.path + "/corpus", database: other).run()
        }
        #expect(try DatabaseQueue(path: other).read { try Int.fetchOne($0, sql: "SELECT x FROM important") } == 1)
    }

    @Test func aDamagedIndexIsMovedAsideAndRebuilt() throws {
        let folder = TemporaryFolder()
        folder.write("corpus/a.md", dealText())
        let db = folder.path + "/index.sqlite"
        _ = try Indexer(corpus: folder.path + "/corpus", database: db).run()
        // Keep the header (so it still says it is ours) and garble the rest.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        for i in 100..<bytes.count { bytes[i] = 0x5A }
        try bytes.write(to: URL(fileURLWithPath: db))
        let report = try Indexer(corpus: folder.path + "/corpus", database: db).run()
        let aside = try #require(report.movedAside)
        #expect(aside.path.hasPrefix(db + ".damaged-"))
        #expect(aside.reason == "SQLite found a malformed page in it")
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside.path)) == bytes)
        #expect(report.rebuilt && report.deals == 1)
        // Readers that do not write get the damage in words.
        try bytes.write(to: URL(fileURLWithPath: db))
        #expect(throws: IndexError.corrupt(path: db, detail: "SQLite found a malformed page in it")) {
            try QueryEngine(database: db)
        }
    }

    @Test func theNameOfADamagedIndexMovedAsideIsFree() throws {
        let folder = TemporaryFolder()
        let db = folder.path + "/index.sqlite"
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let first = IndexSwap.asidePath(for: db, now: now)
        #expect(first == db + ".damaged-20261130T005320Z")
        folder.write("index.sqlite.damaged-20261130T005320Z", "taken")
        #expect(IndexSwap.asidePath(for: db, now: now) == first + "-2")
    }

    @Test func unreadableCorpus() {
        #expect(throws: IndexError.corpus(path: "/nonexistent/corpus", reason: "No such file or directory")) {
            try Indexer(corpus: "/nonexistent/corpus", database: "/tmp/x.sqlite").run()
        }
    }

    @Test func walkerOrderAndFilters() throws {
        let corpus = try rulesCorpus()
        corpus.write("b/ü.md", "x")
        corpus.write("b/z.md", "x")
        corpus.write("B/a.md", "x")
        let paths = try CorpusWalker.files(root: corpus.path).map(\.path)
        #expect(!paths.contains("link.md"))
        #expect(!paths.contains { $0.hasPrefix(".") || $0.contains("/.") })
        #expect(!paths.contains("upper.MD"))
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(paths.firstIndex(of: "B/a.md")! < paths.firstIndex(of: "b/z.md")!)
        #expect(paths.firstIndex(of: "b/z.md")! < paths.firstIndex(of: "b/ü.md")!)
    }
}

/// One process at a time brings an index up to date; the others wait.
@Suite struct IndexLockTests {
    @Test func aSecondHolderWaitsForTheFirst() throws {
        let folder = try TemporaryFolder()
        let first = IndexLock(database: folder.path + "/index.sqlite")
        let second = IndexLock(database: folder.path + "/index.sqlite")
        #expect(first.tryAcquire())
        #expect(!second.tryAcquire())
        first.release()
        #expect(second.tryAcquire())
        second.release()
    }

    @Test func concurrentQueriesWithChangesAllAnswer() throws {
        // Three queries at once on a corpus with pending changes: each refreshes
        // in turn (before the lock, two of them failed on SQLite's write lock).
        let folder = try TemporaryFolder()
        for i in 0..<400 { folder.write("corpus/D-\(i).md", dealText(id: "D-\(i)")) }
        #expect(try runDealq(["index", folder.path + "/corpus"]).status == 0)
        for i in 0..<400 { folder.write("corpus/D-\(i).md", dealText(id: "D-\(i)") + "\nEdited.\n") }
        let results = Slots<CommandResult>(count: 3)
        let corpus = folder.path + "/corpus"
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            results.store((try? runDealq(["--corpus", corpus, "--format", "csv", "count"]))
                          ?? CommandResult(stdout: "", stderr: "did not run", status: -1), at: i)
        }
        for r in results.all() {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "deals\n400\n")
        }
    }
}

/// Sets every file under `folder` to have been modified a minute ago.
func backdate(_ folder: String) throws {
    let minuteAgo = Date(timeIntervalSinceNow: -60)
    let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
    for file in files {
        try FileManager.default.setAttributes([.modificationDate: minuteAgo], ofItemAtPath: folder + "/" + file)
    }
}

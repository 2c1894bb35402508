import Foundation
import Testing
@testable import DealqCore

/// `dealq watch` as it fails in real use: after each change, a one-shot query
/// answers through the watcher (or, without a live one, by looking at every
/// file), and the index equals one built fresh from the same files.
@Suite(.serialized) struct WatchTests {
    /// Six deals in two year/quarter folders and a `dealq.yml`.
    func corpus() throws -> TemporaryFolder {
        let folder = try fixtureCopy("semantics")
        for (index, name) in ["a1", "a2", "a3", "a4", "a5", "a6"].enumerated() {
            let target = index < 3 ? "2024/Q1" : "2025/Q2"
            try FileManager.default.createDirectory(atPath: folder.path + "/" + target, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: folder.path + "/\(name).md", toPath: folder.path + "/\(target)/\(name).md")
        }
        return folder
    }

    func start(_ folder: TemporaryFolder, environment: [String: String] = [:]) throws -> WatcherProcess {
        let watcher = try WatcherProcess(corpus: folder.path, environment: environment)
        #expect(watcher.waitUntilReady(), "the watcher never became ready: \(watcher.stderr)")
        return watcher
    }

    /// Runs `query` as a one-shot, and says how the index was brought up to date.
    func ask(_ query: String, in folder: TemporaryFolder, environment: [String: String] = [:]) throws -> (answer: String, how: String) {
        let r = try runDealq(["--corpus", folder.path, query], environment: environment.merging(["DEALQ_TRACE_REFRESH": "1"]) { a, _ in a })
        #expect(r.status == 0, "\(r.stderr)")
        let how = r.stderr.split(separator: "\n").first { $0.hasPrefix("refresh: ") }.map(String.init) ?? r.stderr
        return (r.stdout, how)
    }

    /// The index the query used equals a fresh build of the corpus, and so does the answer.
    func expectFresh(_ folder: TemporaryFolder, query: String, answer: String) throws {
        let fresh = NSTemporaryDirectory() + "dealq-fresh-" + UUID().uuidString + ".sqlite"
        defer { for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: fresh + suffix) } }
        let built = try runDealq(["index", folder.path, "--db", fresh])
        #expect(built.status == 0, "\(built.stderr)")
        let freshAnswer = try runDealq(["--corpus", folder.path, "--db", fresh, "--no-refresh", query])
        #expect(answer == freshAnswer.stdout)
        #expect(try dumpIndex(folder.path + "/.dealq/index.sqlite") == dumpIndex(fresh))
    }

    @Test func inPlaceAppendIsSeenByTheNextQuery() throws {
        let folder = try corpus()
        let watcher = try start(folder)
        #expect(try ask(#"count "zebraquark""#, in: folder).answer.hasSuffix("0\n"))
        let r = try runProgram("/bin/sh", ["-c", "echo 'The buyer said zebraquark twice.' >> 2024/Q1/a2.md"], in: folder.path)
        #expect(r.status == 0)
        let (answer, how) = try ask(#"count "zebraquark""#, in: folder)
        #expect(how.hasPrefix("refresh: the watcher"))
        #expect(answer.hasSuffix("1\n"))
        try expectFresh(folder, query: #"count "zebraquark""#, answer: answer)
        watcher.signal(SIGTERM)
        #expect(watcher.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: watcher.database + ".watch"), "the socket outlived the watcher")
    }

    @Test func editorsAtomicRenameIsSeen() throws {
        let folder = try corpus()
        let watcher = try start(folder)
        let original = try String(contentsOfFile: folder.path + "/2025/Q2/a5.md", encoding: .utf8)
        // As vim and most editors save: write a hidden temporary file, then rename it over the original.
        folder.write("2025/Q2/.a5.md.swp", original.replacingOccurrences(of: "outcome: won", with: "outcome: lost")
                     .replacingOccurrences(of: "outcome: churned", with: "outcome: lost") + "\nzebraquark\n")
        #expect(rename(folder.path + "/2025/Q2/.a5.md.swp", folder.path + "/2025/Q2/a5.md") == 0)
        let (answer, how) = try ask("count by outcome", in: folder)
        #expect(how.hasPrefix("refresh: the watcher"))
        try expectFresh(folder, query: "count by outcome", answer: answer)
        #expect(try ask(#"count "zebraquark""#, in: folder).answer.hasSuffix("1\n"))
        _ = watcher
    }

    @Test func gitCheckoutOfAnotherBranchIsSeen() throws {
        let folder = try corpus()
        let git = { (arguments: String) throws -> CommandResult in
            try runProgram("/bin/sh", ["-c", "git -c user.name=t -c user.email=t@t " + arguments], in: folder.path)
        }
        try #require(try git("init -q -b main . && git add -A && git -c user.name=t -c user.email=t@t commit -qm one").status == 0)
        // The other branch: a folder gone, a deal moved to a new folder and edited, a new deal.
        let branch = """
            checkout -q -b other && git rm -rq 2024/Q1 && mkdir -p 2026/Q1 && git mv 2025/Q2/a4.md 2026/Q1/a4.md \
            && echo 'zebraquark' >> 2026/Q1/a4.md && sed 's/^id: .*/id: D-NEW-9/' 2025/Q2/a5.md > 2026/Q1/new.md \
            && git add -A && git -c user.name=t -c user.email=t@t commit -qm two && git checkout -q main
            """
        try #require(try git(branch).status == 0)
        let watcher = try start(folder)
        let before = try ask("count by outcome", in: folder).answer
        try #require(try git("checkout -q other").status == 0)
        let (answer, how) = try ask("count by outcome", in: folder)
        #expect(how.hasPrefix("refresh: the watcher"))
        #expect(answer != before)
        try expectFresh(folder, query: "count by outcome", answer: answer)
        try #require(try git("checkout -q main").status == 0)
        let (back, howBack) = try ask("count by outcome", in: folder)
        #expect(howBack.hasPrefix("refresh: the watcher"))
        #expect(back == before)
        try expectFresh(folder, query: "count by outcome", answer: back)
        _ = watcher
    }

    @Test func deletedFolderLeavesTheIndex() throws {
        let folder = try corpus()
        let watcher = try start(folder)
        try FileManager.default.removeItem(atPath: folder.path + "/2024")
        let (answer, how) = try ask("count", in: folder)
        #expect(how.hasPrefix("refresh: the watcher"))
        #expect(answer.hasSuffix("3\n"))
        try expectFresh(folder, query: "count", answer: answer)
        // A folder made again, with a deal in a new subfolder, is watched and indexed.
        folder.write("2024/Q3/b1.md", dealText(id: "B-1"))
        let (again, howAgain) = try ask("count", in: folder)
        #expect(howAgain.hasPrefix("refresh: the watcher"))
        #expect(again.hasSuffix("4\n"))
        try expectFresh(folder, query: "count", answer: again)
        _ = watcher
    }

    /// A folder made inside a new folder while the watcher takes that folder in is watched too: each
    /// folder is watched before it is listed. The test makes `new/l0/late` right after `new` is listed
    /// and before `new/l0` is watched (a watcher that listed the whole new tree first, then watched its
    /// folders, never saw `late`); a deal written into it afterwards is indexed by the next sync.
    @Test func aFolderMadeWhileANewTreeIsTakenInIsWatched() throws {
        let folder = try corpus()
        let watcher = try CorpusWatcher(corpus: folder.path, database: folder.path + "/.dealq/index.sqlite")
        _ = try watcher.start()
        CorpusWatcher.afterListingForTests = { corpus, listed in
            if listed == "new" { try? FileManager.default.createDirectory(atPath: corpus + "/new/l0/late", withIntermediateDirectories: true) }
        }
        defer { CorpusWatcher.afterListingForTests = nil }
        try FileManager.default.createDirectory(atPath: folder.path + "/new/l0", withIntermediateDirectories: true)
        _ = try watcher.sync()
        #expect(watcher.watchedFolders.isSuperset(of: ["new", "new/l0", "new/l0/late"]), "\(watcher.watchedFolders.sorted())")
        folder.write("new/l0/late/deal.md", dealText(id: "LATE-1"))
        _ = try watcher.sync()
        let r = try runDealq(["--corpus", folder.path, "--no-refresh", "--format", "csv", "count"])
        #expect(r.stdout == "deals\n7\n", "\(r.stderr)")
    }

    @Test func killedWatcherFallsBackToTheWalk() throws {
        let folder = try corpus()
        let watcher = try start(folder)
        watcher.signal(SIGKILL)
        #expect(watcher.waitForExit() != nil)
        #expect(FileManager.default.fileExists(atPath: watcher.database + ".watch"), "a killed watcher leaves its socket")
        folder.write("2025/Q2/new.md", dealText(id: "N-1"))
        let (answer, how) = try ask("count", in: folder)
        #expect(how == "refresh: a look at every file")
        #expect(answer.hasSuffix("7\n"))
        try expectFresh(folder, query: "count", answer: answer)
        // A new watcher replaces the stale socket.
        let next = try start(folder)
        folder.remove("2025/Q2/new.md")
        let (after, howAfter) = try ask("count", in: folder)
        #expect(howAfter.hasPrefix("refresh: the watcher"))
        #expect(after.hasSuffix("6\n"))
        _ = next
    }

    @Test func watchLimitWarnsAndQueriesFallBack() throws {
        let folder = try corpus()
        let watcher = try WatcherProcess(corpus: folder.path, environment: ["DEALQ_TEST_MAX_WATCHES": "2"])
        #expect(watcher.waitForExit() == 1)
        #expect(watcher.stderr.contains("warning: the inotify watch limit is reached after 2 folders (see /proc/sys/fs/inotify/max_user_watches)"))
        #expect(!FileManager.default.fileExists(atPath: watcher.database + ".watch"))
        folder.write("2025/Q2/new.md", dealText(id: "N-1"))
        let (answer, how) = try ask("count", in: folder)
        #expect(how == "refresh: a look at every file")
        try expectFresh(folder, query: "count", answer: answer)
    }

    @Test func secondWatcherOfTheSameIndexIsRefused() throws {
        let folder = try corpus()
        let first = try start(folder)
        let second = try WatcherProcess(corpus: folder.path)
        #expect(second.waitForExit() == 1)
        #expect(second.stderr.contains("error: another dealq watch (pid \(first.process.processIdentifier)) already keeps this index fresh"))
        // The first still serves.
        folder.write("2025/Q2/new.md", dealText(id: "N-1"))
        #expect(try ask("count", in: folder).how.hasPrefix("refresh: the watcher"))
        first.signal(SIGINT)
        #expect(first.waitForExit() == 0)
    }

    @Test func brokenConfigDoesNotStopTheWatcher() throws {
        let folder = try corpus()
        let watcher = try start(folder)
        let config = try String(contentsOfFile: folder.path + "/dealq.yml", encoding: .utf8)
        folder.write("dealq.yml", "topics: [unclosed\n")
        let broken = try runDealq(["--corpus", folder.path, "count"], environment: ["DEALQ_TRACE_REFRESH": "1"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("refresh: a look at every file"))
        #expect(broken.stderr.contains("dealq.yml:"))
        folder.write("dealq.yml", config)
        let (answer, how) = try ask("count by outcome", in: folder)
        #expect(how.hasPrefix("refresh: the watcher"))
        try expectFresh(folder, query: "count by outcome", answer: answer)
        #expect(watcher.process.isRunning)
    }

    @Test func changedConfigRebuildsThroughTheWatcher() throws {
        let folder = try corpus()
        let watcher = try start(folder)
        let config = try String(contentsOfFile: folder.path + "/dealq.yml", encoding: .utf8)
        folder.write("dealq.yml", config + "\n# edited\n")
        let (answer, how) = try ask("count by outcome", in: folder)
        #expect(how.hasPrefix("refresh: the watcher"))
        try expectFresh(folder, query: "count by outcome", answer: answer)
        #expect(watcher.stdout.contains("rebuilt"))
    }
}

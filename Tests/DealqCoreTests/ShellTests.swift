import Foundation
import Testing
import DealqCore

/// The shell end to end: the built `dealq` on a pseudo-terminal of its own
/// (see `PtyProcess`), on a small corpus in a temporary folder, with HOME and
/// XDG_STATE_HOME in that folder. Each step waits for the prompt (or other
/// text) with a timeout; nothing sleeps a fixed time (the Ctrl-C test waits for
/// the shell to say the slowed query is running).
@Suite(.serialized) struct ShellTests {
    let folder = TemporaryFolder()
    var corpus: String { folder.path + "/corpus" }
    var state: String { folder.path + "/state" }
    let prompt = "corpus (4 deals)> "

    init() throws {
        let deals: [(String, String, String)] = [
            ("A-1", "won", "Acme Analytics"), ("A-2", "lost", "Acme Analytics"),
            ("B-1", "lost", "Borealis"), ("C-1", "won", "Northwind BI"),
        ]
        for (id, outcome, competitor) in deals {
            folder.write("corpus/\(id).md", dealText("""
                segment: enterprise
                competitors:
                  primary: \(competitor)
                """, id: id, outcome: outcome, body: "Security review notes for \(id).\n"))
        }
        folder.write("corpus/dealq.yml", "")
        folder.write("home/.keep", "")
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ["HOME": folder.path + "/home", "XDG_STATE_HOME": state, "TERM": "xterm", "NO_COLOR": "1",
                   "DEALQ_TODAY": "2025-12-31", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        for (k, v) in extra { env[k] = v }
        return env
    }

    func shell(_ arguments: [String] = ["shell"], _ extra: [String: String] = [:]) throws -> PtyProcess {
        let p = try PtyProcess(dealqBinary, arguments + ["--corpus", corpus], environment: environment(extra))
        try p.waitFor(prompt)
        return p
    }

    /// Types a line and waits for the next prompt; returns what came before it.
    @discardableResult
    func line(_ p: PtyProcess, _ text: String) throws -> String {
        p.send(text + "\r")
        return try p.waitFor(prompt)
    }

    func historyFile() -> String {
        (try? String(contentsOfFile: state + "/dealq/history", encoding: .utf8)) ?? ""
    }

    @Test func bannerPromptAndCtrlDExitsZero() throws {
        let p = try PtyProcess(dealqBinary, ["--corpus", corpus], environment: environment())  // plain `dealq` on a terminal
        let banner = try p.waitFor(prompt)
        #expect(banner.contains("dealq 0.1.0 — 4 deals in corpus/. Type .help for examples, .quit to leave."))
        p.send("\u{4}")
        #expect(p.waitForExit() == 0, "\(p.text.debugDescription)")
        // Nothing typed: no history file, not even its folder.
        #expect(!FileManager.default.fileExists(atPath: state + "/dealq"))
    }

    // libedit redraws the line in pieces (cursor moves, a bell when Tab is
    // ambiguous), so what a completion made is read back from the history
    // file after Enter: keys are handled in order, Tab before Enter.

    @Test func completesAFacet() throws {
        let p = try shell()
        p.send("quotes segm\tent\t\r")
        try p.waitFor(prompt)
        p.send("count by comp\t.sel\t\r")
        try p.waitFor(prompt)
        #expect(historyFile() == "quotes segment:enterprise\ncount by competitor.selected\n")
    }

    @Test func aCompletedVerbOrValueIsFollowedByASpaceButNotAFacetName() throws {
        let p = try shell()
        p.send("cou\tsegm\tent\tsecurity\r")
        let answer = try p.waitFor(prompt)
        #expect(answer.hasSuffix("4\r\n"), "\(answer.debugDescription)")
        #expect(historyFile() == "count segment:enterprise security\n")
    }

    @Test func helpExitAndQuitWithoutTheDotAreCommands() throws {
        let p = try shell()
        let help = try line(p, "help")
        #expect(help.contains("Type a query, or a command starting with a dot."))
        #expect(!help.contains("searched for as text"))
        let topic = try line(p, "help filters")
        #expect(topic.contains("Filters combine with AND"))
        p.send("quit\r")
        #expect(p.waitForExit() == 0, "\(p.text.debugDescription)")
        let q = try shell()
        q.send("exit\r")
        #expect(q.waitForExit() == 0, "\(q.text.debugDescription)")
        #expect(!q.text.contains("(no rows)"))
    }

    @Test func completesAValueWithASpaceInQuotes() throws {
        let p = try shell()
        p.send("quotes competitor:Ac\t")
        try p.waitFor("Analytics\"")
        p.send("\r")
        try p.waitFor(prompt)
        p.send("count competitor:north\t\r")
        try p.waitFor(prompt)
        #expect(historyFile() == "quotes competitor:\"Acme Analytics\"\ncount competitor:\"Northwind BI\"\n")
    }

    @Test func completesSavedQueriesAndTheirParameters() throws {
        let p = try shell()
        let saved = try line(p, ".save lost-to count competitor:$who outcome:lost")
        #expect(saved.contains("saved 'lost-to'"))
        p.send(".run lo\t\tBorealis\r")  // the completed name is followed by a space
        let answer = try p.waitFor(prompt)
        #expect(answer.contains("-- count competitor:Borealis outcome:lost"))
        #expect(answer.contains("1"))
        #expect(historyFile().hasSuffix(".run lost-to who=Borealis\n"))
    }

    @Test func historyIsKeptAcrossSessions() throws {
        do {
            let p = try shell()
            // A query continued over two lines is one entry.
            p.send("count \\\r")
            try p.waitFor("..> ")
            let answer = try line(p, "outcome:won")
            #expect(answer.contains("2"))
            p.send("\u{4}")
            #expect(p.waitForExit() == 0, "\(p.text.debugDescription)")
        }
        #expect(historyFile() == "count outcome:won\n")
        let p = try shell()
        p.send("\u{1B}[A")  // Up: the last session's query
        try p.waitFor("count outcome:won")
        p.send("\r")
        try p.waitFor(prompt)
        #expect(historyFile() == "count outcome:won\ncount outcome:won\n")
        p.send(".quit\r")
        #expect(p.waitForExit() == 0)
    }

    @Test func readOnlyHomeKeepsHistoryInMemory() throws {
        // HOME under a plain file: no folder can be made there, whoever runs the tests (root too).
        folder.write("not-a-folder", "")
        let home = folder.path + "/not-a-folder/home"
        var env = environment(["HOME": home])
        env.removeValue(forKey: "XDG_STATE_HOME")
        let p = try PtyProcess(dealqBinary, ["shell", "--corpus", corpus], environment: env)
        try p.waitFor(prompt)
        let answer = try line(p, "count")
        #expect(answer.contains("4"))
        #expect(!answer.contains("error"))
        p.send("\u{1B}[A")
        try p.waitFor("count")
        p.send("\u{15}\u{4}")  // clear the line, then leave
        #expect(p.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/state"))
    }

    @Test func ctrlCStopsARunningQueryAndTheNextOneWorks() throws {
        // DEALQ_TEST_SLOW_QUERY makes SQLite sleep inside that query (a progress
        // handler), so the interrupt really stops a statement that is running.
        let p = try shell(["shell"], ["DEALQ_TEST_SLOW_QUERY": "winrate by competitor -outcome:churned"])
        p.send("winrate by competitor -outcome:churned\r")
        // The shell says when the slowed query runs with Ctrl-C armed; only then is it sent.
        try p.waitFor("slow query running")
        p.send("\u{3}")
        let stopped = try p.waitFor(prompt)
        #expect(stopped.contains("interrupted"))
        let answer = try line(p, "count outcome:lost")
        #expect(answer.contains("2"))
        #expect(!answer.contains("interrupted"))
        // Ctrl-C at the prompt drops the line; the shell goes on.
        p.send("count this is dropped\u{3}")
        try p.waitFor(prompt)
        #expect(try line(p, "count").contains("4"))
        #expect(!historyFile().contains("dropped"))
        p.send("\u{4}")
        #expect(p.waitForExit() == 0)
    }

    @Test func errorsShowCaretsAndTheShellGoesOn() throws {
        let p = try shell()
        let error = try line(p, "winrate by competiter")
        #expect(error.contains("error: unknown facet 'competiter' (did you mean 'competitor'?)"))
        #expect(error.contains("^^^^^^^^^^"))
        #expect(try line(p, ".nosuch").contains("unknown command '.nosuch'"))
        #expect(try line(p, "count").contains("4"))
        p.send(".quit\r")
        #expect(p.waitForExit() == 0)
    }

    @Test func exportWritesTheLastAnswerWithoutRunningIt() throws {
        let p = try shell()
        try line(p, "count by competitor")
        let csv = folder.path + "/out.csv", json = folder.path + "/out.json", md = folder.path + "/out.md"
        // The corpus changes; the export still writes the answer shown.
        folder.remove("corpus/B-1.md")
        for file in [csv, json, md] { #expect(try line(p, ".export \(file)").contains("wrote 3 rows")) }
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "competitor,deals\nAcme Analytics,2\nBorealis,1\nNorthwind BI,1\n")
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("{\"competitor\":\"Borealis\",\"deals\":1}"))
        #expect(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("| competitor"))
        #expect(try line(p, ".export out.txt").contains("cannot tell the format"))
        p.send("\u{4}")
        #expect(p.waitForExit() == 0)
    }

    @Test func answersSeeChangedFilesWithoutRefresh() throws {
        let p = try shell()
        try line(p, ".format csv")
        #expect(try line(p, "count").contains("deals\r\n4"))
        // The shell watches the corpus: the next answer sees a new file, an edit and a removal.
        let database = corpus + "/.dealq/index.sqlite"
        let before = try WatcherProcess.meta("watch_sequence", database: database)
        folder.write("corpus/D-1.md", dealText(id: "D-1", outcome: "lost"))
        // Applied in the background before the query is typed: the prompt counts it too.
        let deadline = Date().addingTimeInterval(15)
        while try WatcherProcess.meta("watch_sequence", database: database) == before && Date() < deadline { usleep(20_000) }
        #expect(try WatcherProcess.meta("watch_sequence", database: database) != before)
        p.send("count by outcome\r")
        let added = try p.waitFor("corpus (5 deals)> ")
        #expect(added.contains("lost,3"))
        folder.write("corpus/D-1.md", dealText(id: "D-1", outcome: "won"))
        try FileManager.default.removeItem(atPath: corpus + "/B-1.md")
        p.send("count by outcome\r")
        let changed = try p.waitFor("corpus (4 deals)> ")
        #expect(changed.contains("lost,1") && changed.contains("won,3"))
        p.send(".quit\r")
        #expect(p.waitForExit() == 0)
    }

    @Test func dotCommands() throws {
        let p = try shell()
        #expect(try line(p, ".help").contains(".export FILE"))
        #expect(try line(p, ".help winrate").contains("winrate by topic"))
        // Every topic the help lists has its text.
        for topic in ShellVocabulary.helpTopics { #expect(try !line(p, ".help \(topic)").contains("no help on"), "\(topic)") }
        #expect(try line(p, ".facets competitor").contains("Acme Analytics"))
        try line(p, ".format csv")
        #expect(try line(p, "count").contains("deals\r\n4"))
        #expect(try line(p, ".explain count").contains("-- plan:"))
        try line(p, ".timer on")
        #expect(try line(p, "count").contains("time: "))
        #expect(try line(p, ".queries").contains("no saved queries"))
        folder.write("corpus/D-1.md", dealText(id: "D-1"))
        p.send(".refresh\r")
        try p.waitFor("corpus (5 deals)> ")
        p.send(".quit\r")
        #expect(p.waitForExit() == 0)
    }
}

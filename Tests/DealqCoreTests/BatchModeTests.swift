import Foundation
import Testing
@testable import DealqCore

/// Batch mode through the built binary: queries on stdin or in a file, one per line.
@Suite(.serialized) struct BatchModeTests {
    /// A small corpus, indexed by the first run.
    static let corpus: String = {
        // Kept for the whole run (a TemporaryFolder would be removed at once).
        let folder = TemporaryFolder()
        let path = NSTemporaryDirectory() + "dealq-batch-" + UUID().uuidString
        defer { try? FileManager.default.moveItem(atPath: folder.path, toPath: path) }
        folder.write("dealq.yml", "topics:\n  pricing: ['\\bprice']\n")
        folder.write("a.md", dealText("acv: 50000", id: "D-1", outcome: "won", closed: "2025-01-10", body: "The price was right.\n"))
        folder.write("b.md", dealText("acv: 150000", id: "D-2", outcome: "lost", closed: "2025-02-10"))
        folder.write("c.md", dealText("acv: 250000", id: "D-3", outcome: "lost", closed: "2025-03-10"))
        return path
    }()

    func dealq(_ args: [String], stdin: String? = nil) throws -> CommandResult {
        try runDealq(["--corpus", Self.corpus] + args, environment: ["DEALQ_TODAY": "2025-06-30"], stdin: stdin)
    }

    static let good = "count by outcome\n\n# a comment\n  count acv>100k  \n"
    static let bad = "count by outcom\n"
    static let mixed = "count by outcome\nwinrate by competiter\n# skipped\ncount acv>100k\n"

    static let badError = """
        line 2: error: unknown facet 'competiter' (did you mean 'competitor'?)
          winrate by competiter
                     ^^^^^^^^^^

        """

    @Test func goodInputAsCSV() throws {
        let r = try dealq(["--format", "csv"], stdin: Self.good)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == "outcome,deals\nlost,2\nwon,1\n\ndeals\n2\n")
    }

    @Test func goodInputAsTableAndMarkdownHasHeaders() throws {
        let table = try dealq(["--format", "table"], stdin: Self.good)
        #expect(table.status == 0)
        #expect(table.stdout == """
            # count by outcome
            outcome  deals
            ───────  ─────
            lost         2
            won          1

            # count acv>100k
            deals
            ─────
                2

            """)
        let markdown = try dealq(["--format", "markdown"], stdin: Self.good)
        #expect(markdown.stdout == """
            # count by outcome

            | outcome | deals |
            | ------- | ----: |
            | lost    |     2 |
            | won     |     1 |

            # count acv>100k

            | deals |
            | ----: |
            |     2 |

            """)
    }

    @Test func badInputFailsWithStatusOne() throws {
        let r = try dealq(["--format", "csv"], stdin: Self.bad)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == """
            line 1: error: unknown facet 'outcom' (did you mean 'outcome'?)
              count by outcom
                       ^^^^^^

            """)
    }

    @Test func mixedInputAnswersEveryGoodQuery() throws {
        let r = try dealq(["--format", "csv"], stdin: Self.mixed)
        #expect(r.status == 1)
        #expect(r.stdout == "outcome,deals\nlost,2\nwon,1\n\ndeals\n2\n")
        #expect(r.stderr == Self.badError)
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let r = try dealq(["--format", "csv", "--bail"], stdin: Self.mixed)
        #expect(r.status == 1)
        #expect(r.stdout == "outcome,deals\nlost,2\nwon,1\n")
        #expect(r.stderr == Self.badError)
        let good = try dealq(["--format", "csv", "--bail"], stdin: Self.good)
        #expect(good.status == 0)
        #expect(good.stdout == "outcome,deals\nlost,2\nwon,1\n\ndeals\n2\n")
    }

    @Test func jsonIsOneArrayWithAnEntryPerQuery() throws {
        let r = try dealq(["--format", "json"], stdin: Self.mixed)
        #expect(r.status == 1)
        #expect(r.stdout == """
            [
            {"line":1,"query":"count by outcome","rows":[
              {"outcome":"lost","deals":2},
              {"outcome":"won","deals":1}
            ]},
            {"line":2,"query":"winrate by competiter","error":"unknown facet 'competiter' (did you mean 'competitor'?)"},
            {"line":4,"query":"count acv>100k","rows":[
              {"deals":2}
            ]}
            ]

            """)
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 3)
        let empty = try dealq(["--format", "json"], stdin: "# nothing to ask this week\n")
        #expect(empty.status == 0)
        #expect(empty.stdout == "[]\n")
    }

    @Test func jsonlTagsEveryRowWithItsQuery() throws {
        let r = try dealq(["--format", "jsonl"], stdin: Self.mixed)
        #expect(r.status == 1)
        #expect(r.stdout == """
            {"line":1,"query":"count by outcome","row":{"outcome":"lost","deals":2}}
            {"line":1,"query":"count by outcome","row":{"outcome":"won","deals":1}}
            {"line":2,"query":"winrate by competiter","error":"unknown facet 'competiter' (did you mean 'competitor'?)"}
            {"line":4,"query":"count acv>100k","row":{"deals":2}}

            """)
    }

    @Test func fileOptionReadsQueriesFromAFile() throws {
        let folder = TemporaryFolder()
        folder.write("weekly.txt", Self.mixed)
        let file = folder.path + "/weekly.txt"
        for flag in ["-f", "--file"] {
            let r = try dealq([flag, file, "--format", "csv"])
            #expect(r.status == 1)
            #expect(r.stdout == "outcome,deals\nlost,2\nwon,1\n\ndeals\n2\n")
            #expect(r.stderr == Self.badError.replacingOccurrences(of: "line 2: ", with: "\(file):2: "))
        }
        let missing = try dealq(["-f", folder.path + "/nope.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: cannot read '\(folder.path)/nope.txt'\n")
    }

    @Test func outputFileGathersEveryAnswer() throws {
        let folder = TemporaryFolder()
        let r = try dealq(["--format", "csv", "-o", folder.path + "/out.csv"], stdin: Self.good)
        #expect(r.status == 0)
        #expect(r.stdout == "")
        #expect(try String(contentsOfFile: folder.path + "/out.csv", encoding: .utf8) == "outcome,deals\nlost,2\nwon,1\n\ndeals\n2\n")
    }

    @Test func inputWithoutQueriesAnswersNothing() throws {
        let r = try dealq(["--format", "csv"], stdin: "\n# only a comment\n")
        #expect(r.status == 0)
        #expect(r.stdout == "")
        #expect(r.stderr == "")
    }

    @Test func noInputAtAllIsAMissingQuery() throws {
        let r = try dealq(["--format", "csv"], stdin: "")
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("Error: no query given; try: dealq \"winrate by topic\""))
    }

    @Test func notesCarryTheirLine() throws {
        let r = try dealq(["--format", "csv"], stdin: "count\ncount outcome:wonn\n")
        #expect(r.status == 0)
        #expect(r.stdout == "deals\n3\n\ndeals\n0\n")
        #expect(r.stderr.hasPrefix("line 2: note: no outcome 'wonn'"))
    }

    @Test func usageErrors() throws {
        let both = try dealq(["-f", "x.txt", "count"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give either a query or --file, not both"))
        let bail = try dealq(["--bail", "count"])
        #expect(bail.status == 2)
        #expect(bail.stderr.contains("--bail applies to batch mode only"))
    }

    @Test func oneShotQueriesAreUnchanged() throws {
        // A query given as an argument ignores stdin.
        let r = try dealq(["--format", "csv", "count"], stdin: "count by outcome\n")
        #expect(r.status == 0)
        #expect(r.stdout == "deals\n3\n")
    }
}

/// Completion scripts and the version.
@Suite struct CompletionScriptTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test(arguments: [("bash", "dealq.bash"), ("zsh", "_dealq"), ("fish", "dealq.fish")])
    func committedScriptIsWhatTheBinaryGenerates(shell: String, file: String) throws {
        let r = try runDealq(["--generate-completion-script", shell])
        #expect(r.status == 0)
        let committed = try String(contentsOfFile: Self.repository + "/completions/" + file, encoding: .utf8)
        #expect(r.stdout == committed,
                "completions/\(file) is stale: regenerate it with dealq --generate-completion-script \(shell) > completions/\(file)")
    }

    @Test func savedQueryNamesComplete() throws {
        let folder = TemporaryFolder()
        folder.write("dealq-queries.yml", "lost-to: deals outcome:lost\nlosses-by-quarter: count outcome:lost by quarter\nwins: count outcome:won\n")
        let all = try runDealq(["---completion", "run", "--", "positional@0", "4", "0", "dealq", "--corpus", folder.path, "run", ""])
        #expect(all.stdout == "lost-to\nlosses-by-quarter\nwins\n")
        let prefix = try runDealq(["---completion", "run", "--", "positional@0", "2", "3", "dealq", "run", "los"], in: folder.path)
        #expect(prefix.stdout == "lost-to\nlosses-by-quarter\n")
    }

    @Test func subcommandsComplete() throws {
        let script = try String(contentsOfFile: Self.repository + "/completions/dealq.bash", encoding: .utf8)
        let line = script.split(separator: "\n").first { $0.contains("compgen -W 'query ") } ?? ""
        let words = Set(line.split(separator: "'").dropFirst().first?.split(separator: " ").map(String.init) ?? [])
        #expect(words.isSuperset(of: ["query", "index", "explain", "facets", "run", "queries", "help"]))
    }

    @Test func version() throws {
        let r = try runDealq(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "0.1.0\n")
    }
}

import Foundation
import Testing
@testable import DealqCore

/// The built binary on the bundled corpus: every example of the query-language
/// contract, with its documented columns; and the front end's streams and statuses.
@Suite(.serialized) struct QueryCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A copy of the bundled corpus, indexed once for the suite.
    static let corpus: String = {
        let folder = NSTemporaryDirectory() + "dealq-bundled-" + UUID().uuidString
        try! FileManager.default.copyItem(atPath: repository + "/corpus", toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/.dealq")
        return folder
    }()

    func dealq(_ args: [String], stdin: String? = nil) throws -> CommandResult {
        // Subcommands come first; their options follow them.
        let subcommands: Set<String> = ["explain", "facets", "index", "export", "report"]
        let full = args.first.map(subcommands.contains) == true
            ? [args[0], "--corpus", Self.corpus] + args.dropFirst() : ["--corpus", Self.corpus] + args
        return try runDealq(full, environment: ["DEALQ_TODAY": "2025-12-31"], stdin: stdin)
    }

    static let examples: [(String, [String])] = [
        ("quotes implementation acv>100k", ["quote", "speaker", "source", "date", "section", "deal", "account", "outcome", "acv"]),
        ("quotes competitor:\"Acme Analytics\" since:90d", ["quote", "speaker", "source", "date", "section", "deal", "account", "outcome", "acv"]),
        ("winrate by quarter since:2024-01-01", ["quarter", "deals", "won", "lost", "winrate", "lift", "ci_low", "ci_high"]),
        ("winrate by topic segment:enterprise", ["topic", "deals", "won", "lost", "winrate", "lift", "ci_low", "ci_high"]),
        ("drivers outcome:lost by quarter", ["quarter", "category", "weight", "share", "deals"]),
        ("count by competitor.selected outcome:lost", ["competitor.selected", "deals"]),
        ("deals \"security review\" -outcome:won sort:acv", ["id", "account", "outcome", "acv", "closed", "competitor", "top_driver", "snippet"]),
        ("winrate by topic acv>100k", ["topic", "deals", "won", "lost", "winrate", "lift", "ci_low", "ci_high"]),
        ("count", ["deals"]),
        ("winrate", ["group", "deals", "won", "lost", "winrate", "lift", "ci_low", "ci_high"]),
        ("insights", ["area", "label", "note", "deal", "account", "outcome", "acv"]),
        ("deals", ["id", "account", "outcome", "acv", "closed", "competitor", "top_driver"]),
    ]

    @Test(arguments: examples)
    func contractExampleRunsWithItsColumns(query: String, columns: [String]) throws {
        let r = try dealq(["--format", "csv", query])
        #expect(r.status == 0, "\(query): \(r.stderr)")
        // The first example searches a topic's name as text: its hint says what topic: would match.
        let hint = "note: 'implementation' matches 17 quotes as text; topic:implementation matches 34 "
            + "(17 more: the topic's patterns match more than the word)\n"
        #expect(r.stderr == (query == "quotes implementation acv>100k" ? hint : ""), "\(query)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first.map(String.init) == columns.joined(separator: ","), "\(query)")
        #expect(lines.count > 1, "\(query) found nothing on the bundled corpus")
    }

    @Test func errorExampleOfTheContract() throws {
        let r = try dealq(["winrate by competiter"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == """
            error: unknown facet 'competiter' (did you mean 'competitor'?)
              winrate by competiter
                         ^^^^^^^^^^

            """)
    }

    @Test func syntaxErrorExitsTwo() throws {
        let r = try dealq(["count (pricing"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.stderr.contains("^"))
    }

    @Test func jsonIsAnArrayOfObjectsWithNumbersAndNulls() throws {
        let r = try dealq(["--format", "json", "winrate by topic"])
        #expect(r.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["topic"] as? String == "(all)")
        #expect(rows.first?["winrate"] is Double)
        #expect(rows.first?["deals"] as? Int ?? 0 > 100)
        let jsonl = try dealq(["--format", "jsonl", "count by segment"])
        #expect(jsonl.stdout.split(separator: "\n").count == 3)
    }

    @Test func zeroRowsIsSuccessAndUnknownValueIsANoteOnStderr() throws {
        let r = try dealq(["--format", "csv", "count by segment competitor:acmee"])
        #expect(r.status == 0)
        #expect(r.stdout == "segment,deals\n")
        #expect(r.stderr == "note: no competitor 'acmee'; did you mean 'Acme Analytics'?\n")
    }

    @Test func markdownAndOutputFile() throws {
        let file = NSTemporaryDirectory() + "dealq-out-\(UUID().uuidString).md"
        let r = try dealq(["--format", "markdown", "-o", file, "count by segment"])
        #expect(r.status == 0 && r.stdout == "")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("| segment "))
        #expect(text.contains("| Enterprise "))
    }

    @Test func explainShowsSQLArgumentsAndPlan() throws {
        let r = try dealq(["explain", "winrate by topic acv>100k \"POL-358\""])
        #expect(r.status == 0)
        #expect(r.stdout.contains("deal_fts MATCH ?"))
        // The facet is bound as its number in `deal_facets.facet`.
        #expect(r.stdout.contains("-- arguments: ['\"pol 358\"', 100000, \(FacetNames.id(builtIn: "topic"))"))
        #expect(r.stdout.contains("-- plan:"))
        #expect(!r.stdout.contains("POL-358'"))
    }

    @Test func facetsListsKindsAndValues() throws {
        let r = try dealq(["facets", "--format", "csv", "segment"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("facet,kind,value,deals\nsegment,text,"))
        let all = try dealq(["facets", "--format", "csv"])
        #expect(all.stdout.contains("\ncompetitor,list,"))
        #expect(all.stdout.contains("\nacv,number,"))
        let bad = try dealq(["facets", "segmnt"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("did you mean 'segment'?"))
    }

    @Test func tableOutputMarksGroupsApartFromTheBaseline() throws {
        let r = try dealq(["--format", "table", "winrate by competitor"])
        #expect(r.status == 0)
        let acme = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Acme Analytics") })
        #expect(acme.hasSuffix("▼ below (all)"))
        #expect(r.stdout.contains("Chance alone puts about 1 group in 20 outside it"))
        let csv = try dealq(["--format", "csv", "winrate by competitor"])
        #expect(!csv.stdout.contains("below"))
    }

    @Test func reportsForEachAudience() throws {
        let leadership = try dealq(["report", "leadership", "since:2024-01-01"])
        #expect(leadership.status == 0, "\(leadership.stderr)")
        #expect(leadership.stdout.hasPrefix("# Win-loss brief for leadership\n\n_Deals matching `since:2024-01-01`, as of 2025-12-31._"))
        #expect(leadership.stdout.contains("- `dealq \"winrate by quarter since:2024-01-01\"`"))
        let sales = try dealq(["report", "sales", "--competitor", "Acme Analytics"])
        #expect(sales.status == 0)
        #expect(sales.stdout.hasPrefix("# Competitor page: Acme Analytics"))
        let product = try dealq(["report", "product"])
        #expect(product.stdout.contains("## Gaps that appear in losses"))
        #expect(product.stdout.components(separatedBy: "## In the buyers' words: ").count - 1 == 5)
        // Without --competitor: the head-to-head table, then a page for each of the three competitors met most.
        let pages = try dealq(["report", "sales"])
        #expect(pages.stdout.hasPrefix("# Competitor pages"))
        #expect(pages.stdout.components(separatedBy: ": why we lose\n").count - 1 == 3)
        let misspelt = try dealq(["report", "sales", "--competitor", "Acme Analytic"])
        #expect(misspelt.status == 0)
        #expect(misspelt.stderr.contains("note: no competitor 'Acme Analytic'; did you mean 'Acme Analytics'?\n"))
        let misplaced = try dealq(["report", "product", "--competitor", "Acme Analytics"])
        #expect(misplaced.status == 2 && misplaced.stderr.contains("--competitor applies to the sales report only"))
        let bad = try dealq(["report", "leadership", "segmnt:smb"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("^^^^^^"))
    }

    @Test func crmUpdatesExportImportsAsCSV() throws {
        let r = try dealq(["export", "crm-updates", "since:2025-01-01"])
        #expect(r.status == 0, "\(r.stderr)")
        // For spreadsheets: a byte-order mark, then records ending in CRLF.
        #expect(r.stdout.hasPrefix("\u{FEFF}") && r.stdout.hasSuffix("\r\n"))
        let lines = r.stdout.dropFirst().components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { !$0.contains("\n") })
        #expect(lines.first == "deal,account,outcome,closed,crm_reason,crm_competitor,evidence_category,evidence_competitor,reason_differs,competitor_differs")
        #expect(lines.count > 5)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",2025-") })
        let bad = try dealq(["export", "crm-updates", "segmnt:smb"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("did you mean 'segment'?"))
    }

    @Test func optionsMayComeBeforeTheSubcommand() throws {
        let r = try runDealq(["--corpus", Self.corpus, "--format", "csv", "facets", "segment"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("facet,kind,value,deals\nsegment,text,"))
        // Every option that takes a value, also --min-n and --competitor.
        let report = try runDealq(["--corpus", Self.corpus, "--min-n", "3", "--competitor", "Acme Analytics", "report", "sales"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("# Competitor page: Acme Analytics"))
    }

    @Test func aPlainQueryAndEverythingElseParseAsBefore() throws {
        // A query with options takes the short way (the query command parsed alone);
        // help, version, subcommands and mistakes go through the whole command tree.
        #expect(try dealq(["--format", "csv", "count"]).stdout == "deals\n300\n")
        let help = try runDealq(["--help"])
        #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS:") && help.stdout.contains("report"))
        let version = try runDealq(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
        let typo = try dealq(["--formt", "csv", "count"])
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("Error: Unknown option '--formt'. Did you mean '--format'?\nUsage: dealq query "))
        let facets = try dealq(["--format", "csv", "facets", "segment"])
        #expect(facets.status == 0 && facets.stdout.hasPrefix("facet,kind,value,deals\n"))
    }

    @Test func badFormatAndTodayAreUsageErrors() throws {
        #expect(try dealq(["--format", "xml", "count"]).status == 2)
        #expect(try dealq(["--today", "tomorrow", "count"]).status == 2)
        #expect(try dealq([]).status == 2)
    }

    @Test func closedPipeIsQuiet() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(dealqBinary)' --corpus '\(Self.corpus)' --format csv 'quotes limit:all' | head -1"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "")
    }
}

/// Refresh before answering, and `--no-refresh` on a stale index.
@Suite struct RefreshTests {
    @Test func queriesRefreshFirstOrWarnWhenAskedNotTo() throws {
        let folder = TemporaryFolder()
        folder.write("a.md", dealText(id: "R-1"))
        #expect(try runDealq(["--corpus", folder.path, "count"]).stdout == "deals\n1\n")
        folder.write("b.md", dealText(id: "R-2"))
        let stale = try runDealq(["--corpus", folder.path, "--no-refresh", "count"])
        #expect(stale.stdout == "deals\n1\n")
        #expect(stale.stderr == "warning: the index may be stale (files were added, removed or renamed, or dealq.yml changed, "
                + "since it was built); answering from it as it is\n")
        #expect(try runDealq(["--corpus", folder.path, "count"]).stdout == "deals\n2\n")
        #expect(try runDealq(["--corpus", folder.path, "--no-refresh", "count"]).stderr == "")
        // A file made and removed again moves its folder's mtime: the next refresh records it.
        folder.write("tmp.md", "x")
        folder.remove("tmp.md")
        #expect(try runDealq(["--corpus", folder.path, "--no-refresh", "count"]).stderr.hasPrefix("warning: the index may be stale"))
        _ = try runDealq(["--corpus", folder.path, "count"])
        #expect(try runDealq(["--corpus", folder.path, "--no-refresh", "count"]).stderr == "")
        // A config change is seen too.
        folder.write("dealq.yml", "topics: {}\n")
        #expect(try runDealq(["--corpus", folder.path, "--no-refresh", "count"]).stderr.hasPrefix("warning: the index may be stale"))
    }

    @Test func missingIndexWithNoRefreshIsARuntimeError() throws {
        let folder = TemporaryFolder()
        folder.write("a.md", dealText())
        let r = try runDealq(["--corpus", folder.path, "--no-refresh", "count"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: no index at '\(folder.path)/.dealq/index.sqlite'; run 'dealq index' first\n")
    }

    @Test func noCorpusAnywhereIsAnErrorNotAnIndexOfTheCurrentFolder() throws {
        let folder = TemporaryFolder()
        folder.write("notes/a.md", dealText())
        let r = try runDealq(["count"], in: folder.path + "/notes")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: no corpus here"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/notes/.dealq"))
        #expect(try runDealq(["index"], in: folder.path + "/notes").status == 0)
        #expect(try runDealq(["count"], in: folder.path + "/notes").stdout == "deals\n1\n")
    }

    @Test func corpusFromEnvironment() throws {
        let folder = TemporaryFolder()
        folder.write("a.md", dealText())
        let r = try runDealq(["count"], in: "/", environment: ["DEALQ_CORPUS": folder.path])
        #expect(r.stdout == "deals\n1\n")
    }
}

/// `dealq export crm-updates` opened by a spreadsheet program (Gnumeric's `ssconvert`,
/// installed by `scripts/setup.sh`): every cell is plain data, none a formula, and
/// names with accents, commas and quotes arrive as written.
@Suite struct CRMUpdatesSpreadsheetTests {
    @Test func importsIntoASpreadsheetAsPlainData() throws {
        let folder = try fixtureCopy("semantics")
        for (file, account) in [("a2.md", "Beta LLC"), ("a3.md", "Gamma Inc")] {
            let path = folder.path + "/" + file
            let hostile = account == "Beta LLC" ? #""=HYPERLINK(\"http://example.com\",\"Beta\")""# : #""Müller, Söhne & \"Co\"""#
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "account: \(account)", with: "account: \(hostile)")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let csv = folder.path + "/crm.csv", sheet = folder.path + "/crm.gnumeric"
        let export = try runDealq(["--corpus", folder.path, "export", "crm-updates", "-o", csv])
        #expect(export.status == 0, "\(export.stderr)")

        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        convert.arguments = ["ssconvert", csv, sheet]
        convert.standardError = Pipe()
        try convert.run()
        convert.waitUntilExit()
        try #require(convert.terminationStatus == 0, "ssconvert is missing or failed (scripts/setup.sh installs it)")

        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = ["gzip", "-dc", sheet]
        let out = Pipe()
        unzip.standardOutput = out
        try unzip.run()
        let xml = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        unzip.waitUntilExit()
        // <gnm:Cell Row="1" Col="1" ValueType="60">text</gnm:Cell>: a cell without ValueType is a formula.
        let cells = xml.components(separatedBy: "<gnm:Cell ").dropFirst().map { String($0.prefix { $0 != "\n" }) }
        #expect(cells.count == 3 * 10 - 3, "header and two deals; A-2 has no CRM competitor, A-3 neither reason nor competitor")
        #expect(cells.allSatisfy { $0.contains("ValueType=") }, "\(cells.filter { !$0.contains("ValueType=") })")
        #expect(cells.first?.hasSuffix(">deal</gnm:Cell>") == true)
        #expect(cells.contains { $0.hasSuffix(">=HYPERLINK(&quot;http://example.com&quot;,&quot;Beta&quot;)</gnm:Cell>") })
        #expect(cells.contains { $0.hasSuffix(">Müller, Söhne &amp; &quot;Co&quot;</gnm:Cell>") })
    }
}

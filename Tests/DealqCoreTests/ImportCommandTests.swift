import Foundation
import Testing

/// `dealq import crm` run as a process on the fixture exports (made by
/// Fixtures/import/make_exports.py, whose comment gives the rules every row follows).
@Suite struct ImportCommandTests {
    static let exports = fixtures + "/import"

    /// A folder holding copies of the exports (so messages name them by their plain file name) and a corpus folder.
    func workspace() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        for name in ["salesforce-opportunities.csv", "hubspot-deals.csv", "undecided-dates.csv"] {
            try FileManager.default.copyItem(atPath: Self.exports + "/" + name, toPath: folder.path + "/" + name)
        }
        return folder
    }

    func deals(in corpus: String) throws -> [String: String] {
        var files: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: corpus) else { return files }
        for case let path as String in walker where path.hasSuffix(".md") && !path.hasPrefix(".") {
            files[path] = try String(contentsOfFile: corpus + "/" + path, encoding: .utf8)
        }
        return files
    }

    func mtimes(in corpus: String) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for path in try deals(in: corpus).keys {
            times[path] = try FileManager.default.attributesOfItem(atPath: corpus + "/" + path)[.modificationDate] as? Date
        }
        return times
    }

    @Test func bothExportsIntoAnEmptyCorpusAnswerAsWorkedOutByHand() throws {
        let folder = try workspace()
        let sf = try runDealq(["import", "crm", "salesforce-opportunities.csv", "--corpus", "corpus"], in: folder.path)
        // 60 rows: k % 10 in 1-4 won (24), 5-8 lost (24, less row 17's bad date: 23), 9 and 0 open (12).
        #expect(sf.status == 1)
        #expect(sf.stdout.hasSuffix("salesforce-opportunities.csv: 60 rows: 47 new, 0 updated, 0 unchanged, 12 skipped, 1 malformed\n"))
        // The options before the command's name reach it too.
        let hs = try runDealq(["--corpus", "corpus", "import", "crm", "hubspot-deals.csv"], in: folder.path)
        // 56 rows: j % 8 in 1-3 won (21), 4-6 lost (21, less row 12's bad date: 20), 7 churned (7), 0 open (7).
        #expect(hs.status == 1)
        #expect(hs.stdout.hasSuffix("hubspot-deals.csv: 56 rows: 48 new, 0 updated, 0 unchanged, 7 skipped, 1 malformed\n"))

        let corpus = folder.path + "/corpus"
        #expect(try runDealq(["index", corpus]).status == 0, "every written file reads as a deal")
        let counts = try runDealq(["--corpus", corpus, "--format", "csv", "count by outcome"])
        #expect(counts.status == 0)
        // won 24 + 21, lost 23 + 20, churned 0 + 7.
        #expect(counts.stdout == "outcome,deals\nwon,45\nlost,43\nchurned,7\n")

        let audit = try runDealq(["--corpus", corpus, "--format", "csv", "audit"])
        #expect(audit.status == 0)
        // deals 47 + 48 = 95, lost 23 + 20 = 43.
        // crm_reason, lost deals with a loss reason: Salesforce leaves it empty when k % 10 == 8 (6 rows), so
        //   24 - 6 - row 17 = 17; HubSpot when j % 8 == 6 (7 rows), so 21 - 7 - row 12 = 13: 30 of 43.
        // competitor, deals with one: Salesforce has none when k % 10 in (3, 8): 6 won + 6 lost, 47 - 12 = 35;
        //   HubSpot none when j % 8 in (3, 7): 7 won + 7 churned, 48 - 14 = 34: 69 of 95.
        // selected 0 (a CRM export names no selected competitor), interview 0 (sources: [crm]),
        // mismatch empty (no drivers, so nothing to compare the CRM reason with).
        #expect(audit.stdout == "deals,lost,crm_reason,competitor,selected,interview,mismatch\n95,43,\(30.0 / 43),\(69.0 / 95),0,0,\n")
    }

    @Test func aNewFileFromTheRowAndTheCorpusTemplate() throws {
        let folder = try workspace()
        folder.write("corpus/.templates/deal.md", "---\nid:\noutcome:\nclosed:\n---\n## Deal context\n<!-- who decided -->\n\n## Buyer interview\n")
        let r = try runDealq(["import", "crm", "salesforce-opportunities.csv", "--corpus", "corpus", "--keep", "Lead Source"],
                             in: folder.path)
        #expect(r.status == 1)
        // Row k = 5: account ACCOUNTS[5] (with a comma), closed 2024-07-03 + 30 days, 40000 + 7500 × 5 written plain
        // (k % 3 == 2), segment, region and product [k % 3], rep REPS[0], competitor [1], a loss reason on two lines.
        let text = try String(contentsOfFile: folder.path + "/corpus/2024/006Qk0000000005AAB.md", encoding: .utf8)
        #expect(text == """
            ---
            id: "006Qk0000000005AAB"
            account: Litware, Inc.
            outcome: lost
            closed: 2024-08-02
            acv: 77500
            segment: SMB
            region: APAC
            product: Data Connectors
            rep: Dana Whitfield
            competitors:
              primary: Northstar BI
            crm:
              loss_reason: "Price\\nand payment terms"
              competitor: Northstar BI
            lead_source: Outbound
            sources: [crm]
            ---
            ## Deal context
            <!-- who decided -->

            ## Buyer interview

            """)
    }

    @Test func reimportChangesOnlyTheImportedValueAndThenNothing() throws {
        let folder = try workspace()
        #expect(try runDealq(["import", "crm", "salesforce-opportunities.csv", "--corpus", "corpus"], in: folder.path).status == 1)
        let path = folder.path + "/corpus/2024/006Qk0000000001AAB.md"
        let imported = try String(contentsOfFile: path, encoding: .utf8)
        #expect(imported.contains("\nacv: 47500\n"))
        // A person writes the deal up: a comment, a custom key, drivers (then changes one), a body paragraph.
        var edited = imported.replacingOccurrences(of: "outcome: won\n", with: "outcome: won\n# confirmed with the rep\n")
        edited = edited.replacingOccurrences(of: "sources: [crm]\n", with: """
            sources: [crm]
            champion: VP Operations
            drivers:
              - category: product
                weight: 0.7
              - category: relationship
                weight: 0.3

            """)
        edited = edited.replacingOccurrences(of: "## Deal context\n", with: "## Deal context\nSix-month evaluation; security review first.\n")
        edited = edited.replacingOccurrences(of: "weight: 0.7", with: "weight: 0.6").replacingOccurrences(of: "weight: 0.3", with: "weight: 0.4")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)

        // The CRM then changes that deal's amount.
        let export = folder.path + "/salesforce-opportunities.csv"
        let csv = try String(contentsOfFile: export, encoding: .utf8)
        #expect(csv.contains("\"USD 47,500.00\""))
        try csv.replacingOccurrences(of: "\"USD 47,500.00\"", with: "\"USD 52,000.00\"").write(toFile: export, atomically: true, encoding: .utf8)

        let second = try runDealq(["import", "crm", "salesforce-opportunities.csv", "--corpus", "corpus"], in: folder.path)
        #expect(second.status == 1)
        #expect(second.stdout == """
            2024/006Qk0000000001AAB.md: acv 47500 → 52000
            salesforce-opportunities.csv: 60 rows: 0 new, 1 updated, 46 unchanged, 12 skipped, 1 malformed

            """)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited.replacingOccurrences(of: "\nacv: 47500\n", with: "\nacv: 52000\n"))

        let before = try deals(in: folder.path + "/corpus")
        let times = try mtimes(in: folder.path + "/corpus")
        let third = try runDealq(["import", "crm", "salesforce-opportunities.csv", "--corpus", "corpus"], in: folder.path)
        #expect(third.stdout == "salesforce-opportunities.csv: 60 rows: 0 new, 0 updated, 47 unchanged, 12 skipped, 1 malformed\n")
        #expect(try deals(in: folder.path + "/corpus") == before)
        #expect(try mtimes(in: folder.path + "/corpus") == times)
        #expect(times.count == 47)
    }

    @Test func theFileWithTheIDIsUpdatedWhereverItIs() throws {
        let folder = try workspace()
        folder.write("deals.csv", "Record ID,Deal Stage,Close Date,Amount\n007,Closed won,2025-01-02,\"$1,000\"\n")
        #expect(try runDealq(["import", "crm", "deals.csv", "--corpus", "corpus"], in: folder.path).stdout.hasPrefix("2025/007.md: new\n"))
        try FileManager.default.createDirectory(atPath: folder.path + "/corpus/won", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder.path + "/corpus/2025/007.md", toPath: folder.path + "/corpus/won/acme.md")
        folder.write("deals.csv", "Record ID,Deal Stage,Close Date,Amount\n007,Closed lost,2025-01-02,\"$2,000\"\n")
        let r = try runDealq(["import", "crm", "deals.csv", "--corpus", "corpus"], in: folder.path)
        #expect(r.stdout == "won/acme.md: outcome won → lost\nwon/acme.md: acv 1000 → 2000\n"
            + "deals.csv: 1 row: 0 new, 1 updated, 0 unchanged, 0 skipped, 0 malformed\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/corpus/2025/007.md"))
        #expect(try String(contentsOfFile: folder.path + "/corpus/won/acme.md", encoding: .utf8)
            .hasPrefix("---\nid: \"007\"\noutcome: lost\nclosed: 2025-01-02\nacv: 2000\nsources: [crm]\n---\n"))
    }

    @Test func dryRunShowsTheSameAndWritesNothing() throws {
        let folder = try workspace()
        let dry = try runDealq(["import", "crm", "hubspot-deals.csv", "--corpus", "corpus", "--dry-run"], in: folder.path)
        #expect(dry.status == 1)
        #expect(dry.stdout.hasPrefix("2024/18234560037.md: new\n"))
        #expect(dry.stdout.hasSuffix("hubspot-deals.csv: 56 rows: 48 new, 0 updated, 0 unchanged, 7 skipped, 1 malformed\n"
            + "dry run: nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/corpus"))
        let real = try runDealq(["import", "crm", "hubspot-deals.csv", "--corpus", "corpus"], in: folder.path)
        #expect(real.stderr == dry.stderr)
        #expect(real.stdout + "dry run: nothing was written\n" == dry.stdout)
        #expect(try deals(in: folder.path + "/corpus").count == 48)
    }

    @Test func skippedAndMalformedRowsSayWhereAndWhat() throws {
        let folder = try workspace()
        let r = try runDealq(["import", "crm", "hubspot-deals.csv", "--corpus", "corpus"], in: folder.path)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        // Row j = 8 is the first open one; row j = 2 spans two lines, so row j starts on line j + 2 from j = 3 on.
        #expect(lines.first == "hubspot-deals.csv:10: skipped: stage 'Contract sent' is not closed")
        #expect(lines[1] == "hubspot-deals.csv:14: error: invalid close date '31/02/2025' in column 'Close Date' "
            + "(expected a real day as DD/MM/YYYY or YYYY-MM-DD)")
        #expect(lines.count == 8)
    }

    @Test func exitStatuses() throws {
        let folder = try workspace()
        folder.write("clean.csv", "Record ID,Deal Stage,Close Date,Amount\n1,Closed won,2025-01-02,\"$1,000\"\n2,Qualified,2025-01-03,5\n")
        let clean = try runDealq(["import", "crm", "clean.csv", "--corpus", "corpus"], in: folder.path)
        #expect(clean.status == 0)
        #expect(clean.stdout == "2025/1.md: new\nclean.csv: 2 rows: 1 new, 0 updated, 0 unchanged, 1 skipped, 0 malformed\n")
        #expect(clean.stderr == "clean.csv:3: skipped: stage 'Qualified' is not closed\n")

        let unknown = try runDealq(["import", "crm", "clean.csv", "--corpus", "corpus", "--map", "amount=Amount"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: unknown field 'amount' in --map (fields: id, account, outcome, closed, acv, "))

        let missing = try runDealq(["import", "crm", "nowhere.csv", "--corpus", "corpus"], in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: cannot read 'nowhere.csv': no such file\n")

        folder.write("noid.csv", "Name,Stage,Close Date\nx,Closed Won,2025-01-01\n")
        let noID = try runDealq(["import", "crm", "noid.csv", "--corpus", "corpus"], in: folder.path)
        #expect(noID.status == 2)
        #expect(noID.stderr == "error: no id column found (looked for 'Opportunity ID', 'Record ID'); name it with --map id=COLUMN\n")
        #expect(try runDealq(["import", "crm", "noid.csv", "--corpus", "corpus", "--map", "id=Name"], in: folder.path).status == 0)

        #expect(try runDealq(["import", "crm", "--corpus", "corpus"], in: folder.path).status == 2, "no file given")
    }

    @Test func anUndecidedDateColumnNeedsDateFormat() throws {
        let folder = try workspace()
        let refused = try runDealq(["import", "crm", "undecided-dates.csv", "--corpus", "corpus"], in: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: column 'Close Date' has dates like '03/04/2025' that read both month-first and "
            + "day-first, and no date in it decides; pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY\n")
        #expect(refused.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/corpus"))

        let dayFirst = try runDealq(["import", "crm", "undecided-dates.csv", "--corpus", "corpus", "--date-format", "DD/MM/YYYY"],
                                    in: folder.path)
        #expect(dayFirst.status == 0)
        #expect(dayFirst.stdout == "2025/U-1.md: new\n2025/U-2.md: new\n2024/U-3.md: new\n2025/U-4.md: new\n"
            + "undecided-dates.csv: 4 rows: 4 new, 0 updated, 0 unchanged, 0 skipped, 0 malformed\n")
        let u1 = try String(contentsOfFile: folder.path + "/corpus/2025/U-1.md", encoding: .utf8)
        #expect(u1.contains("\nclosed: 2025-04-03\n"))

        // Read month-first the same rows move: each existing file keeps its path and gets the new day.
        let monthFirst = try runDealq(["import", "crm", "undecided-dates.csv", "--corpus", "corpus", "--date-format", "MM/DD/YYYY"],
                                      in: folder.path)
        #expect(monthFirst.stdout.hasPrefix("2025/U-1.md: closed 2025-04-03 → 2025-03-04\n"))
    }
}

import Foundation
import GRDB
import Testing
import Yams
@testable import DealqCore

/// `dealq init`: the starter files, never overwriting, and a corpus that works at once.
@Suite struct InitCommandTests {
    static let starterPaths = ["dealq.yml", ".templates/deal.md", "dealq-queries.yml", ".gitignore"]

    /// The repository's bundled corpus.
    static let bundledCorpus: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus").path
    }()

    @Test func writesTheFourFilesIntoANewFolder() throws {
        let folder = TemporaryFolder()
        let r = try runDealq(["init", "team/winloss"], in: folder.path)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        for path in Self.starterPaths {
            #expect(r.stdout.contains("wrote team/winloss/\(path)\n"))
            #expect(FileManager.default.fileExists(atPath: folder.path + "/team/winloss/" + path))
        }
        #expect(r.stdout.contains("dealq import crm FILE.csv"))
        #expect(r.stdout.contains("cp .templates/deal.md"))
        #expect(r.stdout.contains("dealq index"))
        #expect(try String(contentsOfFile: folder.path + "/team/winloss/.gitignore", encoding: .utf8) == ".dealq/\n")
    }

    @Test func secondRunExitsOneNamesEveryFileAndChangesNothing() throws {
        let folder = TemporaryFolder()
        #expect(try runDealq(["init"], in: folder.path).status == 0)
        try "# edited\n".write(toFile: folder.path + "/dealq-queries.yml", atomically: false, encoding: .utf8)
        let before = try Self.starterPaths.map { try snapshot(folder.path + "/" + $0) }
        let again = try runDealq(["init"], in: folder.path)
        #expect(again.status == 1)
        #expect(again.stdout == "")
        #expect(again.stderr == """
            error: dealq.yml already exists
            error: .templates/deal.md already exists
            error: dealq-queries.yml already exists
            error: .gitignore already exists
            nothing was written: dealq init never overwrites a file

            """)
        #expect(try Self.starterPaths.map { try snapshot(folder.path + "/" + $0) } == before)
    }

    @Test func oneExistingFileStopsEverything() throws {
        let folder = TemporaryFolder()
        folder.write(".gitignore", "build/\n")
        let r = try runDealq(["init", folder.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: \(folder.path)/.gitignore already exists\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".gitignore"])
        #expect(try String(contentsOfFile: folder.path + "/.gitignore", encoding: .utf8) == "build/\n")
    }

    @Test func starterConfigCompilesEveryPattern() throws {
        let config = try CorpusConfig.parse(StarterConfig.text)
        #expect(config.topics.map(\.name) == ["implementation", "integrations", "migration", "onboarding", "performance", "pricing",
                                              "reporting", "security", "support"])
        #expect(config.topics.allSatisfy { $0.patterns.count >= 3 })
        #expect(config.topics(in: "The SSO review and the price of the rollout") == ["implementation", "pricing", "security"])
        #expect(config.canonicalCompetitor("google sheets") == "Spreadsheets")
    }

    @Test func initThenIndexThenEverySavedQueryRuns() throws {
        let folder = TemporaryFolder()
        #expect(try runDealq(["init"], in: folder.path).status == 0)
        let index = try runDealq(["index"], in: folder.path)
        #expect(index.status == 0)
        #expect(index.stderr == "")
        #expect(index.stdout.hasPrefix("0 deals in the index"))
        let queries = try SavedQueries.load(corpus: folder.path)
        #expect(queries.count >= 10)
        #expect(SavedQueries.problems(in: queries).isEmpty)
        for query in queries {
            let r = try runDealq(["run", query.name, "--format", "csv"], in: folder.path)
            #expect(r.status == 0, "\(query.name): \(r.stderr)")
        }
    }

    /// On a real corpus (the bundled one, with the starter saved queries) each finds something.
    @Test func starterQueriesFindRowsInTheBundledCorpus() throws {
        let folder = TemporaryFolder()
        let copy = folder.path + "/corpus"
        try FileManager.default.copyItem(atPath: Self.bundledCorpus, toPath: copy)
        try? FileManager.default.removeItem(atPath: copy + "/.dealq")
        try FileManager.default.removeItem(atPath: copy + "/dealq-queries.yml")
        try Data(StarterQueries.text.utf8).write(to: URL(fileURLWithPath: copy + "/dealq-queries.yml"))
        #expect(try runDealq(["index"], in: copy).status == 0)
        let today = ["DEALQ_TODAY": "2025-12-24"]  // the last lost deal of the bundled corpus closed on 2025-12-21
        let names = try SavedQueries.load(corpus: copy).map(\.name)
        #expect(names.contains("rep-audit") && names.contains("winrate-by-competitor"))
        for name in names {
            let r = try runDealq(["run", name, "--format", "json", "--no-refresh"], in: copy, environment: today)
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [Any]
            #expect((rows?.count ?? 0) > 0, "\(name) found nothing: \(r.stderr)")
        }
    }

    @Test func templateNamesEveryFrontMatterKeyAndTheSections() throws {
        let lines = StarterTemplate.text.split(separator: "\n", omittingEmptySubsequences: false)
        let close = try #require(lines.dropFirst().firstIndex(of: "---"))
        let yaml = lines[1..<close].joined(separator: "\n")
        let root = try #require(try Yams.compose(yaml: yaml))
        guard case .mapping(let map) = root else { Issue.record("front matter is not a mapping"); return }
        let keys = Set(map.keys.compactMap(\.string))
        #expect(keys == FrontMatter.builtinKeys)
        #expect(Set(map["competitors"]?.mapping?.keys.compactMap(\.string) ?? []) == ["primary", "incumbent", "selected", "others"])
        #expect(Set(map["crm"]?.mapping?.keys.compactMap(\.string) ?? []) == ["loss_reason", "win_reason", "competitor"])
        let headings = lines[close...].filter { $0.hasPrefix("## ") }
        #expect(headings == ["## Deal context", "## CRM data", "## Call intelligence", "## Buyer interview", "## Gaps"])
        #expect(StarterTemplate.text.contains("> — Head of Analytics, interview, 2025-09-02"))
    }

    @Test func templateCopiedUnfilledIsRejectedAndFilledIsAValidDeal() throws {
        let folder = TemporaryFolder()
        #expect(try runDealq(["init"], in: folder.path).status == 0)
        let template = try String(contentsOfFile: folder.path + "/.templates/deal.md", encoding: .utf8)
        folder.write("2025/unfilled.md", template)
        let unfilled = try runDealq(["check", "2025/unfilled.md"], in: folder.path)
        #expect(unfilled.status == 1)
        // Every missing required field at once.
        #expect(unfilled.stderr == """
            2025/unfilled.md:8:4: error: missing required field 'id' (it is null)
            2025/unfilled.md:10:9: error: missing required field 'outcome' (it is null)
            2025/unfilled.md:12:8: error: missing required field 'closed' (it is null)

            """)

        let filled = template.replacingOccurrences(of: "\nid:\n", with: "\nid: D-2025-0001\n")
            .replacingOccurrences(of: "\noutcome:\n", with: "\noutcome: lost\n")
            .replacingOccurrences(of: "\nclosed:\n", with: "\nclosed: 2025-06-30\n")
        folder.write("2025/unfilled.md", filled)
        let checked = try runDealq(["check", "2025/unfilled.md"], in: folder.path)
        #expect(checked.status == 0)
        #expect(checked.stderr == "")

        // The guidance and the example quote stay out of the data: no quote, no topic.
        #expect(try runDealq(["index"], in: folder.path).status == 0)
        let queue = try DatabaseQueue(path: folder.path + "/.dealq/index.sqlite", configuration: IndexStore.readOnlyConfiguration())
        defer { try? queue.close() }
        let (deals, quotes, topics) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM deals"), try Int.fetchOne(db, sql: "SELECT count(*) FROM quotes"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM deal_facet_values WHERE facet = 'topic'"))
        }
        #expect(deals == 1)
        #expect(quotes == 0)
        #expect(topics == 0)
    }

    func snapshot(_ path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(modified) " + (try String(contentsOfFile: path, encoding: .utf8))
    }
}

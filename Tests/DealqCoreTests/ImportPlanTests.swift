import Foundation
import Testing
@testable import DealqCore

/// The engine's plan and apply, without the command line.
@Suite struct ImportPlanTests {
    let export = """
        Opportunity ID,Account Name,Stage,Close Date,Amount,Loss Reason
        A-1,Northwind Logistics,Closed Lost,08/14/2025,"$120,000",Pricing
        A-2,Contoso Health,Closed Won,08/20/2025,"USD 80,000.00",
        A-3,Fabrikam Foods,Negotiation,09/01/2025,5000,

        """

    @Test func aPlanWritesNothingAndApplyWritesIt() throws {
        let corpus = TemporaryFolder()
        let importer = CRMImporter(corpus: corpus.path)
        let plan = try importer.plan(export: CRMExport(text: export), source: "export.csv", options: .init())
        #expect(plan.files.map(\.path) == ["2025/A-1.md", "2025/A-2.md"])
        #expect(plan.count(.new) == 2 && plan.skipped == 1 && plan.malformed == 0)
        #expect(plan.issues.map { $0.description(source: plan.source) } == ["export.csv:4: skipped: stage 'Negotiation' is not closed"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.path).isEmpty)

        try importer.apply(plan)
        let written = try String(contentsOfFile: corpus.path + "/2025/A-1.md", encoding: .utf8)
        #expect(written == "---\nid: A-1\naccount: Northwind Logistics\noutcome: lost\nclosed: 2025-08-14\nacv: 120000\n"
            + "crm:\n  loss_reason: Pricing\nsources: [crm]\n---\n" + CorpusDeals.defaultBody)
        #expect(deal(written)?.acv == 120_000)

        let again = try importer.plan(export: CRMExport(text: export), source: "export.csv", options: .init())
        #expect(again.count(.unchanged) == 2 && again.writes.isEmpty)
    }

    @Test func valuesAreComparedAsTheReaderReadsThem() throws {
        let corpus = TemporaryFolder()
        corpus.write("dealq.yml", "aliases:\n  competitor:\n    Acme Analytics: [Acme]\n")
        let file = "---\nid: A-1\naccount: Northwind Logistics\noutcome: Closed Lost\nclosed: '2025-08-14'\nacv: $120K\n"
            + "competitors:\n  primary: Acme Analytics\ncrm:\n  loss_reason: Pricing\n  competitor: acme\n---\nWritten up.\n"
        corpus.write("lost/northwind.md", file)
        let text = "Opportunity ID,Account Name,Stage,Close Date,Amount,Loss Reason,Competitor\n"
            + "A-1,Northwind Logistics,closed-lost,2025-08-14,\"USD 120,000.00\",Pricing,Acme\n"
        let plan = try CRMImporter(corpus: corpus.path).plan(export: CRMExport(text: text), source: "e.csv", options: .init())
        #expect(plan.files.map(\.path) == ["lost/northwind.md"])
        #expect(plan.count(.unchanged) == 1, "$120K is 120000, Closed Lost is lost, Acme is an alias of Acme Analytics")
    }

    @Test func aRepeatedIDAndABadAmountAreMalformedRows() throws {
        let corpus = TemporaryFolder()
        // Lines: header 1, A-1 2, A-2 3, A-3 4, then the two rows added here on 5 and 6.
        let text = export + "A-1,Northwind Logistics,Closed Lost,08/14/2025,100,\nA-4,Proseware,Closed Won,08/14/2025,lots,\n"
        let plan = try CRMImporter(corpus: corpus.path).plan(export: CRMExport(text: text), source: "e.csv", options: .init())
        #expect(plan.issues.filter(\.isError).map { $0.description(source: "e.csv") } == [
            "e.csv:5: error: id 'A-1' was already imported from line 2; this row is left out",
            "e.csv:6: error: invalid amount 'lots' in column 'Amount' (expected a number like 120000, $120,000 or USD 120,000.00)",
        ])
    }

    @Test func idsBecomeSafeFileNames() throws {
        let corpus = TemporaryFolder()
        corpus.write("2025/x_y.md", "# notes, not a deal\n")
        let text = "Record ID,Deal Stage,Close Date\nx/y,Closed won,2025-01-01\n.hidden,Closed won,2025-01-01\n"
        let plan = try CRMImporter(corpus: corpus.path).plan(export: CRMExport(text: text), source: "e.csv", options: .init())
        #expect(plan.files.map(\.path) == ["2025/x_y-2.md", "2025/_hidden.md"])
    }
}

import DealqLanguage
import DealqRender
import Foundation
import Testing
@testable import DealqCore

/// Reports on the six-deal fixture: golden markdown (reviewed; `DEALQ_RECORD=1`
/// rewrites it), and every section equal to the answer of the query it lists.
@Suite struct ReportTests {
    static let today = CalendarDate("2025-06-30")!

    func engine() throws -> (TemporaryFolder, QueryEngine) { try indexedFixture("semantics") }

    @Test(arguments: [("leadership", nil), ("product", nil), ("sales", "Acme Analytics")] as [(String, String?)])
    func reportMatchesItsGoldenFileAndItsQueries(audience: String, competitor: String?) throws {
        let (_, engine) = try engine()
        let report = try engine.report(Report.Audience(rawValue: audience)!, filters: "", competitor: competitor, today: Self.today)
        let markdown = report.markdown(generated: Self.today)
        for section in report.sections {
            let again = try engine.answer(section.query, today: Self.today, defaultLimit: nil).table
            #expect(again == section.table, "\(section.query)")
            if !again.rows.isEmpty { #expect(markdown.contains(Report.markdownAnswer(again)), "\(section.query)") }
            #expect(markdown.contains("- `dealq \(Report.shellQuoted(section.query))`"))
        }
        let golden = fixtures + "/reports/\(audience).md"
        if ProcessInfo.processInfo.environment["DEALQ_RECORD"] == "1" {
            try markdown.write(toFile: golden, atomically: true, encoding: .utf8)
            // A recorded file proves nothing: the run fails until it is reviewed and run again without DEALQ_RECORD.
            Issue.record("recorded \(golden); review it and run the tests again without DEALQ_RECORD")
        }
        #expect(markdown == (try String(contentsOfFile: golden, encoding: .utf8)))
    }

    @Test func htmlIsOneSelfContainedPageWithBars() throws {
        let (_, engine) = try engine()
        let report = try engine.report(.leadership, filters: "", competitor: nil, today: Self.today)
        let page = report.html(generated: Self.today)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(!page.contains("<script") && !page.contains("http"))
        #expect(page.components(separatedBy: "<table>").count - 1 == report.sections.filter { !$0.table.rows.isEmpty }.count)
        // winrate by quarter: the (all) row and three quarters, each with a bar (rates on a 0–100% scale).
        #expect(page.contains("<td class=\"bar\"><div style=\"width:40%\"></div></td>"))
        // Every other table by one group (or of driver categories) has a bar per row too.
        let barred = report.sections.map { Report.charted($0.table) }.filter { $0.barColumn != nil }
        #expect(barred.count == 4)
        #expect(page.components(separatedBy: "class=\"bar\"").count - 1 == barred.map(\.rows.count).reduce(0, +))
        #expect(page.contains("<li><code>dealq &quot;winrate by quarter&quot;</code></li>"))
        // Quotes read as block quotes with who said them, as in markdown.
        let product = try engine.report(.product, filters: "", competitor: nil, today: Self.today).html(generated: Self.today)
        #expect(product.contains("<blockquote><p>“Pricing and implementation were both worse.”</p>"
                                 + "<footer>— VP Sales, email, 2024-12-03 · Buyer interview; A-6 Zeta Group · lost · $200K</footer></blockquote>"))
    }

    @Test func salesWithoutACompetitorWritesAPageForEachOfTheThreeWeLoseMost() throws {
        // Lost deals with each competitor in the deal: Acme Analytics 2, Spreadsheets 2, No decision 1,
        // Internal build 0 (never a page: nothing lost).
        let (_, engine) = try engine()
        let report = try engine.report(.sales, filters: "", competitor: nil, today: Self.today)
        #expect(report.sections.map(\.title) == [
            "Head-to-head win rate",
            "Acme Analytics: why we lose", "Acme Analytics: recent buyer quotes",
            "Spreadsheets: why we lose", "Spreadsheets: recent buyer quotes",
            "No decision: why we lose", "No decision: recent buyer quotes",
        ])
        #expect(report.sections[5].query == #"drivers outcome:lost competitor.selected:"No decision""#)
        for section in report.sections {
            #expect(try engine.answer(section.query, today: Self.today, defaultLimit: nil).table == section.table)
        }
    }

    @Test func htmlEscapesText() {
        #expect(htmlEscaped("<b>\"R&D\" isn't</b>") == "&lt;b&gt;&quot;R&amp;D&quot; isn&#39;t&lt;/b&gt;")
    }

    @Test func minimumGroupSizeReachesEverySection() throws {
        // The fixture's groups have fewer than 10 won + lost deals; with --min-n 1 none is marked.
        let (_, engine) = try engine()
        let marked = try engine.report(.product, filters: "", competitor: nil, today: Self.today)
        #expect(marked.markdown(generated: Self.today).contains("n\\<10"))
        let unmarked = try engine.report(.product, filters: "", competitor: nil, today: Self.today, minimumGroupSize: 1)
        #expect(!unmarked.markdown(generated: Self.today).contains("n\\<"))
    }

    @Test func filtersNarrowEveryQuery() throws {
        let (_, engine) = try engine()
        let report = try engine.report(.leadership, filters: "segment:enterprise", competitor: nil, today: Self.today)
        #expect(report.sections.allSatisfy { $0.query.hasSuffix(" segment:enterprise") })
        #expect(report.markdown(generated: Self.today).contains("_Deals matching `segment:enterprise`, as of 2025-06-30._"))
    }
}

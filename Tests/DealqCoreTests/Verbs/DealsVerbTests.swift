import DealqRender
import Testing
@testable import DealqCore

/// `deals`: ranked pages, sorted listings, snippets.
@Suite struct DealsVerbTests {
    let fixture = VerbFixture.shared

    @Test func textAloneIsRankedAndCutByFTS5() throws {
        let plan = try fixture.plan("deals implementation", defaultLimit: 20)
        #expect(plan.main.sql == """
            WITH r AS (SELECT rowid AS deal, rank FROM deal_fts WHERE deal_fts MATCH ? ORDER BY rank LIMIT ?)
            SELECT d.rowid, d.id, d.account, d.outcome, d.acv, d.closed, d.competitor_primary, d.top_driver
            FROM r JOIN deals d ON d.rowid = r.deal
            ORDER BY r.rank, d.id
            """)
        #expect(plan.main.arguments == [.text("\"implementation\""), .number(20)])
        #expect(plan.rankedPage == Plan.RankedPage(match: "\"implementation\"", limit: 20))
        #expect(plan.total?.sql == "SELECT count(*) FROM deal_fts WHERE deal_fts MATCH ?")
    }

    @Test func sortedByAColumnThenByRank() throws {
        let plan = try fixture.plan("deals implementation sort:acv", defaultLimit: 20)
        #expect(plan.main.sql.hasSuffix("FROM m JOIN deals d ON d.rowid = m.deal\nORDER BY d.\"acv\" DESC NULLS LAST, m.rank, d.id\nLIMIT ?"))
        #expect(plan.main.arguments == [.text("\"implementation\""), .number(20)])
        #expect(plan.rankedPage == nil)
        #expect(try fixture.plan("deals sort:competitor-asc").main.sql.contains("ORDER BY d.competitor_primary ASC NULLS LAST, d.closed DESC, d.id"))
        #expect(try fixture.plan("deals implementation sort:snippet").main.sql.contains("ORDER BY m.rank DESC NULLS LAST, m.rank, d.id"))
    }

    @Test func tableWithSnippetsOfTheShownDeals() throws {
        let table = try fixture.table(DealsVerb.self, "deals implementation sort:acv")
        #expect(table.columns.map(\.name) == ["id", "account", "outcome", "acv", "closed", "competitor", "top_driver", "snippet"])
        #expect(table.columns.last?.kind == .snippet && table.layout == .snippets)
        #expect(VerbFixture.text(table).map(\.[0]) == ["A-6", "A-1", "A-4"])
        #expect(table.rows.allSatisfy { if case .text(let s) = $0[7] { return s.contains("\u{2}") } else { return false } })
        let plain = try fixture.table(DealsVerb.self, "deals id:A-5")
        #expect(VerbFixture.text(plain) == [["A-5", "Epsilon", "won", "null", "2024-11-05", "Internal build", "relationship"]])
        #expect(plain.layout == .grid)
    }

    @Test func fullPageCountsTheRest() throws {
        let page = try fixture.table(DealsVerb.self, "deals limit:2")
        #expect(page.rows.count == 2 && page.totalRows == 6)
        #expect(try fixture.table(DealsVerb.self, "deals limit:6").totalRows == nil)
    }

    @Test func snippetsAreOneLineWithoutMarkdownMarkers() {
        #expect(DealsVerb.cleanSnippet("## Notes\n> - they said\n\n* it") == "Notes they said it")
    }
}

import DealqLanguage
import Testing
@testable import DealqCore

/// The SQL a query compiles to: values always bound, MATCH first, NULL-safe negation.
@Suite struct PlannerTests {
    let checker = Checker(catalog: Catalog(), aliases: [:], today: CalendarDate("2025-06-30")!)

    func plan(_ text: String, limit: Int? = nil) throws -> Plan {
        Planner.plan(try checker.check(try parseQuery(text)).query, defaultLimit: limit)
    }

    @Test func comparisonsAreBareUnlessNegated() throws {
        let p = try plan("count acv>100k -confidence<0.5 segment:smb")
        #expect(p.matching.sql == """
            SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d WHERE d."acv" > ? AND NOT (coalesce(d."confidence" < ?, 0)) \
            AND d.rowid IN (SELECT deal FROM deal_facets WHERE facet = ? AND key = ?)
            """)
        #expect(p.matching.arguments == [.number(100_000), .number(0.5), facetID("segment"), .text("smb")])
    }

    @Test func textRunsFirstAndUserTextIsBoundAsTokens() throws {
        let p = try plan("count by segment \"'; DROP TABLE deals; --\" POL-358 outcome:won")
        #expect(p.matching.sql.hasPrefix("SELECT d.rowid AS deal, d.outcome AS outcome FROM deal_fts JOIN deals d ON d.rowid = deal_fts.rowid WHERE deal_fts MATCH ?"))
        #expect(p.matching.arguments.first == .text("\"drop table deals\" AND \"pol 358\""))
        #expect(!p.main.sql.contains("DROP"))
    }

    @Test func rankedTextAloneIsCutByFTS5() throws {
        let p = try plan("deals security review", limit: 20)
        #expect(p.main.sql.hasPrefix("WITH r AS (SELECT rowid AS deal, rank FROM deal_fts WHERE deal_fts MATCH ? ORDER BY rank LIMIT ?)"))
        #expect(p.main.arguments == [.text("\"security\" AND \"review\""), .number(20)])
        // With a facet filter the page is cut after filtering, never before.
        let filtered = try plan("deals security outcome:lost", limit: 20)
        #expect(filtered.main.sql.hasPrefix("WITH m AS (SELECT d.rowid AS deal, d.outcome AS outcome, deal_fts.rank AS rank FROM deal_fts"))
    }

    @Test func dateBoundsOfAnAndReachItsFacetSubqueries() throws {
        // The facet's rows carry the deal's close day: only the rows in range are read.
        let p = try plan("quotes competitor:acme segment:smb since:90d closed<2025-06-01")
        #expect(p.matching.sql == """
            SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d \
            WHERE d.rowid IN (SELECT deal FROM deal_facets WHERE facet = ? AND key = ? AND closed >= ? AND closed < ?) \
            AND d.rowid IN (SELECT deal FROM deal_facets WHERE facet = ? AND key = ? AND closed >= ? AND closed < ?) \
            AND d."closed" >= ? AND d."closed" < ?
            """)
        #expect(p.matching.arguments == [facetID("competitor"), .text("acme"), .number(20250401), .number(20250601),
                                         facetID("segment"), .text("smb"), .number(20250401), .number(20250601),
                                         .text("2025-04-01"), .text("2025-06-01")])
        // One facet value (and dates) alone: the facet's rows are the matching deals.
        let alone = try plan("quotes competitor:acme since:90d")
        #expect(alone.matching.sql == "SELECT deal, CASE outcome WHEN 0 THEN 'won' WHEN 1 THEN 'lost' ELSE 'churned' END AS outcome "
                + "FROM deal_facets WHERE facet = ? AND key = ? AND closed >= ?")
        #expect(alone.matching.arguments == [facetID("competitor"), .text("acme"), .number(20250401)])
        // Not with two values of it (a deal would come twice), nor with any other condition.
        #expect(try plan("count competitor:acme,borealis").matching.sql.hasPrefix("SELECT d.rowid AS deal"))
        #expect(try plan("count competitor:acme acv>100k").matching.sql.hasPrefix("SELECT d.rowid AS deal"))
        // Not under OR or NOT, and not without a date bound.
        #expect(!(try plan("count competitor:acme or since:90d").matching.sql.contains("AND closed")))
        #expect(!(try plan("count -competitor:acme since:90d").matching.sql.contains("AND closed")))
        #expect(!(try plan("count competitor:acme acv>100k").matching.sql.contains("AND closed")))
    }

    @Test func groupsUnderOnlyDateBoundsReadTheFacetRowsAlone() throws {
        let p = try plan("winrate by topic since:1y")
        #expect(p.main.sql.contains("FROM deal_facets WHERE facet = ? AND closed >= ? GROUP BY key"))
        #expect(!p.main.sql.contains("deal IN (SELECT deal FROM m)"))
        // Any other filter keeps the membership test, after the cheaper date test.
        #expect(try plan("winrate by topic since:1y segment:smb").main.sql.contains(
            "FROM deal_facets WHERE facet = ? AND closed >= ? AND deal IN (SELECT deal FROM m) GROUP BY key"))
    }

    @Test func wholeCorpusByOneFacetReadsTheKeptCounts() throws {
        #expect(try plan("winrate by topic").main.sql.hasPrefix("SELECT key, sum(deals), sum(won), sum(lost) FROM facet_spellings WHERE facet = ?"))
        #expect(try plan("winrate by topic segment:smb").main.sql.contains("FROM deal_facets WHERE facet = ? AND deal IN (SELECT deal FROM m)"))
    }
}

import DealqRender
import Testing
@testable import DealqCore

/// `count`: its statements and its table on the six-deal fixture.
@Suite struct CountVerbTests {
    let fixture = VerbFixture.shared

    @Test func wholeCorpusByOneFacetReadsTheKeptCounts() throws {
        let plan = try fixture.plan("count by segment")
        #expect(plan.main.sql == """
            SELECT key, sum(deals), sum(won), sum(lost) FROM facet_spellings WHERE facet = ? GROUP BY key
            UNION ALL
            SELECT NULL, t.deals - coalesce(p.deals, 0), t.won - coalesce(p.won, 0), t.lost - coalesce(p.lost, 0)
            FROM facet_presence t LEFT JOIN facet_presence p ON p.facet = ?
            WHERE t.facet = 'outcome' AND t.deals > coalesce(p.deals, 0)
            """)
        #expect(plan.main.arguments == [.text("segment"), .text("segment")])
        // By one facet the main rows order the groups: no second statement.
        #expect(plan.groupSizes == nil)
    }

    @Test func twoFacetsGroupTheMatchingDealsAndSizeTheFirst() throws {
        let plan = try fixture.plan("count by quarter, segment outcome:lost")
        #expect(plan.main.sql.hasSuffix("""
            SELECT g0.key, g1.key, count(*), coalesce(sum(m.outcome = 'won'), 0), coalesce(sum(m.outcome = 'lost'), 0)
            FROM m
            LEFT JOIN deal_facets g0 ON g0.deal = m.deal AND g0.facet = ?
            LEFT JOIN deal_facets g1 ON g1.deal = m.deal AND g1.facet = ?
            GROUP BY 1, 2
            """))
        #expect(plan.main.arguments == [facetID("outcome"), .text("lost"), facetID("quarter"), facetID("segment")])
        let sizes = try #require(plan.groupSizes)
        #expect(sizes.sql.contains("FROM deal_facets WHERE facet = ? AND deal IN (SELECT deal FROM m) GROUP BY key"))
        #expect(sizes.arguments == [facetID("outcome"), .text("lost"), facetID("quarter")])
    }

    @Test func plainCountNeedsNoOutcome() throws {
        #expect(try fixture.plan("count").main.sql == "SELECT coalesce((SELECT deals FROM facet_presence WHERE facet = 'outcome'), 0)")
        let filtered = try fixture.plan("count segment:smb")
        #expect(filtered.main.sql.hasSuffix(")\nSELECT count(*) FROM m"))
        #expect(filtered.main.arguments == [facetID("segment"), .text("smb")])
    }

    @Test func tableInGroupOrderWithNoneLast() throws {
        let table = try fixture.table(CountVerb.self, "count by segment")
        #expect(table.columns == [Column("segment", .text), Column(.deals, .integer)])
        #expect(VerbFixture.text(table) == [["Enterprise", "3"], ["SMB", "2"], ["(none)", "1"]])
        // Lost deals by quarter, then segment within each quarter: oldest quarter first.
        #expect(VerbFixture.text(try fixture.table(CountVerb.self, "count by quarter, segment outcome:lost")) == [
            ["2024-Q4", "Enterprise", "1"], ["2025-Q1", "SMB", "1"], ["2025-Q2", "Enterprise", "1"],
        ])
        #expect(VerbFixture.text(try fixture.table(CountVerb.self, "count")) == [["6"]])
    }
}

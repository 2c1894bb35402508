import DealqRender
import Testing
@testable import DealqCore

/// `drivers` and `drivers weight:acv`: sums per category and group, heaviest first.
@Suite struct DriversVerbTests {
    let fixture = VerbFixture.shared

    @Test func sumsPerGroupAndCategoryWithDealsPerGroupForOrder() throws {
        let plan = try fixture.plan("drivers outcome:lost by segment")
        #expect(plan.main.sql.hasSuffix("""
            SELECT g0.key, x.category, dealq_sum(x.weight), count(DISTINCT x.deal)
            FROM m JOIN drivers x ON x.deal = m.deal
            LEFT JOIN deal_facets g0 ON g0.deal = m.deal AND g0.facet = ?
            GROUP BY 1, 2
            """))
        #expect(plan.main.arguments == [facetID("outcome"), .text("lost"), facetID("segment")])
        #expect(plan.baseline?.sql.contains("SELECT key, n, w, l FROM g") == true)
        #expect(plan.groupSizes?.arguments == [facetID("outcome"), .text("lost"), facetID("segment")])
    }

    @Test func weightedByACVJoinsDealsWithAnACV() throws {
        let plan = try fixture.plan("drivers weight:acv")
        #expect(plan.main.sql == """
            WITH m AS (SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d)
            SELECT x.category, dealq_sum(x.weight * d.acv), count(DISTINCT x.deal)
            FROM m JOIN drivers x ON x.deal = m.deal JOIN deals d ON d.rowid = m.deal AND d.acv IS NOT NULL
            GROUP BY 1
            """)
        #expect(plan.groupSizes == nil)
    }

    @Test func tableHeaviestFirstWithinEachGroup() throws {
        let table = try fixture.table(DriversVerb.self, "drivers outcome:lost by segment")
        #expect(table.columns.map(\.name) == ["segment", "category", "weight", "share", "deals"])
        #expect(VerbFixture.text(table) == [
            ["Enterprise", "product", "0.9000", "0.4500", "2"], ["Enterprise", "pricing", "0.6000", "0.3000", "1"],
            ["Enterprise", "competitive", "0.5000", "0.2500", "1"],
            ["SMB", "pricing", "0.5000", "0.5000", "1"], ["SMB", "timing", "0.5000", "0.5000", "1"],
        ])
    }

    @Test func weightedTableIsMoney() throws {
        // A-2 50k: pricing 30k, product 20k; A-3 20k: timing 10k, pricing 10k; A-6 200k: product 100k, competitive 100k.
        let table = try fixture.table(WeightedDriversVerb.self, "drivers outcome:lost weight:acv")
        #expect(table.columns == [Column(.category, .text), Column(.acv, .money), Column(.share, .rate), Column(.deals, .integer)])
        #expect(VerbFixture.text(table) == [
            ["product", "120000.0000", "0.4444", "2"], ["competitive", "100000.0000", "0.3704", "1"],
            ["pricing", "40000.0000", "0.1481", "2"], ["timing", "10000.0000", "0.0370", "1"],
        ])
    }
}

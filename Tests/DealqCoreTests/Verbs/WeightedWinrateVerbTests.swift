import DealqRender
import Testing
@testable import DealqCore

/// `winrate weight:acv`: sums of ACV per group and Wilson's interval at the effective number of deals.
@Suite struct WeightedWinrateVerbTests {
    let fixture = VerbFixture.shared

    @Test func sumsOnlyDealsWithAnACV() throws {
        let plan = try fixture.plan("winrate by segment weight:acv")
        #expect(plan.main.sql == """
            WITH m AS (SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d)
            SELECT g0.key, coalesce(sum(m.outcome IN ('won', 'lost')), 0), coalesce(sum(CASE WHEN m.outcome = 'won' THEN d.acv END), 0), \
            coalesce(sum(CASE WHEN m.outcome = 'lost' THEN d.acv END), 0), coalesce(sum(CASE WHEN m.outcome IN ('won', 'lost') THEN d.acv * d.acv END), 0)
            FROM m JOIN deals d ON d.rowid = m.deal AND d.acv IS NOT NULL
            LEFT JOIN deal_facets g0 ON g0.deal = m.deal AND g0.facet = ?
            GROUP BY 1
            """)
        #expect(plan.main.arguments == [facetID("segment")])
        #expect(plan.baseline?.sql.contains("GROUP BY") == false)
        #expect(plan.groupSizes?.arguments == [facetID("segment")])
    }

    @Test func tableOfSharesOfMoneyMarkedByEffectiveDeals() throws {
        // Won A-1 100k; lost A-2 50k, A-3 20k, A-6 200k: 100 ÷ 370; Enterprise effective 35² ÷ 525.
        let table = try fixture.table(WeightedWinrateVerb.self, "winrate by segment weight:acv")
        #expect(table.columns.map(\.name) == ["segment", "deals", "effective_deals", "won_acv", "lost_acv", "winrate", "lift", "ci_low", "ci_high"])
        #expect(table.columns[3].kind == .money)
        #expect(VerbFixture.text(table) == [
            ["(all)", "4", "2.5879", "100000.0000", "270000.0000", "0.2703", "0.0000", "0.0378", "0.7772"],
            ["Enterprise", "3", "2.3333", "100000.0000", "250000.0000", "0.2857", "0.0154", "0.0386", "0.7995"],
            ["SMB", "1", "1.0000", "0.0000", "20000.0000", "0.0000", "-0.2703", "0.0000", "0.7935"],
        ])
        #expect(table.marks == [nil, .tooFew(minimum: 10), .tooFew(minimum: 10)])
        #expect(table.footnotes == [.tooFew(minimum: 10, weighted: true)])
    }

    @Test func groupWithoutMoneyHasNoRate() throws {
        // A-5 (won) has no ACV: the (none) segment is left out, A-4 (churned, SMB) weighs nothing.
        let table = try fixture.table(WeightedWinrateVerb.self, "winrate by segment weight:acv outcome:churned")
        #expect(VerbFixture.text(table) == [
            ["(all)", "0", "null", "0.0000", "0.0000", "null", "null", "null", "null"],
            ["SMB", "0", "null", "0.0000", "0.0000", "null", "null", "null", "null"],
        ])
    }
}

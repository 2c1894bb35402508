import DealqRender
import Testing
@testable import DealqCore

/// `winrate`: baseline statement, counts per group, rates, lifts and marks.
@Suite struct WinrateVerbTests {
    let fixture = VerbFixture.shared

    @Test func filteredByDatesCountsTheFacetRowsInRange() throws {
        let plan = try fixture.plan("winrate by segment since:2025-01-01")
        #expect(plan.main.sql.contains("FROM deal_facets WHERE facet = ? AND closed >= ? GROUP BY key"))
        #expect(plan.main.sql.hasSuffix("SELECT key, n, w, l FROM g\nUNION ALL\nSELECT NULL, b.n - p.n, b.w - p.w, b.l - p.l FROM b, p WHERE b.n > p.n"))
        #expect(plan.main.arguments == [.text("2025-01-01"), facetID("segment"), .number(20250101)])
        #expect(plan.baseline?.sql.hasSuffix("SELECT count(*), coalesce(sum(outcome = 'won'), 0), coalesce(sum(outcome = 'lost'), 0) FROM m") == true)
        #expect(plan.baseline?.arguments == [.text("2025-01-01")])
    }

    @Test func tableStartsWithAllAndMarksSmallGroups() throws {
        let table = try fixture.table(WinrateVerb.self, "winrate by topic", minimumGroupSize: 2)
        #expect(table.columns.map(\.name) == ["topic", "deals", "won", "lost", "winrate", "lift", "ci_low", "ci_high"])
        #expect(VerbFixture.text(table) == [
            ["(all)", "5", "2", "3", "0.4000", "0.0000", "0.1176", "0.7693"],
            ["pricing", "3", "0", "3", "0.0000", "-0.4000", "0.0000", "0.5615"],
            ["implementation", "2", "1", "1", "0.5000", "0.1000", "0.0945", "0.9055"],
            ["(none)", "1", "1", "0", "1.0000", "0.6000", "0.2065", "1.0000"],
        ])
        #expect(table.marks == [nil, nil, nil, .tooFew(minimum: 2)])
        #expect(table.footnotes == [.mayAllBeChance, .tooFew(minimum: 2, weighted: false)])
    }

    @Test func withoutGroupsOneRowNamedGroup() throws {
        let table = try fixture.table(WinrateVerb.self, "winrate outcome:lost")
        #expect(table.columns.first == Column(.group, .text))
        #expect(VerbFixture.text(table) == [["(all)", "3", "0", "3", "0.0000", "0.0000", "0.0000", "0.5615"]])
        #expect(table.marks.isEmpty && table.footnotes.isEmpty)
    }

    @Test func sortKeepsAllFirst() throws {
        let table = try fixture.answer("winrate by topic sort:winrate")
        #expect(VerbFixture.text(table).map(\.[0]) == ["(all)", "(none)", "implementation", "pricing"])
    }
}

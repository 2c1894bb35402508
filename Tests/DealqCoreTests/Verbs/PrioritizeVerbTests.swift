import DealqRender
import Testing
@testable import DealqCore

/// `prioritize`: candidates without an interview, scored in Swift, best first.
@Suite struct PrioritizeVerbTests {
    let fixture = VerbFixture.shared

    @Test func selectsDealsWithoutInterviewAndTheirDriversAsJSON() throws {
        let plan = try fixture.plan("prioritize outcome:lost", defaultLimit: 20)
        #expect(plan.main.sql.hasSuffix("""
            SELECT d.id, d.account, d.outcome, d.acv, d.closed, d.confidence,
                   (SELECT json_group_array(json_array(x.category, x.weight)) FROM (SELECT category, weight FROM drivers WHERE deal = d.rowid ORDER BY ord) x)
            FROM m JOIN deals d ON d.rowid = m.deal
            WHERE NOT EXISTS (SELECT 1 FROM deal_facets s WHERE s.deal = d.rowid AND s.facet = \(FacetNames.id(builtIn: "source")) AND s.key = 'interview')
            """))
        #expect(plan.main.arguments == [facetID("outcome"), .text("lost")])
        // Scored in Swift: the page is cut after scoring, not in SQL.
        #expect(plan.limit == 20 && !plan.main.sql.contains("LIMIT"))
    }

    @Test func tableScoredBestFirstAndCutAfterScoring() throws {
        let table = try fixture.table(PrioritizeVerb.self, "prioritize outcome:lost")
        #expect(table.columns.map(\.name) == ["deal", "account", "outcome", "acv", "closed", "score", "reason"])
        #expect(VerbFixture.text(table).map { [$0[0], $0[5]] } == [["A-2", "0.7274"], ["A-3", "0.6193"], ["A-6", "0.6029"]])
        let page = try fixture.answer("prioritize limit:2")
        #expect(VerbFixture.text(page).map(\.[0]) == ["A-1", "A-2"])
        #expect(page.totalRows == 6)
    }
}

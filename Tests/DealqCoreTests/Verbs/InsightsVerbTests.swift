import DealqRender
import Testing
@testable import DealqCore

/// `insights`: the summaries' areas, newest deal first, then in file order.
@Suite struct InsightsVerbTests {
    let fixture = VerbFixture.shared

    @Test func sortedColumnFirstThenNewestDeal() throws {
        let plan = try fixture.plan("insights sort:area limit:2")
        #expect(plan.main.sql == """
            WITH m AS (SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d)
            SELECT i.area, i.label, i.note, d.id, d.account, d.outcome, d.acv, count(*) OVER ()
            FROM m JOIN insights i ON i.deal = m.deal JOIN deals d ON d.rowid = m.deal
            ORDER BY i.area DESC NULLS LAST, d.closed DESC, d.id, i.ord
            LIMIT ?
            """)
        #expect(plan.main.arguments == [.number(2)])
        // Not cut by default.
        #expect(try fixture.plan("insights", defaultLimit: 20).limit == nil)
    }

    @Test func tableOfInsights() throws {
        let table = try fixture.table(InsightsVerb.self, "insights")
        #expect(table.columns.map(\.name) == ["area", "label", "note", "deal", "account", "outcome", "acv"])
        #expect(VerbFixture.text(table) == [
            ["Reporting", "advantage", "live dashboards", "A-1", "Alpha Corp", "won", "100000.0000"],
            ["SSO", "gap", "needed SAML", "A-2", "Beta LLC", "lost", "50000.0000"],
            ["Reporting", "gap", "no scheduled exports", "A-6", "Zeta Group", "lost", "200000.0000"],
            ["SSO", "requested", "null", "A-6", "Zeta Group", "lost", "200000.0000"],
        ])
        let page = try fixture.table(InsightsVerb.self, "insights limit:1")
        #expect(page.rows.count == 1 && page.totalRows == 4)
    }
}

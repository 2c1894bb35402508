import DealqRender
import Testing
@testable import DealqCore

/// `audit`: evidence counts per group, shown as shares of deals or of lost deals.
@Suite struct AuditVerbTests {
    let fixture = VerbFixture.shared

    @Test func oneStatementOfCountsPerGroup() throws {
        let plan = try fixture.plan("audit by segment")
        #expect(plan.main.sql.hasPrefix("WITH m AS (SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d)\nSELECT g0.key, count(*), "
                                        + "coalesce(sum(d.outcome = 'lost'), 0), coalesce(sum(d.outcome = 'lost' AND d.crm_loss_reason IS NOT NULL), 0), "))
        #expect(plan.main.sql.hasSuffix("coalesce(sum(d.outcome = 'lost' AND d.mismatch = 1), 0)\nFROM m JOIN deals d ON d.rowid = m.deal\n"
                                        + "LEFT JOIN deal_facets g0 ON g0.deal = m.deal AND g0.facet = ?\nGROUP BY 1"))
        #expect(plan.main.arguments == [facetID("segment")])
        #expect(plan.groupSizes != nil)
        #expect(try fixture.plan("audit").groupSizes == nil)
    }

    @Test func sharesOfTheRightWhole() throws {
        let table = try fixture.table(AuditVerb.self, "audit by segment")
        #expect(table.columns.map(\.name) == ["segment", "deals", "lost", "crm_reason", "competitor", "selected", "interview", "mismatch"])
        #expect(table.columns.map(\.kind) == [.text, .integer, .integer, .rate, .rate, .rate, .rate, .rate])
        // SMB: A-3 lost without a CRM reason, A-4 churned with no competitor; no comparable reason, so mismatch is absent.
        #expect(VerbFixture.text(table) == [
            ["Enterprise", "3", "2", "0.5000", "1.0000", "0.5000", "0.0000", "1.0000"],
            ["SMB", "2", "1", "0.0000", "0.5000", "1.0000", "0.0000", "null"],
            ["(none)", "1", "0", "null", "1.0000", "null", "0.0000", "null"],
        ])
    }
}

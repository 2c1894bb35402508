import DealqRender
import Testing
@testable import DealqCore

/// `quotes`: quotes of the matching deals, filtered by their own text and topics, as cards.
@Suite struct QuotesVerbTests {
    let fixture = VerbFixture.shared

    @Test func quoteFilterAndSortAndTotalInOneStatement() throws {
        let plan = try fixture.plan("quotes topic:pricing sort:acv", defaultLimit: 20)
        #expect(plan.main.sql == """
            WITH m AS (SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d)
            SELECT q.text, q.speaker, q.source, q.date, q.section, d.id, d.account, d.outcome, d.acv, count(*) OVER ()
            FROM m JOIN quotes q ON q.deal = m.deal JOIN deals d ON d.rowid = m.deal
            WHERE q.rowid IN (SELECT quote FROM quote_topics WHERE topic IN (?))
            ORDER BY d."acv" DESC NULLS LAST, q.date IS NULL, q.date DESC, d.id, q.ord
            LIMIT ?
            """)
        #expect(plan.main.arguments == [.text("pricing"), .number(20)])
        #expect(plan.totalInLastColumn)
    }

    @Test func tableAsCardsWithTheTotalFromTheLastColumn() throws {
        let table = try fixture.table(QuotesVerb.self, "quotes limit:3")
        #expect(table.columns.map(\.name) == ["quote", "speaker", "source", "date", "section", "deal", "account", "outcome", "acv"])
        #expect(table.layout == .quotes)
        #expect(VerbFixture.text(table).map(\.[5]) == ["A-1", "A-2", "A-6"])
        #expect(table.totalRows == 4)
        #expect(VerbFixture.text(table)[0] == ["Implementation took two weeks.", "CIO", "interview", "2025-06-20", "Buyer interview",
                                               "A-1", "Alpha Corp", "won", "100000.0000"])
        #expect(try fixture.table(QuotesVerb.self, "quotes limit:4").totalRows == nil)
    }
}

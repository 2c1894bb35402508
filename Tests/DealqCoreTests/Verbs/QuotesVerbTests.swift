import DealqRender
import Testing
@testable import DealqCore

/// `quotes`: quotes of the matching deals, filtered by their own text and topics, as cards.
@Suite struct QuotesVerbTests {
    let fixture = VerbFixture.shared

    @Test func quoteFilterAndSortAndTotalInOneStatement() throws {
        let plan = try fixture.plan("quotes topic:pricing sort:acv", defaultLimit: 20)
        #expect(plan.main.sql == """
            WITH m AS NOT MATERIALIZED (SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d),
            qm AS MATERIALIZED (SELECT q.rowid AS quote, q.deal AS deal, q.date AS date FROM m JOIN quotes q ON q.deal = m.deal
            WHERE q.rowid IN (SELECT quote FROM quote_topics WHERE topic IN (?)))
            SELECT q.text, q.speaker, q.source, q.date, q.section, d.id, d.account, d.outcome, d.acv, (SELECT count(*) FROM qm)
            FROM qm JOIN quotes q ON q.rowid = qm.quote JOIN deals d ON d.rowid = qm.deal
            ORDER BY d."acv" DESC NULLS LAST, q.date IS NULL, q.date DESC, d.id, q.ord
            LIMIT ?
            """)
        #expect(plan.main.arguments == [.text("pricing"), .number(20)])
        #expect(plan.totalInLastColumn)
    }

    /// In the default order a page looks up only the quotes dated on or after its last date.
    @Test func defaultOrderCutsAtThePagesLastDate() throws {
        let plan = try fixture.plan("quotes outcome:lost limit:3")
        #expect(plan.main.sql.contains("""
            cut AS MATERIALIZED (SELECT date FROM qm ORDER BY date IS NULL, date DESC LIMIT 1 OFFSET ?)
            SELECT
            """))
        #expect(plan.main.sql.contains("WHERE (SELECT date FROM cut) IS NULL OR qm.date >= (SELECT date FROM cut)\nORDER BY"))
        #expect(plan.main.arguments.suffix(2) == [.number(2), .number(3)])
        // No page, or another order: every quote is sorted, with no cut.
        #expect(!(try fixture.plan("quotes limit:all").main.sql.contains("cut")))
        #expect(!(try fixture.plan("quotes sort:date limit:3").main.sql.contains("cut")))
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

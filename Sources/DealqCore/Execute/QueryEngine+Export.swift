import DealqLanguage
import DealqRender
import GRDB

extension QueryEngine {
    /// The columns of `dealq export crm-updates`.
    public static let crmUpdateColumns = [
        "deal", "account", "outcome", "closed", "crm_reason", "crm_competitor",
        "evidence_category", "evidence_competitor", "reason_differs", "competitor_differs",
    ]

    /// Corrections for the CRM: deals (among those the filters select) where
    /// what the rep logged disagrees with the evidence. The reason differs
    /// when the logged reason (loss reason of a lost deal, win reason of a won
    /// one) names another category than the heaviest driver (`mismatch`); the
    /// competitor differs when a lost deal's buyer selected a competitor and
    /// the CRM names none or another. Newest first.
    /// - Parameter filters: query filters (`since:2025-01-01 segment:enterprise`), or "" for every deal.
    public func crmUpdates(_ filters: String, today: CalendarDate) throws(QueryFailure) -> DealqRender.Table {
        let checked = try check("deals " + filters, today: today)
        let (matching, _) = Planner.matchingDeals(checked.query, withRank: false)
        let competitorDiffers = """
            (d.outcome = 'lost' AND d.competitor_selected IS NOT NULL
             AND (d.crm_competitor IS NULL OR lower(d.crm_competitor) <> lower(d.competitor_selected)))
            """
        let sql = SQLFragment("WITH m AS (") + matching + SQLFragment("""
            )
            SELECT d.id, d.account, d.outcome, d.closed,
                   CASE d.outcome WHEN 'lost' THEN d.crm_loss_reason WHEN 'won' THEN d.crm_win_reason END,
                   d.crm_competitor, d.top_driver, d.competitor_selected,
                   coalesce(d.mismatch, 0), \(competitorDiffers)
            FROM m JOIN deals d ON d.rowid = m.deal
            WHERE d.mismatch = 1 OR \(competitorDiffers)
            ORDER BY d.closed DESC, d.id
            """)
        do {
            return try queue.read { db in
                var table = DealqRender.Table(columns: Self.crmUpdateColumns.enumerated().map { index, name in
                    DealqRender.Column(name, index == 3 ? .date : .text)
                })
                for row in try Row.fetchAll(db, sql: sql.sql, arguments: Executor.arguments(sql.arguments)) {
                    var cells = (0..<8).map { Executor.cell(row[$0]) }
                    cells.append(.text((row[8] as Int) == 1 ? "true" : "false"))
                    cells.append(.text((row[9] as Int) == 1 ? "true" : "false"))
                    table.rows.append(cells)
                }
                return table
            }
        } catch {
            throw .runtime(failure(error).description)
        }
    }
}

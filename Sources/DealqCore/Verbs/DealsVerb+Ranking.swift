import Foundation
import GRDB

extension DealsVerb {
    /// A ranked page of text matches, ranked on two connections at once: bm25 costs
    /// about a microsecond per matching deal (60k matches at 500k deals: 65 ms), and
    /// its statistics (deal count, mean length, each term's document frequency) are
    /// the whole index's whatever rowids a query reads, so the best `limit` of each
    /// half of the rowids, merged by rank, are the best `limit` of all. Nil when the
    /// plan is not a ranked page or the index is too small for it to pay; else the
    /// page's rows and how many deals match (each half counts its own). A page longer
    /// than `parallelPageMaximum` is ranked on one connection: the merged page is bound
    /// two values per deal, and SQLite takes at most 32,766 bound values.
    static let parallelPageMaximum = 10_000

    static func rankedInParallel(_ plan: Plan, _ executor: Executor) throws -> (rows: [Executor.GroupRow], total: Int)? {
        let db = executor.db
        guard let page = plan.rankedPage, page.limit <= parallelPageMaximum, let helper = executor.helper,
              let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM deals"), last >= executor.parallelRankMinimum else { return nil }
        let split = last / 2
        /// The best page of one half, each row with the half's number of matches.
        @Sendable func half(_ db: Database, upper: Bool) throws -> [Row] {
            try Row.fetchAll(db, sql: "SELECT rowid, rank, count(*) OVER () FROM deal_fts WHERE deal_fts MATCH ? AND rowid "
                             + (upper ? ">" : "<=") + " ? ORDER BY rank LIMIT ?", arguments: [page.match, split, page.limit])
        }
        let upperRows = Slots<Result<[Row], any Error>>(count: 1)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            upperRows.store(Result { try helper.read { try half($0, upper: true) } }, at: 0)
            done.signal()
        }
        let lower = try half(db, upper: false)
        done.wait()
        let upper = try upperRows.all()[0].get()
        let total = [lower, upper].reduce(0) { $0 + ($1.first.map { $0[2] as Int } ?? 0) }
        let best = (lower + upper)
            .map { (deal: $0[0] as Int64, rank: $0[1] as Double) }
            .sorted { $0.rank < $1.rank }
            .prefix(page.limit)
        guard !best.isEmpty else { return ([], 0) }
        let values = Array(repeating: "(?, ?)", count: best.count).joined(separator: ", ")
        let arguments = StatementArguments(best.flatMap { [$0.deal.databaseValue, $0.rank.databaseValue] })
        let rows = try Row.fetchAll(db, sql: "WITH r(deal, rank) AS (VALUES \(values))\n" + rankedTail, arguments: arguments)
        return (rows.map { Executor.GroupRow(keys: [], values: Array($0.databaseValues)) }, total)
    }
}

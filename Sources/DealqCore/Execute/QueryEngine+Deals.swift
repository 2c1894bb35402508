import GRDB

/// How many deals the index holds, and the days the first and last of them closed.
public struct CorpusSpan: Sendable, Equatable {
    public var deals: Int
    public var firstClosed: String?
    public var lastClosed: String?
}

extension QueryEngine {
    /// The corpus-relative path of the file indexed under a deal id, or nil when
    /// no indexed deal has that id. The id is a bound argument, never a path.
    public func dealPath(id: String) throws(QueryFailure) -> String? {
        do {
            return try queue.read { db in
                try String.fetchOne(db, sql: "SELECT path FROM deals WHERE id = ? ORDER BY path LIMIT 1", arguments: [id])
            }
        } catch {
            throw .runtime(failure(error).description)
        }
    }

    /// The number of indexed deals and the range of their close dates.
    public func span() throws(QueryFailure) -> CorpusSpan {
        do {
            return try queue.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT count(*) AS n, min(closed) AS first, max(closed) AS last FROM deals")
                return CorpusSpan(deals: row?["n"] ?? 0, firstClosed: row?["first"], lastClosed: row?["last"])
            }
        } catch {
            throw .runtime(failure(error).description)
        }
    }

}

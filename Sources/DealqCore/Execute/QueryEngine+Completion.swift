import Foundation
import GRDB
import GRDBSQLite

/// What the shell needs from the engine besides answers: facet values for
/// completion, the deal count for its prompt, and stopping a running query.
extension QueryEngine {
    /// The values of a facet as the corpus spells them (one spelling per
    /// value: the one most deals use), most common first, at most `limit`.
    /// Facets stored as columns offer their values only for `id`.
    public func facetValues(_ name: String, limit: Int = 5000) -> [String] {
        guard let facet = catalog.facet(name) else { return [] }
        return (try? queue.read { db -> [String] in
            switch facet.storage {
            case .dealColumn("id"):
                return try String.fetchAll(db, sql: "SELECT id FROM deals ORDER BY closed DESC, id LIMIT ?", arguments: [limit])
            case .dealColumn:
                return []
            case .facetRows, .customNumber:
                return try String.fetchAll(db, sql: """
                    SELECT value FROM (
                      SELECT key, value, sum(deals) OVER (PARTITION BY key) AS total,
                             row_number() OVER (PARTITION BY key ORDER BY deals DESC, value) AS pick
                      FROM facet_spellings WHERE facet = ?)
                    WHERE pick = 1 ORDER BY total DESC, value LIMIT ?
                    """, arguments: [facet.name, limit])
            }
        }) ?? []
    }

    /// How many deals the index holds.
    public func dealCount() -> Int {
        (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM deals") }) ?? 0
    }

    /// Stops the query running on another thread: SQLite abandons it at its
    /// next step (`sqlite3_interrupt`) and `answer` throws a runtime failure.
    /// Safe to call from any thread, also when nothing runs.
    public func interrupt() {
        queue.interrupt()
    }

    /// Test hook: makes every query sleep `milliseconds` after each
    /// `steps` SQLite virtual-machine steps (0 turns it off), so that a
    /// test can interrupt a query that is really running inside SQLite.
    public func slowDownForTesting(milliseconds: Int, steps: Int32 = 1000) {
        SlowSteps.milliseconds = milliseconds
        queue.inDatabase { db in
            if milliseconds > 0 {
                sqlite3_progress_handler(db.sqliteConnection, steps, { _ in
                    usleep(useconds_t(SlowSteps.milliseconds * 1000))
                    return 0
                }, nil)
            } else {
                sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
            }
        }
    }
}

private enum SlowSteps {
    nonisolated(unsafe) static var milliseconds = 0
}

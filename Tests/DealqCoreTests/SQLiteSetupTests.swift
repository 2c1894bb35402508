import GRDB
import GRDBSQLite
import Testing
@testable import DealqCore

/// The process-wide SQLite settings: when they took effect (they do in the
/// dealq binary, whose first connection comes after them), SQLite keeps no
/// memory statistics, so its allocations skip the mutex that guards them.
@Suite struct SQLiteSetupTests {
    @Test func memoryStatisticsAreOffExactlyWhenTheSetupTookEffect() throws {
        let tookEffect = SQLiteSetup.ensure()
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (randomblob(100000))")
            #expect(try Int.fetchOne(db, sql: "SELECT length(x) FROM t") == 100_000)
        }
        // With statistics kept, the open connection and its page of 100 kB are counted.
        #expect((sqlite3_memory_used() == 0) == tookEffect)
    }
}

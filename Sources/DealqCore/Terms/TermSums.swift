import GRDB
import GRDBSQLite

/// The matching deals' term counts, summed from their vectors (see
/// `TermVector`): occurrences and deals per stem, occurrences per spelling.
struct TermSums {
    /// Stem id → occurrences in the matching text.
    private(set) var occurrences: [Int32] = []
    /// Stem id → matching deals whose text has it.
    private(set) var deals: [Int32] = []
    /// Spelling id → occurrences in the matching text.
    private(set) var spellings: [Int32] = []
    /// Every term's occurrences in the matching text.
    private(set) var na = 0

    /// - Parameter vectors: a statement whose rows are the matching deals' vectors.
    init(_ db: Database, vectors: SQLFragment) throws {
        let stems = try Int.fetchOne(db, sql: "SELECT max(id) FROM term_stems") ?? 0
        let spellingIDs = try Int.fetchOne(db, sql: "SELECT max(id) FROM term_spellings") ?? 0
        occurrences = [Int32](repeating: 0, count: stems + 1)
        deals = occurrences
        spellings = [Int32](repeating: 0, count: spellingIDs + 1)

        let statement = try db.makeStatement(sql: vectors.sql)
        try statement.setArguments(Executor.arguments(vectors.arguments))
        let handle = statement.sqliteStatement
        var na = 0, valid = true
        try occurrences.withUnsafeMutableBufferPointer { occurrences in
            try deals.withUnsafeMutableBufferPointer { deals in
                try spellings.withUnsafeMutableBufferPointer { spellings in
                    while true {
                        let rc = sqlite3_step(handle)
                        if rc == SQLITE_DONE { break }
                        guard rc == SQLITE_ROW else {
                            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                                sql: vectors.sql)
                        }
                        let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, 0), count: Int(sqlite3_column_bytes(handle, 0)))
                        valid = valid && TermVector.decode(bytes) { stem, spelling, count, first in
                            guard stem > 0, Int(stem) < occurrences.count, spelling > 0, Int(spelling) < spellings.count else {
                                valid = false
                                return
                            }
                            occurrences[Int(stem)] &+= count
                            if first { deals[Int(stem)] &+= 1 }
                            spellings[Int(spelling)] &+= count
                            na &+= Int(count)
                        }
                    }
                }
            }
        }
        guard valid else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a term vector of the index is damaged") }
        self.na = na
    }
}

/// Every wanted stem's occurrences in the whole corpus (matching and other text).
struct TermTotals {
    private var byStem: [Int32: Int] = [:]
    private var dense: [Int] = []

    /// Reads the few wanted stems one by one, or the whole column when they are many.
    init(_ db: Database, text: ComparedText, of wanted: [Int32], stems: Int) throws {
        if wanted.count * 8 > stems {
            dense = [Int](repeating: 0, count: stems)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, \(text.column) FROM term_stems")
            while let row = try rows.next() {
                let id: Int = row[0]
                if id >= 0, id < stems { dense[id] = row[1] }
            }
        } else {
            let statement = try db.makeStatement(sql: "SELECT \(text.column) FROM term_stems WHERE id = ?")
            for stem in wanted { byStem[stem] = try Int.fetchOne(statement, arguments: [stem]) ?? 0 }
        }
    }

    subscript(stem: Int32) -> Int {
        dense.isEmpty ? byStem[stem] ?? 0 : (Int(stem) < dense.count ? dense[Int(stem)] : 0)
    }
}

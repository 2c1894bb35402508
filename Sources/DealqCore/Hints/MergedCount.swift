import DealqLanguage
import GRDB
import GRDBSQLite

/// How many deals contain text terms and have one facet value, counted by
/// merging two lists of rowids read in order: the FTS5 matches of the terms and
/// the facet value's deals. Looking each match up instead (the plan of `count`)
/// reads a row of `deals` and probes the facet's list per match: at 500k deals,
/// `security review` with `topic:security` took about 150 ms of CPU that way and
/// about 15 ms merged. The rowids are read straight off the statements, one
/// integer a row: a generic fetch into arrays cost twice that.
enum MergedCount {
    /// The count, or nil when the filter is not text terms beside exactly one
    /// value of a facet stored as rows (then the plan of `count` counts it).
    static func deals(_ filter: Predicate?, _ db: Database) throws -> Int? {
        guard case .and(let parts)? = filter else { return nil }
        var phrases: [String] = []
        var rest: [Predicate] = []
        for part in parts {
            if case .text(let phrase) = part { phrases.append(phrase) } else { rest.append(part) }
        }
        guard !phrases.isEmpty, rest.count == 1,
              let facetDeals = Planner.facetRowsAlone(rest, bounds: PredicateSQL.closedBounds(rest)) else { return nil }
        let ordered = SQLFragment("SELECT deal FROM (") + facetDeals + SQLFragment(") ORDER BY deal")
        let matching = SQLFragment("SELECT rowid FROM deal_fts WHERE deal_fts MATCH ? ORDER BY rowid",
                                   [.text(phrases.joined(separator: " AND "))])
        let withValue = try Rowids(db, ordered), matches = try Rowids(db, matching)
        return try commonCount(withValue.next, matches.next)
    }

    /// How many distinct values two ascending sequences share.
    static func commonCount(_ nextA: () throws -> Int64?, _ nextB: () throws -> Int64?) rethrows -> Int {
        var a = try nextA(), b = try nextB()
        var count = 0
        var last: Int64?
        while let x = a, let y = b {
            if x < y {
                a = try nextA()
            } else if x > y {
                b = try nextB()
            } else {
                if x != last { count += 1 }
                last = x
                a = try nextA()
                b = try nextB()
            }
        }
        return count
    }
}

/// The integers of a statement's first column, one row at a time.
private final class Rowids {
    let statement: Statement
    let db: Database

    init(_ db: Database, _ fragment: SQLFragment) throws {
        self.db = db
        statement = try db.makeStatement(sql: fragment.sql)
        try statement.setArguments(Executor.arguments(fragment.arguments))
    }

    func next() throws -> Int64? {
        let code = sqlite3_step(statement.sqliteStatement)
        if code == SQLITE_ROW { return sqlite3_column_int64(statement.sqliteStatement, 0) }
        if code == SQLITE_DONE { return nil }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}

import DealqLanguage
import GRDB

/// How many deals contain text terms and have one facet value, counted by
/// merging two lists of rowids read in order: the FTS5 matches of the terms and
/// the facet value's deals. Looking each match up instead (the plan of `count`)
/// reads a row of `deals` and probes the facet's list per match: at 500k deals,
/// `security review` with `topic:security` took about 150 ms of CPU that way and
/// about 20 ms merged, which is what the `deals` page itself costs beside it.
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
        let withValue = try Int64.fetchAll(db, sql: ordered.sql, arguments: Executor.arguments(ordered.arguments))
        let matching = try Int64.fetchAll(db, sql: "SELECT rowid FROM deal_fts WHERE deal_fts MATCH ? ORDER BY rowid",
                                          arguments: [phrases.joined(separator: " AND ")])
        return commonCount(withValue, matching)
    }

    /// How many distinct values two ascending lists share.
    static func commonCount(_ a: [Int64], _ b: [Int64]) -> Int {
        var i = 0, j = 0, count = 0
        var last: Int64?
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                if a[i] != last { count += 1 }
                last = a[i]
                i += 1
                j += 1
            }
        }
        return count
    }
}

import DealqLanguage

/// Deals, won and lost per group: the statement `count` and `winrate` answer
/// from, and that orders the groups of the other grouped verbs.
enum DealCount: Selection {
    case deals, won, lost

    /// Over the matching deals `m`.
    var sql: String {
        switch self {
        case .deals: return "count(*)"
        case .won: return "coalesce(sum(m.outcome = 'won'), 0)"
        case .lost: return "coalesce(sum(m.outcome = 'lost'), 0)"
        }
    }

    /// Over the matching deals' own column, for the `(all)` row.
    var overall: String {
        switch self {
        case .deals: return "count(*)"
        case .won: return "coalesce(sum(outcome = 'won'), 0)"
        case .lost: return "coalesce(sum(outcome = 'lost'), 0)"
        }
    }

    /// The column of `facet_spellings` and `facet_presence` that counts it.
    var kept: String {
        switch self {
        case .deals: return "deals"
        case .won: return "won"
        case .lost: return "lost"
        }
    }

    /// Its name in the one-pass statement over a facet's rows.
    var short: String {
        switch self {
        case .deals: return "n"
        case .won: return "w"
        case .lost: return "l"
        }
    }

    static func list(_ expression: (DealCount) -> String) -> String {
        allCases.map(expression).joined(separator: ", ")
    }
}

enum DealCounts {
    /// `count` and `winrate`: the counts per group, and the `(all)` row's.
    static func plan(_ context: PlanContext) -> Plan {
        let query = context.query
        var plan = context.emptyPlan
        if query.filter == nil && query.groupBy.count == 1 {
            // The whole corpus by one facet: the counts kept at index time answer it.
            plan.main = summary(query.groupBy[0])
            plan.baseline = SQLFragment("SELECT \(DealCount.list { "coalesce(sum(\($0.kept)), 0)" }) "
                                        + "FROM facet_presence WHERE facet = 'outcome'")
        } else {
            plan.main = perGroup(query.groupBy, matching: context.matching, filter: query.filter)
            plan.baseline = context.with + SQLFragment("SELECT \(DealCount.list(\.overall)) FROM m")
        }
        // By one facet, the main rows are the first group's sizes.
        if query.groupBy.count > 1 { plan.groupSizes = firstGroupSizes(context) }
        return plan
    }

    /// Deals per value of the first `by` facet, which order the groups.
    static func firstGroupSizes(_ context: PlanContext) -> SQLFragment? {
        guard let first = context.query.groupBy.first else { return nil }
        return perGroup([first], matching: context.matching, filter: context.query.filter)
    }

    /// Deals, won and lost per group (one row without groups). With one facet,
    /// the facet's rows are counted straight from `deal_facets` (which carries
    /// each deal's outcome), and `(none)` is the matching deals minus those
    /// with a value (rows marked `first`), so no deal is looked up one by one.
    static func perGroup(_ groups: [Catalog.Facet], matching: SQLFragment, filter: Predicate?) -> SQLFragment {
        let with = SQLFragment("WITH m AS (") + matching + SQLFragment(")")
        guard groups.count == 1 else {
            return with + SQLFragment("\n") + GroupSQL.grouped(groups, DealCount.selectList, from: "m")
        }
        let member = facetRowsOfMatchingDeals(filter)
        // One pass over the facet's rows: per value, and (from each deal's first row) the deals
        // that have any value, which the matching deals (b) less them make `(none)`.
        let b = DealCount.allCases.map { "\($0.overall) AS \($0.short)" }.joined(separator: ", ")
        return with + SQLFragment(",\n  g AS MATERIALIZED (SELECT key, count(*) AS n, sum(outcome = 0) AS w, sum(outcome = 1) AS l, "
                                   + "sum(first) AS fn, sum(first AND outcome = 0) AS fw, sum(first AND outcome = 1) AS fl "
                                   + "FROM deal_facets WHERE ") + FacetNames.test("facet", groups[0].name) + member + SQLFragment(" GROUP BY key),\n")
            + SQLFragment("  p AS (SELECT \(DealCount.list { "coalesce(sum(f\($0.short)), 0) AS \($0.short)" }) FROM g),\n")
            + SQLFragment("  b AS (SELECT \(b) FROM m)\n")
            + SQLFragment("SELECT key, \(DealCount.list(\.short)) FROM g\n")
            + SQLFragment("UNION ALL\nSELECT NULL, \(DealCount.list { "b.\($0.short) - p.\($0.short)" }) FROM b, p WHERE b.n > p.n")
    }

    /// What keeps a facet's rows to those of the matching deals (appended to a WHERE):
    /// nothing without a filter; the rows' own close day when the filter is only date
    /// bounds (`winrate by topic since:1y` reads the topic rows and nothing else);
    /// otherwise the date bounds (cheap) and membership in `m`.
    static func facetRowsOfMatchingDeals(_ filter: Predicate?) -> SQLFragment {
        guard let filter else { return SQLFragment("") }
        let parts: [Predicate]
        if case .and(let all) = filter { parts = all } else { parts = [filter] }
        let bounds = PredicateSQL.closedBounds(parts)
        var sql = SQLFragment("")
        for bound in bounds { sql = sql + SQLFragment(" AND ") + PredicateSQL.test("closed", bound) }
        if bounds.count < parts.count { sql = sql + SQLFragment(" AND deal IN (SELECT deal FROM m)") }
        return sql
    }

    /// Deals, won and lost per value of a facet over the whole corpus, from the
    /// counts the index keeps (`facet_spellings`), and `(none)` from the deals
    /// with a value (`facet_presence`) against all deals (every deal has an outcome).
    static func summary(_ facet: Catalog.Facet) -> SQLFragment {
        let name = SQLValue.text(facet.name)
        return SQLFragment("SELECT key, \(DealCount.list { "sum(\($0.kept))" }) FROM facet_spellings WHERE facet = ? GROUP BY key\n", [name])
            + SQLFragment("""
                UNION ALL
                SELECT NULL, \(DealCount.list { "t.\($0.kept) - coalesce(p.\($0.kept), 0)" })
                FROM facet_presence t LEFT JOIN facet_presence p ON p.facet = ?
                WHERE t.facet = 'outcome' AND t.deals > coalesce(p.deals, 0)
                """, [name])
    }
}

import DealqLanguage

/// The SQL a query runs, as statements with bound arguments.
public struct Plan: Sendable, Equatable {
    public var query: CheckedQuery
    /// The matching deals: `m(deal, outcome[, rank])`, MATCH first when the query has text terms.
    public var matching: SQLFragment
    /// The main statement of the verb.
    public var main: SQLFragment
    /// How many rows the main statement would give without a limit (deals).
    public var total: SQLFragment?
    /// The main statement's last column is that count (`count(*) OVER ()`: quotes, insights).
    public var totalInLastColumn = false
    /// The baseline of `winrate` or the group sizes of `drivers`.
    public var baseline: SQLFragment?
    /// The FTS5 expression for snippets (deals with text terms).
    public var snippetMatch: String?
    /// The limit pushed into SQL, if any.
    public var limit: Int?
    /// Text alone, ranked and cut to a page: the FTS5 expression and the page size.
    /// `main` then starts with `WITH r AS (… ORDER BY rank LIMIT ?)` and ends with
    /// `rankedTail`; the executor may find `r` another way (see `Executor.deals`).
    public var rankedPage: RankedPage?

    public struct RankedPage: Sendable, Equatable {
        public var match: String
        public var limit: Int
    }

    /// What follows `r(deal, rank)` in the main statement of a ranked page.
    static let rankedTail = """
        SELECT d.rowid, d.id, d.account, d.outcome, d.acv, d.closed, d.competitor_primary, d.top_driver
        FROM r JOIN deals d ON d.rowid = r.deal
        ORDER BY r.rank, d.id
        """
}

/// Compiles a checked query to SQL: MATCH first (a CTE), facet filters joined after, then group, rank and limit.
public enum Planner {
    public static func plan(_ query: CheckedQuery, defaultLimit: Int?) -> Plan {
        let (matching, match) = matchingDeals(query, withRank: query.verb == .deals,
                                              needsOutcome: !(query.verb == .count && query.groupBy.isEmpty))
        let textOnly = match != nil && isTextOnly(query.filter)
        let with = SQLFragment("WITH m AS (") + matching + SQLFragment(")\n")
        let limit: Int? = {
            switch query.limit {
            case .rows(let n)?: return n
            case .all?: return nil
            case nil: return [.deals, .quotes, .prioritize].contains(query.verb) ? defaultLimit : nil
            }
        }()
        var plan = Plan(query: query, matching: matching, main: SQLFragment(""), limit: limit)
        switch query.verb {
        case .deals where textOnly && query.sort == nil && limit != nil:
            // Text alone: let FTS5 rank and cut to the page (its own top-N), then look up those deals.
            plan.main = SQLFragment("WITH r AS (SELECT rowid AS deal, rank FROM deal_fts WHERE deal_fts MATCH ? ORDER BY rank LIMIT ?)\n",
                                    [.text(match!), .number(Double(limit!))])
                + SQLFragment(Plan.rankedTail)
            plan.rankedPage = Plan.RankedPage(match: match!, limit: limit!)
            plan.total = SQLFragment("SELECT count(*) FROM deal_fts WHERE deal_fts MATCH ?", [.text(match!)])
            plan.snippetMatch = match
        case .deals:
            let order: String
            if let sort = query.sort {
                order = "\(dealColumn(sort.column)) \(sort.ascending ? "ASC" : "DESC") NULLS LAST, " + (match != nil ? "m.rank, d.id" : "d.closed DESC, d.id")
            } else {
                order = match != nil ? "m.rank, d.id" : "d.closed DESC, d.id"
            }
            plan.main = with + SQLFragment("""
                SELECT d.rowid, d.id, d.account, d.outcome, d.acv, d.closed, d.competitor_primary, d.top_driver
                FROM m JOIN deals d ON d.rowid = m.deal
                ORDER BY \(order)
                """) + limitClause(limit)
            plan.total = with + SQLFragment("SELECT count(*) FROM m")
            plan.snippetMatch = match
        case .quotes:
            let quoteWhere = query.quoteFilter.map { SQLFragment("\nWHERE ") + PredicateSQL.quote($0) } ?? SQLFragment("")
            let from = SQLFragment("FROM m JOIN quotes q ON q.deal = m.deal JOIN deals d ON d.rowid = m.deal") + quoteWhere
            var order = "q.date IS NULL, q.date DESC, d.id, q.ord"
            if let sort = query.sort { order = "\(quoteColumn(sort.column)) \(sort.ascending ? "ASC" : "DESC") NULLS LAST, " + order }
            plan.main = with + SQLFragment("""
                SELECT q.text, q.speaker, q.source, q.date, q.section, d.id, d.account, d.outcome, d.acv, count(*) OVER ()

                """) + from + SQLFragment("\nORDER BY \(order)") + limitClause(limit)
            plan.totalInLastColumn = true
        case .insights:
            let from = "FROM m JOIN insights i ON i.deal = m.deal JOIN deals d ON d.rowid = m.deal"
            var order = "d.closed DESC, d.id, i.ord"
            if let sort = query.sort { order = "\(insightColumn(sort.column)) \(sort.ascending ? "ASC" : "DESC") NULLS LAST, " + order }
            plan.main = with + SQLFragment("""
                SELECT i.area, i.label, i.note, d.id, d.account, d.outcome, d.acv, count(*) OVER ()
                \(from)
                ORDER BY \(order)
                """) + limitClause(limit)
            plan.totalInLastColumn = true
        case .winrate where query.weighByACV:
            plan.main = with + weightedWinrate(query.groupBy)
            plan.baseline = with + weightedWinrate([])
        case .count where query.groupBy.isEmpty:
            plan.main = query.filter == nil
                ? SQLFragment("SELECT coalesce((SELECT deals FROM facet_presence WHERE facet = 'outcome'), 0)")
                : with + SQLFragment("SELECT count(*) FROM m")
        case .count where query.filter == nil && query.groupBy.count == 1,
             .winrate where query.filter == nil && query.groupBy.count == 1:
            // The whole corpus by one facet: the counts kept at index time answer it.
            plan.main = summaryCounts(query.groupBy[0])
            plan.baseline = SQLFragment("SELECT coalesce(sum(deals), 0), coalesce(sum(won), 0), coalesce(sum(lost), 0) "
                                        + "FROM facet_presence WHERE facet = 'outcome'")
        case .count, .winrate:
            plan.main = groupCounts(query.groupBy, matching: matching, filter: query.filter)
            plan.baseline = with + SQLFragment("SELECT count(*), coalesce(sum(outcome = 'won'), 0), coalesce(sum(outcome = 'lost'), 0) FROM m")
        case .audit:
            plan.main = with + audit(query.groupBy)
        case .prioritize:
            // Deals with no interview among their sources; the executor scores, sorts and cuts them.
            plan.main = with + SQLFragment("""
                SELECT d.id, d.account, d.outcome, d.acv, d.closed, d.confidence,
                       (SELECT json_group_array(json_array(x.category, x.weight)) FROM (SELECT category, weight FROM drivers WHERE deal = d.rowid ORDER BY ord) x)
                FROM m JOIN deals d ON d.rowid = m.deal
                WHERE NOT EXISTS (SELECT 1 FROM deal_facets s WHERE s.deal = d.rowid AND s.facet = 'source' AND s.key = 'interview')
                """)
        case .drivers:
            let groups = query.groupBy
            var select = groups.indices.map { "g\($0).key" }
            if query.weighByACV {
                select += ["x.category", "sum(x.weight * d.acv)", "count(DISTINCT x.deal)"]
                plan.main = with + SQLFragment("SELECT \(select.joined(separator: ", "))\nFROM m JOIN drivers x ON x.deal = m.deal "
                                               + "JOIN deals d ON d.rowid = m.deal AND d.acv IS NOT NULL")
            } else {
                select += ["x.category", "sum(x.weight)", "count(DISTINCT x.deal)"]
                plan.main = with + SQLFragment("SELECT \(select.joined(separator: ", "))\nFROM m JOIN drivers x ON x.deal = m.deal")
            }
            plan.main = plan.main + groupJoins(groups) + SQLFragment("\nGROUP BY \((1...(groups.count + 1)).map(String.init).joined(separator: ", "))")
            plan.baseline = groupCounts(groups, matching: matching, filter: query.filter)
        }
        return plan
    }

    /// `m(deal, outcome[, rank])`: driven by the FTS5 index when the query has text terms at the top level.
    static func matchingDeals(_ query: CheckedQuery, withRank: Bool, needsOutcome: Bool = true) -> (SQLFragment, String?) {
        var phrases: [String] = []
        var rest: [Predicate] = []
        switch query.filter {
        case .text(let p)?: phrases = [p]
        case .and(let parts)?:
            for part in parts {
                if case .text(let p) = part { phrases.append(p) } else { rest.append(part) }
            }
        case let other?: rest = [other]
        case nil: break
        }
        let bounds = PredicateSQL.closedBounds(rest)
        let restSQL = rest.map { PredicateSQL.conjunct($0, closedBounds: bounds) }
        if !phrases.isEmpty {
            let match = phrases.joined(separator: " AND ")
            if restSQL.isEmpty && !needsOutcome && !withRank {
                // Every FTS row is a deal: count the matches without looking deals up.
                return (SQLFragment("SELECT deal_fts.rowid AS deal FROM deal_fts WHERE deal_fts MATCH ?", [.text(match)]), match)
            }
            var sql = SQLFragment("SELECT d.rowid AS deal, d.outcome AS outcome\(withRank ? ", deal_fts.rank AS rank" : "") "
                                  + "FROM deal_fts JOIN deals d ON d.rowid = deal_fts.rowid WHERE deal_fts MATCH ?", [.text(match)])
            for r in restSQL { sql = sql + SQLFragment(" AND ") + r }
            return (sql, match)
        }
        if let rows = facetRowsAlone(rest, bounds: bounds) { return (rows, nil) }
        var sql = SQLFragment("SELECT d.rowid AS deal, d.outcome AS outcome FROM deals d")
        if !restSQL.isEmpty { sql = sql + SQLFragment(" WHERE ") + .joined(restSQL, separator: " AND ") }
        return (sql, nil)
    }

    /// `m` straight from the facet's rows when the filter is one facet value and date
    /// bounds at most (`segment:enterprise`, `competitor:X since:90d`): the rows carry
    /// each deal's outcome and close day, so no deal is looked up. One value only: a
    /// deal has one row per value, so no deal comes twice.
    static func facetRowsAlone(_ parts: [Predicate], bounds: [Condition]) -> SQLFragment? {
        let facets = parts.filter { part in
            guard case .facet(let facet, _) = part else { return true }
            return facet.storage != .dealColumn("closed")
        }
        guard facets.count == 1, bounds.count == parts.count - 1,
              case .facet(let facet, .anyOf(let values)) = facets[0], facet.storage == .facetRows, values.count == 1 else { return nil }
        var sql = SQLFragment("SELECT deal, CASE outcome WHEN 0 THEN 'won' WHEN 1 THEN 'lost' ELSE 'churned' END AS outcome "
                              + "FROM deal_facets WHERE facet = ? AND key = ?", [.text(facet.name), values[0]])
        for bound in bounds { sql = sql + SQLFragment(" AND ") + PredicateSQL.test("closed", bound) }
        return sql
    }

    /// The data-quality counts per group: deals, lost, lost with a CRM reason,
    /// with any competitor, lost with a selected competitor, with an interview,
    /// lost with a comparable CRM reason, and of those the ones that disagree.
    static func audit(_ groups: [Catalog.Facet]) -> SQLFragment {
        grouped(groups, [
            "count(*)",
            "coalesce(sum(d.outcome = 'lost'), 0)",
            "coalesce(sum(d.outcome = 'lost' AND d.crm_loss_reason IS NOT NULL), 0)",
            "coalesce(sum(EXISTS (SELECT 1 FROM deal_facets c WHERE c.deal = m.deal AND c.facet = 'competitor')), 0)",
            "coalesce(sum(d.outcome = 'lost' AND d.competitor_selected IS NOT NULL), 0)",
            "coalesce(sum(EXISTS (SELECT 1 FROM deal_facets s WHERE s.deal = m.deal AND s.facet = 'source' AND s.key = 'interview')), 0)",
            "coalesce(sum(d.outcome = 'lost' AND d.mismatch IS NOT NULL), 0)",
            "coalesce(sum(d.outcome = 'lost' AND d.mismatch = 1), 0)",
        ], from: "m JOIN deals d ON d.rowid = m.deal")
    }

    /// `SELECT <group keys>, <aggregates> FROM <from> <group joins> GROUP BY <keys>`.
    static func grouped(_ groups: [Catalog.Facet], _ aggregates: [String], from: String) -> SQLFragment {
        let select = (groups.indices.map { "g\($0).key" } + aggregates).joined(separator: ", ")
        var sql = SQLFragment("SELECT \(select)\nFROM \(from)") + groupJoins(groups)
        if !groups.isEmpty { sql = sql + SQLFragment("\nGROUP BY \((1...groups.count).map(String.init).joined(separator: ", "))") }
        return sql
    }

    /// Deals with an ACV (won + lost), won ACV, lost ACV and the sum of squared
    /// won + lost ACVs (for the effective number of deals) per group.
    static func weightedWinrate(_ groups: [Catalog.Facet]) -> SQLFragment {
        grouped(groups, [
            "coalesce(sum(m.outcome IN ('won', 'lost')), 0)",
            "coalesce(sum(CASE WHEN m.outcome = 'won' THEN d.acv END), 0)",
            "coalesce(sum(CASE WHEN m.outcome = 'lost' THEN d.acv END), 0)",
            "coalesce(sum(CASE WHEN m.outcome IN ('won', 'lost') THEN d.acv * d.acv END), 0)",
        ], from: "m JOIN deals d ON d.rowid = m.deal AND d.acv IS NOT NULL")
    }

    /// True when the filter is text terms and nothing else (so FTS5 alone decides the matching deals).
    static func isTextOnly(_ filter: Predicate?) -> Bool {
        switch filter {
        case .text?: return true
        case .and(let parts)?: return parts.allSatisfy { if case .text = $0 { return true } else { return false } }
        default: return false
        }
    }

    static func groupJoins(_ groups: [Catalog.Facet]) -> SQLFragment {
        var sql = SQLFragment("")
        for (i, facet) in groups.enumerated() {
            sql = sql + SQLFragment("\nLEFT JOIN deal_facets g\(i) ON g\(i).deal = m.deal AND g\(i).facet = ?", [.text(facet.name)])
        }
        return sql
    }

    /// Deals, won and lost per group (one row without groups). With one facet,
    /// the facet's rows are counted straight from `deal_facets` (which carries
    /// each deal's outcome), and `(none)` is the matching deals minus those
    /// with a value (rows marked `first`), so no deal is looked up one by one.
    static func groupCounts(_ groups: [Catalog.Facet], matching: SQLFragment, filter: Predicate?) -> SQLFragment {
        let with = SQLFragment("WITH m AS (") + matching + SQLFragment(")")
        guard groups.count == 1 else { return with + SQLFragment("\n") + groupCounts(groups) }
        let facet = SQLValue.text(groups[0].name)
        let member = facetRowsOfMatchingDeals(filter)
        // One pass over the facet's rows: per value, and (from each deal's first row) the deals
        // that have any value, which the matching deals (b) less them make `(none)`.
        return with + SQLFragment(",\n  g AS MATERIALIZED (SELECT key, count(*) AS n, sum(outcome = 0) AS w, sum(outcome = 1) AS l, "
                                   + "sum(first) AS fn, sum(first AND outcome = 0) AS fw, sum(first AND outcome = 1) AS fl "
                                   + "FROM deal_facets WHERE facet = ?", [facet]) + member + SQLFragment(" GROUP BY key),\n")
            + SQLFragment("  p AS (SELECT coalesce(sum(fn), 0) AS n, coalesce(sum(fw), 0) AS w, coalesce(sum(fl), 0) AS l FROM g),\n")
            + SQLFragment("  b AS (SELECT count(*) AS n, coalesce(sum(outcome = 'won'), 0) AS w, coalesce(sum(outcome = 'lost'), 0) AS l FROM m)\n")
            + SQLFragment("SELECT key, n, w, l FROM g\n")
            + SQLFragment("UNION ALL\nSELECT NULL, b.n - p.n, b.w - p.w, b.l - p.l FROM b, p WHERE b.n > p.n")
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
    static func summaryCounts(_ facet: Catalog.Facet) -> SQLFragment {
        let name = SQLValue.text(facet.name)
        return SQLFragment("SELECT key, sum(deals), sum(won), sum(lost) FROM facet_spellings WHERE facet = ? GROUP BY key\n", [name])
            + SQLFragment("""
                UNION ALL
                SELECT NULL, t.deals - coalesce(p.deals, 0), t.won - coalesce(p.won, 0), t.lost - coalesce(p.lost, 0)
                FROM facet_presence t LEFT JOIN facet_presence p ON p.facet = ?
                WHERE t.facet = 'outcome' AND t.deals > coalesce(p.deals, 0)
                """, [name])
    }

    static func groupCounts(_ groups: [Catalog.Facet]) -> SQLFragment {
        grouped(groups, ["count(*)", "coalesce(sum(m.outcome = 'won'), 0)", "coalesce(sum(m.outcome = 'lost'), 0)"], from: "m")
    }

    static func limitClause(_ limit: Int?) -> SQLFragment {
        guard let limit else { return SQLFragment("") }
        return SQLFragment("\nLIMIT ?", [.number(Double(limit))])
    }

    static func dealColumn(_ column: String) -> String {
        switch column {
        case "competitor": return "d.competitor_primary"
        case "snippet": return "m.rank"
        default: return "d." + SQLFragment.identifier(column)
        }
    }

    static func quoteColumn(_ column: String) -> String {
        switch column {
        case "quote": return "q.text"
        case "speaker", "source", "date", "section": return "q." + column
        case "deal": return "d.id"
        default: return "d." + SQLFragment.identifier(column)
        }
    }

    static func insightColumn(_ column: String) -> String {
        switch column {
        case "area", "label", "note": return "i." + column
        case "deal": return "d.id"
        default: return "d." + SQLFragment.identifier(column)
        }
    }
}

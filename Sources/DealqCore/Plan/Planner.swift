import DealqLanguage

/// Compiles a checked query to SQL: MATCH first (a CTE), facet filters joined after, then group, rank and limit.
enum Planner {
    static func plan(_ query: CheckedQuery, defaultLimit: Int?) -> Plan {
        let answer = Verbs.answer(query)
        // The checker rejects every grouping that would name two columns alike (`VerbColumns.clash`).
        let columns = answer.columns(groups: query.groupBy.map(\.name), hasText: !query.rankTerms.isEmpty).map(\.name)
        precondition(Set(columns).count == columns.count, "two columns named alike: \(columns)")
        let (matching, match) = matchingDeals(query, withRank: query.verb == .deals, needsOutcome: answer.needsOutcome(query))
        let limit: Int? = {
            switch query.limit {
            case .rows(let n)?: return n
            case .all?: return nil
            case nil: return answer.pagedByDefault ? defaultLimit : nil
            }
        }()
        return answer.plan(PlanContext(query: query, matching: matching, match: match, limit: limit))
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
                              + "FROM deal_facets WHERE ") + FacetNames.test("facet", facet.name) + SQLFragment(" AND key = ?", [values[0]])
        for bound in bounds { sql = sql + SQLFragment(" AND ") + PredicateSQL.test("closed", bound) }
        return sql
    }

    /// True when the filter is text terms and nothing else (so FTS5 alone decides the matching deals).
    static func isTextOnly(_ filter: Predicate?) -> Bool {
        switch filter {
        case .text?: return true
        case .and(let parts)?: return parts.allSatisfy { if case .text = $0 { return true } else { return false } }
        default: return false
        }
    }

    static func limitClause(_ limit: Int?) -> SQLFragment {
        guard let limit else { return SQLFragment("") }
        return SQLFragment("\nLIMIT ?", [.number(Double(limit))])
    }
}

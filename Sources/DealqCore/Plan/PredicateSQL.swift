/// Compiles predicates to SQL conditions on a deal (alias `d`) or a quote (alias `q`).
enum PredicateSQL {
    /// A condition on `d` (a row of `deals`). Under a `NOT` a comparison on a
    /// column is made never NULL (`coalesce(…, 0)`), so that the negation
    /// matches deals without a value, as the contract says; elsewhere it stays
    /// bare, so that SQLite can use the column's index.
    static func deal(_ predicate: Predicate, negated: Bool = false) -> SQLFragment {
        switch predicate {
        case .text(let phrase):
            return SQLFragment("d.rowid IN (SELECT rowid FROM deal_fts WHERE deal_fts MATCH ?)", [.text(phrase)])
        case .facet(let facet, let condition):
            return facetCondition(facet, condition, negated: negated)
        case .not(let inner):
            return SQLFragment("NOT ") + parenthesized(deal(inner, negated: !negated))
        case .and(let parts):
            return parenthesized(.joined(parts.map { deal($0, negated: negated) }, separator: " AND "))
        case .or(let parts):
            return parenthesized(.joined(parts.map { deal($0, negated: negated) }, separator: " OR "))
        }
    }

    /// A condition on `q` (a row of `quotes`): its text and its own topics.
    static func quote(_ predicate: Predicate) -> SQLFragment {
        switch predicate {
        case .text(let phrase):
            return SQLFragment("q.rowid IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)", [.text(phrase)])
        case .facet(_, let condition):
            switch condition {
            case .anyOf(let keys):
                return SQLFragment("q.rowid IN (SELECT quote FROM quote_topics WHERE topic IN (") + .placeholders(keys) + SQLFragment("))")
            case .has:
                return SQLFragment("q.rowid IN (SELECT quote FROM quote_topics)")
            default:
                return SQLFragment("0")
            }
        case .not(let inner):
            return SQLFragment("NOT ") + parenthesized(quote(inner))
        case .and(let parts):
            return parenthesized(.joined(parts.map(quote), separator: " AND "))
        case .or(let parts):
            return parenthesized(.joined(parts.map(quote), separator: " OR "))
        }
    }

    static func parenthesized(_ f: SQLFragment) -> SQLFragment {
        SQLFragment("(") + f + SQLFragment(")")
    }

    /// The bounds on `closed` among the parts of a top-level AND, as conditions on
    /// `deal_facets.closed` (`YYYYMMDD` numbers): every facet subquery of the same AND
    /// can then keep only the rows of deals closed in range, reading the facet's rows
    /// in order instead of looking up each of its deals (`competitor:X since:90d`).
    static func closedBounds(_ parts: [Predicate]) -> [Condition] {
        parts.compactMap { part -> Condition? in
            guard case .facet(let facet, let condition) = part, facet.storage == .dealColumn("closed") else { return nil }
            func day(_ value: SQLValue) -> SQLValue? {
                guard case .text(let text) = value, let n = Schema.dayNumber(text) else { return nil }
                return .number(Double(n))
            }
            switch condition {
            case .compare(let op, let value): return day(value).map { .compare(op, $0) }
            case .between(let lo, let hi):
                // An open end stays open; an end that is not a day leaves the bound out.
                var low: SQLValue?, high: SQLValue?
                if let lo { guard let d = day(lo) else { return nil }; low = d }
                if let hi { guard let d = day(hi) else { return nil }; high = d }
                return .between(low, high)
            case .anyOf, .has: return nil
            }
        }
    }

    /// A condition of a top-level AND: facet subqueries also get `bounds` (see `closedBounds`).
    static func conjunct(_ predicate: Predicate, closedBounds bounds: [Condition]) -> SQLFragment {
        guard !bounds.isEmpty, case .facet(let facet, let condition) = predicate, facet.storage == .facetRows else {
            return deal(predicate)
        }
        return facetCondition(facet, condition, closedBounds: bounds)
    }

    static func facetCondition(_ facet: Catalog.Facet, _ condition: Condition, negated: Bool = false,
                               closedBounds: [Condition] = []) -> SQLFragment {
        switch facet.storage {
        case .dealColumn(let column):
            let col = "d." + SQLFragment.identifier(column)
            switch condition {
            case .has: return SQLFragment("\(col) IS NOT NULL")
            default: return negated ? SQLFragment("coalesce(") + test(col, condition) + SQLFragment(", 0)") : test(col, condition)
            }
        case .facetRows:
            var sub = SQLFragment("d.rowid IN (SELECT deal FROM deal_facets WHERE ") + FacetNames.test("facet", facet.name)
            if condition != .has { sub = sub + SQLFragment(" AND ") + test("key", condition) }
            for bound in closedBounds { sub = sub + SQLFragment(" AND ") + test("closed", bound) }
            return sub + SQLFragment(")")
        case .customNumber:
            var sub = SQLFragment("d.rowid IN (SELECT deal FROM deal_numbers WHERE facet = ?", [.text(facet.name)])
            if condition != .has { sub = sub + SQLFragment(" AND ") + test("num", condition) }
            return sub + SQLFragment(")")
        }
    }

    static func test(_ column: String, _ condition: Condition) -> SQLFragment {
        switch condition {
        case .anyOf(let values) where values.count == 1:
            return SQLFragment("\(column) = ?", values)
        case .anyOf(let values):
            return SQLFragment("\(column) IN (") + .placeholders(values) + SQLFragment(")")
        case .between(let lo?, let hi?):
            return SQLFragment("\(column) BETWEEN ? AND ?", [lo, hi])
        case .between(let lo?, nil):
            return SQLFragment("\(column) >= ?", [lo])
        case .between(nil, let hi?):
            return SQLFragment("\(column) <= ?", [hi])
        case .between(nil, nil), .has:
            return SQLFragment("\(column) IS NOT NULL")
        case .compare(let op, let value):
            let safe = [">", ">=", "<", "<="].contains(op) ? op : "="
            return SQLFragment("\(column) \(safe) ?", [value])
        }
    }
}

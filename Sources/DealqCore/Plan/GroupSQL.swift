/// What the grouped verbs' statements share: the group keys joined from
/// `deal_facets`, selected first and grouped by.
enum GroupSQL {
    /// `SELECT <group keys>, <aggregates> FROM <from> <group joins> GROUP BY <keys>`.
    static func grouped(_ groups: [Catalog.Facet], _ aggregates: [String], from: String) -> SQLFragment {
        let select = (keys(groups) + aggregates).joined(separator: ", ")
        var sql = SQLFragment("SELECT \(select)\nFROM \(from)") + joins(groups)
        if !groups.isEmpty { sql = sql + SQLFragment("\nGROUP BY \((1...groups.count).map(String.init).joined(separator: ", "))") }
        return sql
    }

    /// `g0.key, g1.key, …`.
    static func keys(_ groups: [Catalog.Facet]) -> [String] {
        groups.indices.map { "g\($0).key" }
    }

    /// One `LEFT JOIN deal_facets gN` per group (but those `skipping` says another table keys).
    static func joins(_ groups: [Catalog.Facet], skipping: (Catalog.Facet) -> Bool = { _ in false }) -> SQLFragment {
        var sql = SQLFragment("")
        for (i, facet) in groups.enumerated() where !skipping(facet) {
            sql = sql + SQLFragment("\nLEFT JOIN deal_facets g\(i) ON g\(i).deal = m.deal AND ") + FacetNames.test("g\(i).facet", facet.name)
        }
        return sql
    }
}

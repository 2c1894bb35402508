/// The numbers that stand for facet names in `deal_facets.facet`, listed in
/// the table `facet_names`. The built-in facets stored as rows are numbered
/// 1, 2, … in catalog order when the index is created; a custom field gets
/// the next free number when a deal first has it. A number is one byte in
/// each of the tens of millions of rows where the name took up to twenty.
enum FacetNames {
    /// Built-in facet name → its fixed number.
    static let builtIn: [String: Int64] = {
        let catalog = Catalog()
        var ids: [String: Int64] = [:]
        for name in catalog.names where catalog.facets[name]?.storage == .facetRows {
            ids[name] = Int64(ids.count + 1)
        }
        return ids
    }()

    /// The rows of the built-in facets, written when the index is created.
    static var insertBuiltIns: String {
        let rows = builtIn.sorted { $0.value < $1.value }.map { "(\($0.value), '\($0.key)')" }
        return "INSERT INTO facet_names (id, name) VALUES " + rows.joined(separator: ", ") + ";"
    }

    /// The fixed number of a built-in facet, for statements that name one (`source`, `competitor`).
    static func id(builtIn name: String) -> Int64 {
        guard let id = builtIn[name] else { preconditionFailure("'\(name)' is not a built-in facet stored as rows") }
        return id
    }

    /// `column = <the facet's number>`: a built-in's number bound as it is, a
    /// custom field's looked up by name in `facet_names` (once per statement).
    static func test(_ column: String, _ name: String) -> SQLFragment {
        if let id = builtIn[name] { return SQLFragment("\(column) = ?", [.number(Double(id))]) }
        return SQLFragment("\(column) = (SELECT id FROM facet_names WHERE name = ?)", [.text(name)])
    }
}

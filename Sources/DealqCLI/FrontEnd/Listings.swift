import DealqCore
import DealqRender

/// The tables `dealq facets` / `.facets` and `dealq queries` / `.queries` show.
enum Listings {
    /// How many values each facet lists: a few for all of them, more for one.
    static func valuesShown(only facet: String?) -> Int {
        facet == nil ? 5 : 50
    }

    /// Every facet with its kind, then its most common values one per row.
    static func facets(_ listing: [(facet: Catalog.Facet, values: [(String, Int)])]) -> Table {
        var table = Table(columns: [Column("facet", .text), Column("kind", .text), Column("value", .text), Column("deals", .integer)])
        for entry in listing {
            let kind = entry.facet.kind.rawValue + (entry.facet.isCustom ? " (custom)" : "")
            if entry.values.isEmpty { table.rows.append([.text(entry.facet.name), .text(kind), .null, .null]) }
            for (i, value) in entry.values.enumerated() {
                table.rows.append([.text(i == 0 ? entry.facet.name : ""), .text(i == 0 ? kind : ""), .text(value.0), .integer(value.1)])
            }
        }
        return table
    }

    /// The saved queries: name, parameters (`name=default`, or the name alone when it must be given), description, query.
    static func savedQueries(_ queries: [SavedQuery]) -> Table {
        var table = Table(columns: [Column("name", .text), Column("parameters", .text), Column("description", .text),
                                    Column("query", .text)])
        for query in queries {
            let parameters = query.parameters.map { p in p.defaultValue.map { "\(p.name)=\($0)" } ?? p.name }
            table.rows.append([.text(query.name), parameters.isEmpty ? .null : .text(parameters.joined(separator: ", ")),
                               query.description.map { .text($0) } ?? .null, .text(query.query)])
        }
        return table
    }
}

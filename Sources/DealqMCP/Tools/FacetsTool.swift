import DealqCore
import DealqRender
import MCP

/// `facets {facet?}`: the facets with their kinds and most common values.
struct FacetsTool: DealqTool {
    static let definition = Tool(
        name: "facets",
        title: "List facets and their values",
        description: """
            List the facets a query can filter and group by (outcome, segment, competitor, topic, acv, closed, …) with \
            their kinds and most common values with deal counts. Without `facet`: every facet with its top 5 values; \
            with `facet`: that facet with its top 50. Use the values exactly as listed in filters (competitor:"Acme Analytics").
            """,
        inputSchema: Schema.object(["facet": Schema.string("Only this facet, with more of its values.")]),
        annotations: .init(readOnlyHint: true),
        outputSchema: Schema.object([
            "facets": Schema.array(Schema.object([
                "name": Schema.string("The facet's name"),
                "kind": Schema.string("Its kind"),
                "custom": ["type": "boolean", "description": "Whether it comes from the corpus's own fields"],
                "values": Schema.array(Schema.object(["value": Schema.string("A value"), "deals": Schema.integer("Deals with it")]),
                                       "Most common values first"),
            ], required: ["name", "kind", "custom", "values"]), "The facets."),
        ], required: ["facets"]))

    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result {
        let only = try arguments.only(["facet"]).optionalString("facet")
        let engine = try session.engine()
        let listing: [(facet: Catalog.Facet, values: [(String, Int)])]
        do {
            listing = try engine.facets(only: only, top: only == nil ? 5 : 50)
        } catch {
            throw ToolFailure(error, text: only ?? "")
        }
        var table = Table(columns: [Column("facet", .text), Column("kind", .text), Column("values (deals)", .text)])
        var facets: [Value] = []
        for entry in listing {
            let kind = entry.facet.kind.rawValue
            let shown = entry.values.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
            table.rows.append([.text(entry.facet.name), .text(kind + (entry.facet.isCustom ? " (custom)" : "")), .text(shown)])
            facets.append([
                "name": .string(entry.facet.name), "kind": .string(kind), "custom": .bool(entry.facet.isCustom),
                "values": .array(entry.values.map { ["value": .string($0.0), "deals": .int($0.1)] }),
            ])
        }
        return ToolResult.success(text: render(table, as: .markdown), structured: ["facets": .array(facets)])
    }
}

import DealqCore
import MCP

/// `query {query, limit?}`: the answer of any query.
struct QueryTool: DealqTool {
    static let definition = Tool(
        name: "query",
        title: "Answer a dealq query",
        description: """
            Answer one query of the dealq language over the win-loss deal corpus, e.g. "winrate by topic acv>100k", \
            "quotes implementation acv>100k", 'quotes competitor:"Acme Analytics" since:90d', "drivers outcome:lost by quarter". \
            Returns the rows (as JSON objects keyed by column name), a markdown table, how many rows the limit left out, \
            and notes (e.g. a value no deal has, with the close ones). Win rates come with a 95% interval (winrate_low, \
            winrate_high) and the number of won + lost deals: say how uncertain small groups are. A query error comes back \
            as an error with a caret under the problem and a suggestion: fix the query and call again. Call `language` \
            first to learn the language, and `facets` for the facets and their values.
            """,
        inputSchema: Schema.object([
            "query": Schema.string("The query, e.g. \"winrate by segment since:2025-01-01\"."),
            "limit": Schema.integer("At most this many rows are returned (default 50); the answer says how many were left out."),
        ], required: ["query"]),
        annotations: .init(readOnlyHint: true),
        outputSchema: AnswerOutput.outputSchema)

    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result {
        let args = try arguments.only(["query", "limit"])
        return try AnswerOutput.answer(try args.string("query"), limit: try args.optionalPositiveInt("limit"), session: session)
    }
}

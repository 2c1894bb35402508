import DealqCore
import MCP

/// `saved_queries`: the corpus's saved queries with their parameters.
struct SavedQueriesTool: DealqTool {
    static let definition = Tool(
        name: "saved_queries",
        title: "List saved queries",
        description: """
            List the saved queries of the corpus (dealq-queries.yml): the questions its team asks every week, each with \
            a description, its query, and its parameters (with defaults). Run one with `run_saved`.
            """,
        inputSchema: Schema.object([:]),
        annotations: .init(readOnlyHint: true),
        outputSchema: Schema.object([
            "saved_queries": Schema.array(Schema.object([
                "name": Schema.string("Its name, for run_saved"),
                "description": ["type": ["string", "null"], "description": "What it answers"],
                "query": Schema.string("Its query; $word is a parameter"),
                "parameters": Schema.array(Schema.object([
                    "name": Schema.string("The parameter"),
                    "default": ["type": ["string", "null"], "description": "Its default; null when it must be given"],
                ]), "Its parameters"),
            ], required: ["name", "query", "parameters"]), "The saved queries, in file order."),
            "problems": Schema.array(Schema.string("A problem"), "Saved queries that do not parse, with where."),
        ], required: ["saved_queries", "problems"]))

    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result {
        _ = try arguments.only([])
        let queries: [SavedQuery]
        do {
            queries = try SavedQueries.load(corpus: session.corpus)
        } catch {
            throw ToolFailure(error.description)
        }
        let problems = SavedQueries.problems(in: queries).map(\.description)
        var text = ""
        var list: [Value] = []
        for query in queries {
            let parameters = query.parameters.map { p in p.defaultValue.map { "\(p.name)=\($0)" } ?? p.name }
            text += "- \(query.name)\(parameters.isEmpty ? "" : " (\(parameters.joined(separator: ", ")))"): `\(query.query)`"
            text += query.description.map { " — \($0)\n" } ?? "\n"
            list.append([
                "name": .string(query.name), "description": query.description.map { .string($0) } ?? .null,
                "query": .string(query.query),
                "parameters": .array(query.parameters.map { ["name": .string($0.name), "default": $0.defaultValue.map { .string($0) } ?? .null] }),
            ])
        }
        if queries.isEmpty { text = "This corpus has no saved queries (\(SavedQueries.fileName)).\n" }
        for problem in problems { text += problem + "\n" }
        return ToolResult.success(text: text, structured: ["saved_queries": .array(list), "problems": .array(problems.map { .string($0) })])
    }
}

/// `run_saved {name, params}`: answer a saved query.
struct RunSavedTool: DealqTool {
    static let definition = Tool(
        name: "run_saved",
        title: "Run a saved query",
        description: """
            Answer a saved query of the corpus (see `saved_queries`), with parameter values replacing its $words, \
            e.g. {"name": "competitor-brief", "params": {"competitor": "Acme Analytics"}}. The answer is the one the \
            query typed in full gives, with the same fields as `query`.
            """,
        inputSchema: Schema.object([
            "name": Schema.string("The saved query's name."),
            "params": ["type": "object", "additionalProperties": ["type": "string"],
                       "description": "Parameter values by name; parameters with defaults may be left out."],
            "limit": Schema.integer("At most this many rows are returned (default 50)."),
        ], required: ["name"]),
        annotations: .init(readOnlyHint: true),
        outputSchema: AnswerOutput.outputSchema)

    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result {
        let args = try arguments.only(["name", "params", "limit"])
        let name = try args.string("name")
        let params = try args.stringMap("params")
        let limit = try args.optionalPositiveInt("limit")
        let text: String
        do {
            text = try SavedQueries.resolve(name, arguments: params, corpus: session.corpus)
        } catch {
            throw ToolFailure(error.description)
        }
        return try AnswerOutput.answer(text, limit: limit, session: session)
    }
}

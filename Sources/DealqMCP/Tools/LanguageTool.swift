import MCP

/// `language`: the query language reference, so a model learns the language in one call.
struct LanguageTool: DealqTool {
    static let definition = Tool(
        name: "language",
        title: "The dealq query language",
        description: """
            The complete reference of dealq's query language: every verb (count, winrate, drivers, deals, quotes, \
            insights, audit, prioritize), filter, option and output, with examples. Read it once before writing queries.
            """,
        inputSchema: Schema.object([:]),
        annotations: .init(readOnlyHint: true),
        outputSchema: Schema.object(["reference": Schema.string("The language reference, in markdown.")], required: ["reference"]))

    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result {
        _ = try arguments.only([])
        return ToolResult.success(text: LanguageReference.markdown, structured: ["reference": .string(LanguageReference.markdown)])
    }
}

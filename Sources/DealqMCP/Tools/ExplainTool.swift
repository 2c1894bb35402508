import DealqCore
import MCP

/// `explain {query}`: what a query becomes.
struct ExplainTool: DealqTool {
    static let definition = Tool(
        name: "explain",
        title: "Explain a dealq query",
        description: """
            Show what a query becomes without answering it: the parsed query, its verb and filters, the SQL with its \
            bound arguments, and SQLite's plan. Use it to check that a query means what you intend, or to show the \
            user exactly how a number was computed.
            """,
        inputSchema: Schema.object(["query": Schema.string("The query to explain.")], required: ["query"]),
        annotations: .init(readOnlyHint: true),
        outputSchema: Schema.object([
            "query": Schema.string("The query explained."),
            "explanation": Schema.string("The parsed query, its SQL with arguments, and the plan."),
        ], required: ["query", "explanation"]))

    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result {
        let text = try arguments.only(["query"]).string("query")
        let engine = try session.engine()
        do {
            let explanation = try engine.explain(text, today: session.today, defaultLimit: nil)
            return ToolResult.success(text: explanation, structured: ["query": .string(text), "explanation": .string(explanation)])
        } catch {
            throw ToolFailure(error, text: text)
        }
    }
}

import DealqCore
import MCP

/// One tool of the server: its definition for `tools/list`, and its answer.
///
/// `call` throws `MCPError` for a protocol error (a wrong argument type, a missing
/// argument) and `ToolFailure` for an answer the model should read and may correct
/// (a query error with its caret diagnostic, an unknown deal id).
protocol DealqTool: Sendable {
    static var definition: Tool { get }
    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result
}

/// Every tool the server offers, in the order `tools/list` gives them.
public enum ToolBox {
    static let tools: [any DealqTool.Type] = [
        LanguageTool.self, FacetsTool.self, QueryTool.self, ExplainTool.self,
        SavedQueriesTool.self, RunSavedTool.self, ReportTool.self, DealTool.self,
    ]

    public static var definitions: [Tool] { tools.map { $0.definition } }

    /// Answers a tool call. Unknown tools and bad arguments throw `MCPError`; a failed
    /// answer is a result with `isError: true` whose text says what went wrong.
    public static func call(_ name: String, arguments: [String: Value]?, session: CorpusSession) throws -> CallTool.Result {
        guard let tool = tools.first(where: { $0.definition.name == name }) else {
            let names = tools.map { $0.definition.name }.joined(separator: ", ")
            throw MCPError.invalidParams("unknown tool '\(name)'; the tools are: \(names)")
        }
        do {
            return try tool.call(ToolArguments(tool: name, arguments), session: session)
        } catch let failure as ToolFailure {
            return ToolResult.failure(failure)
        }
    }
}

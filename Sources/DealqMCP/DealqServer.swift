import DealqCore
import Foundation
import MCP

/// `dealq mcp`: the Model Context Protocol server over stdio. Stdout carries only
/// JSON-RPC (the SDK's logger is silent by default); failures go to stderr by the caller.
public enum DealqServer {
    /// The version the server reports at initialize (dealq's).
    public static let version = "0.1.0"

    /// Serves until the client closes stdin.
    public static func serve(session: CorpusSession, version: String) async throws {
        let server = Server(
            name: "dealq", version: version, title: "dealq: win-loss deal intelligence",
            instructions: Instructions.text(session: session),
            capabilities: .init(prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
                                tools: .init(listChanged: false)))
        await register(on: server, session: session)
        try await server.start(transport: DrainingTransport())
        await server.waitUntilCompleted()
    }

    static func register(on server: Server, session: CorpusSession) async {
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: ToolBox.definitions) }
        await server.withMethodHandler(CallTool.self) { params in try await callTool(params, session: session) }
        await server.withMethodHandler(ListResources.self) { _ in .init(resources: Resources.list, nextCursor: nil) }
        await server.withMethodHandler(ListResourceTemplates.self) { _ in .init(templates: Resources.templates) }
        await server.withMethodHandler(ReadResource.self) { params in try Resources.read(params.uri, session: session) }
        await server.withMethodHandler(ListPrompts.self) { _ in .init(prompts: Prompts.list, nextCursor: nil) }
        await server.withMethodHandler(GetPrompt.self) { params in try Prompts.get(params.name, arguments: params.arguments ?? [:]) }
    }

    /// Answers a tool call on a thread of its own: answers block (SQLite, the index refresh), and
    /// blocking the few threads of Swift's cooperative pool would stall the message loop. The
    /// client's notifications/cancelled cancels the task awaiting the answer: the request's
    /// statements are interrupted, and no answer is sent.
    static func callTool(_ params: CallTool.Parameters, session: CorpusSession) async throws -> CallTool.Result {
        let request = session.forRequest()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    let result = Result { try ToolBox.call(params.name, arguments: params.arguments, session: request) }
                    request.finish()
                    continuation.resume(with: result)
                }
            }
        } onCancel: {
            request.cancel()
        }
    }
}

import DealqCore
import Foundation
import MCP

/// `deal {id}`: one deal's markdown file, found by its id in the index.
struct DealTool: DealqTool {
    static let definition = Tool(
        name: "deal",
        title: "Read one deal",
        description: """
            Return one deal's markdown summary: its front matter (ACV, competitors, outcome, the rep's reason, the \
            weighted drivers) and its body (call notes and the buyer's own words). `id` is a deal id as the `id` \
            column of `deals` or the `deal` column of `quotes` shows it, e.g. "D-2025-00161"; only indexed ids are accepted.
            """,
        inputSchema: Schema.object(["id": Schema.string("The deal's id.")], required: ["id"]),
        annotations: .init(readOnlyHint: true),
        outputSchema: Schema.object([
            "id": Schema.string("The deal's id."),
            "path": Schema.string("Its file, relative to the corpus."),
            "markdown": Schema.string("The file's text."),
        ], required: ["id", "path", "markdown"]))

    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result {
        let id = try arguments.only(["id"]).string("id")
        let (path, text) = try read(id: id, session: session)
        return ToolResult.success(text: text, structured: ["id": .string(id), "path": .string(path), "markdown": .string(ToolResult.capped(text))])
    }

    /// The deal's corpus-relative path and text. The id is only ever a bound argument of
    /// an index lookup: what reaches the file system is the path the index holds.
    static func read(id: String, session: CorpusSession) throws(ToolFailure) -> (path: String, text: String) {
        let engine = try session.engine()
        let found: String?
        do {
            found = try engine.dealPath(id: id)
        } catch {
            throw ToolFailure(error, text: id)
        }
        guard let path = found else {
            throw ToolFailure("error: no deal in the index has the id '\(id)'; ids are as the id column of \"deals\" or the deal column of \"quotes\" shows them")
        }
        let full = path.hasPrefix("/") ? path : session.corpus + "/" + path
        guard let data = FileManager.default.contents(atPath: full) else {
            throw ToolFailure("error: cannot read '\(path)', the file of deal '\(id)'")
        }
        return (path, String(decoding: data, as: UTF8.self))
    }
}

import MCP

/// Building tool results: a text rendering for people beside `structuredContent` for programs,
/// with text capped so one answer cannot flood the model's context.
enum ToolResult {
    /// About 100 KB: the most text (and the most encoded rows) one result carries.
    static let textLimit = 100_000

    static func success(text: String, structured: [String: Value]) -> CallTool.Result {
        CallTool.Result(content: [.text(text: capped(text), annotations: nil, _meta: nil)], structuredContent: .object(structured), isError: false)
    }

    static func failure(_ failure: ToolFailure) -> CallTool.Result {
        CallTool.Result(content: [.text(text: capped(failure.message), annotations: nil, _meta: nil)], isError: true)
    }

    /// The text cut at a line end before `textLimit` bytes, with a note saying how much was left out.
    static func capped(_ text: String, limit: Int = textLimit) -> String {
        guard text.utf8.count > limit else { return text }
        var kept = Substring(text.utf8.prefix(limit)).description
        // A cut in the middle of a multi-byte character decodes with a replacement character; cut at a line instead.
        if let lastLine = kept.lastIndex(of: "\n") { kept = String(kept[...lastLine]) }
        let left = text.utf8.count - kept.utf8.count
        return kept + "\n[\(left) more bytes left out: the text is capped at \(limit / 1000) KB; narrow the query or lower its limit]\n"
    }
}

/// JSON Schema pieces for tool inputs and outputs.
enum Schema {
    static func object(_ properties: [String: Value], required: [String] = []) -> Value {
        var schema: [String: Value] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        return .object(schema)
    }

    static func string(_ description: String) -> Value {
        ["type": "string", "description": .string(description)]
    }

    static func integer(_ description: String) -> Value {
        ["type": "integer", "description": .string(description)]
    }

    static func array(_ items: Value, _ description: String) -> Value {
        ["type": "array", "items": items, "description": .string(description)]
    }

    static func enumeration(_ values: [String], _ description: String) -> Value {
        ["type": "string", "enum": .array(values.map { .string($0) }), "description": .string(description)]
    }
}

import DealqCore
import DealqRender
import Foundation
import MCP

/// The structured answer of a query, shared by `query` and `run_saved`: the rows exactly as
/// `dealq --format json` writes them (same column names and values), cut to a limit, with
/// the markdown rendering and the notes.
enum AnswerOutput {
    static let defaultLimit = 50

    static let outputSchema = Schema.object([
        "query": Schema.string("The query that was answered, as run."),
        "columns": Schema.array(Schema.object(["name": Schema.string("Column name"), "kind": Schema.string("text, integer, number, money, rate, date or snippet")]),
                                "The answer's columns, in order."),
        "rows": Schema.array(["type": "object"], "The rows shown: one object per row, keyed by column name, as dealq --format json writes them."),
        "answer_rows": Schema.integer("How many rows the answer has."),
        "omitted_rows": Schema.integer("How many of them were left out by the limit (or the size cap)."),
        "notes": Schema.array(Schema.string("A note"), "Notes on the query, e.g. a value no deal has, with the close ones."),
        "markdown": Schema.string("The answer as a markdown table, as dealq --format markdown writes it."),
    ], required: ["query", "columns", "rows", "answer_rows", "omitted_rows", "notes", "markdown"])

    /// Answers `text` and shapes the result.
    static func answer(_ text: String, limit: Int?, session: CorpusSession) throws -> CallTool.Result {
        let engine = try session.engine()
        // Test hook, as in the shell: this query crawls (a second a step: minutes), so that a test can cancel it while it runs.
        let slow = ProcessInfo.processInfo.environment["DEALQ_TEST_SLOW_QUERY"] == text
        if slow { engine.slowDownForTesting(milliseconds: 1000, steps: 1) }
        defer { if slow { engine.slowDownForTesting(milliseconds: 0) } }
        let answer: Answer
        do {
            answer = try engine.answer(text, today: session.today, defaultLimit: nil, timeLimit: session.timeLimit)
        } catch {
            throw ToolFailure(error, text: text)
        }
        return result(answer, query: text, limit: limit ?? defaultLimit)
    }

    static func result(_ answer: Answer, query: String, limit: Int) -> CallTool.Result {
        let table = answer.table
        var rows: [Value] = []
        var bytes = 0
        for line in render(table, as: .jsonl).split(separator: "\n") where rows.count < limit {
            bytes += line.utf8.count
            if bytes > ToolResult.textLimit && !rows.isEmpty { break }
            rows.append((try? JSONDecoder().decode(Value.self, from: Data(line.utf8))) ?? .null)
        }
        let omitted = table.rows.count - rows.count
        let notes = answer.notes.map { $0.message }
        // The markdown of the rows shown; what the limit left out is said below it, in the tool's terms.
        var shown = table
        shown.rows = Array(table.rows.prefix(rows.count))
        shown.marks = Array(table.marks.prefix(rows.count))
        let markdown = render(shown, as: .markdown)
        var text = ToolResult.capped(markdown)
        if omitted > 0 {
            text += "\nshowing \(rows.count) of \(table.rows.count) rows: \(omitted) left out; pass a larger limit (or narrow the query) to see them.\n"
        }
        for note in notes { text += "note: \(note)\n" }
        let columns: [Value] = table.columns.map { ["name": .string($0.name), "kind": .string(kindName($0.kind))] }
        return ToolResult.success(text: text, structured: [
            "query": .string(query), "columns": .array(columns), "rows": .array(rows),
            "answer_rows": .int(table.rows.count), "omitted_rows": .int(omitted),
            "notes": .array(notes.map { .string($0) }), "markdown": .string(ToolResult.capped(markdown)),
        ])
    }

    static func kindName(_ kind: Column.Kind) -> String {
        switch kind {
        case .text: "text"
        case .integer: "integer"
        case .number: "number"
        case .money: "money"
        case .rate: "rate"
        case .date: "date"
        case .snippet: "snippet"
        }
    }
}

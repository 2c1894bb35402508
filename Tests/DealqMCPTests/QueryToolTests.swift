import DealqCore
import DealqRender
import Foundation
import MCP
import Testing
@testable import DealqMCP

@Suite("query and explain tools")
struct QueryToolTests {
    let corpus: CorpusCopy

    init() throws { corpus = try CorpusCopy() }

    @Test("rows are the objects dealq --format json writes, keyed by column")
    func rowsAreTheJSONRows() throws {
        let query = "winrate by segment"
        let result = try corpus.call("query", ["query": .string(query)])
        #expect(result.isError == false)
        let engine = try corpus.session.engine()
        let table = try engine.answer(query, today: corpus.session.today, defaultLimit: nil).table
        let expected = try JSONDecoder().decode([Value].self, from: Data(render(table, as: .json).utf8))
        #expect(result["rows"] == .array(expected))
        #expect(result["answer_rows"] == .int(table.rows.count))
        #expect(result["omitted_rows"] == .int(0))
        #expect(result["columns"]?.arrayValue?.first?.objectValue?["name"] == .string(table.columns.first?.name ?? ""))
        #expect(result.text.contains("| segment"))
    }

    @Test("the limit cuts the rows, and the answer says how many were left out")
    func limitCutsRows() throws {
        let result = try corpus.call("query", ["query": "deals", "limit": 3])
        let total = try #require(result["answer_rows"]?.intValue)
        #expect(total > 3)
        #expect(result["rows"]?.arrayValue?.count == 3)
        #expect(result["omitted_rows"] == .int(total - 3))
        #expect(result.text.contains("showing 3 of \(total) rows: \(total - 3) left out"))
        #expect(result["markdown"]?.stringValue?.split(separator: "\n").count == 2 + 3)
    }

    @Test("without a limit, at most 50 rows")
    func defaultLimit() throws {
        let result = try corpus.call("query", ["query": "deals"])
        #expect(result["rows"]?.arrayValue?.count == AnswerOutput.defaultLimit)
    }

    @Test("a misspelt facet is a tool error with the caret diagnostic and the suggestion")
    func misspeltFacet() throws {
        let result = try corpus.call("query", ["query": "winrate by competiter"])
        #expect(result.isError == true)
        #expect(result.structuredContent == nil)
        #expect(result.text.contains("unknown facet 'competiter' (did you mean 'competitor'?)"))
        #expect(result.text.contains("  winrate by competiter\n             ^^^^^^^^^^"))
    }

    @Test("a value no deal has comes back as a note, with the close ones")
    func valueNotes() throws {
        let result = try corpus.call("query", ["query": "count segment:enterprize"])
        let notes = try #require(result["notes"]?.arrayValue)
        #expect(notes.count == 1)
        #expect(notes.first?.stringValue == "no segment 'enterprize'; did you mean 'Enterprise'?")
        #expect(result.text.contains("note: "))
    }

    @Test("wrong argument types and unknown arguments are protocol errors", arguments: [
        ["query": Value.int(42)], ["query": "count", "limit": "ten"], ["query": "count", "limit": 0],
        [:], ["query": "count", "lmit": 5],
    ] as [[String: Value]])
    func badArguments(_ arguments: [String: Value]) throws {
        #expect(throws: MCPError.self) { try corpus.call("query", arguments) }
    }

    @Test("an unknown tool is a protocol error naming the tools")
    func unknownTool() throws {
        #expect(throws: MCPError.invalidParams("unknown tool 'sql'; the tools are: language, facets, query, explain, saved_queries, run_saved, report, deal")) {
            try corpus.call("sql")
        }
    }

    @Test("explain shows the SQL with its arguments; a bad query is a tool error")
    func explain() throws {
        let result = try corpus.call("explain", ["query": "winrate by topic acv>100k"])
        let explanation = try #require(result["explanation"]?.stringValue)
        #expect(explanation.contains("verb: winrate"))
        #expect(explanation.contains("-- arguments: ["))
        let bad = try corpus.call("explain", ["query": "winrate by"])
        #expect(bad.isError == true)
        #expect(bad.text.contains("^"))
    }

    @Test("a file added to the corpus is answered at the next call: the index is kept fresh")
    func freshness() throws {
        let before = try #require(try corpus.call("query", ["query": "count"])["rows"]?.arrayValue?.first?.objectValue?["deals"]?.intValue)
        let deal = "---\nid: D-9999-0001\naccount: Fresh Co\noutcome: won\nclosed: 2025-11-02\n---\nNotes.\n"
        try deal.write(toFile: corpus.session.corpus + "/2025/fresh.md", atomically: true, encoding: .utf8)
        let after = try corpus.call("query", ["query": "count"])["rows"]?.arrayValue?.first?.objectValue?["deals"]?.intValue
        #expect(after == before + 1)
    }
}

import DealqCore
import Foundation
import MCP
import Testing
@testable import DealqMCP

@Suite("resources, prompts, instructions and output caps")
struct ServerPartsTests {
    let corpus: CorpusCopy

    init() throws { corpus = try CorpusCopy() }

    @Test("dealq://deal/{id} reads the deal; unknown ids and paths are errors")
    func dealResource() throws {
        let read = try Resources.read("dealq://deal/D-2025-00161", session: corpus.session)
        #expect(read.contents.first?.text?.hasPrefix("---\nid: D-2025-00161\n") == true)
        for uri in ["dealq://deal/../../etc/passwd", "dealq://deal/%2F..%2Fdealq.yml", "file:///etc/passwd", "dealq://deal/"] {
            #expect(throws: MCPError.self) { try Resources.read(uri, session: corpus.session) }
        }
    }

    @Test("dealq://docs/query-language is the language reference")
    func languageResource() throws {
        let read = try Resources.read(Resources.languageURI, session: corpus.session)
        #expect(read.contents.first?.text == LanguageReference.markdown)
    }

    @Test("every prompt's queries run on the bundled corpus", arguments: [
        ("competitor-brief", ["competitor": "Acme Analytics"]), ("topic-deep-dive", ["topic": "implementation"]),
        ("leadership-brief", [:]),
    ] as [(String, [String: String])])
    func promptQueriesRun(_ name: String, _ arguments: [String: String]) throws {
        let queries = try Prompts.queries(name, arguments: arguments)
        #expect(queries.count >= 4)
        for query in queries {
            let result = try corpus.call("query", ["query": .string(query)])
            #expect(result.isError == false, "\(query): \(result.text)")
        }
    }

    @Test("a prompt's text lists its queries; a missing argument is an error")
    func promptText() throws {
        let prompt = try Prompts.get("topic-deep-dive", arguments: ["topic": "pricing"])
        guard case .text(let text) = try #require(prompt.messages.first).content else {
            Issue.record("expected text")
            return
        }
        #expect(text.contains("- `quotes topic:\"pricing\" acv>100k`"))
        #expect(throws: MCPError.self) { try Prompts.get("competitor-brief", arguments: [:]) }
        #expect(throws: MCPError.self) { try Prompts.get("no-such-prompt", arguments: [:]) }
    }

    @Test("instructions give the deal count and date range, and how to begin")
    func instructions() throws {
        let span = try corpus.session.engine().span()
        let text = Instructions.text(session: corpus.session)
        #expect(text.contains("\(span.deals) win-loss deal summaries"))
        #expect(text.contains("from \(span.firstClosed ?? "?") to \(span.lastClosed ?? "?")"))
        #expect(text.contains("call `language` once"))
    }

    @Test("text over the cap is cut at a line, with a note of what was left out")
    func cap() {
        let line = String(repeating: "x", count: 99) + "\n"
        let text = String(repeating: line, count: 30)
        let capped = ToolResult.capped(text, limit: 1050)
        #expect(capped.hasPrefix(String(repeating: line, count: 10)))
        #expect(capped.contains("[2000 more bytes left out"))
        #expect(ToolResult.capped("short\n", limit: 1050) == "short\n")
    }
}

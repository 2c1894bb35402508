import DealqCore
import Foundation
import MCP
import Testing
@testable import DealqMCP

@Suite("facets, language, saved query, report and deal tools")
struct CorpusToolTests {
    let corpus: CorpusCopy

    init() throws { corpus = try CorpusCopy() }

    @Test("facets lists every facet with its kind and top values; one facet with more")
    func facets() throws {
        let all = try #require(try corpus.call("facets")["facets"]?.arrayValue)
        let engine = try corpus.session.engine()
        #expect(all.compactMap { $0.objectValue?["name"]?.stringValue } == engine.catalog.names)
        let segment = try #require(all.first { $0.objectValue?["name"] == "segment" }?.objectValue)
        let values = try #require(segment["values"]?.arrayValue)
        #expect(!values.isEmpty && values.count <= 5)
        let counts = values.compactMap { $0.objectValue?["deals"]?.intValue }
        #expect(counts == counts.sorted(by: >))
        let one = try #require(try corpus.call("facets", ["facet": "rep"])["facets"]?.arrayValue)
        #expect(one.count == 1)
        #expect((one.first?.objectValue?["values"]?.arrayValue?.count ?? 0) > 5)
    }

    @Test("an unknown facet is a tool error with a suggestion")
    func unknownFacet() throws {
        let result = try corpus.call("facets", ["facet": "segmnt"])
        #expect(result.isError == true)
        #expect(result.text.contains("did you mean 'segment'"))
    }

    @Test("language is docs/query-language.md, character for character (regenerate with scripts/generate-language-reference.sh)")
    func language() throws {
        let docs = try String(contentsOfFile: repositoryRoot + "/docs/query-language.md", encoding: .utf8)
        let result = try corpus.call("language")
        #expect(result["reference"] == .string(docs))
        #expect(LanguageReference.markdown == docs)
    }

    @Test("saved_queries lists the corpus's saved queries with parameters and defaults")
    func savedQueries() throws {
        let list = try #require(try corpus.call("saved_queries")["saved_queries"]?.arrayValue)
        let topic = try #require(list.first { $0.objectValue?["name"] == "topic-quotes" }?.objectValue)
        #expect(topic["query"] == "quotes topic:$topic acv>=$min_acv")
        #expect(topic["parameters"]?.arrayValue?.first == ["name": "topic", "default": "implementation"])
    }

    @Test("run_saved answers as the query typed in full does")
    func runSaved() throws {
        let saved = try corpus.call("run_saved", ["name": "topic-quotes", "params": ["topic": "pricing", "min_acv": 50000]])
        let typed = try corpus.call("query", ["query": "quotes topic:pricing acv>=50000"])
        #expect(saved.isError == false)
        #expect(saved["rows"] == typed["rows"])
        #expect(saved["query"] == "quotes topic:pricing acv>=50000")
    }

    @Test("run_saved with an unknown name is a tool error; params of the wrong shape a protocol error")
    func runSavedErrors() throws {
        let unknown = try corpus.call("run_saved", ["name": "no-such-query"])
        #expect(unknown.isError == true)
        #expect(unknown.text.contains("no-such-query"))
        #expect(throws: MCPError.self) { try corpus.call("run_saved", ["name": "topic-quotes", "params": ["pricing"]]) }
    }

    @Test("report writes each audience's markdown", arguments: ["leadership", "product", "sales"])
    func report(_ audience: String) throws {
        let result = try corpus.call("report", ["audience": .string(audience), "filters": "since:2024-01-01"])
        #expect(result.isError == false)
        let markdown = try #require(result["markdown"]?.stringValue)
        #expect(markdown.hasPrefix("# "))
        #expect(markdown.contains("since:2024-01-01"))
    }

    @Test("report: an unknown audience is a protocol error, a bad filter a tool error with a caret")
    func reportErrors() throws {
        #expect(throws: MCPError.self) { try corpus.call("report", ["audience": "board"]) }
        let bad = try corpus.call("report", ["audience": "leadership", "filters": "segmnt:enterprise"])
        #expect(bad.isError == true)
        #expect(bad.text.contains("did you mean 'segment'"))
        let misplaced = try corpus.call("report", ["audience": "product", "competitor": "Acme Analytics"])
        #expect(misplaced.isError == true)
    }

    @Test("deal returns the file the index holds for the id")
    func deal() throws {
        let result = try corpus.call("deal", ["id": "D-2025-00161"])
        let expected = try String(contentsOfFile: corpus.session.corpus + "/2025/Q3/D-2025-00161.md", encoding: .utf8)
        #expect(result["markdown"] == .string(expected))
        #expect(result["path"] == "2025/Q3/D-2025-00161.md")
    }

    @Test("deal: anything that is not an indexed id is an error, paths included",
          arguments: ["D-0000-00000", "../../etc/passwd", "/etc/passwd", "2025/Q3/D-2025-00161.md", "", "%2e%2e/dealq.yml"])
    func dealErrors(_ id: String) throws {
        let result = try corpus.call("deal", ["id": .string(id)])
        #expect(result.isError == true)
        #expect(result.text.contains("no deal in the index has the id"))
    }
}

import DealqCore
import DealqLanguage
import Foundation
import MCP
import Testing
@testable import DealqMCP

@Suite("the server's time limit")
struct TimeLimitTests {
    @Test("a query past the session's time limit is stopped and the result says so")
    func slowQueryStops() throws {
        let corpus = try CorpusCopy()
        let session = CorpusSession(corpus: corpus.folder + "/corpus", database: corpus.folder + "/index.sqlite",
                                    today: CalendarDate("2025-12-31"), timeLimit: 0.05)
        let engine = try session.engine()
        // 20 ms every 10 SQLite steps: far longer than 0.05 s.
        engine.slowDownForTesting(milliseconds: 20, steps: 10)
        let result = try ToolBox.call("query", arguments: ["query": "winrate by topic"], session: session)
        engine.slowDownForTesting(milliseconds: 0)
        #expect(result.isError == true)
        #expect(result.text.hasPrefix("error: the query took longer than 0.05 s and was stopped"))
        let next = try ToolBox.call("query", arguments: ["query": "count"], session: session)
        #expect(next.isError == false)
    }

    @Test("the server's sessions allow 10 s")
    func defaultLimit() {
        #expect(CorpusSession(corpus: "/c", database: "/c/i.sqlite").timeLimit == 10)
        #expect(CorpusSession(corpus: "/c", database: "/c/i.sqlite", timeLimit: 3).forRequest().timeLimit == 3)
    }
}

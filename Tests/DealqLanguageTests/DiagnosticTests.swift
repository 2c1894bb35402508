import Testing

@testable import DealqLanguage

@Suite struct DiagnosticTests {
    @Test func theContractExample() throws {
        let text = "winrate by competiter"
        let query = try parseQuery(text)
        let facet = query.groupBy[0]
        let diagnostic = Diagnostic(
            message: "unknown facet '\(facet.name)'", range: facet.range,
            suggestion: Suggest.closest(to: facet.name, among: SuggestTests.facets))
        #expect(diagnostic.render(in: text) == """
            error: unknown facet 'competiter' (did you mean 'competitor'?)
              winrate by competiter
                         ^^^^^^^^^^
            """)
        #expect(diagnostic.location(in: text) == SourceLocation(line: 1, column: 12))
    }

    @Test func notesAndSeverity() {
        let text = "quotes competitor:acme"
        let d = Diagnostic(
            .note, message: "no competitor 'acme'", range: SourceRange(18, 22), suggestion: "Acme Analytics",
            notes: ["values compare case-insensitively"])
        #expect(d.render(in: text) == """
            note: no competitor 'acme' (did you mean 'Acme Analytics'?)
              quotes competitor:acme
                                ^^^^
            note: values compare case-insensitively
            """)
    }

    @Test func emptyRangeAtTheEnd() {
        let d = Diagnostic(message: "expected more", range: SourceRange(3, 3))
        #expect(d.render(in: "abc") == "error: expected more\n  abc\n     ^")
    }

    @Test func rangesOnLaterLines() {
        let text = "first line\nsecond 日本 line\r\nthird"
        let start = "first line\nsecond 日本 ".utf8.count
        let d = Diagnostic(message: "here", range: SourceRange(start, start + 4))
        #expect(d.render(in: text) == "error: here\n  second 日本 line\n            ^^^^")
        #expect(d.location(in: text) == SourceLocation(line: 2, column: 11))
        // A range running past its line is cut at the line's end.
        let long = Diagnostic(message: "x", range: SourceRange(6, text.utf8.count))
        #expect(long.render(in: text) == "error: x\n  first line\n        ^^^^")
    }

    @Test func parseErrorsAreData() {
        do {
            _ = try parseQuery("outcome: won")
            Issue.record("should fail")
        } catch {
            #expect(error.severity == .error)
            #expect(error.message == "expected a value after 'outcome:'")
            #expect(error.range == SourceRange(0, 8))
            #expect(error.suggestion == nil)
            #expect(error.notes == ["no space may follow 'outcome:'; write 'outcome:won'"])
        }
    }
}

import Testing

@testable import DealqLanguage

/// Text that must search (or fail with a caret), never crash or leak syntax.
@Suite struct HostileInputTests {
    @Test func sqlIsText() {
        expectTree("'; DROP TABLE deals;", #"(query deals (filters (word "';") (word "DROP") (word "TABLE") (word "deals;")) (by))"#)
        expectError("'; DROP TABLE deals; --", """
            error: '-' must be followed directly by the filter it negates, as in '-outcome:won'
              '; DROP TABLE deals; --
                                    ^
            """)
    }

    @Test func fts5SyntaxIsText() {
        expectTree("POL-358", #"(query deals (filters (word "POL-358")) (by))"#)
        expectTree("a AND b", #"(query deals (filters (word "a") (word "b")) (by))"#)
        expectTree("NEAR(a b)", #"(query deals (filters (word "NEAR") (and (word "a") (word "b"))) (by))"#)
        expectTree("a ^b col:x {c}", #"(query deals (filters (word "a") (word "^b") (one-of "col" "x") (word "{c}")) (by))"#)
    }

    @Test func unbalancedInput() {
        expectError(#""unbalanced"#, """
            error: unterminated quote: add a closing '"'
              "unbalanced
              ^
            """)
        expectError("((a)", """
            error: unclosed '(': add a ')'
              ((a)
              ^
            """)
    }

    @Test func nonASCIICaretsCountCharacters() {
        expectTree(#"café "über" 日本"#, #"(query deals (filters (word "café") (phrase "über") (word "日本")) (by))"#)
        expectError(#"café "über" 日本 or"#, """
            error: expected a filter after 'or'
              café "über" 日本 or
                             ^^
            """)
        // "e" + combining acute is one Character, one column.
        expectError("cafe\u{301} >5", """
            error: '>' must follow a facet name with no space, as in 'acv>100k'
              cafe\u{301} >5
                   ^
            """)
        #expect(Source("日本 x").location(of: "日本 ".utf8.count) == SourceLocation(line: 1, column: 4))
    }

    @Test func veryLongQueries() throws {
        let words = (0..<5_000).map { "w\($0)" }
        let query = try parseQuery(words.joined(separator: " or "))
        guard case .or(let terms, _) = query.filters.first else {
            Issue.record("expected one or")
            return
        }
        #expect(terms.count == 5_000)
        let long = String(repeating: "x", count: 100_000)
        #expect(try parseQuery(long).filters == [.text(TextTerm(kind: .word, text: long, range: SourceRange(0, 100_000)))])
        let many = try parseQuery(Array(repeating: "acv>1 -b", count: 2_000).joined(separator: " "))
        #expect(many.filters.count == 4_000)
        #expect(try parseQuery(Printer.print(many)).isEquivalent(to: many))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let ok = String(repeating: "(", count: Parser.maximumDepth) + "a" + String(repeating: ")", count: Parser.maximumDepth)
        #expect(try parseQuery(ok).filters.count == 1)
        let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: Diagnostic.self) { try parseQuery(deep) }
        let negations = String(repeating: "-", count: 10_000) + "a"
        do {
            _ = try parseQuery(negations)
            Issue.record("should fail")
        } catch {
            #expect(error.message == "the query is nested too deeply")
            #expect(error.range == SourceRange(100, 101))
        }
    }

    @Test func controlCharactersAndOddSpaces() throws {
        expectTree("a\u{0}b", #"(query deals (filters (word "a\x00b")) (by))"#)
        expectTree("a\u{3000}b\u{A0}c", #"(query deals (filters (word "a") (word "b") (word "c")) (by))"#)
        expectTree("\"a\nb\"", #"(query deals (filters (phrase "a\nb")) (by))"#)
        expectTree(#"back\slash "q\""#, #"(query deals (filters (word "back\\slash") (phrase "q\\")) (by))"#)
    }
}

import Testing

@testable import DealqLanguage

@Suite struct ParserTests {
    @Test func contractExamples() {
        expectTree(
            "quotes implementation acv>100k",
            #"(query quotes (filters (word "implementation") (compare "acv" > "100k")) (by))"#)
        expectTree(
            #"quotes competitor:"Acme Analytics" since:90d"#,
            #"(query quotes (filters (one-of "competitor" (quoted "Acme Analytics")) (since "90d")) (by))"#)
        expectTree(
            "count by competitor.selected outcome:lost",
            #"(query count (filters (one-of "outcome" "lost")) (by "competitor.selected"))"#)
        expectTree(
            #"deals "security review" -outcome:won sort:acv"#,
            #"(query deals (filters (phrase "security review") (not (one-of "outcome" "won"))) (by) (sort "acv" desc))"#)
    }

    @Test func verbIsTheFirstWordOnlyWhenItIsAVerb() throws {
        #expect(try parseQuery("winrate").verb == .winrate)
        #expect(try parseQuery("winrate").verbRange == SourceRange(0, 7))
        #expect(try parseQuery("security").verb == .deals)
        #expect(try parseQuery("security").verbRange == nil)
        #expect(try parseQuery("").verb == .deals)
        expectTree("deals count", #"(query deals (filters (word "count")) (by))"#)
        expectTree("Count", #"(query deals (filters (word "Count")) (by))"#)
        expectTree("counts", #"(query deals (filters (word "counts")) (by))"#)
        expectTree("(count)", #"(query deals (filters (word "count")) (by))"#)
        expectTree("quotes:x", #"(query deals (filters (one-of "quotes" "x")) (by))"#)
        for verb in Verb.allCases {
            #expect(try parseQuery(verb.rawValue + " x").verb == verb)
        }
    }

    @Test func orBindsTighterThanAnd() {
        expectTree("a b or c", #"(query deals (filters (word "a") (or (word "b") (word "c"))) (by))"#)
        expectTree("a or b c", #"(query deals (filters (or (word "a") (word "b")) (word "c")) (by))"#)
        expectTree("a or b and c", #"(query deals (filters (or (word "a") (word "b")) (word "c")) (by))"#)
        expectTree("a or b OR c", #"(query deals (filters (or (word "a") (word "b") (word "c"))) (by))"#)
        expectTree("(a or b and c)", #"(query deals (filters (and (or (word "a") (word "b")) (word "c"))) (by))"#)
        expectTree("a and b", #"(query deals (filters (word "a") (word "b")) (by))"#)
    }

    @Test func negation() {
        expectTree("-a", #"(query deals (filters (not (word "a"))) (by))"#)
        expectTree("not a", #"(query deals (filters (not (word "a"))) (by))"#)
        expectTree("-a or b", #"(query deals (filters (or (not (word "a")) (word "b"))) (by))"#)
        expectTree("-(a or b)", #"(query deals (filters (not (or (word "a") (word "b")))) (by))"#)
        expectTree("--a", #"(query deals (filters (not (not (word "a")))) (by))"#)
        expectTree("-has:topic", #"(query deals (filters (not (has "topic"))) (by))"#)
        expectTree("POL-358 a-b- -c", #"(query deals (filters (word "POL-358") (word "a-b-") (not (word "c"))) (by))"#)
    }

    @Test func groups() {
        expectTree("(a)", #"(query deals (filters (word "a")) (by))"#)
        expectTree("((a))", #"(query deals (filters (word "a")) (by))"#)
        expectTree("(a b) c", #"(query deals (filters (and (word "a") (word "b")) (word "c")) (by))"#)
        expectTree("((a b) c)", #"(query deals (filters (and (and (word "a") (word "b")) (word "c"))) (by))"#)
        expectTree("NEAR(a b)", #"(query deals (filters (word "NEAR") (and (word "a") (word "b"))) (by))"#)
    }

    @Test func facetFilters() {
        expectTree("outcome:won,lost", #"(query deals (filters (one-of "outcome" "won" "lost")) (by))"#)
        expectTree("acv:1..5", #"(query deals (filters (range "acv" "1" "5")) (by))"#)
        expectTree("acv:1..", #"(query deals (filters (range "acv" "1" nil)) (by))"#)
        expectTree("acv:..5", #"(query deals (filters (range "acv" nil "5")) (by))"#)
        expectTree("acv>=5 acv<=5 acv!=5 acv=5 acv<5", #"(query deals (filters (compare "acv" >= "5") (compare "acv" <= "5") (compare "acv" != "5") (compare "acv" = "5") (compare "acv" < "5")) (by))"#)
        expectTree("acv>$1,200", #"(query deals (filters (compare "acv" > "$1,200")) (by))"#)
        expectTree("acv:100,200", #"(query deals (filters (one-of "acv" "100,200")) (by))"#)
        expectTree("year:2024,2025", #"(query deals (filters (one-of "year" "2024" "2025")) (by))"#)
        expectTree("crm.loss_reason:price", #"(query deals (filters (one-of "crm.loss_reason" "price")) (by))"#)
        expectTree("12:30", #"(query deals (filters (word "12:30")) (by))"#)
        expectTree("has:competitor.selected since:2025 before:\"2026\"", #"(query deals (filters (has "competitor.selected") (since "2025") (before (quoted "2026"))) (by))"#)
    }

    @Test func valuesKeepTextQuotingAndRange() throws {
        let query = try parseQuery(#"deals competitor:"Acme Analytics",Globex"#)
        guard case .facet(let filter) = query.filters.first, case .oneOf(let values) = filter.test else {
            Issue.record("expected a facet filter")
            return
        }
        #expect(filter.facet == FacetName("competitor", range: SourceRange(6, 16)))
        #expect(values[0] == Value("Acme Analytics", isQuoted: true, range: SourceRange(17, 33)))
        #expect(values[1] == Value("Globex", isQuoted: false, range: SourceRange(34, 40)))
        #expect(filter.range == SourceRange(6, 40))
    }

    @Test func everyNodeHasItsRange() throws {
        let text = "winrate -(a or \"b c\") by quarter, topic sort:acv-asc limit:5"
        let query = try parseQuery(text)
        let source = Source(text)
        #expect(source.text(in: query.filters[0].range) == "-(a or \"b c\")")
        guard case .not(let inner, _) = query.filters[0], case .or(let terms, let orRange) = inner else {
            Issue.record("expected not(or)")
            return
        }
        #expect(source.text(in: orRange) == "a or \"b c\"")
        #expect(source.text(in: terms[1].range) == "\"b c\"")
        #expect(query.groupBy.map { String(source.text(in: $0.range)) } == ["quarter", "topic"])
        #expect(source.text(in: query.options.sort!.range) == "sort:acv-asc")
        #expect(source.text(in: query.options.sort!.fieldRange) == "acv")
        #expect(query.options.sort!.ascending)
        #expect(source.text(in: query.options.limit!.range) == "limit:5")
        #expect(query.options.limit!.rows == .rows(5))
    }

    @Test func groupByAndOptions() throws {
        let query = try parseQuery("winrate by quarter ,topic x by segment limit:all Sort:closed-ASC")
        #expect(query.groupBy.map(\.name) == ["quarter", "topic", "segment"])
        #expect(query.options.limit?.rows == .all)
        #expect(query.options.sort?.field == "closed")
        #expect(query.options.sort?.ascending == true)
        #expect(try parseQuery("limit:N").options.limit?.rows == nil)
        #expect(try parseQuery("sort:acv").options.sort?.ascending == false)
    }

    @Test func theParserLeavesMeaningToTheChecker() {
        // Unknown facets and values that do not fit are not syntax errors.
        expectTree("winrate by competiter acv:abc closed>soon", #"(query winrate (filters (one-of "acv" "abc") (compare "closed" > "soon")) (by "competiter"))"#)
    }

    @Test func tokens() throws {
        let tokens = try Lexer.tokenize("count acv>$1,200 by a, b -\"x\"")
        #expect(tokens.map(\.kind) == [
            .verb(.count), .facet(.greater), .value(quoted: false), .by, .byName, .byComma, .byName,
            .minus, .phrase, .end,
        ])
        #expect(tokens.map(\.text) == ["count", "acv", "$1,200", "by", "a", ",", "b", "-", "x", ""])
    }
}

@Suite struct RangeTests {
    @Test func groupedOperandsKeepTheirParentheses() throws {
        let text = "(a or b) or -(c d)"
        let query = try parseQuery(text)
        let source = Source(text)
        guard case .or(let terms, let range) = query.filters[0] else {
            Issue.record("expected or")
            return
        }
        #expect(source.text(in: range) == text)
        #expect(source.text(in: terms[0].range) == "a or b")
        #expect(source.text(in: terms[1].range) == "-(c d)")
    }
}

import Testing

@testable import DealqLanguage

@Suite struct PrinterTests {
    @Test(arguments: [
        ("security review", "deals security review"),
        ("count", "count"),
        ("not a", "deals -a"),
        ("a and b AND c", "deals a b c"),
        ("a OR b", "deals a or b"),
        ("(a b) or c", "deals (a b) or c"),
        ("(a or b) or c", "deals (a or b) or c"),
        ("a or (b or c)", "deals a or (b or c)"),
        ("(a or b) c", "deals a or b c"),
        ("(a or b c)", "deals (a or b c)"),
        ("((a b) c)", "deals ((a b) c)"),
        ("-(a b) -(a or b) --a", "deals -(a b) -(a or b) --a"),
        ("Has:topic SINCE:90d Before:\"2025\"", "deals has:topic since:90d before:\"2025\""),
        ("competitor:\"Acme Analytics\",Globex acv:..5 acv:$1,200..", "deals competitor:\"Acme Analytics\",Globex acv:..5 acv:$1,200.."),
        ("limit:all SORT:acv-ASC by a,b winrate", "deals winrate by a, b sort:acv-asc limit:all"),
        ("winrate by a by b", "winrate by a, b"),
        ("pref* \"a phrase\"", "deals pref* \"a phrase\""),
        ("", "deals"),
    ])
    func canonicalText(_ input: String, _ expected: String) throws {
        let query = try parseQuery(input)
        #expect(Printer.print(query) == expected)
        #expect(try parseQuery(expected).isEquivalent(to: query))
    }

    @Test func builtTreesPrintAndReparse() throws {
        // Trees built by hand (as a rewriter would) print to text that parses back.
        let query = Query(
            verb: .count,
            filters: [
                .or([.and([.text(TextTerm(kind: .word, text: "a")), .text(TextTerm(kind: .word, text: "b"))], .zero),
                     .not(.or([.text(TextTerm(kind: .word, text: "c")), .text(TextTerm(kind: .prefix, text: "d"))], .zero), .zero)], .zero),
                .facet(FacetFilter(facet: FacetName("acv"), test: .compare(.greaterOrEqual, Value("100k")))),
            ],
            groupBy: [FacetName("quarter")],
            options: Options(sort: SortOption(field: "deals"), limit: LimitOption(value: Value("5"))))
        let text = Printer.print(query)
        #expect(text == "count (a b) or -(c or d*) acv>=100k by quarter sort:deals limit:5")
        #expect(try parseQuery(text).isEquivalent(to: query))
    }
}

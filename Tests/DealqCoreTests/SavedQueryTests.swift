import Foundation
import Testing
@testable import DealqCore

private let sample = """
    # Saved queries of the test corpus.
    lost-to:
      description: Deals we lost to a competitor, biggest first
      query: deals outcome:lost competitor.selected:$competitor sort:acv
      params:
        competitor: Acme Analytics     # the default

    # Needs a competitor.
    brief:
      query: quotes competitor:$competitor since:$since
      params:
        since: 90d
    big: count acv>=$min   # short form, no default
    """

private func loaded(_ text: String = sample) throws(SavedQueryError) -> [SavedQuery] {
    try SavedQueries.parse(text)
}

/// The error a throwing saved-query call ends with, rendered.
private func failure(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch let error as SavedQueryError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}

@Suite struct SavedQueryFileTests {
    @Test func readsEntriesInFileOrder() throws {
        let queries = try loaded()
        #expect(queries.map(\.name) == ["lost-to", "brief", "big"])
        #expect(queries.map(\.line) == [2, 9, 13])
        #expect(queries[0].description == "Deals we lost to a competitor, biggest first")
        #expect(queries[0].query == "deals outcome:lost competitor.selected:$competitor sort:acv")
        #expect(queries[0].parameters == [.init(name: "competitor", defaultValue: "Acme Analytics")])
        #expect(queries[1].parameters == [.init(name: "competitor"), .init(name: "since", defaultValue: "90d")])
        #expect(queries[2].description == nil)
        #expect(queries[2].parameters == [.init(name: "min")])
        #expect(SavedQueries.problems(in: queries).isEmpty)
    }

    @Test func absentFileHasNoQueries() throws {
        let folder = TemporaryFolder()
        #expect(try SavedQueries.load(corpus: folder.path).isEmpty)
        folder.write(SavedQueries.fileName, "# nothing yet\n")
        #expect(try SavedQueries.load(corpus: folder.path).isEmpty)
    }

    @Test func invalidFilesSayWhere() {
        #expect(failure { _ = try loaded("a: [unclosed\n") }.hasPrefix("dealq-queries.yml:"))
        #expect(failure { _ = try loaded("- deals\n") }
            == "dealq-queries.yml:1:1: error: dealq-queries.yml must map query names to queries")
        #expect(failure { _ = try loaded("x:\n  description: no query\n") }
            == "dealq-queries.yml:1:1: error: saved query 'x' has no query")
        #expect(failure { _ = try loaded("x:\n  qurey: deals\n") }
            == "dealq-queries.yml:2:3: error: unknown key 'qurey' in saved query 'x' (did you mean 'query'?)")
        #expect(failure { _ = try loaded("x: deals\ny: count\nx: count\n") }
            == "dealq-queries.yml:3:1: error: saved query 'x' is defined twice (first on line 1)")
        #expect(failure { _ = try loaded("my query: deals\n") }
            == "dealq-queries.yml:1:1: error: 'my query' cannot name a saved query: use letters, digits, '-' and '_', starting with a letter")
    }

    @Test func brokenQueryIsReportedWithNameLineAndColumn() throws {
        let text = """
            fine: count by topic
            broken:
              description: an unterminated quote
              query: deals competitor:$competitor "security review
            """
        let queries = try loaded(text)
        #expect(queries.count == 2)
        let problems = SavedQueries.problems(in: queries)
        #expect(problems.map(\.description) == [
            "dealq-queries.yml:4:39: error: saved query 'broken' does not parse: unterminated quote: add a closing '\"'"
        ])
        #expect(problems.first?.reason == .brokenQuery(name: "broken", message: "unterminated quote: add a closing '\"'"))
        // Running it reports the same, whatever the arguments.
        #expect(failure { _ = try queries[1].expand(["competitor": "Acme"]) } == problems[0].description)
        #expect(try queries[0].expand([:]) == "count by topic")
    }

    @Test func columnsCountAfterSubstitutedParameters() throws {
        // The error is after a parameter whose default is longer than `$p`.
        let queries = try loaded("q:\n  query: 'count competitor:$p by'\n  params:\n    p: Acme Analytics\n")
        #expect(SavedQueries.problems(in: queries).map(\.description) == [
            "dealq-queries.yml:2:31: error: saved query 'q' does not parse: expected a facet name after 'by'"
        ])
    }

    @Test func unusedParameterIsReported() throws {
        let queries = try loaded("q:\n  query: count\n  params:\n    who: Acme\n")
        #expect(SavedQueries.problems(in: queries).map(\.description) == [
            "dealq-queries.yml:4:10: error: parameter 'who' of saved query 'q' is not used in its query"
        ])
    }
}

@Suite struct SavedQueryExpansionTests {
    @Test func defaultsAndArguments() throws {
        let q = try loaded()
        #expect(try q[0].expand([:]) == "deals outcome:lost competitor.selected:\"Acme Analytics\" sort:acv")
        #expect(try q[0].expand(["competitor": "Northstar BI"]) == "deals outcome:lost competitor.selected:\"Northstar BI\" sort:acv")
        #expect(try q[0].expand(["competitor": "Spreadsheets"]) == "deals outcome:lost competitor.selected:Spreadsheets sort:acv")
        #expect(try q[1].expand(["competitor": "Acme"]) == "quotes competitor:Acme since:90d")
        #expect(try q[1].expand(["competitor": "Acme", "since": "2025-01-01"]) == "quotes competitor:Acme since:2025-01-01")
        #expect(try q[2].expand(["min": "$100k"]) == "count acv>=$100k")
    }

    @Test func missingParameterIsNamed() throws {
        let q = try loaded()
        #expect(failure { _ = try q[1].expand([:]) }
            == "error: saved query 'brief' needs a value for parameter 'competitor' (run it with competitor=VALUE)")
        #expect(failure { _ = try q[2].expand(["since": "1y"]) }
            == "error: saved query 'big' has no parameter 'since'")
    }

    @Test func unknownParameterSuggestsTheClosest() throws {
        let q = try loaded()
        #expect(failure { _ = try q[0].expand(["competiter": "Acme"]) }
            == "error: saved query 'lost-to' has no parameter 'competiter' (did you mean 'competitor'?)")
        #expect(failure { _ = try q[0].expand(["competitor": "Acme", "zzz": "1"]) }
            == "error: saved query 'lost-to' has no parameter 'zzz'")
    }

    @Test func valuesCannotBreakOut() throws {
        let q = try loaded()
        // Operators, keywords, commas, ranges and negation stay inside one quoted value.
        let hostile = ["Acme or outcome:won", "a,b", "1..5", "-x", "or", "NOT", "by", "x)", "(x", "limit:1", "a b"]
        for value in hostile {
            #expect(try q[0].expand(["competitor": value]) == "deals outcome:lost competitor.selected:\"\(value)\" sort:acv")
        }
        #expect(failure { _ = try q[0].expand(["competitor": "Acme\" or outcome:won \"x"]) }
            == "error: the value of parameter 'competitor' of saved query 'lost-to' cannot contain '\"'")
        #expect(failure { _ = try q[0].expand(["competitor": ""]) }
            == "error: parameter 'competitor' of saved query 'lost-to' cannot be empty")
    }

    @Test func parametersAreFoundOutsideQuotesOnly() {
        #expect(SavedQuery.parameterNames(in: "deals \"$notme\" acv>$100k by $facet, $facet x:$_y2") == ["facet", "_y2"])
        #expect(SavedQuery(name: "q", query: "deals \"$notme\" by $f").parameters == [.init(name: "f")])
    }

    @Test func commandLineArguments() throws {
        #expect(try SavedQuery.arguments(from: ["a=1", "b=Acme Analytics", "$c=x=y", "d="])
            == ["a": "1", "b": "Acme Analytics", "c": "x=y", "d": ""])
        #expect(failure { _ = try SavedQuery.arguments(from: ["acme"]) } == "error: expected a parameter as NAME=VALUE, not 'acme'")
        #expect(failure { _ = try SavedQuery.arguments(from: ["=x"]) } == "error: expected a parameter as NAME=VALUE, not '=x'")
        #expect(failure { _ = try SavedQuery.arguments(from: ["a=1", "a=2"]) } == "error: parameter 'a' is given more than once")
    }

    @Test func unknownQueryName() throws {
        let q = try loaded()
        #expect(failure { _ = try SavedQueries.find("lost_to", in: q) }
            == "error: no saved query 'lost_to' (did you mean 'lost-to'?); 'dealq queries' lists them")
    }
}

@Suite struct SavedQuerySaveTests {
    @Test func appendsAndKeepsCommentsAndLayout() throws {
        let text = try SavedQueries.saving(name: "acme-quotes", query: "quotes competitor:\"Acme Analytics\" since:$since",
                                           description: "What buyers said: about Acme", into: sample + "\n")
        #expect(text == sample + "\n\nacme-quotes:\n  description: 'What buyers said: about Acme'\n"
                + "  query: quotes competitor:\"Acme Analytics\" since:$since\n")
        let saved = try SavedQueries.find("acme-quotes", in: SavedQueries.parse(text))
        #expect(saved.parameters == [.init(name: "since")])
        #expect(saved.line == 15)
    }

    @Test func replacesOnlyThatEntry() throws {
        let text = try SavedQueries.saving(name: "lost-to", query: "count outcome:lost competitor:$competitor by quarter",
                                           into: sample)
        #expect(text == """
            # Saved queries of the test corpus.
            lost-to:
              query: count outcome:lost competitor:$competitor by quarter
              params:
                competitor: Acme Analytics

            # Needs a competitor.
            brief:
              query: quotes competitor:$competitor since:$since
              params:
                since: 90d
            big: count acv>=$min   # short form, no default

            """)
        let again = try SavedQueries.saving(name: "big", query: "count acv>=$min by segment", into: text)
        #expect(again.hasSuffix("    since: 90d\nbig:\n  query: count acv>=$min by segment\n"))
    }

    @Test func createsTheFile() throws {
        let folder = TemporaryFolder()
        let saved = try SavedQueries.save(name: "w", query: "winrate by quarter", corpus: folder.path)
        #expect(saved.query == "winrate by quarter")
        let text = try String(contentsOfFile: folder.path + "/dealq-queries.yml", encoding: .utf8)
        #expect(text == "# Saved queries: dealq run NAME [param=value …]; `$words` in a query are parameters.\n\nw:\n  query: winrate by quarter\n")
        #expect(try SavedQueries.load(corpus: folder.path) == [saved])
    }

    @Test func refusesBrokenQueriesAndNames() {
        #expect(failure { _ = try SavedQueries.saving(name: "x", query: "deals \"open", into: "") }
            == "error: saved query 'x' does not parse: unterminated quote: add a closing '\"'")
        #expect(failure { _ = try SavedQueries.saving(name: "x y", query: "deals", into: "") }
            == "error: 'x y' cannot name a saved query: use letters, digits, '-' and '_', starting with a letter")
        #expect(failure { _ = try SavedQueries.saving(name: "x", query: "deals", into: "a: [") }.hasPrefix("dealq-queries.yml:"))
    }

    @Test func quotesYAMLWhenNeeded() {
        #expect(SavedQueries.yamlScalar("deals outcome:lost") == "deals outcome:lost")
        #expect(SavedQueries.yamlScalar("\"security review\" acv>1") == "'\"security review\" acv>1'")
        #expect(SavedQueries.yamlScalar("deals # not a comment") == "'deals # not a comment'")
        #expect(SavedQueries.yamlScalar("it's: here") == "'it''s: here'")
        #expect(SavedQueries.yamlScalar("null") == "'null'")
    }
}

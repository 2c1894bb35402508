import DealqLanguage
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

/// `dealq run` and `dealq queries` through the built binary.
@Suite(.serialized) struct SavedQueryCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A copy of the bundled corpus (with its saved queries), indexed by the first run.
    static let corpus: String = {
        let folder = NSTemporaryDirectory() + "dealq-saved-" + UUID().uuidString
        try! FileManager.default.copyItem(atPath: repository + "/corpus", toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/.dealq")
        return folder
    }()

    /// Runs a subcommand (or a query when `subcommand` is nil) on a corpus.
    func dealq(_ subcommand: String?, _ args: [String], corpus: String = corpus) throws -> CommandResult {
        let full = (subcommand.map { [$0] } ?? []) + ["--corpus", corpus] + args
        return try runDealq(full, environment: ["DEALQ_TODAY": "2025-12-31"])
    }

    /// The saved query and the same query typed in full give the same answer, in every format.
    func expectSameAnswer(_ run: [String], as query: String, corpus: String = corpus,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for format in ["csv", "json", "table"] {
            let saved = try dealq("run", run + ["--format", format], corpus: corpus)
            let typed = try dealq(nil, ["--format", format, query], corpus: corpus)
            #expect(saved.status == 0, "\(run): \(saved.stderr)", sourceLocation: sourceLocation)
            #expect(saved.stdout == typed.stdout, "\(run) as \(format)", sourceLocation: sourceLocation)
            #expect(saved.stderr == typed.stderr, sourceLocation: sourceLocation)
            #expect(saved.stdout.split(separator: "\n").count > 1, "\(run) answers nothing", sourceLocation: sourceLocation)
        }
    }

    @Test func bundledQueriesAnswerLikeTheQueriesTypedInFull() throws {
        try expectSameAnswer(["topic-quotes"], as: "quotes topic:implementation acv>=100k")
        try expectSameAnswer(["topic-quotes", "topic=pricing", "min_acv=$250k"], as: "quotes topic:pricing acv>=$250k")
        try expectSameAnswer(["competitor-brief", "competitor=Northstar BI"], as: "quotes competitor:\"Northstar BI\" limit:15")
        try expectSameAnswer(["winrate-trend"], as: "winrate by quarter since:2023-01-01")
        try expectSameAnswer(["lost-to", "competitor=Acme Analytics"],
                             as: "deals outcome:lost competitor.selected:\"Acme Analytics\" sort:acv limit:all")
        try expectSameAnswer(["lost-to", "competitor=Northstar BI"],
                             as: "deals outcome:lost competitor.selected:\"Northstar BI\" sort:acv limit:all")
    }

    @Test func extraFiltersAreANDedToTheSavedQuery() throws {
        try expectSameAnswer(["lost-to", "competitor=Acme Analytics", "since:2025-01-01"],
                             as: "deals outcome:lost competitor.selected:\"Acme Analytics\" sort:acv limit:all since:2025-01-01")
        // A NAME=VALUE word whose name is no parameter (nor close to one) is a filter.
        try expectSameAnswer(["winrate-trend", "segment=enterprise"], as: "winrate by quarter since:2023-01-01 segment=enterprise")
        // The shell took the quotes off: they are put back.
        try expectSameAnswer(["winrate-trend", "competitor:Acme Analytics", "security review"],
                             as: "winrate by quarter since:2023-01-01 competitor:\"Acme Analytics\" \"security review\"")
        let grouped = try dealq("run", ["lost-to", "competitor=Acme", "by", "quarter"])
        #expect(grouped.status == 2)
        #expect(grouped.stdout == "")
        #expect(grouped.stderr == "error: what follows a saved query's parameters must be filters: no verb, 'by', sort:, limit: or weight:\n")
        let broken = try dealq("run", ["lost-to", "competitor=Acme", "since:"])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("error: expected a value after 'since:'\n  since:\n  ^^^^^^\n"))
    }

    @Test func extraFiltersJoinAnOrOfTheSavedQueryAsAWhole() throws {
        let text = try ExtraFilters.adding("since:90d", to: "count outcome:won or segment:smb")
        let query = try parseQuery(text)
        #expect(query.filters.count == 2)
        #expect(query.filters.first.map { if case .or = $0 { return true } else { return false } } == true)
        let split = ExtraFilters.split(["k=v", "$k=w", "kk=x", "segment=smb", "since:7d", "word"], parameters: ["k", "kk"])
        #expect(split.arguments == ["k=v", "$k=w", "kk=x"])
        #expect(split.filters == ["segment=smb", "since:7d", "word"])
    }

    @Test func weeklyCronJob() throws {
        // dealq run lost-to competitor="Acme Analytics" --format csv, as cron runs it (stdin and stdout not terminals).
        let r = try dealq("run", ["lost-to", "competitor=Acme Analytics", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "id,account,outcome,acv,closed,competitor,top_driver")
        #expect(lines.count > 5)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",lost,") })
    }

    @Test func queriesListsNamesParametersAndDescriptions() throws {
        let r = try dealq("queries", ["--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            name,parameters,description,query
            topic-quotes,"topic=implementation, min_acv=100k","Buyer words about a topic in big deals, newest first",quotes topic:$topic acv>=$min_acv
            competitor-brief,"competitor, limit=15",The newest buyer quotes from deals against a competitor,quotes competitor:$competitor limit:$limit
            winrate-trend,since=2023-01-01,"Win rate by quarter, with the baseline and 95% intervals",winrate by quarter since:$since
            lost-to,competitor=Acme Analytics,"Deals we lost to a competitor, biggest first",deals outcome:lost competitor.selected:$competitor sort:acv limit:all

            """)
    }

    @Test func parameterErrorsExitTwo() throws {
        let missing = try dealq("run", ["competitor-brief"])
        #expect(missing.status == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr
            == "error: saved query 'competitor-brief' needs a value for parameter 'competitor' (run it with competitor=VALUE)\n")
        let unknown = try dealq("run", ["lost-to", "competiter=Acme"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: saved query 'lost-to' has no parameter 'competiter' (did you mean 'competitor'?)\n")
        // A word that is no parameter is an extra filter: here, a text term.
        let word = try dealq("run", ["lost-to", "Acme", "--format", "csv"])
        #expect(word.status == 0)
        #expect(word.stdout.hasPrefix("id,account,outcome,acv,closed,competitor,top_driver,snippet\n"))
        let name = try dealq("run", ["lost_to"])
        #expect(name.status == 2)
        #expect(name.stderr == "error: no saved query 'lost_to' (did you mean 'lost-to'?); 'dealq queries' lists them\n")
        // A value that does not fit the catalog is the query's own error, shown in the expanded query.
        let value = try dealq("run", ["topic-quotes", "min_acv=lots"])
        #expect(value.status == 2)
        #expect(value.stderr.hasPrefix("error: "))
        #expect(value.stderr.contains("  quotes topic:implementation acv>=lots\n"))
    }

    @Test func brokenFileIsReportedWithNameAndLine() throws {
        let folder = TemporaryFolder()
        folder.write("a.md", dealText(id: "D-1"))
        folder.write("dealq-queries.yml", """
            # Team queries
            wins: count outcome:won
            broken:
              query: count by (topic
            """)
        let run = try dealq("run", ["broken"], corpus: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "dealq-queries.yml:4:16: error: saved query 'broken' does not parse: expected a facet name after 'by'\n")
        // The others still run; the listing names the broken one and exits 1.
        let wins = try dealq("run", ["wins", "--format", "csv"], corpus: folder.path)
        #expect(wins.status == 0)
        #expect(wins.stdout == "deals\n1\n")
        let list = try dealq("queries", ["--format", "csv"], corpus: folder.path)
        #expect(list.status == 1)
        #expect(list.stdout == "name,parameters,description,query\nwins,,,count outcome:won\nbroken,,,count by (topic\n")
        #expect(list.stderr == run.stderr)

        folder.write("dealq-queries.yml", "wins: count\n  bad indent: x\n")
        let invalid = try dealq("run", ["wins"], corpus: folder.path)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.hasPrefix("dealq-queries.yml:2:"))
    }

    @Test func saveThenRunGivesTheAnswerOfTheQueryTypedInFull() throws {
        let folder = NSTemporaryDirectory() + "dealq-save-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.corpus, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let query = "winrate by topic competitor:$competitor acv>$min"
        let saved = try SavedQueries.save(name: "topics-against", query: query, description: "Win rate by topic against a competitor",
                                          corpus: folder)
        #expect(saved.parameters.map(\.name) == ["competitor", "min"])
        try expectSameAnswer(["topics-against", "competitor=Pivotal Metrics", "min=50k"],
                             as: "winrate by topic competitor:\"Pivotal Metrics\" acv>50k", corpus: folder)
        // A query without parameters, saved over an existing name.
        try SavedQueries.save(name: "topics-against", query: "quotes \"security review\" -outcome:won", corpus: folder)
        try expectSameAnswer(["topics-against"], as: "quotes \"security review\" -outcome:won", corpus: folder)
        // The bundled queries and their comments are still there.
        let text = try String(contentsOfFile: folder + "/dealq-queries.yml", encoding: .utf8)
        let bundled = try String(contentsOfFile: Self.corpus + "/dealq-queries.yml", encoding: .utf8)
        #expect(text.hasPrefix(bundled))
    }
}

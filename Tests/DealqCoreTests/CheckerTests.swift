import DealqLanguage
import Testing
@testable import DealqCore

/// Checker errors: message and position (rendered with the caret), all errors at once.
@Suite struct CheckerTests {
    let checker = Checker(catalog: Catalog(customFields: [("deal_type", .text), ("discount_pct", .number), ("kickoff", .date)]),
                          aliases: ["acme": "Acme Analytics"], today: CalendarDate("2025-06-30")!)

    func errors(_ text: String) -> String {
        do {
            _ = try checker.check(try parseQuery(text))
            return "ok"
        } catch let e as CheckErrors {
            return e.diagnostics.map { $0.render(in: text) }.joined(separator: "\n")
        } catch {
            return "syntax: \(error)"
        }
    }

    @Test func unknownFacet() {
        #expect(errors("winrate by competiter") == """
            error: unknown facet 'competiter' (did you mean 'competitor'?)
              winrate by competiter
                         ^^^^^^^^^^
            """)
        #expect(errors("segmnt:smb") == """
            error: unknown facet 'segmnt' (did you mean 'segment'?)
              segmnt:smb
              ^^^^^^
            """)
        #expect(errors("has:zzz") == """
            error: unknown facet 'zzz'
              has:zzz
                  ^^^
            """)
    }

    @Test func wrongValueKinds() {
        #expect(errors("acv:abc") == """
            error: 'abc' is not a number: acv takes numbers like 120000, $120K or 1.2M
              acv:abc
                  ^^^
            """)
        #expect(errors("count closed>soon") == """
            error: 'soon' is not a date: closed takes a day (2025-03-14), month (2025-03), quarter (2025-Q3), year (2025) or span (90d, 12w, 6m, 1y)
              count closed>soon
                           ^^^^
            """)
        #expect(errors("since:yesterday").hasPrefix("error: 'yesterday' is not a date: since takes"))
        #expect(errors("discount_pct:lots").hasPrefix("error: 'lots' is not a number: discount_pct takes"))
        #expect(errors("segment>smb") == """
            error: '>' needs a number or date facet; 'segment' is text
              segment>smb
              ^^^^^^^^^^^
            """)
    }

    @Test func badRanges() {
        #expect(errors("acv:500k..100k") == """
            error: empty range: 500k is more than 100k
              acv:500k..100k
              ^^^^^^^^^^^^^^
            """)
        #expect(errors("closed:2025-06..2025-01") == """
            error: empty range: 2025-06 is after 2025-01
              closed:2025-06..2025-01
              ^^^^^^^^^^^^^^^^^^^^^^^
            """)
        #expect(errors("topic:a..b") == """
            error: 'topic' is a list: ranges need a number or date facet
              topic:a..b
              ^^^^^^^^^^
            """)
    }

    @Test func optionsAndGrouping() {
        #expect(errors("quotes sort:speed") == """
            error: cannot sort quotes by 'speed': its columns are quote, speaker, source, date, section, deal, account, outcome, acv
              quotes sort:speed
                          ^^^^^
            """)
        #expect(errors("count sort:deels") == """
            error: cannot sort count by 'deels': its columns are deals (did you mean 'deals'?)
              count sort:deels
                         ^^^^^
            """)
        #expect(errors("deals limit:0") == """
            error: limit takes a whole number of rows (1 or more) or 'all', not '0'
              deals limit:0
                          ^
            """)
        #expect(errors("count by acv") == """
            error: cannot group by 'acv', a number; group by month, quarter or year, or filter with a range
              count by acv
                       ^^^
            """)
        #expect(errors("count by segment, region, rep") == """
            error: 'by' takes at most two facets
              count by segment, region, rep
                                        ^^^
            """)
        #expect(errors("quotes by segment").hasPrefix("error: 'by' works with count, winrate and drivers, not with quotes"))
        #expect(errors("winrate by kickoff") == "ok")
        #expect(errors("winrate by month sort:winrate") == "ok")
    }

    @Test func weightOption() {
        #expect(errors("winrate weight:acv") == "ok")
        #expect(errors("drivers weight:ACV by quarter") == "ok")
        #expect(errors("winrate weight:deals") == """
            error: weight takes 'acv' (win rates and drivers weighed by ACV), not 'deals'
              winrate weight:deals
                             ^^^^^
            """)
        #expect(errors("count weight:acv") == """
            error: 'weight:acv' works with winrate and drivers, not with count
              count weight:acv
                    ^^^^^^^^^^
            """)
    }

    @Test func everyErrorIsReported() {
        #expect(errors("count segmnt:x acv:abc by rgion") == """
            error: unknown facet 'segmnt' (did you mean 'segment'?)
              count segmnt:x acv:abc by rgion
                    ^^^^^^
            error: 'abc' is not a number: acv takes numbers like 120000, $120K or 1.2M
              count segmnt:x acv:abc by rgion
                                 ^^^
            error: unknown facet 'rgion' (did you mean 'region'?)
              count segmnt:x acv:abc by rgion
                                        ^^^^^
            """)
    }

    @Test func quotesCannotMixDealAndQuoteFilters() {
        #expect(errors("quotes pricing or segment:smb") == """
            error: text terms and topic: select quotes while other filters select deals: they cannot be mixed inside one 'or' or under one negation
              quotes pricing or segment:smb
                     ^^^^^^^^^^^^^^^^^^^^^^
            """)
        #expect(errors("quotes -(topic:pricing segment:smb)").hasPrefix("error: text terms and topic: select quotes"))
        #expect(errors("quotes pricing or topic:security segment:smb") == "ok")
    }

    @Test func valuesBecomeKeysAndBoundValues() throws {
        let r = try checker.check(try parseQuery("count competitor:Acme outcome:Closed-Lost acv>1.2M closed:2025-Q3 \"POL-358\""))
        #expect(r.query.filter == .and([
            .facet(checker.catalog.facet("competitor")!, .anyOf([.text("acme analytics")])),
            .facet(checker.catalog.facet("outcome")!, .anyOf([.text("lost")])),
            .facet(checker.catalog.facet("acv")!, .compare(">", .number(1_200_000))),
            .facet(checker.catalog.facet("closed")!, .between(.text("2025-07-01"), .text("2025-09-30"))),
            .text("\"pol 358\""),
        ]))
    }
}

/// Hostile text never reaches SQL or FTS5 syntax: every query runs or fails cleanly.
@Suite struct HostileQueryTests {
    @Test func hostileTextIsBoundNeverPasted() throws {
        let folder = TemporaryFolder()
        folder.write("a.md", dealText(body: "Ticket POL-358 was about a 'quoted' word and NEAR misses.\n"))
        let db = folder.path + "/index.sqlite"
        _ = try Indexer(corpus: folder.path, database: db).run()
        let engine = try QueryEngine(database: db)
        let today = CalendarDate("2025-06-30")!
        func count(_ q: String) throws -> Int {
            guard case .integer(let n) = try engine.answer("count " + q, today: today, defaultLimit: nil).table.rows[0][0] else { return -1 }
            return n
        }
        #expect(try count("POL-358") == 1)
        #expect(try count("\"'; DROP TABLE deals; --\"") == 0)
        #expect(try count("NEAR(misses word)") == 1)
        #expect(try count("\"AND OR NOT\"") == 0)
        #expect(try count("quot*") == 1)
        #expect(try count("account:\"x' OR 1=1 --\"") == 0)
        #expect(try count("a*b") >= 0)
        // As many text terms side by side as a query may hold (QueryLimits.joined).
        #expect(try count(String(repeating: "zebra ", count: 200)) == 0)
        #expect(try count("café \"über\" 日本") == 0)
        #expect(try count("outcome:won") == 1)
    }
}

/// Checker errors are data: a case per error with the range it is about.
@Suite struct CheckErrorDataTests {
    let checker = Checker(catalog: Catalog(), aliases: [:], today: CalendarDate("2025-06-30")!)

    func problems(_ text: String) throws -> [CheckProblem] {
        do {
            _ = try checker.check(try parseQuery(text))
            return []
        } catch let e as CheckErrors {
            return e.problems
        }
    }

    @Test func eachErrorIsACaseWithItsRange() throws {
        let found = try problems("deals by segment acv:200k..100k limit:x")
        // Filters are checked first, then the groups, then the options.
        #expect(found.map(\.error) == [
            .emptyNumberRange(lower: "200k", upper: "100k"),
            .groupingNotTaken(verb: .deals),
            .badLimit(text: "x"),
        ])
        let limit = try #require(found.first { $0.error == .badLimit(text: "x") })
        #expect(limit.range == SourceRange(38, 39))  // the `x`
        #expect(limit.diagnostic.message == "limit takes a whole number of rows (1 or more) or 'all', not 'x'")
    }

    @Test func unknownNamesCarryTheirSuggestion() throws {
        let found = try problems("count by segmnt sort:deal")
        #expect(found.map(\.error) == [.unknownFacet("segmnt"), .unknownSortColumn(verb: .count, text: "deal", columns: ["deals"])])
        #expect(found.map(\.suggestion) == ["segment", "deals"])
    }
}

import DealqLanguage
import DealqRender
import Foundation
import Testing
@testable import DealqCore

/// `drivers … by driver` groups the drivers by their own text, and no grouping
/// gives an answer with two columns of one name.
///
/// The `driver-texts` fixture, worked by hand:
///
/// | deal | outcome | closed | drivers (category, text, weight) |
/// |---|---|---|---|
/// | D-1 | lost | 2025-03-14 | pricing "Price too high" 0.6; product "No SSO" 0.4 |
/// | D-2 | lost | 2025-05-01 | pricing "price too high" 0.5; competitive "Acme was cheaper" 0.3; timing (no text) 0.2 |
/// | D-3 | won | 2025-06-01 | product "Price too high" 1 |
@Suite struct DriversByDriverTests {
    let corpus: TemporaryFolder

    init() throws {
        corpus = try fixtureCopy("driver-texts")
        _ = try Indexer(corpus: corpus.path, database: corpus.path + "/.dealq/index.sqlite").run()
    }

    func rows(_ query: String) throws -> (columns: [String], rows: [[String]]) {
        let engine = try QueryEngine(database: corpus.path + "/.dealq/index.sqlite")
        let table = try engine.answer(query, today: CalendarDate("2025-06-30")!, defaultLimit: nil).table
        return (table.columns.map(\.name), VerbFixture.text(table))
    }

    @Test func lostDealsByDriverKeepEachWeightUnderItsOwnText() throws {
        // "Price too high" is named by D-1 (0.6) and D-2 (0.5, spelled in lower case): 1.1 over 2 deals.
        // D-1's product weight stays under "No SSO", D-2's competitive weight under "Acme was cheaper".
        let answer = try rows("drivers outcome:lost by driver")
        #expect(answer.columns == ["driver", "category", "weight", "share", "deals"])
        #expect(answer.rows == [
            ["Price too high", "pricing", "1.1000", "1.0000", "2"],
            ["Acme was cheaper", "competitive", "0.3000", "1.0000", "1"],
            ["No SSO", "product", "0.4000", "1.0000", "1"],
            ["(none)", "timing", "0.2000", "1.0000", "1"],
        ])
    }

    @Test func oneTextUnderTwoCategoriesIsOneRowPerCategoryWithinItsGroup() throws {
        // D-3 files "Price too high" under product: the group has 3 deals and two rows, shares within the group.
        let answer = try rows("drivers by driver")
        #expect(answer.rows == [
            ["Price too high", "pricing", "1.1000", "0.5238", "2"],
            ["Price too high", "product", "1.0000", "0.4762", "1"],
            ["Acme was cheaper", "competitive", "0.3000", "1.0000", "1"],
            ["No SSO", "product", "0.4000", "1.0000", "1"],
            ["(none)", "timing", "0.2000", "1.0000", "1"],
        ])
    }

    /// The group is the pair of values: shares are within (quarter, driver).
    @Test func driverWithATimeFacetEitherWay() throws {
        let quarterFirst = try rows("drivers by quarter, driver")
        #expect(quarterFirst.columns == ["quarter", "driver", "category", "weight", "share", "deals"])
        #expect(quarterFirst.rows == [
            ["2025-Q1", "No SSO", "product", "0.4000", "1.0000", "1"],
            ["2025-Q1", "Price too high", "pricing", "0.6000", "1.0000", "1"],
            ["2025-Q2", "Price too high", "product", "1.0000", "0.6667", "1"],
            ["2025-Q2", "Price too high", "pricing", "0.5000", "0.3333", "1"],
            ["2025-Q2", "Acme was cheaper", "competitive", "0.3000", "1.0000", "1"],
            ["2025-Q2", "(none)", "timing", "0.2000", "1.0000", "1"],
        ])
        let driverFirst = try rows("drivers outcome:lost by driver, quarter")
        #expect(driverFirst.rows == [
            ["Price too high", "2025-Q1", "pricing", "0.6000", "1.0000", "1"],
            ["Price too high", "2025-Q2", "pricing", "0.5000", "1.0000", "1"],
            ["Acme was cheaper", "2025-Q2", "competitive", "0.3000", "1.0000", "1"],
            ["No SSO", "2025-Q1", "product", "0.4000", "1.0000", "1"],
            ["(none)", "2025-Q2", "timing", "0.2000", "1.0000", "1"],
        ])
    }

    @Test func byCategoryIsAnErrorUnderCategory() throws {
        let result = try runDealq(["--corpus", corpus.path, "drivers outcome:lost by category"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            error: drivers already gives one row per category: group by another facet ('by driver' groups the drivers)
              drivers outcome:lost by category
                                      ^^^^^^^^

            """)
    }

    @Test func noGroupingTheCheckerTakesNamesTwoColumnsAlike() throws {
        // A custom field named like a column of some verb.
        let catalog = Catalog(customFields: [("deals", .text), ("share", .text), ("won", .text), ("weight", .text), ("note", .text)])
        var accepted = 0
        for verb in Verb.allCases {
            for facet in catalog.names {
                for weight in ["", " weight:acv"] {
                    let text = "\(verb.rawValue) by \(facet)\(weight)"
                    guard let checked = try? Checker(catalog: catalog, today: CalendarDate("2025-06-30")!).check(try parseQuery(text)) else {
                        continue
                    }
                    accepted += 1
                    let columns = Verbs.answer(checked.query).columns(groups: checked.query.groupBy.map(\.name), hasText: false).map(\.name)
                    #expect(Set(columns).count == columns.count, "\(text): \(columns)")
                }
            }
        }
        #expect(accepted > 50)
        let custom = try? Checker(catalog: catalog, today: CalendarDate("2025-06-30")!).check(try parseQuery("count by deals"))
        #expect(custom == nil)
    }
}

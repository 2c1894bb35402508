import Foundation
import Testing

@testable import DealqLanguage

/// Every query under grammar/examples parses and round-trips through the printer.
@Suite struct ExampleFileTests {
    @Test func examplesExist() {
        #expect(exampleQueries().count > 150)
    }

    @Test(arguments: exampleQueries())
    func parsesAndRoundTrips(_ example: ExampleQuery) throws {
        let query = try parseQuery(example.text)
        let printed = Printer.print(query)
        let reparsed = try parseQuery(printed)
        #expect(reparsed.strippingRanges() == query.strippingRanges(), "printed as: \(printed)")
        // The canonical text is a fixed point.
        #expect(Printer.print(reparsed) == printed)
        // Every range lies within the text.
        #expect(query.range == SourceRange(0, example.text.utf8.count))
        for filter in query.filters {
            #expect(filter.range.lowerBound >= 0 && filter.range.upperBound <= example.text.utf8.count)
        }
    }
}

/// Every file under grammar/invalid fails with exactly the error written in it.
///
/// Set DEALQ_RECORD=1 to rewrite the expected errors from the parser
/// (then review the diff).
@Suite struct InvalidFileTests {
    @Test func invalidFilesExist() {
        #expect(invalidQueries().count > 40)
    }

    @Test(arguments: invalidQueries())
    func failsWithItsError(_ invalid: InvalidQuery) throws {
        guard let actual = renderedError(invalid.text) else {
            Issue.record("\(invalid.text) should fail but parses")
            return
        }
        if ProcessInfo.processInfo.environment["DEALQ_RECORD"] == "1" {
            try (invalid.text + "\n" + actual + "\n").write(toFile: invalid.path, atomically: true, encoding: .utf8)
            // A recorded file proves nothing: the run fails until it is reviewed and run again without DEALQ_RECORD.
            Issue.record("recorded \(invalid.path); review it and run the tests again without DEALQ_RECORD")
            return
        }
        #expect(actual == invalid.expected)
    }
}

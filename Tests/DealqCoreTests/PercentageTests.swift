import Foundation
import GRDB
import Testing
@testable import DealqCore

/// Number fields written as percentages (`60%`, `"12.5 %"`): the number ÷ 100.
@Suite struct PercentageTests {
    @Test(arguments: [
        ("70%", 0.7), ("'70%'", 0.7), ("\"12.5 %\"", 0.125), (" 0% ", 0.0), ("100%", 1.0), ("'0.5'", 0.5), ("0.25", 0.25),
    ])
    func confidenceForms(raw: String, expected: Double) throws {
        let parsed = try #require(deal(dealText("confidence: \(raw)")))
        let value = try #require(parsed.confidence)
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func driverPercentagesSummingToOneAreTakenAsGivenWithoutWarning() throws {
        let text = dealText("""
            drivers:
              - category: pricing
                weight: 60%
              - category: product
                weight: "30 %"
              - category: relationship
                weight: '10%'
            """)
        let d = try #require(deal(text))
        let weights = d.drivers.map(\.weight)
        #expect(weights.count == 3)
        for (w, expected) in zip(weights, [0.6, 0.3, 0.1]) { #expect(abs(w - expected) < 1e-12) }
        #expect(warnings(text).isEmpty)
    }

    @Test func percentagesNotSummingToOneAreScaledWithTheUsualWarning() throws {
        let text = dealText("drivers:\n  - category: pricing\n    weight: 30%\n  - category: product\n    weight: 30%")
        #expect(warnings(text) == ["6:3: driver weights sum to 0.6; scaled to sum to 1"])
        #expect(try #require(deal(text)).drivers.map(\.weight) == [0.5, 0.5])
    }

    @Test func rejections() {
        #expect(rejection(dealText("confidence: 150%")) == "5:13: 'confidence' must be between 0 and 1, not '150%'")
        #expect(rejection(dealText("confidence: -5%")) == "5:13: 'confidence' must be between 0 and 1, not '-5%'")
        #expect(rejection(dealText("confidence: abc%"))
                == "5:13: 'confidence' must be a number between 0 and 1, not 'abc%' (a percentage is a number followed by %, as in 60%)")
        #expect(rejection(dealText("confidence: '%'"))
                == "5:13: 'confidence' must be a number between 0 and 1, not '%' (a percentage is a number followed by %, as in 60%)")
        #expect(rejection(dealText("confidence: 5%%"))
                == "5:13: 'confidence' must be a number between 0 and 1, not '5%%' (a percentage is a number followed by %, as in 60%)")
        #expect(rejection(dealText("drivers:\n  - category: pricing\n    weight: -5%")) == "7:13: 'weight' must be a number ≥ 0, not '-5%'")
        #expect(rejection(dealText("drivers:\n  - category: pricing\n    weight: abc%"))
                == "7:13: 'weight' must be a number ≥ 0, not 'abc%' (a percentage is a number followed by %, as in 60%)")
        #expect(rejection(dealText("drivers:\n  - category: pricing\n    weight: '%'"))
                == "7:13: 'weight' must be a number ≥ 0, not '%' (a percentage is a number followed by %, as in 60%)")
    }

    @Test func percentagesAreIndexedAsFractions() throws {
        let folder = TemporaryFolder()
        folder.write("a.md", dealText("""
            confidence: 70%
            drivers:
              - category: pricing
                weight: 60%
              - category: product
                weight: 30%
              - category: relationship
                weight: 10%
            """))
        let r = try runDealq(["index", folder.path])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let queue = try DatabaseQueue(path: folder.path + "/.dealq/index.sqlite", configuration: IndexStore.readOnlyConfiguration())
        defer { try? queue.close() }
        let (confidence, weights) = try queue.read { db in
            (try Double.fetchOne(db, sql: "SELECT confidence FROM deals"),
             try Double.fetchAll(db, sql: "SELECT weight FROM drivers ORDER BY ord"))
        }
        #expect(confidence.map { abs($0 - 0.7) < 1e-12 } == true)
        #expect(weights.count == 3)
        for (w, expected) in zip(weights, [0.6, 0.3, 0.1]) { #expect(abs(w - expected) < 1e-12) }
    }
}

import GRDB
import Testing
@testable import DealqCore

/// `dealq_sum`, the sum of `drivers`' weights: correctly rounded, so the same
/// whatever order SQLite hands the rows over in.
@Suite struct ExactSumTests {
    static func sum(_ values: [Double]) -> Double {
        var s = ExactSum()
        for v in values { s.add(v) }
        return s.value
    }

    /// The exact sum, rounded once: every double in [2^-8, 2) is a whole number of 2^-60,
    /// so their sum is exact as an `Int128` of those units.
    static func reference(_ values: [Double]) -> Double {
        let units = values.reduce(Int128(0)) { $0 + Int128($1 * 0x1p60) }
        return Double(units) * 0x1p-60
    }

    @Test func knownSums() {
        #expect(Self.sum(Array(repeating: 0.1, count: 10)) == 1.0)
        #expect(Array(repeating: 0.1, count: 10).reduce(0, +) != 1.0)
        #expect(Self.sum([1e100, 1.0, -1e100, 1e-100]) == 1.0)
        #expect(Self.sum([1.0 / 3]) == 1.0 / 3)
        #expect(Self.sum([]) == 0)
        #expect(Self.sum([0.35, 0.35, 0.35, 4.95 - 1.05]) == 4.95)
    }

    @Test func everyOrderGivesTheRoundedExactSum() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let values = (0..<Int.random(in: 1...40, using: &rng)).map { _ in
                [1.0 / 3, 0.35, 0.1, 0.2, 0.15, 2.0 / 3][Int.random(in: 0..<6, using: &rng)] + Double.random(in: 0.004...1, using: &rng)
                    * (Bool.random(using: &rng) ? 1 : 0)
            }
            let expected = Self.reference(values)
            #expect(Self.sum(values) == expected)
            #expect(Self.sum(values.shuffled(using: &rng)) == expected)
            #expect(Self.sum(values.reversed()) == expected)
        }
    }

    @Test func inSQLNullsAreSkippedAndNoRowsIsNull() throws {
        let db = try DatabaseQueue()
        try db.write { db in
            ExactSum.register(db)
            try db.execute(sql: "CREATE TABLE w (g, x)")
            for (g, x) in [(1, 0.1), (1, 0.2), (1, nil), (2, nil)] as [(Int, Double?)] {
                try db.execute(sql: "INSERT INTO w VALUES (?, ?)", arguments: [g, x])
            }
            #expect(try Double.fetchOne(db, sql: "SELECT dealq_sum(x) FROM w WHERE g = 1") == 0.30000000000000004)
            #expect(try Double.fetchOne(db, sql: "SELECT dealq_sum(x) FROM w WHERE g = 2") == nil)
            #expect(try Double.fetchOne(db, sql: "SELECT dealq_sum(x) FROM w WHERE g = 3") == nil)
            // Per group, and the same as the Swift sum on many rows in two orders.
            #expect(try Row.fetchAll(db, sql: "SELECT g, dealq_sum(x) FROM w GROUP BY g").map { [$0[0], $0[1]] as [Double?] }
                    == [[1, 0.30000000000000004], [2, nil]])
            var rng = SystemRandomNumberGenerator()
            let values = (0..<3_000).map { _ in [1.0 / 3, 0.35, 0.1, 2.0 / 3, 1e-9, 12345.678][Int.random(in: 0..<6, using: &rng)] }
            try db.execute(sql: "CREATE TABLE v (x)")
            for v in values { try db.execute(sql: "INSERT INTO v VALUES (?)", arguments: [v]) }
            let expected = Self.sum(values)
            #expect(try Double.fetchOne(db, sql: "SELECT dealq_sum(x) FROM (SELECT x FROM v ORDER BY x)") == expected)
            #expect(try Double.fetchOne(db, sql: "SELECT dealq_sum(x) FROM (SELECT x FROM v ORDER BY x DESC)") == expected)
            #expect(try Double.fetchOne(db, sql: "SELECT dealq_sum(x) FROM v") == expected)
            // Numbers far apart in size keep many partials; the sum stays exact.
            try db.execute(sql: "CREATE TABLE f (x)")
            let spread = (0..<200).map { i in Double(sign: i % 2 == 0 ? .plus : .minus, exponent: (i * 37) % 1900 - 950, significand: 1.5) }
            for v in spread { try db.execute(sql: "INSERT INTO f VALUES (?)", arguments: [v]) }
            #expect(try Double.fetchOne(db, sql: "SELECT dealq_sum(x) FROM f") == Self.sum(spread))
        }
    }
}

import Testing
@testable import DealqRender

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (0.0, "$0"), (0.4, "$0"), (950, "$950"), (999.4, "$999"), (999.5, "$1K"),
        (1000, "$1K"), (1049, "$1K"), (1050, "$1.1K"), (4999, "$5K"), (12_500, "$12.5K"),
        (48_500, "$48.5K"), (99_949, "$99.9K"), (99_960, "$100K"), (120_000, "$120K"),
        (125_400, "$125K"), (999_499, "$999K"), (999_500, "$1M"), (1_234_567, "$1.2M"),
        (2_000_000, "$2M"), (12_500_000, "$12.5M"), (340_000_000, "$340M"), (4_200_000_000, "$4.2B"),
        (-5000, "-$5K"), (-0.3, "$0"), (.nan, "—"), (.infinity, "—"),
    ] as [(Double, String)])
    func money(value: Double, expected: String) {
        #expect(formatMoney(value) == expected)
    }

    @Test func moneyFromInt() {
        #expect(formatMoney(120_000) == "$120K")
    }

    @Test(arguments: [
        (0.0, "0.0%"), (1.0, "100.0%"), (0.4213, "42.1%"), (0.42139384116693676, "42.1%"),
        (0.0005, "0.1%"), (0.00049, "0.0%"), (-0.0004, "0.0%"), (-0.25, "-25.0%"), (12.5, "1,250.0%"),
        (.nan, "—"),
    ] as [(Double, String)])
    func percent(fraction: Double, expected: String) {
        #expect(formatPercent(fraction) == expected)
    }

    @Test func percentOptions() {
        #expect(formatPercent(0.4213, decimals: 0) == "42%")
        #expect(formatPercent(0.4213, decimals: 2) == "42.13%")
        #expect(formatPercent(0.052, signed: true) == "+5.2%")
        #expect(formatPercent(-0.052, signed: true) == "-5.2%")
        #expect(formatPercent(0, signed: true) == "0.0%")
    }

    @Test(arguments: [
        (0.052, "+5.2 pts"), (-0.11007, "-11.0 pts"), (0.0, "0.0 pts"), (-0.0001, "0.0 pts"),
    ] as [(Double, String)])
    func points(difference: Double, expected: String) {
        #expect(formatPoints(difference) == expected)
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (1234, "1,234"), (123_456, "123,456"),
        (1_234_567, "1,234,567"), (-1234, "-1,234"), (Int.min, "-9,223,372,036,854,775,808"),
    ] as [(Int, String)])
    func thousands(value: Int, expected: String) {
        #expect(formatThousands(value) == expected)
    }

    @Test(arguments: [
        (3.0, "3"), (3.5, "3.5"), (0.125, "0.13"), (1234.5, "1,234.5"), (-0.004, "0"), (-2.25, "-2.25"),
        (1e20, "1e20"),
    ] as [(Double, String)])
    func decimal(value: Double, expected: String) {
        #expect(formatDecimal(value) == expected)
    }

    @Test(arguments: [
        (120_000, "120000"), (0.1 + 0.2, "0.30000000000000004"), (1e-7, "1e-7"), (0.0001, "0.0001"),
        (-0.0, "0"), (42.125, "42.125"), (1e22, "1e22"), (1.5e16, "1.5e16"), (-3.0, "-3"),
        (123456789012345680000.0, "1.2345678901234568e20"), (Double.leastNonzeroMagnitude, "5e-324"),
    ] as [(Double, String)])
    func plainNumber(value: Double, expected: String) {
        #expect(formatPlainNumber(value) == expected)
        #expect(Double(expected) == value)
    }

    @Test func plainNumberOfNonFiniteIsNil() {
        #expect(formatPlainNumber(.nan) == nil)
        #expect(formatPlainNumber(.infinity) == nil)
        #expect(formatPlainNumber(-.infinity) == nil)
    }
}

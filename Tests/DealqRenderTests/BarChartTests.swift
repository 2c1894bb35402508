import Testing
@testable import DealqRender

@Suite struct BarChartTests {
    @Test func winrateByQuarterAt80() {
        #expect(render(Samples.winrateByQuarter, as: .table, options: RenderOptions(width: 80)) == """
            quarter  deals  won  lost  winrate       lift      95% CI
            ───────  ─────  ───  ────  ───────  ─────────  ──────────  ─────────────────────
            (all)      400  170   230    42.5%    0.0 pts  37.7–47.4%  ████████▉
            2024-Q1     48   16    32    33.3%   -9.2 pts  21.7–47.5%  ███████
            2024-Q2     52   20    32    38.5%   -4.0 pts  26.5–52.0%  ████████▏
            2024-Q3     50   21    29    42.0%   -0.5 pts  29.4–55.8%  ████████▉
            2024-Q4     61   27    34    44.3%   +1.8 pts  32.5–56.7%  █████████▎
            2025-Q1     55   25    30    45.5%   +3.0 pts  33.0–58.5%  █████████▌
            2025-Q2     47   23    24    48.9%   +6.4 pts  35.3–62.8%  ██████████▎
            2025-Q3     45   24    21    53.3%  +10.8 pts  39.1–67.1%  ███████████▎
            2025-Q4     42   14    28    33.3%   -9.2 pts  21.0–48.4%  ███████

            """)
    }

    @Test func narrowTerminalKeepsTheBarAndHidesOtherColumns() {
        #expect(render(Samples.winrateByQuarter, as: .table, options: RenderOptions(width: 40)) == """
            quarter  deals  won  winrate
            ───────  ─────  ───  ───────  ──────────
            (all)      400  170    42.5%  ████▎
            2024-Q1     48   16    33.3%  ███▍
            2024-Q2     52   20    38.5%  ███▉
            2024-Q3     50   21    42.0%  ████▎
            2024-Q4     61   27    44.3%  ████▍
            2025-Q1     55   25    45.5%  ████▌
            2025-Q2     47   23    48.9%  ████▉
            2025-Q3     45   24    53.3%  █████▍
            2025-Q4     42   14    33.3%  ███▍
            hidden to fit: lost, lift, 95% CI

            """)
    }

    @Test func barIsAtMost40Wide() {
        let text = render(Samples.winrateByQuarter, as: .table, options: RenderOptions(width: 200))
        let rule = try! #require(text.split(separator: "\n").dropFirst().first)
        #expect(rule.hasSuffix("  " + String(repeating: "─", count: 40)))
        #expect(text.contains("2025-Q3     45   24    21    53.3%  +10.8 pts  39.1–67.1%  █████████████████████▍\n"))
    }

    @Test func countsScaleToTheLargestAndSkipTheBaseline() {
        let sample = Table(
            columns: [Column("month", .text), Column("deals", .integer)],
            rows: [[.text("(all)"), .integer(30)], [.text("2025-01"), .integer(16)], [.text("2025-02"), .integer(4)],
                   [.text("2025-03"), .integer(10)], [.text("2025-04"), .integer(0)], [.text("2025-05"), .null]],
            timeColumn: 0, barColumn: 1)
        #expect(render(sample, as: .table, options: RenderOptions(width: 30)) == """
            month    deals
            ───────  ─────  ──────────────
            (all)       30
            2025-01     16  ██████████████
            2025-02      4  ███▌
            2025-03     10  ████████▊
            2025-04      0
            2025-05      —

            """)
    }

    @Test func noBarsWithoutBothColumnsOrForText() {
        var sample = Samples.winrateByQuarter
        sample.barColumn = nil
        #expect(!render(sample, as: .table, options: RenderOptions(width: 120)).contains("█"))
        sample.barColumn = 0
        #expect(!render(sample, as: .table, options: RenderOptions(width: 120)).contains("█"))
        sample.barColumn = 99
        #expect(!render(sample, as: .table, options: RenderOptions(width: 120)).contains("█"))
    }

    @Test(arguments: [
        (0.0, 10, ""), (1.0, 10, "██████████"), (0.5, 10, "█████"), (0.0125, 10, "▏"), (0.006, 10, ""),
        (0.55, 4, "██▎"), (0.99, 1, "█"), (0.51, 3, "█▌"),
    ] as [(Double, Int, String)])
    func eighths(fraction: Double, width: Int, expected: String) {
        #expect(BarChart.bar(fraction, width: width) == expected)
    }

    @Test func absentFractionDrawsNothing() {
        #expect(BarChart.bar(nil, width: 10) == "")
    }

    @Test func otherFormatsDrawNoBars() {
        #expect(!render(Samples.winrateByQuarter, as: .markdown).contains("█"))
        #expect(!render(Samples.winrateByQuarter, as: .csv).contains("█"))
    }
}

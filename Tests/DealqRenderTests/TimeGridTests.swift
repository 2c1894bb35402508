import Testing
@testable import DealqRender

/// Two groups with time first are drawn as a grid in table output.
@Suite struct TimeGridTests {
    func table() -> Table {
        var t = Table(columns: [Column("quarter", .text), Column("segment", .text), Column("deals", .integer), Column("winrate", .rate)])
        t.rows = [
            [.text("(all)"), .text("(all)"), .integer(10), .number(0.5)],
            [.text("2025-Q1"), .text("SMB"), .integer(4), .number(0.75)],
            [.text("2025-Q1"), .text("Enterprise"), .integer(2), .number(0)],
            [.text("2025-Q2"), .text("SMB"), .integer(4), .number(0.5)],
        ]
        t.timeColumn = 0
        t.barColumn = 3
        t.groupColumns = 2
        t.grid = true
        return t
    }

    @Test func gridWithPeriodsAsRowsAndTheSecondGroupAsColumns() {
        #expect(render(table(), as: .table) == """
            winrate by quarter (rows) and segment (columns); (all): 50.0%
            quarter    SMB  Enterprise
            ───────  ─────  ──────────
            2025-Q1  75.0%        0.0%
            2025-Q2  50.0%           —

            won + lost deals by quarter (rows) and segment (columns); (all): 10
            quarter  SMB  Enterprise
            ───────  ───  ──────────
            2025-Q1    4           2
            2025-Q2    4           —

            """)
    }

    @Test func winRateCellsCarryTheirMarksAndIntervals() {
        var t = Table(columns: [Column("quarter", .text), Column("segment", .text), Column("deals", .integer), Column("winrate", .rate),
                                Column("ci_low", .rate), Column("ci_high", .rate)])
        t.rows = [
            [.text("(all)"), .text("(all)"), .integer(60), .number(0.5), .number(0.4), .number(0.6)],
            [.text("2025-Q1"), .text("SMB"), .integer(30), .number(0.8), .number(0.62), .number(0.9)],
            [.text("2025-Q1"), .text("Enterprise"), .integer(4), .number(0.25), .number(0.05), .number(0.7)],
            [.text("2025-Q2"), .text("SMB"), .integer(26), .number(0.2), .number(0.09), .number(0.39)],
        ]
        t.timeColumn = 0
        t.barColumn = 3
        t.groupColumns = 2
        t.grid = true
        t.marks = [nil, .above, .tooFew(minimum: 10), .below]
        t.footnotes = [.outsideInterval(expected: 0.2, groups: 3), .tooFew(minimum: 10, weighted: false)]
        #expect(render(t, as: .table) == """
            winrate by quarter (rows) and segment (columns); (all): 50.0%
            quarter      SMB  Enterprise
            ───────  ───────  ──────────
            2025-Q1  80.0% ▲    (25.0%)
            2025-Q2  20.0% ▼           —

            won + lost deals by quarter (rows) and segment (columns); (all): 60
            quarter  SMB  Enterprise
            ───────  ───  ──────────
            2025-Q1   30           4
            2025-Q2   26           —

            95% interval by quarter (rows) and segment (columns); (all): 40.0–60.0%
            quarter         SMB  Enterprise
            ───────  ──────────  ──────────
            2025-Q1  62.0–90.0%   5.0–70.0%
            2025-Q2   9.0–39.0%           —

            ▲▼ the cell's 95% interval excludes the (all) rate. Chance alone puts about 1 cell in 20 outside it: expect about 0.2 such cells among these 3.
            (…) in parentheses: fewer than 10 won + lost deals; too few to read a rate from.

            """)
    }

    @Test func answersWithSeveralRowsPerPairStayRows() {
        // `drivers by quarter, segment` has a row per category within each pair: no grid.
        var t = table()
        t.grid = false
        #expect(render(t, as: .table).hasPrefix("quarter  segment     deals  winrate"))
    }

    @Test func otherFormatsKeepTheRows() {
        #expect(render(table(), as: .csv).hasPrefix("quarter,segment,deals,winrate\n(all),(all),10,0.5\n"))
        var one = table()
        one.groupColumns = 1
        #expect(!render(one, as: .table).contains("(rows)"))
    }
}

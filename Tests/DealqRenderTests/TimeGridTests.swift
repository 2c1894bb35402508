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

    @Test func otherFormatsKeepTheRows() {
        #expect(render(table(), as: .csv).hasPrefix("quarter,segment,deals,winrate\n(all),(all),10,0.5\n"))
        var one = table()
        one.groupColumns = 1
        #expect(!render(one, as: .table).contains("(rows)"))
    }
}

@testable import DealqRender

/// Small answers shaped like the engine's, shared by the renderer tests.
enum Samples {
    /// `winrate by topic`: baseline first, a group with all deals churned, the Wilson interval.
    static let winrateByTopic = Table(
        columns: [
            Column("topic", .text), Column("deals", .integer), Column("won", .integer),
            Column("lost", .integer), Column("winrate", .rate), Column("lift", .rate),
            Column("ci_low", .rate), Column("ci_high", .rate),
        ],
        rows: [
            [.text("(all)"), .integer(1234), .integer(520), .integer(714), .number(0.42139384116693676),
             .number(0), .number(0.39409), .number(0.44917)],
            [.text("security review"), .integer(212), .integer(66), .integer(146), .number(0.3113207547169811),
             .number(-0.11007308645), .number(0.25255), .number(0.37668)],
            [.text("implementation"), .integer(95), .integer(51), .integer(44), .number(0.5368421052631579),
             .number(0.11544826410), .number(0.43713), .number(0.63378)],
            [.text("(none)"), .integer(0), .integer(0), .integer(0), .null, .null, .null, .null],
        ])

    /// `winrate by quarter since:2024-01-01`: drawn as bars.
    static let winrateByQuarter = Table(
        columns: [
            Column("quarter", .text), Column("deals", .integer), Column("won", .integer),
            Column("lost", .integer), Column("winrate", .rate), Column("lift", .rate),
            Column("ci_low", .rate), Column("ci_high", .rate),
        ],
        rows: [
            quarter("(all)", 400, 170),
            quarter("2024-Q1", 48, 16),
            quarter("2024-Q2", 52, 20),
            quarter("2024-Q3", 50, 21),
            quarter("2024-Q4", 61, 27),
            quarter("2025-Q1", 55, 25),
            quarter("2025-Q2", 47, 23),
            quarter("2025-Q3", 45, 24),
            quarter("2025-Q4", 42, 14),
        ],
        timeColumn: 0, barColumn: 4)

    static func quarter(_ name: String, _ deals: Int, _ won: Int) -> [Cell] {
        let rate = Double(won) / Double(deals)
        let baseline = 170.0 / 400.0
        let (low, high) = wilson(won: won, deals: deals)
        return [.text(name), .integer(deals), .integer(won), .integer(deals - won), .number(rate),
                .number(rate - baseline), .number(low), .number(high)]
    }

    static func wilson(won: Int, deals: Int) -> (Double, Double) {
        let z = 1.959964, n = Double(deals), p = Double(won) / n
        let center = (p + z * z / (2 * n)) / (1 + z * z / n)
        let margin = z / (1 + z * z / n) * ((p * (1 - p) / n + z * z / (4 * n * n))).squareRoot()
        return (center - margin, center + margin)
    }

    /// `deals "security review"`: text, money, dates, snippets with highlights; cut by `limit:`.
    static let deals = Table(
        columns: [
            Column("id", .text), Column("account", .text), Column("outcome", .text), Column("acv", .money),
            Column("closed", .date), Column("competitor", .text), Column("top_driver", .text),
            Column("snippet", .snippet),
        ],
        rows: [
            [.text("D-0412"), .text("Northwind Logistics"), .text("lost"), .integer(120_000), .text("2025-06-30"),
             .text("Acme Analytics"), .text("security"),
             .text("the \u{2}security review\u{3} took eleven weeks and procurement walked")],
            [.text("D-0388"), .text("Contoso, Ltd."), .text("won"), .number(48_500), .text("2025-05-14"),
             .null, .text("pricing"),
             .text("we passed the \u{2}security\u{3} questionnaire on the first try")],
            [.text("D-0301"), .text("株式会社サンプル"), .text("lost"), .integer(2_000_000), .text("2025-03-02"),
             .text("Acme Analytics"), .text("integration"),
             .text("their \u{2}review\u{3} board said \"no\" twice")],
        ],
        totalRows: 57)
}

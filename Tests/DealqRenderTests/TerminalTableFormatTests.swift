import Testing
@testable import DealqRender

@Suite struct TerminalTableFormatTests {
    func table(_ table: Table, width: Int?, color: Bool = false, maxRows: Int? = nil) -> String {
        render(table, as: .table, options: RenderOptions(width: width, color: color, maxRows: maxRows))
    }

    @Test func winrateAt80() {
        #expect(table(Samples.winrateByTopic, width: 80) == """
            topic            deals  won  lost  winrate       lift      95% CI
            ───────────────  ─────  ───  ────  ───────  ─────────  ──────────
            (all)            1,234  520   714    42.1%    0.0 pts  39.4–44.9%
            security review    212   66   146    31.1%  -11.0 pts  25.3–37.7%
            implementation      95   51    44    53.7%  +11.5 pts  43.7–63.4%
            (none)               0    0     0        —          —           —

            """)
        #expect(table(Samples.winrateByTopic, width: 120) == table(Samples.winrateByTopic, width: 80))
        #expect(table(Samples.winrateByTopic, width: nil) == table(Samples.winrateByTopic, width: 80))
    }

    @Test func winrateAt40ShrinksTextThenHidesColumns() {
        #expect(table(Samples.winrateByTopic, width: 40) == """
            topic          deals  won  lost  winrate
            ─────────────  ─────  ───  ────  ───────
            (all)          1,234  520   714    42.1%
            security rev…    212   66   146    31.1%
            implementati…     95   51    44    53.7%
            (none)             0    0     0        —
            hidden to fit: lift, 95% CI

            """)
    }

    @Test func dealsAt120() {
        #expect(table(Samples.deals, width: 120) == """
            id      account              outcome     acv  closed      competitor      top_driver   snippet
            ──────  ───────────────────  ───────  ──────  ──────────  ──────────────  ───────────  ─────────────────────────────────
            D-0412  Northwind Logistics  lost      $120K  2025-06-30  Acme Analytics  security     the security review took eleven…
            D-0388  Contoso, Ltd.        won      $48.5K  2025-05-14  —               pricing      we passed the security questionn…
            D-0301  株式会社サンプル     lost        $2M  2025-03-02  Acme Analytics  integration  their review board said "no" twi…
            showing 3 of 57 — limit:all for all

            """)
    }

    @Test func dealsAt80KeepTheSnippetReadable() {
        #expect(table(Samples.deals, width: 80) == """
            id      account            outcome     acv  closed      snippet
            ──────  ─────────────────  ───────  ──────  ──────────  ────────────────────────
            D-0412  Northwind Logist…  lost      $120K  2025-06-30  the security review too…
            D-0388  Contoso, Ltd.      won      $48.5K  2025-05-14  we passed the security…
            D-0301  株式会社サンプル   lost        $2M  2025-03-02  their review board said…
            showing 3 of 57 — limit:all for all
            hidden to fit: competitor, top_driver

            """)
    }

    @Test func dealsAt40() {
        #expect(table(Samples.deals, width: 40) == """
            id      snippet
            ──────  ────────────────────────────────
            D-0412  the security review took eleven…
            D-0388  we passed the security question…
            D-0301  their review board said "no" tw…
            showing 3 of 57 — limit:all for all
            hidden to fit: account, outcome, acv,
            closed, competitor, top_driver

            """)
    }

    @Test(arguments: [Samples.winrateByTopic, Samples.winrateByQuarter, Samples.deals])
    func neverWiderThanTheWidth(sample: Table) {
        for width in 20...160 {
            let text = table(sample, width: width)
            for line in text.split(separator: "\n") {
                #expect(displayWidth(String(line)) <= width, "width \(width): \(line)")
            }
        }
    }

    @Test func numbersAreNeverCut() {
        for width in 20...160 {
            // A numeric column is shown whole or not at all.
            let text = table(Samples.deals, width: width)
            let header = text.prefix { $0 != "\n" }
            #expect(header.contains("acv") == text.contains("$48.5K"), "width \(width)")
            #expect(!text.contains("$48…") && !text.contains("$1…"), "width \(width)")
            let winrate = table(Samples.winrateByTopic, width: width)
            let winrateHeader = winrate.prefix { $0 != "\n" }
            #expect(winrate.contains("1,234"), "width \(width)")
            #expect(winrateHeader.contains("winrate") == winrate.contains("53.7%"), "width \(width)")
            #expect(winrateHeader.contains("95% CI") == winrate.contains("43.7–63.4%"), "width \(width)")
        }
    }

    @Test func nonASCIIColumnsAlign() {
        let sample = Table(
            columns: [Column("account", .text), Column("acv", .money)],
            rows: [[.text("株式会社サンプル"), .integer(5000)], [.text("Zu\u{308}rich AG"), .integer(950)],
                   [.text("한국 👍🏽"), .integer(12_500)]])
        #expect(table(sample, width: 80) == """
            account              acv
            ────────────────  ──────
            株式会社サンプル     $5K
            Zürich AG           $950
            한국 👍🏽           $12.5K

            """)
        // Cut to 10 columns, the wide text ends one column short and is padded.
        #expect(table(sample, width: 18) == """
            account        acv
            ──────────  ──────
            株式会社…      $5K
            Zürich AG     $950
            한국 👍🏽     $12.5K

            """)
    }

    @Test func highlightsInColorOrPlain() {
        let sample = Table(columns: [Column("snippet", .snippet)],
                           rows: [[.text("the \u{2}security\u{3} review")]])
        #expect(table(sample, width: 80, color: true) == """
            snippet
            ───────────────────
            the \u{1B}[1;33msecurity\u{1B}[0m review

            """)
        #expect(table(sample, width: 80, color: false) == """
            snippet
            ───────────────────
            the security review

            """)
    }

    @Test func cutRowsFooterUsesThousands() {
        let sample = Table(columns: [Column("id", .text)], rows: (1...3).map { [.text("D-\($0)")] },
                           totalRows: 1234)
        #expect(table(sample, width: 80) == """
            id
            ───
            D-1
            D-2
            D-3
            showing 3 of 1,234 — limit:all for all

            """)
        #expect(table(sample, width: 80, maxRows: 2).hasSuffix("D-2\nshowing 2 of 1,234 — limit:all for all\n"))
    }

    @Test func maxRowsCutsWithoutTotalRows() {
        let sample = Table(columns: [Column("n", .integer)], rows: (1...25).map { [.integer($0)] })
        let text = table(sample, width: 80, maxRows: 20)
        #expect(text.split(separator: "\n").count == 2 + 20 + 1)
        #expect(text.hasSuffix("\n20\nshowing 20 of 25 — limit:all for all\n"))
        #expect(!table(sample, width: 80, maxRows: 25).contains("showing"))
    }

    @Test func zeroRowsAndZeroColumns() {
        #expect(table(Table(columns: [Column("deals", .integer)]), width: 80) == """
            deals
            ─────
            (no rows)

            """)
        #expect(table(Table(columns: []), width: 80) == "")
    }

    @Test func numberKindsAndPartialInterval() {
        let sample = Table(
            columns: [Column("category", .text), Column("weight", .number), Column("share", .rate),
                      Column("ci_low", .rate), Column("ci_high", .rate), Column("deals", .integer)],
            rows: [[.text("pricing"), .number(1234.567), .number(0.25), .number(0.1), .null, .integer(12_345)],
                   [.text("security"), .number(3), .number(1), .number(0.5), .number(0.75), .number(7)]])
        #expect(table(sample, width: 80) == """
            category    weight   share      95% CI   deals
            ────────  ────────  ──────  ──────────  ──────
            pricing   1,234.57   25.0%           —  12,345
            security         3  100.0%  50.0–75.0%       7

            """)
    }

    @Test func textCellsStayOnOneLine() {
        let sample = Table(columns: [Column("note", .text), Column("n", .integer)],
                           rows: [[.text("one\ntwo\tthree\r\nfour"), .integer(1)]])
        #expect(table(sample, width: 80) == """
            note                n
            ──────────────────  ─
            one two three four  1

            """)
    }
}

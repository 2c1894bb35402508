import Testing
@testable import DealqRender

extension Samples {
    static let quoteColumns = [
        Column("quote", .text), Column("speaker", .text), Column("source", .text), Column("date", .date),
        Column("section", .text), Column("deal", .text), Column("account", .text), Column("outcome", .text),
        Column("acv", .money),
    ]

    /// `quotes competitor:"Acme Analytics" since:180d`: a full row, a row with only some
    /// attribution, a Japanese quote; cut by `limit:`.
    static let quotes = Table(
        columns: quoteColumns,
        rows: [
            [.text("What stuck with me is that the RevOps Lead would not sign without a proper security review, and it never got scheduled."),
             .text("RevOps Lead"), .text("interview"), .text("2025-12-28"), .text("Buyer interview"),
             .text("D-2025-00049"), .text("Nimbus Agritech"), .text("lost"), .integer(87_000)],
            [.text("The short version is that it felt like your team was selling to a bigger company than ours."),
             .null, .text("call"), .null, .null,
             .text("D-2025-00159"), .text("Larkspur Partners"), .text("won"), .number(14_250)],
            [.text("導入は一週間で終わり、サポートの対応もとても早かったです。"),
             .text("情報システム部長"), .text("interview"), .text("2025-11-02"), .text("Buyer interview"),
             .text("D-2025-00301"), .text("株式会社サンプル"), .text("won"), .integer(2_000_000)],
        ],
        totalRows: 41,
        layout: .quotes)

    /// One quote row: the quote and the fields given by name, the others absent.
    static func quoteRow(_ quote: Cell, _ fields: [String: Cell] = [:]) -> [Cell] {
        [quote] + quoteColumns.dropFirst().map { fields[$0.name] ?? .null }
    }

    /// `deals "security review"` laid out with snippets.
    static var dealSnippets: Table {
        var table = deals
        table.layout = .snippets
        return table
    }
}

private func table(_ table: Table, width: Int?, color: Bool = false, maxRows: Int? = nil) -> String {
    render(table, as: .table, options: RenderOptions(width: width, color: color, maxRows: maxRows))
}

@Suite struct QuoteCardTests {
    @Test func cardsAt80() {
        #expect(table(Samples.quotes, width: 80) == """
            “What stuck with me is that the RevOps Lead would not sign without a proper
             security review, and it never got scheduled.”
               — RevOps Lead, interview, 2025-12-28 · Buyer interview
               D-2025-00049 Nimbus Agritech · lost · $87K

            “The short version is that it felt like your team was selling to a bigger
             company than ours.”
               — call
               D-2025-00159 Larkspur Partners · won · $14.3K

            “導入は一週間で終わり、サポートの対応もとても早かったです。”
               — 情報システム部長, interview, 2025-11-02 · Buyer interview
               D-2025-00301 株式会社サンプル · won · $2M

            showing 3 of 41 — limit:all for all

            """)
    }

    @Test func cardsAt40() {
        #expect(table(Samples.quotes, width: 40) == """
            “What stuck with me is that the RevOps
             Lead would not sign without a proper
             security review, and it never got
             scheduled.”
               — RevOps Lead, interview,
                 2025-12-28 · Buyer interview
               D-2025-00049 Nimbus Agritech · lost ·
               $87K

            “The short version is that it felt like
             your team was selling to a bigger
             company than ours.”
               — call
               D-2025-00159 Larkspur Partners ·
               won · $14.3K

            “導入は一週間で終わり、サポートの対応も
             とても早かったです。”
               — 情報システム部長, interview,
                 2025-11-02 · Buyer interview
               D-2025-00301 株式会社サンプル · won ·
               $2M

            showing 3 of 41 — limit:all for all

            """)
    }

    @Test func withoutAWidthOrOnAWideTerminalProseWrapsAt100() {
        let text = table(Samples.quotes, width: nil)
        #expect(text.hasPrefix("""
            “What stuck with me is that the RevOps Lead would not sign without a proper security review, and it
             never got scheduled.”
               — RevOps Lead, interview, 2025-12-28 · Buyer interview

            """))
        #expect(table(Samples.quotes, width: 100) == text)
        #expect(table(Samples.quotes, width: 200) == text)
    }

    @Test func missingFieldsAreLeftOutWithTheirSeparators() {
        var sample = Table(columns: Samples.quoteColumns, layout: .quotes)
        sample.rows = [
            Samples.quoteRow(.text("Only the speaker."), ["speaker": .text("CFO")]),
            Samples.quoteRow(.text("Only the section and the account."),
                             ["section": .text("Buyer interview"), "account": .text("Oakridge Bank")]),
            Samples.quoteRow(.text("Source and date, deal and money."),
                             ["source": .text("email"), "date": .text("2025-06-20"), "deal": .text("D-1"),
                              "acv": .integer(950)]),
            Samples.quoteRow(.text("Blank fields count as absent."),
                             ["speaker": .text("  "), "source": .text(""), "outcome": .text("won")]),
            Samples.quoteRow(.text("Nothing else.")),
            Samples.quoteRow(.null, ["speaker": .text("COO"), "deal": .text("D-2")]),
        ]
        #expect(table(sample, width: 80) == """
            “Only the speaker.”
               — CFO

            “Only the section and the account.”
               — Buyer interview
               Oakridge Bank

            “Source and date, deal and money.”
               — email, 2025-06-20
               D-1 · $950

            “Blank fields count as absent.”
               won

            “Nothing else.”

            —
               — COO
               D-2

            """)
    }

    @Test func nonASCIIWrapsByDisplayWidth() {
        // Japanese breaks between characters; `、` does not start a line (`り` moves along).
        let japanese = Table(columns: Samples.quoteColumns, rows: [Samples.quotes.rows[2]], layout: .quotes)
        #expect(table(japanese, width: 22) == """
            “導入は一週間で終わ
             り、サポートの対応も
             とても早かったです。”
               — 情報システム部長,
                 interview,
                 2025-11-02 ·
                 Buyer interview
               D-2025-00301 株式会
               社サンプル · won ·
               $2M

            """)
        // Combining marks and emoji take their display width; a word wider than a line is broken.
        let mixed = Table(
            columns: Samples.quoteColumns,
            rows: [Samples.quoteRow(
                .text("Zu\u{308}rich loved it 👍🏽 — see https://example.com/a/very/long/path/to/the/recording"),
                ["speaker": .text("Señora Müller")])],
            layout: .quotes)
        #expect(table(mixed, width: 24) == """
            “Zürich loved it 👍🏽 —
             see
             https://example.com/a/v
             ery/long/path/to/the/re
             cording”
               — Señora Müller

            """)
    }

    @Test func colorDimsTheAttributionAndHighlightsMarkedWords() {
        let sample = Table(
            columns: Samples.quoteColumns,
            rows: [Samples.quoteRow(.text("the \u{2}security review\u{3} never got scheduled"),
                                    ["speaker": .text("CFO"), "deal": .text("D-1"), "outcome": .text("lost")])],
            layout: .quotes)
        #expect(table(sample, width: 30, color: true) == """
            “the \u{1B}[1;33msecurity review\u{1B}[0m never got
             scheduled”
               \u{1B}[2m— CFO\u{1B}[0m
               \u{1B}[2mD-1 · lost\u{1B}[0m

            """)
        #expect(table(sample, width: 30, color: false) == """
            “the security review never got
             scheduled”
               — CFO
               D-1 · lost

            """)
        // A highlighted phrase broken across lines is highlighted on each line.
        #expect(table(sample, width: 16, color: true).hasPrefix("""
            “the \u{1B}[1;33msecurity\u{1B}[0m
             \u{1B}[1;33mreview\u{1B}[0m never
             got scheduled”

            """))
        #expect(!table(Samples.quotes, width: 80, color: false).contains("\u{1B}"))
    }

    @Test func footerWhenRowsWereCut() {
        #expect(table(Samples.quotes, width: 80, maxRows: 1) == """
            “What stuck with me is that the RevOps Lead would not sign without a proper
             security review, and it never got scheduled.”
               — RevOps Lead, interview, 2025-12-28 · Buyer interview
               D-2025-00049 Nimbus Agritech · lost · $87K

            showing 1 of 41 — limit:all for all

            """)
        var whole = Samples.quotes
        whole.totalRows = nil
        #expect(!table(whole, width: 80).contains("showing"))
        #expect(table(whole, width: 80).hasSuffix("$2M\n"))
        #expect(table(Table(columns: Samples.quoteColumns, layout: .quotes), width: 80) == "(no rows)\n")
        #expect(table(Table(columns: Samples.quoteColumns, totalRows: 5, layout: .quotes), width: 80, maxRows: 0)
            == "(no rows)\nshowing 0 of 5 — limit:all for all\n")
    }

    @Test func columnsAreFoundByName() {
        // Reordered columns, an extra column (joins the context), quotes around the whole text dropped.
        let sample = Table(
            columns: [Column("deal", .text), Column("competitor", .text), Column("acv", .money),
                      Column("quote", .text), Column("speaker", .text)],
            rows: [[.text("D-7"), .text("Acme Analytics"), .number(1_234_567), .text("\"We chose them.\""),
                    .text("VP Sales")]],
            layout: .quotes)
        #expect(table(sample, width: 80) == """
            “We chose them.”
               — VP Sales
               D-7 · $1.2M · competitor: Acme Analytics

            """)
        // Without a quote column the answer is drawn as a grid.
        let noQuote = Table(columns: [Column("deal", .text)], rows: [[.text("D-7")]], layout: .quotes)
        var grid = noQuote
        grid.layout = .grid
        #expect(table(noQuote, width: 80) == table(grid, width: 80))
    }

    @Test(arguments: [Samples.quotes, Samples.dealSnippets])
    func neverWiderThanTheWidthAndNothingLost(sample: Table) {
        for width in 10...160 {
            let text = table(sample, width: width)
            for line in text.split(separator: "\n") {
                #expect(displayWidth(String(line)) <= width, "width \(width): \(line)")
            }
        }
        guard sample.layout == .quotes else { return }
        for width in 10...160 {
            // Every character of every quote is there, in order.
            let text = table(sample, width: width).filter { $0 != " " && $0 != "\n" }
            for row in sample.rows {
                guard case .text(let quote) = row[0] else { continue }
                #expect(text.contains(quote.filter { $0 != " " }), "width \(width)")
            }
        }
    }

    @Test func otherFormatsIgnoreTheLayout() {
        var grid = Samples.quotes
        grid.layout = .grid
        for format in OutputFormat.allCases where format != .table {
            #expect(render(Samples.quotes, as: format) == render(grid, as: format), "\(format)")
            #expect(render(Samples.dealSnippets, as: format) == render(Samples.deals, as: format), "\(format)")
        }
        #expect(Table(columns: []).layout == .grid)
        #expect(table(Table(columns: [], layout: .quotes), width: 80) == "")
    }
}

@Suite struct SnippetRowsTests {
    @Test func snippetsAt80() {
        #expect(table(Samples.dealSnippets, width: 80) == """
            id      account         outcome     acv  closed      competitor      top_driver
            ──────  ──────────────  ───────  ──────  ──────────  ──────────────  ───────────
            D-0412  Northwind Log…  lost      $120K  2025-06-30  Acme Analytics  security
                the security review took eleven weeks and procurement walked

            D-0388  Contoso, Ltd.   won      $48.5K  2025-05-14  —               pricing
                we passed the security questionnaire on the first try

            D-0301  株式会社サン…   lost        $2M  2025-03-02  Acme Analytics  integration
                their review board said "no" twice

            showing 3 of 57 — limit:all for all

            """)
    }

    @Test func snippetsAt80InColor() {
        #expect(table(Samples.dealSnippets, width: 80, color: true) == """
            id      account         outcome     acv  closed      competitor      top_driver
            ──────  ──────────────  ───────  ──────  ──────────  ──────────────  ───────────
            D-0412  Northwind Log…  lost      $120K  2025-06-30  Acme Analytics  security
                the \u{1B}[1;33msecurity review\u{1B}[0m took eleven weeks and procurement walked

            D-0388  Contoso, Ltd.   won      $48.5K  2025-05-14  —               pricing
                we passed the \u{1B}[1;33msecurity\u{1B}[0m questionnaire on the first try

            D-0301  株式会社サン…   lost        $2M  2025-03-02  Acme Analytics  integration
                their \u{1B}[1;33mreview\u{1B}[0m board said "no" twice

            showing 3 of 57 — limit:all for all

            """)
    }

    @Test func snippetsAt40WrapAndTheGridStillFits() {
        #expect(table(Samples.dealSnippets, width: 40) == """
            id      account          outcome     acv
            ──────  ───────────────  ───────  ──────
            D-0412  Northwind Logi…  lost      $120K
                the security review took eleven
                weeks and procurement walked

            D-0388  Contoso, Ltd.    won      $48.5K
                we passed the security questionnaire
                on the first try

            D-0301  株式会社サンプ…  lost        $2M
                their review board said "no" twice

            showing 3 of 57 — limit:all for all
            hidden to fit: closed, competitor,
            top_driver

            """)
    }

    @Test func longSnippetsWrapAt100WithoutAWidth() {
        let words = (1...30).map { "word\($0)" }.joined(separator: " ")
        let sample = Table(
            columns: [Column("id", .text), Column("snippet", .snippet)],
            rows: [[.text("D-1"), .text("…" + words + " \u{2}match\u{3}…")], [.text("D-2"), .null]],
            layout: .snippets)
        #expect(table(sample, width: nil) == """
            id
            ───
            D-1
                …word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15
                word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28
                word29 word30 match…

            D-2

            """)
    }

    @Test func withoutASnippetColumnOrRows() {
        var plain = Samples.deals
        plain.columns[7] = Column("notes", .text)
        var asked = plain
        asked.layout = .snippets
        #expect(table(asked, width: 80) == table(plain, width: 80))
        let empty = Table(columns: Samples.deals.columns, layout: .snippets)
        #expect(table(empty, width: 80) == """
            id  account  outcome  acv  closed  competitor  top_driver
            ──  ───────  ───────  ───  ──────  ──────────  ──────────
            (no rows)

            """)
    }
}

/// Quotes in documents (reports): block quotes with who said it and in which deal.
@Suite struct DocumentQuoteTests {
    @Test func markdownBlockQuotes() {
        var table = Samples.quotes
        table.rows = Array(table.rows.prefix(2)) + [Samples.quoteRow(.text("\"Pricing *was* <the> [issue]\""), ["deal": .text("A-9")])]
        #expect(markdownQuotes(table) == """
            > “What stuck with me is that the RevOps Lead would not sign without a proper security review, and it never got scheduled.”\\
            > — RevOps Lead, interview, 2025-12-28 · Buyer interview; D-2025-00049 Nimbus Agritech · lost · $87K

            > “The short version is that it felt like your team was selling to a bigger company than ours.”\\
            > — call; D-2025-00159 Larkspur Partners · won · $14.3K

            > “Pricing \\*was\\* \\<the> \\[issue\\]”\\
            > — A-9

            """)
    }

    @Test func htmlBlockQuotesAreEscaped() {
        let table = Table(columns: Samples.quoteColumns, rows: [Samples.quoteRow(.text("<b>R&D</b>"))], layout: .quotes)
        #expect(htmlQuotes(table) == "<blockquote><p>“&lt;b&gt;R&amp;D&lt;/b&gt;”</p></blockquote>\n")
    }

    @Test func notQuotes() {
        #expect(markdownQuotes(Samples.deals) == nil && htmlQuotes(Samples.deals) == nil)
    }
}

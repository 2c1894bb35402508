import Testing
@testable import DealqRender

@Suite struct MarkdownFormatTests {
    @Test func winrateWithIntervalColumnAndNulls() {
        #expect(render(Samples.winrateByTopic, as: .markdown) == """
            | topic           | deals | won | lost | winrate |      lift |     95% CI |
            | --------------- | ----: | --: | ---: | ------: | --------: | ---------: |
            | (all)           | 1,234 | 520 |  714 |   42.1% |   0.0 pts | 39.4–44.9% |
            | security review |   212 |  66 |  146 |   31.1% | -11.0 pts | 25.3–37.7% |
            | implementation  |    95 |  51 |   44 |   53.7% | +11.5 pts | 43.7–63.4% |
            | (none)          |     0 |   0 |    0 |       — |         — |          — |

            """)
    }

    @Test func dealsWithHighlightsMoneyWideTextAndFooter() {
        #expect(render(Samples.deals, as: .markdown) == """
            | id     | account             | outcome |    acv | closed     | competitor     | top_driver  | snippet                                                          |
            | ------ | ------------------- | ------- | -----: | ---------- | -------------- | ----------- | ---------------------------------------------------------------- |
            | D-0412 | Northwind Logistics | lost    |  $120K | 2025-06-30 | Acme Analytics | security    | the **security review** took eleven weeks and procurement walked |
            | D-0388 | Contoso, Ltd.       | won     | $48.5K | 2025-05-14 | —              | pricing     | we passed the **security** questionnaire on the first try        |
            | D-0301 | 株式会社サンプル    | lost    |    $2M | 2025-03-02 | Acme Analytics | integration | their **review** board said "no" twice                           |

            showing 3 of 57 — limit:all for all

            """)
    }

    @Test func escapesMarkdownInCells() {
        #expect(MarkdownFormat.escaped("a|b") == #"a\|b"#)
        #expect(MarkdownFormat.escaped(#"C:\path *x* `y` <b> [l]"#) == #"C:\\path \*x\* \`y\` \<b> \[l\]"#)
        #expect(MarkdownFormat.escaped("top_driver") == "top_driver")
        #expect(MarkdownFormat.escaped("_x_") == #"\_x\_"#)
        #expect(MarkdownFormat.markdown(StyledText(snippet: "a\u{2} b \u{3}c")) == "a **b** c")
        #expect(MarkdownFormat.markdown(StyledText(snippet: "\u{2}a|b\u{3}")) == #"**a\|b**"#)
    }

    @Test func multilineTextStaysInItsRow() {
        let table = Table(columns: [Column("note", .text)], rows: [[.text("one\ntwo | three")]])
        #expect(render(table, as: .markdown) == """
            | note             |
            | ---------------- |
            | one two \\| three |

            """)
    }

    @Test func maxRowsCutsWithFooter() {
        let table = Table(columns: [Column("n", .integer)], rows: (1...5).map { [.integer($0)] })
        #expect(render(table, as: .markdown, options: RenderOptions(maxRows: 2)) == """
            |   n |
            | --: |
            |   1 |
            |   2 |

            showing 2 of 5 — limit:all for all

            """)
    }

    @Test func emptyAnswerIsHeaderOnly() {
        #expect(render(Table(columns: [Column("deals", .integer)]), as: .markdown) == """
            | deals |
            | ----: |

            """)
    }
}

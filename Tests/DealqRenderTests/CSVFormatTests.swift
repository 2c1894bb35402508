import Testing
@testable import DealqRender

@Suite struct CSVFormatTests {
    @Test func quotesOnlyWhatNeedsQuoting() {
        #expect(CSVFormat.quoted("plain") == "plain")
        #expect(CSVFormat.quoted("") == "")
        #expect(CSVFormat.quoted("Contoso, Ltd.") == "\"Contoso, Ltd.\"")
        #expect(CSVFormat.quoted("said \"no\"") == "\"said \"\"no\"\"\"")
        #expect(CSVFormat.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVFormat.quoted("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVFormat.quoted("crlf\r\nhere") == "\"crlf\r\nhere\"")
        #expect(CSVFormat.quoted(" spaced ") == " spaced ")
        #expect(CSVFormat.quoted("株式会社") == "株式会社")
    }

    @Test func spreadsheetCSVHasAByteOrderMarkCRLFAndNoFormulas() {
        let table = Table(columns: [Column("account", .text), Column("lift", .rate)],
                          rows: [[.text("=HYPERLINK(\"http://x\",\"y\")"), .number(-0.25)], [.text("+1 555"), .integer(-3)],
                                 [.text("@SUM(A1)"), .null], [.text("-2+3"), .number(0.5)], [.text("Müller, Söhne & Co"), .null]])
        let text = render(table, as: .csv, options: RenderOptions(spreadsheet: true))
        #expect(text == "\u{FEFF}account,lift\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-0.25\r\n'+1 555,-3\r\n'@SUM(A1),\r\n"
                + "'-2+3,0.5\r\n\"Müller, Söhne & Co\",\r\n")
        // Numbers are numbers (a negative lift is not text), and scripts' CSV is unchanged.
        #expect(render(table, as: .csv).hasPrefix("account,lift\n\"=HYPERLINK("))
    }

    @Test func dealsWithQuotingNullsMoneyAndSnippets() {
        #expect(render(Samples.deals, as: .csv) == """
            id,account,outcome,acv,closed,competitor,top_driver,snippet
            D-0412,Northwind Logistics,lost,120000,2025-06-30,Acme Analytics,security,the security review took eleven weeks and procurement walked
            D-0388,"Contoso, Ltd.",won,48500,2025-05-14,,pricing,we passed the security questionnaire on the first try
            D-0301,株式会社サンプル,lost,2000000,2025-03-02,Acme Analytics,integration,"their review board said ""no"" twice"

            """)
    }

    @Test func ratesAreUnroundedFractionsAndNullsEmpty() {
        #expect(render(Samples.winrateByTopic, as: .csv) == """
            topic,deals,won,lost,winrate,lift,ci_low,ci_high
            (all),1234,520,714,0.42139384116693673,0,0.39409,0.44917
            security review,212,66,146,0.3113207547169811,-0.11007308645,0.25255,0.37668
            implementation,95,51,44,0.5368421052631579,0.1154482641,0.43713,0.63378
            (none),0,0,0,,,,

            """)
    }

    @Test func numberFormsAndNonFinite() {
        let table = Table(columns: [Column("x", .number)],
                          rows: [[.number(1e-7)], [.number(0.1 + 0.2)], [.number(.nan)], [.number(-.infinity)], [.integer(-3)]])
        #expect(render(table, as: .csv) == "x\n1e-7\n0.30000000000000004\n\n\n-3\n")
    }

    @Test func headerIsQuotedAndShortRowsArePadded() {
        let table = Table(columns: [Column("a,b", .text), Column("c", .text)], rows: [[.text("x")]])
        #expect(render(table, as: .csv) == "\"a,b\",c\nx,\n")
    }

    @Test func emptyAnswerIsHeaderOnly() {
        #expect(render(Table(columns: [Column("deals", .integer)]), as: .csv) == "deals\n")
        #expect(render(Table(columns: []), as: .csv) == "")
    }

    @Test func csvIgnoresMaxRows() {
        let table = Table(columns: [Column("n", .integer)], rows: [[.integer(1)], [.integer(2)]])
        #expect(render(table, as: .csv, options: RenderOptions(maxRows: 1)) == "n\n1\n2\n")
    }

    @Test func numericDateCellsReadAsUTCDays() {
        let table = Table(columns: [Column("closed", .date)],
                          rows: [[.integer(0)], [.number(1_741_910_400)], [.integer(-86_400)], [.text("2025-03-14")]])
        #expect(render(table, as: .csv) == "closed\n1970-01-01\n2025-03-14\n1969-12-31\n2025-03-14\n")
    }
}

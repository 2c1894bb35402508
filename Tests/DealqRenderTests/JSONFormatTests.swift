import Testing
@testable import DealqRender

@Suite struct JSONFormatTests {
    @Test func arrayOfObjectsInColumnOrder() {
        let table = Table(
            columns: [Column("quarter", .text), Column("deals", .integer), Column("winrate", .rate),
                      Column("acv", .money), Column("closed", .date)],
            rows: [
                [.text("2025-Q3"), .integer(45), .number(0.5333333333333333), .integer(120_000), .text("2025-08-01")],
                [.text("2025-Q4"), .integer(0), .null, .number(48_500.5), .null],
            ])
        #expect(render(table, as: .json) == """
            [
              {"quarter":"2025-Q3","deals":45,"winrate":0.5333333333333333,"acv":120000,"closed":"2025-08-01"},
              {"quarter":"2025-Q4","deals":0,"winrate":null,"acv":48500.5,"closed":null}
            ]

            """)
        #expect(render(table, as: .jsonl) == """
            {"quarter":"2025-Q3","deals":45,"winrate":0.5333333333333333,"acv":120000,"closed":"2025-08-01"}
            {"quarter":"2025-Q4","deals":0,"winrate":null,"acv":48500.5,"closed":null}

            """)
    }

    @Test func numberForms() {
        let table = Table(
            columns: [Column("tiny", .number), Column("sum", .number), Column("whole", .number),
                      Column("nan", .number), Column("inf", .number), Column("int", .integer)],
            rows: [[.number(1e-7), .number(0.1 + 0.2), .number(120_000), .number(.nan), .number(.infinity),
                    .integer(-9_007_199_254_740_993)]])
        #expect(render(table, as: .jsonl)
            == #"{"tiny":1e-7,"sum":0.30000000000000004,"whole":120000,"nan":null,"inf":null,"int":-9007199254740993}"#
            + "\n")
    }

    @Test func stringEscaping() {
        #expect(JSONFormat.quoted("plain") == #""plain""#)
        #expect(JSONFormat.quoted(#"say "no" \ now"#) == #""say \"no\" \\ now""#)
        #expect(JSONFormat.quoted("a\nb\rc\td\u{8}e\u{C}f") == #""a\nb\rc\td\be\ff""#)
        #expect(JSONFormat.quoted("\u{0}\u{1F}\u{7F}") == #""\u0000\u001f\u007f""#)
        #expect(JSONFormat.quoted("line\u{2028}sep\u{2029}") == #""line\u2028sep\u2029""#)
        #expect(JSONFormat.quoted("株式会社 Zürich 👍🏽 /") == "\"株式会社 Zürich 👍🏽 /\"")
    }

    @Test func keysAreEscapedAndSnippetsLoseMarkers() {
        let table = Table(columns: [Column("the \"key\"", .text), Column("snippet", .snippet)],
                          rows: [[.text("x\u{2}y"), .text("the \u{2}security\u{3} review")]])
        #expect(render(table, as: .jsonl) == #"{"the \"key\"":"x\u0002y","snippet":"the security review"}"# + "\n")
    }

    @Test func emptyAnswers() {
        let table = Table(columns: [Column("deals", .integer)])
        #expect(render(table, as: .json) == "[]\n")
        #expect(render(table, as: .jsonl) == "")
    }

    @Test func outputIsValidJSONThatRoundTrips() throws {
        let text = render(Samples.winrateByQuarter, as: .json)
        let parsed = try #require(try JSONParser.parse(text) as? [[String: Any]])
        #expect(parsed.count == Samples.winrateByQuarter.rows.count)
        #expect(parsed[1]["quarter"] as? String == "2024-Q1")
        #expect(parsed[1]["winrate"] as? Double == 16.0 / 48.0)
        #expect(parsed[0]["deals"] as? Int == 400)
    }
}

import Foundation

enum JSONParser {
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}

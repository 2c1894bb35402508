import Testing
@testable import DealqRender

@Suite struct OutputFormatTests {
    @Test func parsesEveryFormat() throws {
        for format in OutputFormat.allCases {
            #expect(try OutputFormat(parsing: format.rawValue) == format)
        }
        #expect(try OutputFormat(parsing: "CSV") == .csv)
    }

    @Test func unknownFormatListsValidOnes() {
        #expect(throws: OutputFormatError(text: "xml")) { try OutputFormat(parsing: "xml") }
        #expect(OutputFormatError(text: "xml").description
            == "unknown output format 'xml'; valid formats: table, csv, json, jsonl, markdown")
    }

    @Test func unknownFormatSuggestsCloseOne() {
        #expect(OutputFormatError(text: "jsn").description
            == "unknown output format 'jsn' (did you mean 'json'?); valid formats: table, csv, json, jsonl, markdown")
        #expect(OutputFormatError(text: "markdwon").suggestion == .markdown)
        #expect(OutputFormatError(text: "tabel").suggestion == .table)
        #expect(OutputFormatError(text: "").suggestion == nil)
    }

    @Test func renderWritesToAStream() {
        var stream = ""
        render(Table(columns: [Column("deals", .integer)], rows: [[.integer(3)]]), as: .csv, to: &stream)
        #expect(stream == "deals\n3\n")
    }
}

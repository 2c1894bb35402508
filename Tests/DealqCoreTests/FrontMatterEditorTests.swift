import Testing
@testable import DealqCore

/// The line edit of a front matter, and the scalars it writes.
@Suite struct FrontMatterEditorTests {
    let file = """
        ---
        id: D-1
        # what the CRM said
        account: Northwind   # as in the contract
        outcome: lost
        closed: 2025-08-14
        acv: $120K # first quote
        rep: Dana
        notes: kept by hand
        competitors:
          primary: Acme
        drivers:
        - category: pricing
          weight: 1
        ---
        Body.

        """

    func edited(_ text: String, _ edits: (inout FrontMatterEditor) throws -> Void) throws -> String {
        var editor = try FrontMatterEditor(text: text)
        try edits(&editor)
        return editor.text
    }

    @Test func replacesAValueAndKeepsItsComment() throws {
        let text = try edited(file) { try $0.set("acv", to: "135000") }
        #expect(text == file.replacingOccurrences(of: "acv: $120K # first quote", with: "acv: 135000 # first quote"))
        let account = try edited(file) { try $0.set("account", to: "\"Northwind, Inc: EMEA\"") }
        #expect(account.contains("\naccount: \"Northwind, Inc: EMEA\"   # as in the contract\n"))
    }

    @Test func insertsAMissingKeyAfterTheOneBeforeIt() throws {
        let text = try edited(file) { try $0.set("segment", to: "Enterprise") }
        #expect(text == file.replacingOccurrences(of: "acv: $120K # first quote\n", with: "acv: $120K # first quote\nsegment: Enterprise\n"))
        let custom = try edited(file) { try $0.set("lead_source", to: "Web") }
        #expect(custom == file.replacingOccurrences(of: "  weight: 1\n---", with: "  weight: 1\nlead_source: Web\n---"))
    }

    @Test func editsAndExtendsNestedMappings() throws {
        let text = try edited(file) {
            try $0.set("primary", in: "competitors", to: "Northstar BI")
            try $0.set("selected", in: "competitors", to: "Northstar BI")
            try $0.set("loss_reason", in: "crm", to: "Price")
        }
        #expect(text == file.replacingOccurrences(of: "  primary: Acme\n", with: """
              primary: Northstar BI
              selected: Northstar BI
            crm:
              loss_reason: Price

            """))
    }

    @Test func keepsCRLFAndTheByteOrderMark() throws {
        let crlf = "\u{FEFF}" + file.replacingOccurrences(of: "\n", with: "\r\n")
        let text = try edited(crlf) {
            try $0.set("acv", to: "1")
            try $0.set("region", to: "EMEA")
        }
        #expect(text == "\u{FEFF}" + file.replacingOccurrences(of: "acv: $120K", with: "acv: 1")
            .replacingOccurrences(of: "rep: Dana\n", with: "region: EMEA\nrep: Dana\n").replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func replacesAValueWrittenOverSeveralLines() throws {
        let folded = file.replacingOccurrences(of: "rep: Dana\n", with: "rep: >\n  Dana\n  Whitfield\n")
        #expect(try edited(folded) { try $0.set("rep", to: "Sam") } == file.replacingOccurrences(of: "rep: Dana\n", with: "rep: Sam\n"))
    }

    @Test func aOneLineMappingIsNotEdited() throws {
        let flow = file.replacingOccurrences(of: "rep: Dana\n", with: "rep: Dana\ncrm: {loss_reason: Price}\n")
        #expect(throws: FrontMatterEditor.Failure.flowMapping(key: "crm", line: 9)) {
            try edited(flow) { try $0.set("loss_reason", in: "crm", to: "Budget") }
        }
        #expect(throws: FrontMatterEditor.Failure.notADeal) { try FrontMatterEditor(text: "# Notes\n") }
    }

    @Test func listsAndMappingsAreRecognised() throws {
        let editor = try FrontMatterEditor(text: file.replacingOccurrences(of: "rep: Dana\n", with: "rep: Dana\ntags: [a, b]\nempty:\n"))
        #expect(editor.holdsCollection("drivers"))
        #expect(editor.holdsCollection("competitors"))
        #expect(editor.holdsCollection("tags"))
        #expect(!editor.holdsCollection("rep"))
        #expect(!editor.holdsCollection("empty"))
        #expect(!editor.holdsCollection("missing"))
    }

    // MARK: - Scalars

    @Test func quotesWhatYAMLWouldReadOtherwise() {
        #expect(YAMLScalar.text("Northwind Logistics") == "Northwind Logistics")
        #expect(YAMLScalar.text("Margie's Travel") == "Margie's Travel")
        #expect(YAMLScalar.text("007") == "\"007\"")
        #expect(YAMLScalar.text("2025-03-14") == "\"2025-03-14\"")
        #expect(YAMLScalar.text("yes") == "\"yes\"")
        #expect(YAMLScalar.text("Null") == "\"Null\"")
        #expect(YAMLScalar.text("Acme: the sequel") == "\"Acme: the sequel\"")
        #expect(YAMLScalar.text("Lost #2") == "\"Lost #2\"")
        #expect(YAMLScalar.text("*star") == "\"*star\"")
        #expect(YAMLScalar.text("@handle") == "\"@handle\"")
        #expect(YAMLScalar.text("say \"hi\"\nthen \\ leave") == "\"say \\\"hi\\\"\\nthen \\\\ leave\"")
        #expect(YAMLScalar.custom("42") == "42")
        #expect(YAMLScalar.custom("-3.5") == "-3.5")
        #expect(YAMLScalar.custom("007") == "\"007\"")
        #expect(YAMLScalar.custom("2025-03-14") == "2025-03-14")
        #expect(YAMLScalar.custom("true") == "\"true\"")
    }

    @Test func writtenScalarsReadBackAsTheSameText() throws {
        let values = ["007", "yes", "~", "Acme: the sequel", "Lost #2", "*star", "&anchor", "!tag", "|pipe", ">fold", "'single",
                      "\"double", "%pct", "@at", "- dash", "[list]", "{map}", "Price\nand terms", "tab\there", "back\\slash",
                      "1e3", ".5", "0x1F", "Ünïcødé — ok", "ends with colon:", "true", "NULL"]
        for value in values {
            let text = dealText("account: \(YAMLScalar.text(value))\nrep: \(YAMLScalar.text(value))")
            let parsed = try #require(deal(text), "\(value) made the file unreadable")
            #expect(parsed.account == value)
            #expect(parsed.rep == value)
        }
        let ids = ["007", "0061x00000AbCdEAAZ", "18234560074", "D-2025-0142", "true"]
        for id in ids {
            #expect(deal(dealText(id: YAMLScalar.text(id)))?.id == id)
        }
    }
}

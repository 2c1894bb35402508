import Testing
@testable import DealqCore

/// Every rejection rule of the corpus contract, with its exact message and position.
@Suite struct CorpusRejectionTests {
    @Test func frontMatterNotClosed() {
        #expect(rejection("---\nid: D-1\noutcome: won\n") == "1:1: front matter is not closed (no '---' or '...' line after the opening '---')")
    }

    @Test func invalidUTF8IsPlaced() {
        var bytes = Array("---\nid: D-1\naccount: Caf".utf8)
        bytes += [0xC3, 0x28]  // invalid continuation
        bytes += Array("\noutcome: won\n---\n".utf8)
        guard case .rejected(let d) = DealParser.parse(bytes, path: "x.md", config: CorpusConfig()) else {
            Issue.record("not rejected"); return
        }
        #expect("\(d.line):\(d.column): \(d.message)" == "3:13: file is not valid UTF-8")
    }

    @Test func invalidYAML() {
        #expect(rejection(dealText("account: [unclosed")) == "6:1: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'")
    }

    @Test func frontMatterNotAMapping() {
        #expect(rejection("---\n- a\n- b\n---\n") == "2:1: front matter is not a mapping")
        #expect(rejection("---\n---\nbody") == "2:1: front matter is empty")
    }

    @Test func missingOrEmptyID() {
        #expect(rejection("---\noutcome: won\nclosed: 2025-01-01\n---\n") == "1:1: missing required field 'id'")
        #expect(rejection(dealText(id: "~")) == "2:5: missing required field 'id' (it is null)")
        #expect(rejection(dealText(id: "null")) == "2:5: missing required field 'id' (it is null)")
        #expect(rejection(dealText(id: "''")) == "2:5: 'id' must not be empty")
    }

    @Test func outcome() {
        #expect(rejection(dealText(outcome: "maybe")) == "3:10: invalid outcome 'maybe' (expected won, lost or churned)")
        #expect(rejection(dealText(outcome: "'closed won!'")) == "3:10: invalid outcome 'closed won!' (expected won, lost or churned)")
        #expect(rejection("---\nid: D-1\nclosed: 2025-01-01\n---\n") == "1:1: missing required field 'outcome'")
    }

    @Test func closedDates() {
        #expect(rejection(dealText(closed: "2025-02-30")) == "4:9: invalid date '2025-02-30' for 'closed' (expected a real day as YYYY-MM-DD)")
        #expect(rejection(dealText(closed: "2025-8-14")) == "4:9: invalid date '2025-8-14' for 'closed' (expected a real day as YYYY-MM-DD)")
        #expect(rejection(dealText(closed: "2025-08-14T10:00:00")) == "4:9: invalid date '2025-08-14T10:00:00' for 'closed' (expected a real day as YYYY-MM-DD)")
        #expect(rejection(dealText(closed: "2023-02-29")) == "4:9: invalid date '2023-02-29' for 'closed' (expected a real day as YYYY-MM-DD)")
        #expect(rejection("---\nid: D-1\noutcome: won\n---\n") == "1:1: missing required field 'closed'")
    }

    @Test func acv() {
        #expect(rejection(dealText("acv: -5000")) == "5:6: 'acv' must not be negative, not '-5000'")
        #expect(rejection(dealText("acv: USD 120000")) == "5:6: 'acv' must be a number or money text like 120000, $120K or 1.2M, not 'USD 120000'")
        #expect(rejection(dealText("acv: 12k5")) == "5:6: 'acv' must be a number or money text like 120000, $120K or 1.2M, not '12k5'")
        #expect(rejection(dealText("acv: [1, 2]")) == "5:6: 'acv' must be a string")
    }

    @Test func wrongTypes() {
        #expect(rejection(dealText("segment: [a, b]")) == "5:10: 'segment' must be a string")
        #expect(rejection(dealText("competitors: Acme")) == "5:14: 'competitors' must be a mapping")
        #expect(rejection(dealText("tags: {a: 1}")) == "5:7: 'tags' must be a list of strings")
        #expect(rejection(dealText("tags: [a, [b]]")) == "5:11: 'tags' must be a list of strings")
        #expect(rejection(dealText("drivers: pricing")) == "5:10: 'drivers' must be a list of mappings")
        #expect(rejection(dealText("crm: [a]")) == "5:6: 'crm' must be a mapping")
        #expect(rejection(dealText("competitors:\n  primary: [a]")) == "6:12: 'competitors.primary' must be a string")
    }

    @Test func drivers() {
        #expect(rejection(dealText("drivers:\n  - driver: slow\n    weight: 1")) == "6:5: driver 1 has no 'category'")
        #expect(rejection(dealText("drivers:\n  - category: pricing\n    weight: 0\n  - category: product\n    weight: 0")) == "6:3: driver weights are all zero")
        #expect(rejection(dealText("drivers:\n  - category: pricing\n    weight: 0.5\n  - category: product")) == "6:3: some drivers have a weight and some do not")
        #expect(rejection(dealText("drivers:\n  - category: pricing\n    weight: -1")) == "7:13: 'weight' must be a number ≥ 0, not '-1'")
        #expect(rejection(dealText("drivers:\n  - category: pricing\n    weight: heavy")) == "7:13: 'weight' must be a number ≥ 0, not 'heavy'")
        #expect(rejection(dealText("drivers:\n  - pricing")) == "6:5: each driver must be a mapping (driver 1)")
    }

    @Test func confidence() {
        #expect(rejection(dealText("confidence: 1.5")) == "5:13: 'confidence' must be between 0 and 1, not '1.5'")
        #expect(rejection(dealText("confidence: high")) == "5:13: 'confidence' must be a number between 0 and 1, not 'high'")
    }

    @Test func insights() {
        #expect(rejection(dealText("insights:\n  - label: gap")) == "6:5: insight 1 has no 'area'")
        #expect(rejection(dealText("insights:\n  - area: SSO")) == "6:5: insight 1 has no 'label'")
        #expect(rejection(dealText("insights:\n  - area: SSO\n    label: wish")) == "7:12: invalid insight label 'wish' (expected gap, advantage, bug or requested)")
    }
}

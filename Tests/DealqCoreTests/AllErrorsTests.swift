import Foundation
import Testing
@testable import DealqCore

/// A rejected file reports every problem found in one reading, in file order:
/// the first keeps its place as the file's position, the others follow.
@Suite struct AllErrorsTests {
    /// A hand-written deal with four mistakes, on lines 4, 5, 6 and 9.
    static let fourMistakes = """
        ---
        id: D-9001
        account: Kestrel Foods
        outcome: lots
        closed: 2025-13-02
        acv: about 50k
        segment: Mid-market
        rep: Dana
        confidence: high
        ---
        # Kestrel Foods

        Body.

        """

    static let fourErrors = [
        "deal.md:4:10: error: invalid outcome 'lots' (expected won, lost or churned)",
        "deal.md:5:9: error: invalid date '2025-13-02' for 'closed' (expected a real day as YYYY-MM-DD)",
        "deal.md:6:6: error: 'acv' must be a number or money text like 120000, $120K or 1.2M, not 'about 50k'",
        "deal.md:9:13: error: 'confidence' must be a number between 0 and 1, not 'high'",
    ]

    func errorLines(_ text: String) -> [String] {
        guard case .rejected(let d) = parse(text) else {
            Issue.record("not rejected")
            return []
        }
        return d.lines
    }

    @Test func everyFieldErrorIsReportedInOneReading() {
        #expect(errorLines(Self.fourMistakes) == Self.fourErrors)
    }

    @Test func errorsComeInFileOrderWhateverOrderTheFieldsAreRead() {
        let text = """
            ---
            confidence: 7
            drivers: pricing
            id: D-1
            competitors:
              selected: [Acme]
              primary: {name: Acme}
            outcome: won
            ---
            """
        #expect(errorLines(text) == [
            "deal.md:1:1: error: missing required field 'closed'",
            "deal.md:2:13: error: 'confidence' must be between 0 and 1, not '7'",
            "deal.md:3:10: error: 'drivers' must be a list of mappings",
            "deal.md:6:13: error: 'competitors.selected' must be a string",
            "deal.md:7:12: error: 'competitors.primary' must be a string",
        ])
    }

    @Test func yamlSyntaxErrorStopsReading() {
        let text = dealText("acv: about 50k\ntags: [a, b\nconfidence: high")
        #expect(errorLines(text) == ["deal.md:7:11: error: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'"])
    }

    @Test func aFileWithOneErrorHasNoMore() {
        guard case .rejected(let d) = parse(dealText("acv: -5")) else { Issue.record("not rejected"); return }
        #expect(d.more == [])
        #expect(d.lines == ["deal.md:5:6: error: 'acv' must not be negative, not '-5'"])
    }

    @Test func indexPrintsEveryErrorAndKeepsThemForLaterRuns() throws {
        let folder = TemporaryFolder()
        folder.write("deal.md", Self.fourMistakes)
        folder.write("good.md", dealText(id: "D-2"))
        let r = try runDealq(["index", folder.path])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").map(String.init) == Self.fourErrors)
        #expect(r.stdout.contains("1 file rejected"))
        let again = try runDealq(["index", folder.path])
        #expect(again.stdout.contains("up to date"))
        #expect(again.stderr.split(separator: "\n").map(String.init) == Self.fourErrors)
    }

    @Test func jsonKeepsTheFirstErrorsPlaceAndListsTheOthersUnderMore() throws {
        let folder = TemporaryFolder()
        folder.write("deal.md", Self.fourMistakes)
        folder.write("bad.md", dealText("acv: -5", id: "D-3"))
        let r = try runDealq(["index", folder.path, "--format", "json"])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rejected = try #require(object["rejected"] as? [[String: Any]])
        #expect(rejected.count == 2)
        #expect(rejected[0]["path"] as? String == "bad.md")
        #expect((rejected[0]["more"] as? [Any])?.isEmpty == true)
        let first = rejected[1]
        #expect(first["path"] as? String == "deal.md")
        #expect(first["line"] as? Int == 4)
        #expect(first["column"] as? Int == 10)
        #expect(first["message"] as? String == "invalid outcome 'lots' (expected won, lost or churned)")
        let more = try #require(first["more"] as? [[String: Any]])
        #expect(more.map { "\($0["line"] ?? ""):\($0["column"] ?? ""): \($0["message"] ?? "")" } == [
            "5:9: invalid date '2025-13-02' for 'closed' (expected a real day as YYYY-MM-DD)",
            "6:6: 'acv' must be a number or money text like 120000, $120K or 1.2M, not 'about 50k'",
            "9:13: 'confidence' must be a number between 0 and 1, not 'high'",
        ])
    }
}

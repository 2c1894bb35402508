import Foundation
import Testing
@testable import DealqCore

/// What the corpus reader says about files it indexes but suspects were meant
/// otherwise: keys that look like built-in ones, attribution look-alikes,
/// quotes written inline. Each rule: its trigger with the exact line, and a
/// file that must not trigger it.
@Suite struct ReaderWarningTests {
    /// `path:line:col: warning: message` lines of a file that must be accepted.
    func warningLines(_ text: String) -> [String] {
        guard case .deal(_, let warnings) = parse(text, path: "w.md") else {
            Issue.record("not accepted: \(rejection(text))")
            return []
        }
        return warnings.map(\.description)
    }

    // MARK: keys that look like built-in ones

    @Test func indexColumnNamesAndSynonymsNameTheKeyToUse() {
        let text = dealText("""
            competitor_selected: Acme
            crm_loss_reason: Price
            amount: 120000
            competitor: Acme
            close_date: 2025-03-14
            owner: Dana
            topic: security
            """)
        #expect(warningLines(text) == [
            "w.md:5:1: warning: custom key 'competitor_selected' looks like a built-in field; write it as 'competitors:' with 'selected: …' under it",
            "w.md:6:1: warning: custom key 'crm_loss_reason' looks like a built-in field; write it as 'crm:' with 'loss_reason: …' under it",
            "w.md:7:1: warning: custom key 'amount' looks like a built-in field; write it as 'acv:'",
            "w.md:8:1: warning: custom key 'competitor' looks like a built-in field; write it as 'competitors:' with 'primary:', 'incumbent:', 'selected:' or 'others:' under it",
            "w.md:9:1: warning: custom key 'close_date' looks like a built-in field; write it as 'closed:'",
            "w.md:10:1: warning: custom key 'owner' looks like a built-in field; write it as 'rep:'",
            "w.md:11:1: warning: custom key 'topic' looks like a built-in field; write it as 'topics:'",
        ])
    }

    @Test func queryFacetSpellingsAndBareNestedNames() {
        let text = dealText("competitor.selected: Acme\nloss_reason: Price\nwin-reason: Price\narr: 90000")
        #expect(warningLines(text) == [
            "w.md:5:1: warning: custom key 'competitor.selected' looks like a built-in field; write it as 'competitors:' with 'selected: …' under it",
            "w.md:6:1: warning: custom key 'loss_reason' looks like a built-in field; write it as 'crm:' with 'loss_reason: …' under it",
            "w.md:7:1: warning: custom key 'win-reason' looks like a built-in field; write it as 'crm:' with 'win_reason: …' under it",
            "w.md:8:1: warning: custom key 'arr' looks like a built-in field; write it as 'acv:'",
        ])
    }

    @Test func misspeltKeysWithinTheSuggestionDistance() {
        let text = dealText("outcom: lost\ncompetiters:\n  primary: Acme\nCompetitor-Selectd: Acme\nSegment: SMB")
        #expect(warningLines(text) == [
            "w.md:5:1: warning: custom key 'outcom' looks like a built-in field; write it as 'outcome:'",
            "w.md:6:1: warning: custom key 'competiters' looks like a built-in field; write it as 'competitors:' with 'primary:', 'incumbent:', 'selected:' or 'others:' under it",
            "w.md:8:1: warning: custom key 'Competitor-Selectd' looks like a built-in field; write it as 'competitors:' with 'selected: …' under it",
            "w.md:9:1: warning: custom key 'Segment' looks like a built-in field; write it as 'segment:'",
        ])
    }

    @Test func unknownKeysUnderBuiltinMappingsAndItems() {
        let text = dealText("""
            competitors:
              winner: Acme
              primary: Acme
            crm:
              reason: Price
              note: logged late
            drivers:
              - category: pricing
                weigth: 1
            """)
        #expect(warningLines(text) == [
            "w.md:6:3: warning: key 'winner' under 'competitors' is ignored; write it as 'selected:'",
            "w.md:9:3: warning: key 'reason' under 'crm' is ignored; write it as 'loss_reason:'",
            "w.md:10:3: warning: key 'note' under 'crm' is ignored (the keys read there are 'loss_reason', 'win_reason', 'competitor')",
            "w.md:13:5: warning: key 'weigth' under 'drivers' is ignored; write it as 'weight:'",
        ])
    }

    @Test func ordinaryCustomFieldsAndBuiltinKeysAreQuiet() {
        let text = dealText("""
            account: Northwind
            acv: 120000
            deal_type: new business
            discount_pct: 12
            champion_left: true
            industry: Logistics
            seats: 40
            lead_source: webinar
            competitors: {primary: Acme, incumbent: Spreadsheets, selected: Acme, others: [Lumen]}
            crm: {loss_reason: Price, win_reason: null, competitor: Acme}
            drivers:
              - {category: pricing, driver: too expensive, weight: 1, explanation: said so}
            insights:
              - {area: SSO, label: gap, note: SAML}
            """)
        #expect(warningLines(text) == [])
    }

    // MARK: attribution look-alikes

    @Test func attributionWrittenWithAHyphenOrWithoutADash() {
        let body = """
            ## Buyer interview

            > "The plan was twice as long as Acme's."
            > - Priya Shah, Head of Data, interview, 2025-10-02

            > "We needed SSO on day one."
            > Priya Shah, 2025-10-02

            > Support took a week to answer.
            > ~ VP Operations, call
            """
        #expect(warningLines(dealText(body: body)) == [
            "w.md:9:3: warning: the quote's last line looks like an attribution but is not read as one (it stays part of the quote); write it as '— Speaker, source, YYYY-MM-DD'",
            "w.md:12:3: warning: the quote's last line looks like an attribution but is not read as one (it stays part of the quote); write it as '— Speaker, source, YYYY-MM-DD'",
            "w.md:15:3: warning: the quote's last line looks like an attribution but is not read as one (it stays part of the quote); write it as '— Speaker, source, YYYY-MM-DD'",
        ])
    }

    @Test func realAttributionsAndListsInQuotesAreQuiet() {
        let body = """
            ## Buyer interview

            > "The plan was twice as long as Acme's."
            > — Priya Shah, interview, 2025-10-02

            > "Support was slow."
            > -- VP Operations, call

            > What we needed:
            > - SSO
            > - audit logs, by the end of the quarter

            > We signed the renewal on 2025-10-02, after the review.
            """
        #expect(warningLines(dealText(body: body)) == [])
    }

    // MARK: quotes written inline

    @Test func inlineSpeechInAConversationSectionWithoutABlockQuote() {
        let body = """
            ## Buyer interview

            Priya said: "We could not wait another quarter for SSO."
            - "Too slow to roll out everywhere" (Priya)

            ## Call intelligence

            - The CFO told us "the budget is gone until next year".
            """
        #expect(warningLines(dealText(body: body)) == [
            "w.md:8:13: warning: quoted speech outside a block quote is not a buyer quote; write it as a block quote ('> \"…\"') with '> — Speaker, source, YYYY-MM-DD' under it",
        ], "one warning per file, at the first such line")
        let curly = dealText(body: "## Discovery calls\n\n- \u{201C}We would rather build it ourselves\u{201D} (CTO)\n")
        #expect(warningLines(curly) == [
            "w.md:8:3: warning: quoted speech outside a block quote is not a buyer quote; write it as a block quote ('> \"…\"') with '> — Speaker, source, YYYY-MM-DD' under it",
        ])
    }

    @Test func quotedPhrasesSectionsWithBlockQuotesAndOtherSectionsAreQuiet() {
        let body = """
            ## Call intelligence
            - Pricing raised on 4 of 9 calls, first on the second demo.
            - Acme was named on the third call as "already in procurement".
            - Lumen Insights was first named on the second call. Described as "slick in the demo".

            ## Buyer interview

            Priya said: "We could not wait another quarter for SSO."

            > "The implementation plan was twice as long as what Acme promised."
            > — VP Operations, interview, 2025-09-02

            ## Deal context

            The CFO said: "we will revisit this next year, maybe sooner".

            ## Call notes

            ```
            Priya said: "this is inside a code block and stays there"
            ```
            """
        #expect(warningLines(dealText(body: body)) == [])
    }

    // MARK: through dealq index

    @Test func indexPrintsTheWarningsAndListsThemInJSON() throws {
        let folder = TemporaryFolder()
        folder.write("deals/a.md", dealText("competitor_selected: Acme", body: "## Buyer interview\n\n> \"Too slow.\"\n> - Priya Shah, interview, 2025-10-02\n"))
        let r = try runDealq(["index", folder.path])
        #expect(r.status == 0, "warnings do not reject the file")
        #expect(r.stderr.split(separator: "\n").map(String.init) == [
            "deals/a.md:5:1: warning: custom key 'competitor_selected' looks like a built-in field; write it as 'competitors:' with 'selected: …' under it",
            "deals/a.md:10:3: warning: the quote's last line looks like an attribution but is not read as one (it stays part of the quote); write it as '— Speaker, source, YYYY-MM-DD'",
        ])
        #expect(r.stdout.contains("1 deal in the index"))
        let json = try runDealq(["index", folder.path, "--rebuild", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.map { "\($0["path"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "")" } == ["deals/a.md:5:1", "deals/a.md:10:3"])
        #expect(warnings.first?["message"] as? String
            == "custom key 'competitor_selected' looks like a built-in field; write it as 'competitors:' with 'selected: …' under it")
    }

    // MARK: the bundled corpus

    @Test func bundledCorpusGetsNoneOfTheseWarnings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus").path
        let config = try CorpusConfig.parse(String(contentsOfFile: root + "/dealq.yml", encoding: .utf8))
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".md") }.sorted()
        var deals = 0
        var warnings: [String] = []
        for file in files where !file.hasPrefix(".") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + file)))
            switch DealParser.parse(bytes, path: file, config: config) {
            case .deal(_, let w):
                deals += 1
                warnings += w.map(\.description)
            case .rejected(let d):
                Issue.record("rejected: \(d.lines)")
            case .notADeal:
                break
            }
        }
        #expect(deals == 300)
        // The generator writes some drivers' weights as whole percentages on
        // purpose; the contract scales them with that warning. Nothing else.
        #expect(warnings.filter { !$0.hasSuffix(": warning: driver weights sum to 100; scaled to sum to 1") } == [])
    }
}

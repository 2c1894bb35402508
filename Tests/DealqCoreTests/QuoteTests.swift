import Testing
@testable import DealqCore

/// Buyer quotes: attribution forms, multi-line text, curly quotes, sections.
@Suite struct QuoteTests {
    func quotes(_ body: String, config: CorpusConfig = CorpusConfig()) -> [Quote] {
        deal(dealText(body: body), config: config)?.quotes ?? []
    }

    @Test func attributionWithEmDash() {
        let q = quotes("## Buyer interview\n\n> \"The implementation plan was twice as long as what Acme promised.\"\n> — VP Operations, interview, 2025-09-02\n")
        #expect(q == [Quote(text: "The implementation plan was twice as long as what Acme promised.", speaker: "VP Operations",
                            source: "interview", date: "2025-09-02", section: "Buyer interview", line: 8)])
    }

    @Test func attributionForms() {
        let body = """
            > One
            > – CFO, call

            > Two
            > -- 2025-01-05, Head of IT, email, extra, 2025-02-01

            > Three
            > —  , , Procurement

            > Four
            > — 2025-03-01
            """
        let q = quotes(body)
        #expect(q.map(\.text) == ["One", "Two", "Three", "Four"])
        #expect(q.map(\.speaker) == ["CFO", "Head of IT", "Procurement", nil])
        #expect(q.map(\.source) == ["call", "email", nil, nil])
        #expect(q.map(\.date) == [nil, "2025-01-05", nil, "2025-03-01"])
        #expect(q.map(\.section) == [nil, nil, nil, nil])
    }

    @Test func multiLineAndParagraphsJoined() {
        let body = "## Call intelligence\n\n> “We liked the *dashboards*,\n> but the `SSO` story was weak.\n>\n> Second paragraph.”\n> — IT lead, call, 2024-11-30\n"
        let q = quotes(body)
        #expect(q.map(\.text) == ["We liked the dashboards, but the SSO story was weak. Second paragraph."])
        #expect(q.first?.section == "Call intelligence")
    }

    @Test func withoutAttribution() {
        let q = quotes("## Gaps\n\n> \"Nobody owned the rollout.\"\n")
        #expect(q == [Quote(text: "Nobody owned the rollout.", section: "Gaps", line: 8)])
    }

    @Test func onlyOneQuoteMarkRemovedEachEnd() {
        #expect(quotes("> \"\"Doubled\"\"\n").map(\.text) == ["\"Doubled\""])
        #expect(quotes("> ”Odd“\n").map(\.text) == ["Odd"])
    }

    @Test func nestedQuoteIsPartOfItAndListQuotesAreNotTopLevel() {
        let body = "> Outer line\n> > inner line\n> — Buyer, call\n\n- item\n\n  > in a list\n"
        let q = quotes(body)
        #expect(q.map(\.text) == ["Outer line inner line"])
        #expect(q.first?.speaker == "Buyer")
    }

    @Test func sectionIsNearestHeadingOfLevelTwoOrDeeper() {
        let body = "# Title\n\n> before any section\n\n## Deal context\n\n### Details\n\n> deep\n\n# Another title\n\n> after level one\n"
        #expect(quotes(body).map(\.section) == [nil, "Details", "Details"])
    }

    @Test func quoteTopicsComeFromItsOwnText() throws {
        var config = CorpusConfig()
        config.topics = [CorpusConfig.Topic(name: "pricing", patterns: [try Pattern(#"\bpric(e|es|ed|ing)\b"#)]),
                         CorpusConfig.Topic(name: "security", patterns: [try Pattern(#"\bSSO\b"#)])]
        let d = try #require(deal(dealText(body: "Pricing came up.\n\n> The sso setup was painful.\n"), config: config))
        #expect(d.quotes.map(\.topics) == [["security"]])
        #expect(d.topics == ["pricing", "security"])
    }
}

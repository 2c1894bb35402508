import Testing
@testable import DealqCore

/// The accepted variants of the corpus contract.
@Suite struct CorpusAcceptanceTests {
    @Test func filesThatAreNotDeals() {
        guard case .notADeal = parse("# Notes\n\nnot a deal\n") else { Issue.record("expected not a deal"); return }
        guard case .notADeal = parse("--- \nid: x\n---\n") else { Issue.record("'--- ' is not '---'"); return }
        guard case .notADeal = DealParser.parse([0xFF, 0xFE, 0x41], path: "bin.md", config: CorpusConfig()) else {
            Issue.record("invalid UTF-8 without front matter is not a deal"); return
        }
        guard case .notADeal = parse("") else { Issue.record("empty file"); return }
    }

    @Test func crlfBOMAndDotsClosing() throws {
        let text = "\u{FEFF}---\r\nid: 007\r\noutcome: Closed Won\r\nclosed: '2025-03-14'\r\n...\r\nLine one\r\n"
        let d = try #require(deal(text))
        #expect(d.id == "007")
        #expect(d.outcome == .won)
        #expect(d.closed == "2025-03-14")
        #expect(d.body == "Line one\n")
        #expect(d.account == "007")
    }

    @Test(arguments: [
        ("won", Outcome.won), ("WON", .won), (" closed won ", .won), ("closed-won", .won), ("Closed_Won", .won),
        ("lost", .lost), ("closed lost", .lost), ("CLOSED-LOST", .lost), ("closed_lost", .lost),
        ("churned", .churned), ("churn", .churned), ("Churn", .churned),
    ])
    func outcomeSpellings(raw: String, expected: Outcome) throws {
        #expect(try #require(deal(dealText(outcome: "'\(raw)'"))).outcome == expected)
    }

    @Test(arguments: [
        ("120000", 120_000.0), ("120000.50", 120_000.5), ("'120,000'", 120_000), ("'$120K'", 120_000), ("120k", 120_000),
        ("'1.2M'", 1_200_000), ("'$1.5m'", 1_500_000), ("' $ 95k '", 95_000), ("0.1k", 100), ("1.15m", 1_150_000),
    ])
    func acvForms(raw: String, expected: Double) throws {
        #expect(try #require(deal(dealText("acv: \(raw)"))).acv == expected)
    }

    @Test func emptyACVIsAbsent() throws {
        #expect(try #require(deal(dealText("acv: ''"))).acv == nil)
        #expect(try #require(deal(dealText("acv: null"))).acv == nil)
        #expect(try #require(deal(dealText("acv:"))).acv == nil)
    }

    @Test func idKeptAsWritten() throws {
        #expect(try #require(deal(dealText(id: "0142"))).id == "0142")
        #expect(try #require(deal(dealText(id: "D-2025-0142"))).id == "D-2025-0142")
        #expect(try #require(deal(dealText(id: "1.50"))).id == "1.50")
    }

    @Test func driverWeights() throws {
        let given = try #require(deal(dealText("drivers:\n  - category: Pricing\n    weight: 0.6\n  - category: product\n    weight: 0.395")))
        #expect(given.drivers.map(\.weight) == [0.6, 0.395])
        #expect(given.drivers.map(\.category) == ["pricing", "product"])
        #expect(given.topDriver == "pricing")

        let equal = try #require(deal(dealText("drivers:\n  - category: a\n  - category: b\n  - category: c\n    weight: null\n  - category: d")))
        #expect(equal.drivers.map(\.weight) == [0.25, 0.25, 0.25, 0.25])
        #expect(equal.topDriver == "a")

        let percent = dealText("drivers:\n  - category: pricing\n    weight: 60\n  - category: product\n    weight: 30\n  - category: timing\n    weight: 10")
        let scaled = try #require(deal(percent))
        #expect(scaled.drivers.map(\.weight) == [0.6, 0.3, 0.1])
        #expect(warnings(percent) == ["6:3: driver weights sum to 100; scaled to sum to 1"])
    }

    @Test func competitorsAliasesAndLists() throws {
        var config = CorpusConfig()
        config.competitorAliases = ["acme": "Acme Analytics", "acme analytics": "Acme Analytics", "acmeco": "Acme Analytics"]
        let text = dealText("""
            competitors:
              primary: acme
              incumbent: Spreadsheets
              selected: ACMECO
              others: Internal build
            crm:
              competitor: Acme
              loss_reason: Pricing
            tags: strategic
            sources: [crm, calls]
            topics: [Security, ' SSO ']
            """)
        let d = try #require(deal(text, config: config))
        #expect(d.competitors == Competitors(primary: "Acme Analytics", incumbent: "Spreadsheets", selected: "Acme Analytics", others: ["Internal build"]))
        #expect(d.competitors.all == ["Acme Analytics", "Spreadsheets", "Internal build"])
        #expect(d.crm.competitor == "Acme Analytics")
        #expect(d.crm.lossReason == "Pricing")
        #expect(d.tags == ["strategic"])
        #expect(d.sources == ["crm", "calls"])
        #expect(d.topics == ["security", "sso"])
    }

    @Test func customFields() throws {
        let text = dealText("""
            deal_type: new business
            discount_pct: 12.5
            champion_left: true
            kickoff: 2025-04-01
            quoted: "42"
            nested: {a: 1}
            listed: [a, b]
            empty: null
            Segment: SMB
            Month: May
            """)
        let d = try #require(deal(text))
        #expect(d.custom == [
            CustomField(name: "deal_type", value: .text("new business")),
            CustomField(name: "discount_pct", value: .number(12.5, text: "12.5")),
            CustomField(name: "champion_left", value: .bool(true)),
            CustomField(name: "kickoff", value: .date("2025-04-01")),
            CustomField(name: "quoted", value: .text("42")),
        ])
        #expect(d.segment == nil)
        #expect(warnings(text) == [
            "13:1: custom key 'Segment' looks like a built-in field; write it as 'segment:'",
            "14:1: custom field 'Month' has the name of a built-in facet; it is not a facet",
        ])
    }

    @Test func insightsAndConfidence() throws {
        let d = try #require(deal(dealText("confidence: 0.7\ninsights:\n  - area: SSO\n    label: Gap\n    note: SAML required")))
        #expect(d.confidence == 0.7)
        #expect(d.insights == [Insight(area: "SSO", label: .gap, note: "SAML required")])
    }

    @Test(arguments: [
        ("Pricing", "pricing"), ("No budget", "pricing"), ("Product gap", "product"), ("Missing feature", "product"),
        ("Implementation concerns", "implementation"), ("Resourcing", "implementation"), ("Champion left", "relationship"),
        ("Lost to competitor", "competitive"), ("Timeline", "timing"), ("No decision", "timing"),
    ])
    func crmReasonsNameCategories(reason: String, category: String) {
        #expect(CRMReason.category(of: reason) == category)
    }

    @Test func uninformativeCRMReasonsNameNone() {
        #expect(CRMReason.category(of: "Other") == nil)
        #expect(CRMReason.category(of: "Went dark") == nil)
    }

    @Test func mismatchComparesTheLoggedReasonWithTheHeaviestDriver() throws {
        let agree = try #require(deal(dealText("crm:\n  loss_reason: Budget\ndrivers:\n  - category: pricing\n    weight: 0.7\n  - category: timing\n    weight: 0.3", outcome: "lost")))
        #expect(agree.mismatch == false)
        let disagree = try #require(deal(dealText("crm:\n  loss_reason: Timeline\ndrivers:\n  - category: implementation", outcome: "lost")))
        #expect(disagree.mismatch == true)
        let won = try #require(deal(dealText("crm:\n  win_reason: Price\ndrivers:\n  - category: product")))
        #expect(won.mismatch == true)
        #expect(try #require(deal(dealText("crm:\n  loss_reason: Other\ndrivers:\n  - category: product", outcome: "lost"))).mismatch == nil)
        #expect(try #require(deal(dealText("crm:\n  loss_reason: Price", outcome: "lost"))).mismatch == nil)
    }
}

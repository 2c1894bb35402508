/// Why a deal went the way it did, as a weighted list of drivers, and what
/// the rep logged in the CRM (which does not always agree).
enum Drivers {
    private static let lostByTopic: [[Template]] = [
        .init(["implementation plan too long", "no one to staff the deployment", "go-live date at risk"]),
        .init(["too expensive vs. {C}", "budget cut mid-cycle", "discount came too late", "per-seat model did not fit"]),
        .init(["missing SAML SSO", "no SOC 2 attestation at the time", "EU data residency"]),
        .init(["no native warehouse connector", "CRM sync too shallow", "API gaps"]),
        .init(["rigid dashboards", "no scheduled exports", "custom reports need services"]),
        .init(["poor support experience in trial", "SLA too weak on the standard plan"]),
        .init(["onboarding looked heavy", "slow time-to-value"]),
        .init(["migration risk from {I}", "history backfill sold separately"]),
        .init(["slow on large tables", "timeouts in the proof of concept"]),
    ]
    private static let churnByTopic: [[Template]] = [
        .init(["adoption stalled after the rollout", "second-phase deployment never happened"]),
        .init(["renewal price increase", "budget cut at renewal"]),
        .init(["new security requirements at renewal", "no SSO on their plan"]),
        .init(["CRM sync broke after their upgrade", "integrations they needed never shipped"]),
        .init(["reports never replaced the old ones", "dashboards went unused"]),
        .init(["slow support responses", "no customer success coverage"]),
        .init(["new users never onboarded", "training stopped after the first group"]),
        .init(["never finished moving off {I}", "migration left gaps in their data"]),
        .init(["slow as their data grew", "timeouts at month end"]),
    ]
    private static let wonByTopic: [[Template]] = [
        .init(["live in weeks", "credible implementation plan"]),
        .init(["clear value for the price", "two-year term discount", "cheaper than {C}"]),
        .init(["SSO and audit log out of the box", "security review passed quickly"]),
        .init(["native Salesforce and Snowflake integrations", "open API"]),
        .init(["dashboards executives use", "self-serve reporting"]),
        .init(["responsive support in trial", "named customer success manager"]),
        .init(["fast onboarding", "short training"]),
        .init(["migration handled end to end"]),
        .init(["fast on large tables"]),
    ]
    private static let lostGeneral: [String: [Template]] = [
        "competitive": .init(["{C} bundled it into an existing contract", "{C} had a reference in their industry", "{C} undercut late"]),
        "timing": .init(["priorities moved to other projects", "decision pushed to next fiscal year", "reorg froze new purchases"]),
        "relationship": .init(["champion left mid-cycle", "weak access to the economic buyer"]),
    ]
    private static let wonGeneral: [String: [Template]] = [
        "competitive": .init(["{C} stumbled in the pilot", "{C} could not show a reference"]),
        "timing": .init(["urgent need after a failed quarter close", "funds freed up before year end"]),
        "relationship": .init(["strong champion", "exec sponsor engaged early", "trusted rep"]),
    ]
    private static let explanations: [Template] = .init([
        "Raised on {N} calls and confirmed in the interview.",
        "The rep's notes and the buyer's emails agree.",
        "Inferred from call transcripts; the buyer never said it outright.",
        "Mentioned once, late, by the {R}.",
        "The main theme of the interview.",
        "Consistent across calls and email.",
        "Our reading; the rep logged something else.",
        "Came up in the {O} meeting and never went away.",
        "The {R} said so directly.",
    ])

    static func make(for d: Deal, _ rng: inout SplitMix64) -> [Deal.Driver] {
        var fill = Fill()
        fill.competitor = Vocabulary.competitors[d.selected ?? d.primary].name
        fill.incumbent = d.incumbent.map { Vocabulary.competitors[$0].name } ?? "their old system"
        fill.role = d.champion
        let won = d.outcome == .won

        // Candidate (category, text, score), most important first.
        var cands: [(String, String, Double)] = []
        func add(_ cat: String, _ t: Template, _ score: Double) {
            if cands.contains(where: { $0.0 == cat }) { return }
            cands.append((cat, t.render(fill, &rng), score))
        }
        if d.championLeft && !won { add("relationship", lostGeneral["relationship"]![0], 3.2) }
        if !won && d.selected == Vocabulary.noDecision { add("timing", rng.pick(lostGeneral["timing"]!), 2.6) }
        for (i, t) in d.topics.enumerated() {
            let bank = won ? wonByTopic[t.rawValue] : d.outcome == .churned ? churnByTopic[t.rawValue] : lostByTopic[t.rawValue]
            add(t.driverCategory, rng.pick(bank), 3.0 - Double(i) * 0.7)
        }
        let comp = Vocabulary.competitors[d.primary]
        if !won && comp.edge < 0 && d.selected == d.primary {
            add("competitive", rng.pick(lostGeneral["competitive"]!), 1.6)
        }
        let general = won ? wonGeneral : lostGeneral
        for cat in ["relationship", "competitive", "timing"].shuffledCopy(&rng) {
            add(cat, rng.pick(general[cat]!), 0.6 + rng.unit() * 0.5)
        }
        cands.sort { $0.2 > $1.2 }

        let n = min(cands.count, [2, 3, 4][rng.weighted([0.4, 0.45, 0.15])])
        let chosen = Array(cands.prefix(n))
        let percents = splitPercents(chosen.map { $0.2 * (0.8 + 0.4 * rng.unit()) })
        var out: [Deal.Driver] = []
        for (i, c) in chosen.enumerated() {
            let expl = rng.chance(0.7) ? rng.pick(explanations).render(fill, &rng) : ""
            out.append(Deal.Driver(category: c.0, text: c.1, percent: percents[i], explanation: expl))
        }
        return out
    }

    /// Whole percentages in steps of 5, each at least 5, summing to 100, in the given order of importance.
    static func splitPercents(_ scores: [Double]) -> [Int] {
        let total = scores.reduce(0, +)
        var p = scores.map { max(1, Int(($0 / total * 20).rounded())) * 5 }
        var sum = p.reduce(0, +)
        var i = 0
        while sum != 100 {
            if sum > 100 {
                if p[i % p.count] > 5 { p[i % p.count] -= 5; sum -= 5 }
            } else {
                p[i % p.count] += 5; sum += 5
            }
            i += 1
        }
        // Keep the order of importance.
        p.sort(by: >)
        return p
    }
}

enum CRM {
    private static let lostAligned: [String: [String]] = [
        "pricing": ["Pricing", "Price", "Budget"],
        "product": ["Product gap", "Missing feature", "Product fit"],
        "implementation": ["Implementation concerns", "Timeline", "Resourcing"],
        "relationship": ["Champion left", "Relationship", "Lost contact"],
        "competitive": ["Lost to competitor", "Competitor"],
        "timing": ["Timing", "No decision", "Project cancelled"],
    ]
    private static let lostVague = ["Pricing", "Lost to competitor", "No budget", "Timing", "Other", "Went dark"]
    private static let wonAligned: [String: [String]] = [
        "pricing": ["Value", "Commercial terms"],
        "product": ["Product fit", "Features"],
        "implementation": ["Ease of setup", "Speed"],
        "relationship": ["Relationship", "Champion"],
        "competitive": ["Competitive displacement", "Beat competitor"],
        "timing": ["Urgency", "Timing"],
    ]
    private static let wonVague = ["Relationship", "Product fit", "Champion", "Demo went well"]

    static func fill(_ d: inout Deal, _ rng: inout SplitMix64) {
        let top = d.drivers.first?.category ?? "timing"
        if d.outcome == .won {
            if rng.chance(0.85) {
                d.crmReason = rng.chance(0.75) ? rng.pick(wonAligned[top]!) : rng.pick(wonVague)
            }
            if rng.chance(0.4) { d.crmCompetitor = competitorName(d.primary, &rng) }
        } else {
            if rng.chance(0.9) {
                d.crmReason = rng.chance(0.68) ? rng.pick(lostAligned[top]!) : rng.pick(lostVague)
            }
            if rng.chance(d.outcome == .churned ? 0.6 : 0.7) {
                var c = d.selected ?? d.primary
                if rng.chance(0.1) { c = rng.below(Vocabulary.competitors.count) }  // logged the wrong one
                d.crmCompetitor = competitorName(c, &rng)
            }
        }
    }

    /// The canonical name, or now and then one of its aliases.
    static func competitorName(_ c: Int, _ rng: inout SplitMix64, aliasRate: Double = 0.3) -> String {
        let comp = Vocabulary.competitors[c]
        return rng.chance(aliasRate) ? rng.pick(comp.aliases) : comp.name
    }
}

enum InsightNotes {
    private static let byLabel: [String: [Template]] = [
        "gap": .init([
            "The buyer called this a hard requirement.", "Raised by the {R} as a blocker.",
            "{C} had it and we did not.", "Came up on {N} calls.", "A must-have for their next phase.",
        ]),
        "advantage": .init([
            "The buyer named it as a reason to choose us.", "Clearly ahead of {C} here.",
            "Demoed well; the {R} asked to see it twice.", "Their team used it in the trial without help.",
        ]),
        "bug": .init([
            "Broke during the trial; fixed after the decision.", "An error in the pilot that cost trust.",
            "Hit twice in the trial by the {R}.",
        ]),
        "requested": .init([
            "Asked for it on the roadmap call.", "Would expand usage if delivered.", "Asked about timing twice.",
            "Wanted a date, not a promise.",
        ]),
    ]

    static func note(area: String, label: String, topic: Topic?, deal d: Deal, _ rng: inout SplitMix64) -> String {
        var fill = Fill()
        fill.competitor = Vocabulary.competitors[d.primary].name
        fill.role = d.champion
        return rng.pick(byLabel[label]!).render(fill, &rng)
    }
}

extension Array {
    func shuffledCopy(_ rng: inout SplitMix64) -> [Element] {
        var c = self
        rng.shuffle(&c)
        return c
    }
}

/// Draws the facts of one deal. The outcome follows a log-odds model so that
/// win rates differ by topic, competitor, segment, rep and quarter, and the
/// drivers, CRM fields and insights follow from the same facts.
enum DealFactory {
    static func make(index: Int, rng: inout SplitMix64, idWidth: Int) -> Deal {
        let closed = closeDate(&rng)
        let (year, _, _) = closed.ymd
        let quarterIndex = (year - 2023) * 4 + closed.quarter - 1
        let q = Double(quarterIndex)

        var digits = String(index + 1)
        if digits.count < idWidth { digits = String(repeating: "0", count: idWidth - digits.count) + digits }
        let id = "D-" + String(year) + "-" + digits

        let segment = rng.weighted(Vocabulary.segmentWeights)
        let region = rng.weighted(Vocabulary.regionWeights)
        let rep = rng.chance(0.92) ? rng.pick(Vocabulary.repsByRegion[region]) : rng.below(Vocabulary.reps.count)
        let product = rng.weighted(Vocabulary.productWeights[segment])

        // Account name.
        let second = rng.below(Vocabulary.accountSecond.count)
        let secondName = Vocabulary.accountSecond[second]
        let account = rng.pick(Vocabulary.accountFirst) + " " + secondName + rng.pick(Vocabulary.accountSuffix)
        let regulated = ["Bank", "Credit Union", "Insurance", "Health", "Pharma", "Clinics", "Biotech", "Capital"].contains(secondName)

        // ACV: log-distributed within the segment's range, rounded the way people quote.
        let (lo, hi) = Vocabulary.acvLog[segment]
        let u = (rng.unit() + rng.unit() + rng.unit()) / 3
        var acv = portableExp(lo + u * (hi - lo))
        acv = min(max(acv, 5000), 2_000_000)
        let step = acv < 50_000 ? 500.0 : acv < 300_000 ? 1000.0 : 5000.0
        let acvInt = Int((acv / step).rounded()) * Int(step)

        let dealType: String = {
            let r = rng.unit()
            return r < 0.64 ? "new business" : r < 0.86 ? "expansion" : "renewal"
        }()

        // Competition.
        var presence = Vocabulary.competitors.map { $0.presence[segment] }
        presence[5] *= 0.3 + q / 6  // Brightline shows up more and more
        let primary = rng.weighted(presence)
        var incumbent: Int? = nil
        if dealType == "new business" {
            if primary == Vocabulary.spreadsheets || rng.chance(0.4) {
                incumbent = Vocabulary.spreadsheets
            } else if primary == Vocabulary.internalBuild || rng.chance(0.2) {
                incumbent = Vocabulary.internalBuild
            } else if rng.chance(0.45) {
                incumbent = rng.below(9)
            }
        }
        var others: [Int] = []
        let nOthers = rng.weighted([0.45, 0.35, 0.2])
        for _ in 0..<nOthers {
            let c = rng.below(11)
            if c != primary && !others.contains(c) { others.append(c) }
        }

        // Topics.
        var topics: [Topic] = []
        for t in Topic.allCases {
            var p = t.prevalence[segment]
            if t == .security && regulated { p += 0.25 }
            if t == .migration, let inc = incumbent, inc != Vocabulary.spreadsheets { p += 0.2 }
            if t == .pricing && primary == Vocabulary.spreadsheets { p += 0.15 }
            if t == .integrations && product == 3 { p += 0.2 }
            if rng.chance(p) { topics.append(t) }
        }
        rng.shuffle(&topics)
        if topics.isEmpty { topics.append(rng.chance(0.5) ? .pricing : .reporting) }
        if topics.count > 4 { topics.removeLast(topics.count - 4) }

        let championLeft = rng.chance(0.09)

        // Outcome.
        var outcome: Deal.Outcome
        var churnP = 0.04
        if dealType == "renewal" { churnP += 0.25 }
        if topics.contains(.support) { churnP += 0.08 }
        if topics.contains(.onboarding) { churnP += 0.04 }
        if topics.contains(.performance) { churnP += 0.04 }
        if rng.chance(churnP) {
            outcome = .churned
        } else {
            let comp = Vocabulary.competitors[primary]
            var logit = 0.35
            logit += Vocabulary.segmentEdge[segment]
            logit += comp.edge + comp.drift * q
            for t in topics { logit += t.winEffect }
            logit += Vocabulary.reps[rep].edge
            logit += Vocabulary.productEdge[product]
            logit += 0.05 * (q - 5.5)
            if championLeft { logit -= 1.1 }
            if dealType == "expansion" { logit += 0.6 }
            // Replacing spreadsheets is an easy story to tell; replacing a vendor is not.
            if incumbent == Vocabulary.spreadsheets { logit += 0.4 }
            if let inc = incumbent, inc < 9 { logit -= 0.25 }
            outcome = rng.chance(logistic(logit)) ? .won : .lost
        }

        // Order topics so that the one that most explains the outcome comes first.
        topics.sort { a, b in
            let ka = outcome == .won ? -a.winEffect : a.winEffect
            let kb = outcome == .won ? -b.winEffect : b.winEffect
            return ka == kb ? a.rawValue < b.rawValue : ka < kb
        }

        var selected: Int? = nil
        switch outcome {
        case .won: selected = nil
        case .lost:
            if primary == Vocabulary.noDecision || championLeft && rng.chance(0.4) {
                selected = Vocabulary.noDecision
            } else {
                let r = rng.unit()
                selected = r < 0.78 ? primary : r < 0.88 && !others.isEmpty ? others[0] : Vocabulary.noDecision
            }
        case .churned:
            selected = primary == Vocabulary.noDecision ? Vocabulary.spreadsheets : primary
        }

        let stage: String = switch outcome {
        case .won: "Closed"
        case .lost: Vocabulary.stagesLost[rng.weighted(Vocabulary.stageLostWeights)]
        case .churned: "Renewal"
        }

        var discount: Int? = nil
        if rng.chance(0.85) {
            var d = outcome == .won ? rng.int(2, 25) : rng.int(0, 20)
            if topics.contains(.pricing) { d += rng.int(0, 10) }
            if segment == 2 { d += rng.int(0, 8) }
            discount = d
        }

        // Sources.
        var sources: [String] = []
        if rng.chance(0.97) { sources.append("crm") }
        let hasCalls = rng.chance(0.86)
        if hasCalls { sources.append("calls") }
        if rng.chance(0.55) || !hasCalls { sources.append("email") }
        let interviewP = 0.2 + 0.08 * Double(segment) + (outcome == .lost ? 0.06 : 0) + (acvInt > 250_000 ? 0.1 : 0)
        let hasInterview = rng.chance(interviewP)
        if hasInterview { sources.append("interview") }

        var confidence: Int? = nil
        if rng.chance(0.9) {
            var c = 45 + (hasInterview ? 25 : 0) + (hasCalls ? 10 : 0) + rng.int(-12, 15)
            c = min(max(c, 20), 98)
            confidence = c
        }

        let champion = topics.first == .security && rng.chance(0.5) ? rng.pick(Vocabulary.securityRoles) : rng.pick(Vocabulary.roles)

        var deal = Deal(
            index: index, id: id, closed: closed, quarterIndex: quarterIndex, account: account, regulated: regulated,
            segment: segment, region: region, product: product, rep: rep, acv: acvInt, dealType: dealType,
            outcome: outcome, stage: stage, primary: primary, incumbent: incumbent, selected: selected, others: others,
            topics: topics, championLeft: championLeft, discountPct: discount, drivers: [], crmReason: nil,
            crmCompetitor: nil, sources: sources, hasCalls: hasCalls, hasInterview: hasInterview,
            confidence: confidence, insights: [], tags: [], statedTopics: [], seats: [rng.int(1, 12) * 5, rng.int(6, 60) * 10, rng.int(25, 300) * 20][segment],
            champion: champion)
        deal.drivers = Drivers.make(for: deal, &rng)
        CRM.fill(&deal, &rng)
        deal.insights = makeInsights(deal, &rng)
        deal.tags = makeTags(deal, &rng)
        if rng.chance(0.3) {
            deal.statedTopics = Array(topics.prefix(rng.int(1, 2)).map(\.name))
            if rng.chance(0.15) { deal.statedTopics.append(rng.pick(["procurement", "champion", "renewal"])) }
        }
        return deal
    }

    static func makeInsights(_ d: Deal, _ rng: inout SplitMix64) -> [Deal.Insight] {
        let n = rng.weighted([0.25, 0.4, 0.25, 0.1])
        var out: [Deal.Insight] = []
        for i in 0..<n {
            let area: String
            let topic: Topic?
            if i < d.topics.count && rng.chance(0.85) {
                topic = d.topics[i]
                area = rng.pick(Vocabulary.insightAreas[d.topics[i].rawValue])
            } else {
                topic = nil
                area = rng.pick(Vocabulary.generalAreas)
            }
            if out.contains(where: { $0.area == area }) { continue }
            var label: String
            if d.outcome == .won {
                label = rng.weighted([0.15, 0.6, 0.05, 0.2]) == 1 ? "advantage" : rng.pick(["requested", "gap", "advantage"])
            } else {
                label = ["gap", "bug", "requested", "advantage"][rng.weighted([0.6, 0.12, 0.2, 0.08])]
            }
            if rng.chance(0.05) { label = capitalizedFirst(label) }
            let note = InsightNotes.note(area: area, label: label.lowercased(), topic: topic, deal: d, &rng)
            out.append(Deal.Insight(area: area, label: label, note: note))
        }
        return out
    }

    static func makeTags(_ d: Deal, _ rng: inout SplitMix64) -> [String] {
        var tags: [String] = []
        if d.segment == 2 && rng.chance(0.7) || d.acv >= 500_000 { tags.append("strategic") }
        for _ in 0..<rng.weighted([0.25, 0.5, 0.25]) {
            let t = rng.pick(Vocabulary.tagsPool)
            if !tags.contains(t) { tags.append(t) }
        }
        if d.outcome == .churned && !tags.contains("renewal-risk") && rng.chance(0.5) { tags.append("renewal-risk") }
        return tags
    }
}

extension SplitMix64 {
    mutating func int(_ lo: Int, _ hi: Int) -> Int { int(lo...hi) }
}

/// Writes a deal's markdown body: deal context, CRM data, call intelligence,
/// buyer interview (when there was one) and open gaps.
struct BodyWriter {
    let d: Deal
    var fill: Fill
    var rng: SplitMix64

    init(_ d: Deal, _ rng: SplitMix64) {
        self.d = d
        self.rng = rng
        fill = Fill()
        fill.account = d.account
        fill.product = Vocabulary.products[d.product]
        fill.role = d.champion
        fill.month = d.closed.monthYear
        fill.seats = d.seats
        var other = Vocabulary.roles[self.rng.below(Vocabulary.roles.count)]
        if other == d.champion { other = other == "CFO" ? "COO" : "CFO" }
        fill.otherRole = other
        fill.incumbent = d.incumbent.map { Vocabulary.competitors[$0].name } ?? "spreadsheets"
        let main = d.selected.flatMap { $0 == Vocabulary.noDecision ? nil : $0 } ?? d.primary
        fill.competitor = main == Vocabulary.noDecision ? "the status quo" : Vocabulary.competitors[main].name
        fill.other = d.others.first.map { Vocabulary.competitors[$0].name } ?? "the other vendors"
    }

    var against: Bool { d.outcome != .won }

    /// A competitor name for running text: canonical or an alias.
    mutating func textName(_ c: Int) -> String { CRM.competitorName(c, &rng, aliasRate: 0.35) }

    mutating func write(into s: inout String) {
        if d.primary != Vocabulary.noDecision && rng.chance(0.3) {
            fill.competitor = textName(d.selected.flatMap { $0 == Vocabulary.noDecision ? nil : $0 } ?? d.primary)
        }
        s += "# "; s += d.account
        s += rng.chance(0.8) ? " — " : " - "
        switch d.outcome {
        case .won: s += rng.chance(0.7) ? "Closed Won" : "Won"
        case .lost: s += rng.chance(0.7) ? "Closed Lost" : "Lost"
        case .churned: s += "Churned"
        }
        s += "\n\n"
        context(&s)
        crmData(&s)
        calls(&s)
        if d.hasInterview { interview(&s) }
        gaps(&s)
    }

    // MARK: Sections

    mutating func context(_ s: inout String) {
        s += "## Deal context\n\n"
        var parts: [String] = []
        if d.outcome == .churned {
            parts.append(rng.pick(Phrases.churnOpen).render(fill, &rng))
            var t = rng.pick(Phrases.churnTriggerLead)
            t += rng.pick(Phrases.churnTriggers).render(fill, &rng)
            t += "."
            parts.append(t)
            if rng.chance(0.5) { parts.append(rng.pick(Phrases.procurement).render(fill, &rng)) }
            paragraph(parts, &s)
            return
        }
        parts.append(rng.pick(Phrases.contextOpen).render(fill, &rng))
        if d.dealType != "renewal" || rng.chance(0.3) {
            var t = rng.pick(Phrases.triggerLead)
            t += rng.pick(Phrases.triggers).render(fill, &rng)
            t += "."
            parts.append(t)
        }
        if d.incumbent != nil && rng.chance(0.7) { parts.append(rng.pick(Phrases.incumbentLine).render(fill, &rng)) }
        if rng.chance(0.6) { parts.append(rng.pick(Phrases.seatsLine).render(fill, &rng)) }
        parts.append(rng.pick(Phrases.dealTypeLine[d.dealType]!))
        if rng.chance(0.5) { parts.append(rng.pick(Phrases.sourceLine)) }
        if rng.chance(0.5) { parts.append(rng.pick(Phrases.procurement).render(fill, &rng)) }
        if d.championLeft { parts.append(rng.pick(["Their champion left the company mid-cycle.", "The {R} who championed us moved on before the decision.", "Our main contact changed roles in the last month."].map(Template.init)).render(fill, &rng)) }
        paragraph(parts, &s)
    }

    mutating func crmData(_ s: inout String) {
        s += "## CRM data\n\n"
        let outcome = d.outcome == .won ? "Closed Won" : d.outcome == .lost ? "Closed Lost" : "Churned"
        s += "- Outcome: "; s += outcome
        if d.outcome == .lost { s += " at "; s += d.stage }
        s += "\n"
        s += "- ACV: $"; s += FrontMatter.thousands(d.acv)
        s += " ("; s += Vocabulary.segments[d.segment]; s += ", "; s += Vocabulary.regions[d.region]; s += ")\n"
        let reasonLabel = d.outcome == .won
            ? rng.pick(["Win reason", "Reason logged", "Win reason (rep)"])
            : rng.pick(["Loss reason", "Reason logged", "Loss reason (rep)", "Primary reason"])
        s += "- "; s += reasonLabel; s += ": "; s += d.crmReason ?? rng.pick(["not logged", "blank", "—"]); s += "\n"
        s += "- Competitor field: "; s += d.crmCompetitor ?? "not logged"; s += "\n"
        s += "- Owner: "; s += Vocabulary.reps[d.rep].name; s += "\n"
        if d.crmReason != nil && d.outcome != .won && rng.chance(0.35) {
            s += "- Rep note: "
            s += rng.pick(["lost on ", "came down to ", "in the end it was "])
            s += d.crmReason!.lowercased()
            s += d.selected != nil && d.selected != Vocabulary.noDecision && rng.chance(0.6) ? ", went with " + fill.competitor : ""
            s += ".\n"
        }
        s += "\n"
    }

    mutating func calls(_ s: inout String) {
        s += "## Call intelligence\n\n"
        let n = rng.int(3, 14)
        if d.hasCalls {
            let first = d.closed.shifted(by: -rng.int(40, 200))
            s += String(n); s += " recorded calls between "; s += first.monthYear; s += " and "; s += d.closed.monthYear; s += ".\n\n"
        } else {
            s += rng.pick(["No recorded calls; the notes below come from email threads.", "Calls were not recorded. Notes from email and the rep.", "Email only: no call recordings for this deal."])
            s += "\n\n"
        }
        // One bullet per topic (up to three), a competitor line, a process line or two.
        for (i, t) in d.topics.prefix(3).enumerated() {
            s += "- "
            topicBullet(t, calls: n, flip: i > 0 && rng.chance(0.15), &s)
            s += "\n"
        }
        if d.primary != Vocabulary.noDecision && rng.chance(0.75) {
            var f = fill
            f.competitor = textName(d.primary)
            s += "- "; rng.pick(Phrases.competitorBullets).render(into: &s, f, &rng)
            if rng.chance(0.4) {
                s += " Described as \""; s += rng.pick(Vocabulary.competitors[d.primary].blurb); s += "\"."
            }
            s += "\n"
        }
        let process = rng.chance(0.3) ? Phrases.processNeutral : against ? Phrases.processAgainst : Phrases.processFor
        for _ in 0..<rng.int(1, 2) {
            s += "- "; rng.pick(process).render(into: &s, fill, &rng); s += "\n"
        }
        s += "\n"
        if d.hasCalls && rng.chance(0.45) {
            let source = rng.chance(0.85) ? "call" : "email"
            quote(topic: d.topics[0], source: source, date: d.closed.shifted(by: -rng.int(5, 90)), &s)
        }
    }

    mutating func interview(_ s: inout String) {
        s += "## Buyer interview\n\n"
        rng.pick(Phrases.interviewIntro).render(into: &s, fill, &rng)
        s += "\n\n"
        let base = d.closed.shifted(by: rng.int(7, 45))
        quote(topic: d.topics[0], source: "interview", date: base, &s)
        if d.topics.count > 1 && rng.chance(0.7) {
            quote(topic: d.topics[1], source: "interview", date: base, &s)
        }
        if rng.chance(0.5) { quote(topic: nil, source: "interview", date: base, &s) }
        let wrap = against ? Phrases.interviewWrapAgainst : Phrases.interviewWrapFor
        var w = rng.pick(wrap)
        if let r = w.range(of: "{L}") { w.replaceSubrange(r, with: midSentence(rng.pick(Phrases.topicLabels[d.topics[0].rawValue]))) }
        s += w; s += "\n\n"
    }

    mutating func gaps(_ s: inout String) {
        s += "## Gaps\n\n"
        var used = Set<Int>()
        let n = rng.int(1, 3)
        for i in 0..<n {
            let t: Template
            if i < d.topics.count && rng.chance(0.6) {
                t = rng.pick(Phrases.gapsByTopic[d.topics[i].rawValue])
            } else {
                let k = rng.below(Phrases.gapsGeneral.count)
                if used.contains(k) { continue }
                used.insert(k)
                t = Phrases.gapsGeneral[k]
            }
            s += "- "; t.render(into: &s, fill, &rng); s += "\n"
        }
    }

    // MARK: Pieces

    mutating func topicBullet(_ t: Topic, calls n: Int, flip: Bool, _ s: inout String) {
        let label = rng.pick(Phrases.topicLabels[t.rawValue])
        let neg = against != flip
        let tone = neg ? rng.pick(Phrases.toneAgainst) : rng.pick(Phrases.toneFor)
        let k = rng.int(1, n)
        switch rng.below(6) {
        case 0: s += label; s += " came up on "; s += String(k); s += " of "; s += String(n); s += " calls, first in the "; s += rng.pick(Fill.ordinals); s += " meeting."
        case 1: s += label; s += " was raised by the "; s += d.champion; s += " on the "; s += rng.pick(Fill.ordinals); s += " call and again near the end."
        case 2: s += label; s += ": discussed at length on "; s += calls(k); s += "; tone "; s += tone; s += "."
        case 3: s += label; s += " was the main thread of the meeting with the "; s += rng.pick(Vocabulary.roles); s += " in "; s += d.closed.shifted(by: -rng.int(10, 90)).monthYear; s += "."
        case 4: s += label; s += " appeared in "; s += String(rng.int(2, 6)); s += " email threads and on "; s += calls(k); s += "; tone "; s += tone; s += "."
        default: s += label; s += " was the first question on the "; s += rng.pick(Fill.ordinals); s += " call."
        }
    }

    /// The words of one buyer quote (no quote marks, no attribution).
    mutating func quoteWords(topic: Topic?) -> String {
        var text = ""
        var neg = against
        var lead = rng.pick(Phrases.openers)
        if let t = topic, !against, d.topics.count > 1, t != d.topics[0], rng.chance(0.25) {
            neg = true
            lead = rng.pick(Phrases.mixedLead)
        }
        let bank: [Template]
        if let t = topic {
            bank = neg ? Phrases.quoteAgainst[t.rawValue] : Phrases.quoteFor[t.rawValue]
        } else {
            bank = neg ? Phrases.quoteAgainstGeneral : rng.chance(0.5) ? Phrases.quoteForGeneral : Phrases.quoteGeneral
        }
        text += lead
        rng.pick(bank).render(into: &text, fill, &rng)
        if let t = topic, rng.chance(0.22) {
            // A second thought, on another of the deal's topics or on nothing in particular.
            let others = d.topics.filter { $0 != t }
            let second: Template
            if let o = others.first, rng.chance(0.6) {
                second = rng.pick(neg ? Phrases.quoteAgainst[o.rawValue] : Phrases.quoteFor[o.rawValue])
            } else {
                second = rng.pick(neg ? Phrases.quoteAgainstGeneral : Phrases.quoteForGeneral)
            }
            let joiner = rng.pick(Phrases.joiners)
            text += joiner
            second.render(into: &text, fill, &rng)
        }
        text += "."
        let closers = rng.chance(0.75) ? Phrases.closers : neg ? Phrases.closersAgainst : Phrases.closersFor
        rng.pick(closers).render(into: &text, fill, &rng)
        return capitalizedFirst(text)
    }

    /// A top-level block quote with (usually) an attribution line.
    mutating func quote(topic: Topic?, source: String, date: CivilDate, _ s: inout String) {
        let words = quoteWords(topic: topic)
        let marks = rng.weighted([0.45, 0.2, 0.35])
        var body = marks == 0 ? "\"" + words + "\"" : marks == 1 ? "“" + words + "”" : words
        // Sometimes the quote runs over two lines or two paragraphs.
        var lines: [String] = [body]
        if rng.chance(0.3), let r = body.range(of: ". ") {
            let first = String(body[..<r.lowerBound]) + "."
            let rest = String(body[r.upperBound...])
            lines = rng.chance(0.5) ? [first, rest] : [first, "", rest]
        } else if body.utf8.count > 90 && rng.chance(0.3) {
            let mid = body.index(body.startIndex, offsetBy: body.count / 2)
            if let sp = body[mid...].firstIndex(of: " ") {
                lines = [String(body[..<sp]), String(body[body.index(after: sp)...])]
            }
        }
        body = ""
        for l in lines {
            s += l.isEmpty ? ">\n" : "> " + l + "\n"
        }
        // Attribution.
        if rng.chance(0.92) {
            let dash = ["— ", "— ", "— ", "— ", "— ", "— ", "— ", "– ", "-- "][rng.below(9)]
            var speaker = fill.role
            if topic == nil || rng.chance(0.3) { speaker = rng.pick(Vocabulary.roles) }
            s += "> "; s += dash; s += speaker
            let withDate = rng.chance(0.85)
            if withDate && rng.chance(0.05) {
                s += ", "; s += date.iso; s += ", "; s += source
            } else {
                s += ", "; s += source
                if withDate { s += ", "; s += date.iso }
            }
            s += "\n"
        }
        s += "\n"
    }

    /// Paragraph text, sometimes wrapped over two lines as people do.
    func paragraph(_ parts: [String], _ s: inout String) {
        for (i, p) in parts.enumerated() {
            if i > 0 { s += (i == parts.count / 2 && parts.count > 3) ? "\n" : " " }
            s += p
        }
        s += "\n\n"
    }

    func calls(_ k: Int) -> String { k == 1 ? "one call" : String(k) + " calls" }

    /// A label as it reads mid-sentence: `Pricing` → `pricing`, `SSO` stays.
    func midSentence(_ label: String) -> String {
        let u = Array(label.utf8.prefix(2))
        if u.count == 2, u[0] >= 65, u[0] <= 90, u[1] >= 97, u[1] <= 122 {
            return String(Character(Unicode.Scalar(u[0] + 32))) + label.dropFirst()
        }
        return label
    }
}

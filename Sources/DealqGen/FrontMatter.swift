/// Writes a deal's YAML front matter, varying the spellings the corpus
/// contract accepts (outcome forms, money forms, weight forms, quoting).
enum FrontMatter {
    static func write(_ d: Deal, into s: inout String, _ rng: inout SplitMix64) {
        s += "---\n"
        s += "id: "; s += d.id; s += "\n"
        s += "account: "; scalar(d.account, &s, &rng); s += "\n"
        s += "outcome: "; s += outcomeSpelling(d.outcome, &rng); s += "\n"
        s += "closed: "
        if rng.chance(0.1) { s += "\""; s += d.closed.iso; s += "\"" } else { s += d.closed.iso }
        s += "\n"
        if rng.chance(0.98) { s += "acv: "; s += money(d.acv, &rng); s += "\n" }
        s += "segment: "; s += Vocabulary.segments[d.segment]; s += "\n"
        s += "region: "; s += Vocabulary.regions[d.region]; s += "\n"
        s += "product: "; s += Vocabulary.products[d.product]; s += "\n"
        s += "rep: "; scalar(Vocabulary.reps[d.rep].name, &s, &rng); s += "\n"
        s += "stage: "; s += d.stage; s += "\n"
        s += "deal_type: "; s += d.dealType; s += "\n"

        // Competitors.
        s += "competitors:\n"
        s += "  primary: "; s += CRM.competitorName(d.primary, &rng, aliasRate: 0.15); s += "\n"
        if let inc = d.incumbent { s += "  incumbent: "; s += CRM.competitorName(inc, &rng, aliasRate: 0.15); s += "\n" }
        if let sel = d.selected { s += "  selected: "; s += CRM.competitorName(sel, &rng, aliasRate: 0.15); s += "\n" }
        if !d.others.isEmpty {
            let names = d.others.map { CRM.competitorName($0, &rng, aliasRate: 0.15) }
            if names.count == 1 && rng.chance(0.3) {
                s += "  others: "; s += names[0]; s += "\n"
            } else if rng.chance(0.6) {
                s += "  others: ["; s += names.joined(separator: ", "); s += "]\n"
            } else {
                s += "  others:\n"
                for n in names { s += "    - "; s += n; s += "\n" }
            }
        }

        // CRM.
        if d.crmReason != nil || d.crmCompetitor != nil || rng.chance(0.3) {
            s += "crm:\n"
            let key = d.outcome == .won ? "win_reason" : "loss_reason"
            if let r = d.crmReason { s += "  "; s += key; s += ": "; s += r; s += "\n" } else { s += "  "; s += key; s += ": null\n" }
            if let c = d.crmCompetitor { s += "  competitor: "; s += c; s += "\n" }
        }

        // Drivers: decimals usually, sometimes no weights (equal split), sometimes percentages (`60%`).
        let form = rng.weighted([0.82, 0.1, 0.08])
        s += "drivers:\n"
        for dr in d.drivers {
            s += "  - category: "; s += rng.chance(0.04) ? capitalizedFirst(dr.category) : dr.category; s += "\n"
            s += "    driver: "; scalar(dr.text, &s, &rng); s += "\n"
            if form == 0 { s += "    weight: "; s += decimal(dr.percent); s += "\n" }
            if form == 2 { s += "    weight: "; s += String(dr.percent); s += "%\n" }
            if !dr.explanation.isEmpty { s += "    explanation: "; scalar(dr.explanation, &s, &rng); s += "\n" }
        }

        if !d.statedTopics.isEmpty { s += "topics: "; flowList(d.statedTopics, &s); s += "\n" }
        if !d.tags.isEmpty {
            s += "tags: "
            if d.tags.count == 1 && rng.chance(0.3) { s += d.tags[0] } else { flowList(d.tags, &s) }
            s += "\n"
        }
        if rng.chance(0.8) {
            s += "sources: "; flowList(d.sources, &s); s += "\n"
        } else {
            s += "sources:\n"
            for x in d.sources { s += "  - "; s += x; s += "\n" }
        }
        if let c = d.confidence { s += "confidence: "; s += decimal(c); s += "\n" }
        if !d.insights.isEmpty {
            s += "insights:\n"
            for ins in d.insights {
                s += "  - area: "; scalar(ins.area, &s, &rng); s += "\n"
                s += "    label: "; s += ins.label; s += "\n"
                s += "    note: "; scalar(ins.note, &s, &rng); s += "\n"
            }
        }
        if let p = d.discountPct { s += "discount_pct: "; s += String(p); s += "\n" }
        if d.championLeft {
            s += "champion_left: true\n"
        } else if rng.chance(0.5) {
            s += "champion_left: false\n"
        }
        s += rng.chance(0.03) ? "...\n" : "---\n"
    }

    static func outcomeSpelling(_ o: Deal.Outcome, _ rng: inout SplitMix64) -> String {
        let r = rng.unit()
        switch o {
        case .won: return r < 0.8 ? "won" : r < 0.86 ? "Closed Won" : r < 0.91 ? "closed-won" : r < 0.95 ? "Won" : "closed_won"
        case .lost: return r < 0.8 ? "lost" : r < 0.86 ? "Closed Lost" : r < 0.91 ? "closed-lost" : r < 0.95 ? "Lost" : "closed_lost"
        case .churned: return r < 0.82 ? "churned" : r < 0.94 ? "churn" : "Churned"
        }
    }

    /// `0.6`, `0.35`, `1` from a whole percentage.
    static func decimal(_ percent: Int) -> String {
        if percent >= 100 { return "1.0" }
        if percent % 10 == 0 { return "0." + String(percent / 10) }
        return percent < 10 ? "0.0" + String(percent) : "0." + String(percent)
    }

    /// One of the money forms the contract accepts.
    static func money(_ v: Int, _ rng: inout SplitMix64) -> String {
        let r = rng.unit()
        if v >= 1_000_000 && v % 10_000 == 0 && r < 0.5 {
            let m = v / 10_000  // hundredths of a million
            var t = String(m / 100)
            let frac = m % 100
            if frac != 0 { t += frac % 10 == 0 ? "." + String(frac / 10) : (frac < 10 ? ".0" : ".") + String(frac) }
            return rng.chance(0.5) ? "\"$" + t + "M\"" : (rng.chance(0.5) ? t + "M" : "\"$" + t + "m\"")
        }
        if r < 0.4 { return String(v) }
        if r < 0.55 { return "\"" + thousands(v) + "\"" }
        if v % 100 == 0 {
            let k = v / 100  // tenths of a thousand
            var t = String(k / 10)
            if k % 10 != 0 { t += "." + String(k % 10) }
            if r < 0.8 { return "\"$" + t + "K\"" }
            if r < 0.93 { return t + "k" }
            return "$" + t + "K"
        }
        return String(v) + ".00"
    }

    static func thousands(_ v: Int) -> String {
        let digits = Array(String(v))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    static func flowList(_ items: [String], _ s: inout String) {
        s += "["
        for (i, x) in items.enumerated() {
            if i > 0 { s += ", " }
            s += x
        }
        s += "]"
    }

    /// A string scalar: plain when YAML allows it, otherwise (and now and then anyway) quoted.
    static func scalar(_ v: String, _ s: inout String, _ rng: inout SplitMix64) {
        if needsQuotes(v) || rng.chance(0.06) {
            s += "\""
            for ch in v.unicodeScalars {
                if ch == "\"" || ch == "\\" { s += "\\" }
                s.unicodeScalars.append(ch)
            }
            s += "\""
        } else {
            s += v
        }
    }

    static func needsQuotes(_ v: String) -> Bool {
        guard let first = v.unicodeScalars.first else { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if v.contains(": ") || v.contains(" #") || v.hasSuffix(":") || v.hasSuffix(" ") { return true }
        let lower = v.lowercased()
        if ["yes", "no", "true", "false", "null", "~", "on", "off", "y", "n"].contains(lower) { return true }
        if v.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "-" }) { return true }
        return false
    }
}

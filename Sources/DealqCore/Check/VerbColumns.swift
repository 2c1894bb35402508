import DealqLanguage

/// The exact column names of each verb's answer (the CSV header, the JSON keys).
public enum VerbColumns {
    public static func names(_ verb: Verb, groupBy: [String], hasText: Bool, weighByACV: Bool = false) -> [String] {
        if weighByACV && verb == .winrate {
            return (groupBy.isEmpty ? ["group"] : groupBy) + ["deals", "effective_deals", "won_acv", "lost_acv", "winrate", "lift", "ci_low", "ci_high"]
        }
        if weighByACV && verb == .drivers {
            return groupBy + ["category", "acv", "share", "deals"]
        }
        switch verb {
        case .deals:
            return ["id", "account", "outcome", "acv", "closed", "competitor", "top_driver"] + (hasText ? ["snippet"] : [])
        case .quotes:
            return ["quote", "speaker", "source", "date", "section", "deal", "account", "outcome", "acv"]
        case .count:
            return groupBy + ["deals"]
        case .winrate:
            return (groupBy.isEmpty ? ["group"] : groupBy) + ["deals", "won", "lost", "winrate", "lift", "ci_low", "ci_high"]
        case .drivers:
            return groupBy + ["category", "weight", "share", "deals"]
        case .insights:
            return ["area", "label", "note", "deal", "account", "outcome", "acv"]
        case .audit:
            return groupBy + ["deals", "lost", "crm_reason", "competitor", "selected", "interview", "mismatch"]
        case .prioritize:
            return ["deal", "account", "outcome", "acv", "closed", "score", "reason"]
        }
    }

    /// Verbs that take `weight:acv`.
    public static let weighing: Set<Verb> = [.winrate, .drivers]

    /// Verbs that take `by`.
    public static let grouping: Set<Verb> = [.count, .winrate, .drivers, .audit]
}

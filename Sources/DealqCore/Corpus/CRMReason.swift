/// Reads what a rep logged in the CRM as a driver category, to compare it
/// with the evidence (the heaviest driver). A reason names a category when
/// one of its words is the category's name or a common synonym; reasons like
/// "Other" or "Went dark" name none and cannot be compared.
public enum CRMReason {
    /// Words (lower-cased) that tie a reason to a category; the first category that matches wins.
    public static let keywords: [(category: String, words: [String])] = [
        ("competitive", ["competitor", "competitors", "competition", "competitive"]),
        ("pricing", ["price", "prices", "pricing", "budget", "cost", "costs", "expensive", "discount"]),
        ("implementation", ["implementation", "implement", "onboarding", "deployment", "rollout", "resourcing",
                            "integration", "integrations", "migration", "setup"]),
        ("product", ["product", "feature", "features", "functionality", "capability", "fit"]),
        ("relationship", ["relationship", "champion", "contact", "sponsor", "trust"]),
        ("timing", ["timing", "timeline", "priority", "priorities", "delay", "delayed", "postponed"]),
    ]

    /// The driver category a CRM reason names, or nil.
    public static func category(of reason: String) -> String? {
        let words = Set(FullText.words(reason))
        if words.contains("decision") && words.contains("no") { return "timing" }
        for entry in keywords where entry.words.contains(where: words.contains) { return entry.category }
        return nil
    }
}

extension Deal {
    /// True when the rep's CRM reason (loss reason when lost, win reason when
    /// won) names another category than the heaviest driver; nil when either
    /// side is missing or the reason names no category.
    public var mismatch: Bool? { mismatch(category: CRMReason.category(of:)) }

    /// `mismatch`, with the category of a CRM reason read by `category` (the
    /// indexer remembers the few reasons a CRM offers instead of reading each again).
    func mismatch(category: (String) -> String?) -> Bool? {
        let reason: String?
        switch outcome {
        case .lost: reason = crm.lossReason
        case .won: reason = crm.winReason
        case .churned: reason = nil
        }
        guard let reason, let logged = category(reason), let evidence = topDriver else { return nil }
        return logged != evidence
    }
}

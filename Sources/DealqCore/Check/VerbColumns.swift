import DealqLanguage

/// The exact column names of each verb's answer (the CSV header, the JSON keys).
public enum VerbColumns {
    public static func names(_ verb: Verb, groupBy: [String], hasText: Bool, weighByACV: Bool = false) -> [String] {
        Verbs.answer(verb, weighByACV: weighByACV).columns(groups: groupBy, hasText: hasText).map(\.name)
    }

    /// Verbs that take `weight:acv`.
    public static let weighing: Set<Verb> = [.winrate, .drivers]

    /// Verbs that take `by`.
    public static let grouping: Set<Verb> = [.count, .winrate, .drivers, .audit]
}

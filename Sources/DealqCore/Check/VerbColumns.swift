import DealqLanguage

/// The exact column names of each verb's answer (the CSV header, the JSON keys).
enum VerbColumns {
    static func names(_ verb: Verb, groupBy: [String], hasText: Bool, weighByACV: Bool = false) -> [String] {
        Verbs.answer(verb, weighByACV: weighByACV).columns(groups: groupBy, hasText: hasText).map(\.name)
    }

    /// Verbs that take `weight:acv`.
    static let weighing: Set<Verb> = [.winrate, .drivers]

    /// Verbs that take `by`.
    static let grouping: Set<Verb> = [.count, .winrate, .drivers, .audit]
}

import DealqLanguage

/// The exact column names of each verb's answer (the CSV header, the JSON keys).
enum VerbColumns {
    static func names(_ verb: Verb, groupBy: [String], hasText: Bool, weighByACV: Bool = false) -> [String] {
        Verbs.answer(verb, weighByACV: weighByACV).columns(groups: groupBy, hasText: hasText).map(\.name)
    }

    /// Why grouping the verb by the facet would give an answer with two columns of
    /// one name (`drivers by category`, or a custom field named like a column), or nil.
    static func clash(_ verb: Verb, groupingBy facet: String) -> CheckError? {
        if verb == .drivers && facet == "category" { return .driversByCategory }
        for weighByACV in weighing.contains(verb) ? [false, true] : [false] {
            for hasText in [false, true] {
                let columns = names(verb, groupBy: [facet], hasText: hasText, weighByACV: weighByACV)
                if columns.filter({ $0 == facet }).count > 1 { return .groupNamesColumn(verb: verb, facet: facet) }
            }
        }
        return nil
    }

    /// Verbs that take `weight:acv`.
    static let weighing: Set<Verb> = [.winrate, .drivers]

    /// Verbs that take `by`.
    static let grouping: Set<Verb> = [.count, .winrate, .drivers, .audit]
}

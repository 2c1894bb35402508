import DealqLanguage

/// The hints read off the query's own words (no index needed): command and
/// joining words searched as text, and text terms narrowing a count.
enum QueryHints {
    struct Found {
        var hint: QueryHint
        var range: SourceRange
    }

    static func of(_ query: Query) -> [Found] {
        var found: [Found] = []
        for term in textTerms(query.filters) where term.kind == .word {
            let word = term.text.lowercased()
            if let advice = QueryHint.commandAdvice[word] {
                found.append(Found(hint: .commandWord(word: term.text, advice: advice), range: term.range))
            }
        }
        // A text term alone is the question ('count WORD'); beside other filters or groups it is easily missed.
        let positive = positiveTextTerms(query.filters)
        if QueryHint.countingVerbs.contains(query.verb.rawValue), let first = positive.first,
           positive.count < query.filters.count || !query.groupBy.isEmpty {
            found.append(Found(hint: .textNarrowsCount(verb: query.verb.rawValue, words: positive.map(\.text)), range: first.range))
        }
        return found
    }

    /// Every text term, at any depth.
    static func textTerms(_ filters: [Filter]) -> [TextTerm] {
        filters.flatMap { filter -> [TextTerm] in
            if case .text(let term) = filter { return [term] }
            return textTerms(filter.children)
        }
    }

    /// Text terms the deals must contain: those at the top level (joined by the implicit AND).
    static func positiveTextTerms(_ filters: [Filter]) -> [TextTerm] {
        filters.compactMap { filter in
            if case .text(let term) = filter { return term }
            return nil
        }
    }
}

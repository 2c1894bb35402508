import DealqLanguage

/// The state of one check: errors and notes collected, values interpreted.
struct Context {
    let checker: Checker
    var errors: [CheckProblem] = []
    var notes: [Diagnostic] = []

    init(checker: Checker) {
        self.checker = checker
    }

    mutating func error(_ error: CheckError, _ range: SourceRange, suggestion: String? = nil) {
        errors.append(CheckProblem(error: error, range: range, suggestion: suggestion))
    }

    /// Facet names a person could mean, for "did you mean".
    var knownNames: [String] { checker.catalog.names }

    mutating func facet(_ name: FacetName) -> Catalog.Facet? {
        if let facet = checker.catalog.facet(name.name) { return facet }
        error(.unknownFacet(name.name), name.range, suggestion: Suggest.closest(to: name.name, among: knownNames))
        return nil
    }

    enum Level { case deal, quote, mixed }

    /// For `quotes`: whether a filter selects deals, quotes, or mixes both.
    func level(of filter: Filter) -> Level {
        switch filter {
        case .text: return .quote
        case .facet(let f): return checker.catalog.facet(f.facet.name)?.isTopic == true ? .quote : .deal
        case .has, .since, .before: return .deal
        case .not(let inner, _): return level(of: inner)
        case .and(let parts, _), .or(let parts, _):
            let levels = Set(parts.map { level(of: $0) })
            if levels.contains(.mixed) || levels.count > 1 { return .mixed }
            return levels.first ?? .deal
        }
    }

    func phrase(_ term: TextTerm) -> String? {
        FullText.phrase(term.text, prefix: term.kind == .prefix)
    }

    mutating func predicate(_ filter: Filter) -> Predicate? {
        switch filter {
        case .text(let term):
            guard let phrase = phrase(term) else {
                error(.nothingToSearch(term: term.text), term.range)
                return nil
            }
            if term.kind == .prefix, let lookup = checker.lookup,
               lookup.prefixWords(phrase, atMost: QueryLimits.prefixWords) > QueryLimits.prefixWords {
                error(.prefixTooBroad(term: term.text, limit: QueryLimits.prefixWords), term.range)
                return nil
            }
            return .text(phrase)
        case .facet(let f):
            return facetPredicate(f)
        case .has(let name, _):
            guard let facet = facet(name) else { return nil }
            return .facet(facet, .has)
        case .since(let value, _):
            guard let period = datePeriod(value, facet: "since") else { return nil }
            return .facet(closedFacet, .compare(">=", .text(period.first.description)))
        case .before(let value, _):
            guard let period = datePeriod(value, facet: "before") else { return nil }
            return .facet(closedFacet, .compare("<", .text(period.first.description)))
        case .not(let inner, _):
            return predicate(inner).map { .not($0) }
        case .and(let parts, _):
            let predicates = parts.compactMap { predicate($0) }
            return predicates.count == parts.count ? .and(predicates) : nil
        case .or(let parts, _):
            let predicates = parts.compactMap { predicate($0) }
            return predicates.count == parts.count ? .or(predicates) : nil
        }
    }

    var closedFacet: Catalog.Facet { checker.catalog.facet("closed")! }

    mutating func datePeriod(_ value: Value, facet: String) -> Period? {
        if let period = Literal.dateRange(value.text, today: checker.today) { return period }
        error(.notADate(text: value.text, facet: facet), value.range)
        return nil
    }

    mutating func facetPredicate(_ f: FacetFilter) -> Predicate? {
        guard let facet = facet(f.facet) else { return nil }
        switch facet.kind {
        case .number: return numberPredicate(facet, f)
        case .date: return datePredicate(facet, f)
        case .text, .list: return textPredicate(facet, f)
        }
    }

    // MARK: numbers

    mutating func number(_ value: Value, _ facet: Catalog.Facet) -> SQLValue? {
        if let n = Literal.number(value.text) { return .number(n) }
        error(.notANumber(text: value.text, facet: facet.name), value.range)
        return nil
    }

    mutating func numberPredicate(_ facet: Catalog.Facet, _ f: FacetFilter) -> Predicate? {
        switch f.test {
        case .oneOf(let values):
            let numbers = values.compactMap { number($0, facet) }
            return numbers.count == values.count ? .facet(facet, .anyOf(numbers)) : nil
        case .range(let lower, let upper):
            let lo = lower.map { number($0, facet) }, hi = upper.map { number($0, facet) }
            if lo == .some(nil) || hi == .some(nil) { return nil }
            if case .number(let a)?? = lo, case .number(let b)?? = hi, a > b {
                error(.emptyNumberRange(lower: lower?.text ?? "", upper: upper?.text ?? ""), f.range)
                return nil
            }
            return .facet(facet, .between(lo ?? nil, hi ?? nil))
        case .compare(let op, let value):
            guard let n = number(value, facet) else { return nil }
            return comparison(facet, op, equal: .anyOf([n]), lower: n, upper: n)
        }
    }

    /// `=`/`!=` as equality, the others as bounds (`>` after `upper`, `>=` from `lower`…).
    func comparison(_ facet: Catalog.Facet, _ op: ComparisonOperator, equal: Condition, lower: SQLValue, upper: SQLValue) -> Predicate {
        switch op {
        case .equal: return .facet(facet, equal)
        case .notEqual: return .not(.facet(facet, equal))
        case .greater: return .facet(facet, .compare(">", upper))
        case .greaterOrEqual: return .facet(facet, .compare(">=", lower))
        case .less: return .facet(facet, .compare("<", lower))
        case .lessOrEqual: return .facet(facet, .compare("<=", upper))
        }
    }

    // MARK: dates

    mutating func datePredicate(_ facet: Catalog.Facet, _ f: FacetFilter) -> Predicate? {
        func period(_ value: Value) -> Period? { datePeriod(value, facet: facet.name) }
        func within(_ p: Period) -> Condition { .between(.text(p.first.description), .text(p.last.description)) }
        switch f.test {
        case .oneOf(let values):
            let periods = values.compactMap { period($0) }
            guard periods.count == values.count else { return nil }
            let parts = periods.map { Predicate.facet(facet, within($0)) }
            return parts.count == 1 ? parts[0] : .or(parts)
        case .range(let lower, let upper):
            let lo = lower.map { period($0) }, hi = upper.map { period($0) }
            if lo == .some(nil) || hi == .some(nil) { return nil }
            if let a = lo ?? nil, let b = hi ?? nil, a.first > b.last {
                error(.emptyDateRange(lower: lower?.text ?? "", upper: upper?.text ?? ""), f.range)
                return nil
            }
            return .facet(facet, .between((lo ?? nil).map { .text($0.first.description) }, (hi ?? nil).map { .text($0.last.description) }))
        case .compare(let op, let value):
            guard let p = period(value) else { return nil }
            return comparison(facet, op, equal: within(p), lower: .text(p.first.description), upper: .text(p.last.description))
        }
    }

    // MARK: text and lists

    /// The key a typed value compares by: lower-cased; competitor aliases resolved; outcome spellings normalised.
    func key(_ value: Value, _ facet: Catalog.Facet) -> String {
        if facet.isExact { return value.text }
        var text = value.text
        if facet.isCompetitor { text = checker.aliases[text.lowercased()] ?? text }
        if facet.name == "outcome" {
            switch text.lowercased().trimmingCharacters(in: .whitespaces) {
            case "closed won", "closed-won", "closed_won": text = "won"
            case "closed lost", "closed-lost", "closed_lost": text = "lost"
            case "churn": text = "churned"
            default: break
            }
        }
        return text.lowercased()
    }

    mutating func textPredicate(_ facet: Catalog.Facet, _ f: FacetFilter) -> Predicate? {
        switch f.test {
        case .oneOf(let values):
            for value in values { noteIfMissing(value, facet) }
            let keys = values.map { SQLValue.text(key($0, facet)) }
            return .facet(facet, .anyOf(keys))
        case .range(let lower, let upper):
            guard facet.isTime else {
                error(.rangeOnText(facet: facet.name, isList: facet.kind == .list), f.range)
                return nil
            }
            return .facet(facet, .between(lower.map { .text(key($0, facet)) }, upper.map { .text(key($0, facet)) }))
        case .compare(let op, let value):
            switch op {
            case .equal, .notEqual:
                noteIfMissing(value, facet)
                let equal = Predicate.facet(facet, .anyOf([.text(key(value, facet))]))
                return op == .equal ? equal : .not(equal)
            default:
                guard facet.isTime else {
                    error(.comparisonOnText(operator: op.rawValue, facet: facet.name, isList: facet.kind == .list), f.range)
                    return nil
                }
                let k = SQLValue.text(key(value, facet))
                return .facet(facet, .compare(op.rawValue, k))
            }
        }
    }

    /// A note when no deal has the value, naming close values.
    mutating func noteIfMissing(_ value: Value, _ facet: Catalog.Facet) {
        guard let lookup = checker.lookup, !facet.isExact else { return }
        let key = key(value, facet)
        guard !lookup.hasValue(facet: facet.name, key: key) else { return }
        let values = lookup.values(facet: facet.name)
        var close = Suggest.matches(for: value.text, among: values, limit: 3)
        if close.isEmpty {
            // A close word inside a longer value: 'acmee' → 'Acme Analytics'.
            close = values.filter { candidate in
                candidate.lowercased().contains(key)
                    || Suggest.closest(to: value.text, among: FullText.words(candidate)) != nil
            }.prefix(3).map { $0 }
        }
        let hint = close.isEmpty ? "" : "; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
        notes.append(Diagnostic(.note, message: "no \(facet.name) '\(value.text)'\(hint)", range: value.range))
    }
}


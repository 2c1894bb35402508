// Comparing trees without their ranges: two parses of different spellings of
// the same query are equivalent.

extension Query {
    /// The same query with every range set to ``SourceRange/zero`` and no
    /// verb range (a written `deals` and an implied one are the same query).
    public func strippingRanges() -> Query {
        Query(
            verb: verb, verbRange: nil,
            filters: filters.map { $0.strippingRanges() },
            groupBy: groupBy.map { FacetName($0.name) },
            options: Options(
                sort: options.sort.map { SortOption(field: $0.field, ascending: $0.ascending) },
                limit: options.limit.map { LimitOption(value: $0.value.strippingRange()) },
                weight: options.weight.map { WeightOption(value: $0.value.strippingRange()) },
                compared: options.compared.map { WeightOption(value: $0.value.strippingRange()) }),
            range: .zero)
    }

    /// True when both queries are equal apart from their ranges.
    public func isEquivalent(to other: Query) -> Bool {
        strippingRanges() == other.strippingRanges()
    }
}

extension Filter {
    /// The same filter with every range set to ``SourceRange/zero``.
    public func strippingRanges() -> Filter {
        switch self {
        case .text(let term):
            return .text(TextTerm(kind: term.kind, text: term.text))
        case .facet(let f):
            let test: FacetTest
            switch f.test {
            case .oneOf(let values): test = .oneOf(values.map { $0.strippingRange() })
            case .range(let lower, let upper):
                test = .range(lower: lower?.strippingRange(), upper: upper?.strippingRange())
            case .compare(let op, let value): test = .compare(op, value.strippingRange())
            }
            return .facet(FacetFilter(facet: FacetName(f.facet.name), test: test))
        case .has(let facet, _): return .has(FacetName(facet.name), .zero)
        case .since(let value, _): return .since(value.strippingRange(), .zero)
        case .before(let value, _): return .before(value.strippingRange(), .zero)
        case .not(let operand, _): return .not(operand.strippingRanges(), .zero)
        case .and(let terms, _): return .and(terms.map { $0.strippingRanges() }, .zero)
        case .or(let terms, _): return .or(terms.map { $0.strippingRanges() }, .zero)
        }
    }
}

extension Value {
    /// The same value with its range set to ``SourceRange/zero``.
    public func strippingRange() -> Value {
        Value(text, isQuoted: isQuoted)
    }
}

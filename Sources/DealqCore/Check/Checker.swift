import DealqLanguage

/// What the checker may ask the index about values (for notes on values no deal has).
public protocol ValueLookup: Sendable {
    /// True when some deal has this key (lower-cased value) for the facet.
    func hasValue(facet: String, key: String) -> Bool
    /// The facet's values as shown (most common spelling), most common first.
    func values(facet: String) -> [String]
    /// How many different words of the full-text index the FTS5 phrase
    /// (ending in a prefix, `"implement" *`) stands for, counted up to `atMost + 1`.
    func prefixWords(_ phrase: String, atMost: Int) -> Int
}

extension ValueLookup {
    public func prefixWords(_ phrase: String, atMost: Int) -> Int { 0 }
}

/// Checks a parsed query against the facet catalog: resolves facets,
/// interprets values by kind, and reports every error, not just the first.
public struct Checker: Sendable {
    public var catalog: Catalog
    /// Lower-cased competitor alias or name → canonical name.
    public var aliases: [String: String]
    public var today: CalendarDate
    public var lookup: (any ValueLookup)?

    public init(catalog: Catalog, aliases: [String: String] = [:], today: CalendarDate, lookup: (any ValueLookup)? = nil) {
        self.catalog = catalog
        self.aliases = aliases
        self.today = today
        self.lookup = lookup
    }

    public struct Result: Sendable {
        public var query: CheckedQuery
        /// Notes for stderr: values that match no deal, with close values.
        public var notes: [Diagnostic]
    }

    /// - Throws: every error found, in source order.
    public func check(_ query: Query) throws(CheckErrors) -> Result {
        var context = Context(checker: self)
        var checked = CheckedQuery(verb: query.verb)

        QueryLimits.check(query.filters, into: &context)
        if !context.errors.isEmpty { throw CheckErrors(problems: context.errors) }

        var dealParts: [Predicate] = []
        var quoteParts: [Predicate] = []
        for filter in query.filters {
            guard let predicate = context.predicate(filter) else { continue }
            if query.verb == .quotes {
                switch context.level(of: filter) {
                case .deal: dealParts.append(predicate)
                case .quote: quoteParts.append(predicate)
                case .mixed:
                    context.error(.quotesAndDealsMixed, filter.range)
                }
            } else {
                dealParts.append(predicate)
            }
        }
        checked.filter = Self.conjunction(dealParts)
        checked.quoteFilter = Self.conjunction(quoteParts)
        checked.rankTerms = query.filters.compactMap { filter -> String? in
            if case .text(let term) = filter { return context.phrase(term) }
            return nil
        }

        if !query.groupBy.isEmpty && !VerbColumns.grouping.contains(query.verb) {
            context.error(.groupingNotTaken(verb: query.verb), query.groupBy[0].range)
        } else if query.groupBy.count > 2 {
            context.error(.tooManyGroups, query.groupBy[2].range)
        }
        for name in query.groupBy.prefix(2) {
            guard let facet = context.facet(name) else { continue }
            if facet.kind == .number || (facet.kind == .date && facet.storage != .facetRows) {
                context.error(.groupByMeasure(facet: facet.name, kind: facet.kind.rawValue), name.range)
            } else if checked.groupBy.contains(facet) {
                context.error(.groupedTwice(facet: facet.name), name.range)
            } else if let clash = VerbColumns.clash(query.verb, groupingBy: facet.name) {
                context.error(clash, name.range)
            } else {
                checked.groupBy.append(facet)
            }
        }

        if let weight = query.options.weight {
            if weight.value.text.lowercased() != "acv" {
                context.error(.weightNotACV(text: weight.value.text), weight.value.range)
            } else if !VerbColumns.weighing.contains(query.verb) {
                context.error(.weightNotTaken(verb: query.verb), weight.range)
            } else {
                checked.weighByACV = true
            }
        }
        let columns = VerbColumns.names(query.verb, groupBy: checked.groupBy.map(\.name), hasText: !checked.rankTerms.isEmpty,
                                        weighByACV: checked.weighByACV)
        if let sort = query.options.sort {
            let field = sort.field.lowercased()
            if columns.contains(field) {
                checked.sort = CheckedQuery.Sort(column: field, ascending: sort.ascending)
            } else {
                context.error(.unknownSortColumn(verb: query.verb, text: sort.field, columns: columns), sort.fieldRange, suggestion: Suggest.closest(to: sort.field, among: columns))
            }
        }
        if let compared = query.options.compared {
            switch compared.value.text.lowercased() {
            case _ where query.verb != .terms:
                context.error(.comparedTextNotTaken(verb: query.verb), compared.range)
            case "quotes": checked.compared = .quotes
            case "bodies": checked.compared = .bodies
            default:
                context.error(.comparedTextUnknown(text: compared.value.text), compared.value.range,
                              suggestion: Suggest.closest(to: compared.value.text, among: ["quotes", "bodies"]))
            }
        }
        if query.verb == .terms, query.filters.isEmpty {
            context.error(.termsWithoutFilter, query.verbRange ?? query.range)
        }
        if let limit = query.options.limit {
            if let rows = limit.rows {
                checked.limit = rows
            } else {
                context.error(.badLimit(text: limit.value.text), limit.value.range)
            }
        }
        if !context.errors.isEmpty { throw CheckErrors(problems: context.errors) }
        return Result(query: checked, notes: context.notes)
    }

    static func conjunction(_ parts: [Predicate]) -> Predicate? {
        switch parts.count {
        case 0: return nil
        case 1: return parts[0]
        default: return .and(parts)
        }
    }
}

/// Every error of a query, in source order.
public struct CheckErrors: Error, Sendable, Equatable {
    var problems: [CheckProblem]

    /// The errors worded, each with its range.
    public var diagnostics: [Diagnostic] { problems.map(\.diagnostic) }
}

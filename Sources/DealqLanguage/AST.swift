/// What a query asks for. The verb is the query's first word when it is one
/// of these (in lowercase); otherwise it is ``deals``.
public enum Verb: String, Hashable, Sendable, CaseIterable {
    /// The matching deals.
    case deals
    /// Buyer quotes from the matching deals.
    case quotes
    /// How many deals match.
    case count
    /// Won ÷ (won + lost), per group.
    case winrate
    /// Driver categories, weighted.
    case drivers
    /// Product insights of the matching deals.
    case insights
    /// The data-quality picture: CRM reasons, competitors, interviews, disagreement.
    case audit
    /// Which deals to interview next: uncertain drivers, weighed by ACV and recency.
    case prioritize
    /// What the matching deals' buyers say that the other deals' buyers do not.
    case terms
}

/// One parsed query: `[verb] { filter | by f {, f} | option }`.
///
/// Every node carries the range of text it came from; compare queries without
/// their ranges with ``isEquivalent(to:)``.
public struct Query: Hashable, Sendable {
    /// The verb; ``Verb/deals`` when none was written.
    public var verb: Verb
    /// Where the verb was written; nil when it was implied.
    public var verbRange: SourceRange?
    /// Top-level filters, all of which must hold (an implicit AND).
    public var filters: [Filter]
    /// The `by` facets, in order (several `by` clauses are joined).
    public var groupBy: [FacetName]
    /// `sort:` and `limit:`.
    public var options: Options
    /// The whole query text.
    public var range: SourceRange

    public init(
        verb: Verb = .deals, verbRange: SourceRange? = nil, filters: [Filter] = [],
        groupBy: [FacetName] = [], options: Options = Options(), range: SourceRange = .zero
    ) {
        self.verb = verb
        self.verbRange = verbRange
        self.filters = filters
        self.groupBy = groupBy
        self.options = options
        self.range = range
    }
}

/// A filter expression. Text terms, facet tests and their combinations.
public indirect enum Filter: Hashable, Sendable {
    /// `word`, `"a phrase"` or `pref*`: full-text match over the deal.
    case text(TextTerm)
    /// `facet:value`, `facet:v1,v2`, `facet:lo..hi`, `facet>v` and the other comparisons.
    case facet(FacetFilter)
    /// `has:facet`: the facet has a value. The range covers `has:facet`.
    case has(FacetName, SourceRange)
    /// `since:D`: closed on or after D. The range covers `since:D`.
    case since(Value, SourceRange)
    /// `before:D`: closed before D. The range covers `before:D`.
    case before(Value, SourceRange)
    /// `-f` or `not f`. The range covers the operator and the operand.
    case not(Filter, SourceRange)
    /// All of the filters: a parenthesized group of two or more. The range covers the parentheses.
    case and([Filter], SourceRange)
    /// Any of the filters, joined by `or`. The range runs from the first to the last.
    case or([Filter], SourceRange)

    /// The filters directly inside this one (operands of not, and, or).
    public var children: [Filter] {
        switch self {
        case .not(let operand, _): return [operand]
        case .and(let terms, _), .or(let terms, _): return terms
        case .text, .facet, .has, .since, .before: return []
        }
    }

    /// Where the filter is.
    public var range: SourceRange {
        switch self {
        case .text(let term): return term.range
        case .facet(let filter): return filter.range
        case .has(_, let range), .since(_, let range), .before(_, let range),
            .not(_, let range), .and(_, let range), .or(_, let range):
            return range
        }
    }
}

/// A full-text term.
public struct TextTerm: Hashable, Sendable {
    /// The three forms of text term.
    public enum Kind: String, Hashable, Sendable {
        /// `word`: any run of non-space characters (`POL-358`, `café`).
        case word
        /// `"a phrase"`.
        case phrase
        /// `pref*`: words starting with the stem.
        case prefix
    }

    /// Which form.
    public var kind: Kind
    /// The word, the phrase without its quotes, or the stem without its `*`.
    public var text: String
    /// Where the term is, quotes and `*` included.
    public var range: SourceRange

    public init(kind: Kind, text: String, range: SourceRange = .zero) {
        self.kind = kind
        self.text = text
        self.range = range
    }
}

/// A facet name as written (facet names are matched case-insensitively later).
public struct FacetName: Hashable, Sendable {
    /// The name, e.g. `competitor.selected`.
    public var name: String
    /// Where the name is.
    public var range: SourceRange

    public init(_ name: String, range: SourceRange = .zero) {
        self.name = name
        self.range = range
    }
}

/// A value after a facet operator, kept as written: what it means (money,
/// date, period, span, text) depends on the facet's kind; see ``Literal``.
public struct Value: Hashable, Sendable {
    /// The value's text, without quotes.
    public var text: String
    /// True when written in double quotes.
    public var isQuoted: Bool
    /// Where the value is, quotes included.
    public var range: SourceRange

    public init(_ text: String, isQuoted: Bool = false, range: SourceRange = .zero) {
        self.text = text
        self.isQuoted = isQuoted
        self.range = range
    }
}

/// A comparison between a facet and one value.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// What a facet filter tests.
public enum FacetTest: Hashable, Sendable {
    /// `facet:v` or `facet:v1,v2,…`: equals any of the values (one or more).
    case oneOf([Value])
    /// `facet:lo..hi`, `facet:lo..`, `facet:..hi`: within the range, ends
    /// included. At least one end is present.
    case range(lower: Value?, upper: Value?)
    /// `facet>v`, `>=`, `<`, `<=`, `=`, `!=`.
    case compare(ComparisonOperator, Value)
}

/// A test on one facet.
public struct FacetFilter: Hashable, Sendable {
    /// The facet.
    public var facet: FacetName
    /// The test.
    public var test: FacetTest
    /// Where the filter is, from the facet name to the last value.
    public var range: SourceRange

    public init(facet: FacetName, test: FacetTest, range: SourceRange = .zero) {
        self.facet = facet
        self.test = test
        self.range = range
    }
}

/// The options of a query.
public struct Options: Hashable, Sendable {
    /// `sort:field` or `sort:field-asc`.
    public var sort: SortOption?
    /// `limit:N` or `limit:all`.
    public var limit: LimitOption?
    /// `weight:acv`: win rates and drivers weighed by money instead of counted.
    public var weight: WeightOption?
    /// `in:quotes` or `in:bodies`: the text `terms` compares.
    public var compared: WeightOption?

    public init(sort: SortOption? = nil, limit: LimitOption? = nil, weight: WeightOption? = nil, compared: WeightOption? = nil) {
        self.sort = sort
        self.limit = limit
        self.weight = weight
        self.compared = compared
    }
}

/// `sort:field` (largest or newest first) or `sort:field-asc`.
public struct SortOption: Hashable, Sendable {
    /// The column to sort by, without `-asc`.
    public var field: String
    /// True for `-asc`: smallest first.
    public var ascending: Bool
    /// Where the field name is (without `-asc`).
    public var fieldRange: SourceRange
    /// Where the whole option is.
    public var range: SourceRange

    public init(field: String, ascending: Bool = false, fieldRange: SourceRange = .zero, range: SourceRange = .zero) {
        self.field = field
        self.ascending = ascending
        self.fieldRange = fieldRange
        self.range = range
    }
}

/// `limit:N` or `limit:all`, kept as written; ``rows`` interprets it.
public struct LimitOption: Hashable, Sendable {
    /// The value after `limit:`.
    public var value: Value
    /// Where the whole option is.
    public var range: SourceRange

    public init(value: Value, range: SourceRange = .zero) {
        self.value = value
        self.range = range
    }

    /// The limit the value denotes, or nil when it is neither a whole number ≥ 1 nor `all`.
    public var rows: Limit? { Literal.limit(value.text) }
}

/// `weight:F` or `in:T`, kept as written; the checker accepts `weight:acv`, `in:quotes` and `in:bodies`.
public struct WeightOption: Hashable, Sendable {
    /// The value after `weight:`.
    public var value: Value
    /// Where the whole option is.
    public var range: SourceRange

    public init(value: Value, range: SourceRange = .zero) {
        self.value = value
        self.range = range
    }
}

/// How many rows a query may return.
public enum Limit: Hashable, Sendable {
    /// At most this many rows (≥ 1).
    case rows(Int)
    /// Every row.
    case all
}

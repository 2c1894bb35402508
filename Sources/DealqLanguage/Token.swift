/// How a facet filter compares: `:` or one of the comparison operators.
public enum FacetOperator: String, Hashable, Sendable, CaseIterable {
    /// `facet:value`, `facet:v1,v2`, `facet:lo..hi`.
    case colon = ":"
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// The comparison this operator denotes, or nil for `:`.
    public var comparison: ComparisonOperator? { ComparisonOperator(rawValue: rawValue) }
}

/// One lexical unit of a query, with the text it stands for and where it is.
public struct Token: Hashable, Sendable {
    /// What a token is.
    public enum Kind: Hashable, Sendable {
        /// The query's first word when it names a verb.
        case verb(Verb)
        /// A bare search word; `text` is the word.
        case word
        /// A word ending in `*`; `text` is the stem without the `*`.
        case prefix
        /// `"a phrase"`; `text` is the content without quotes.
        case phrase
        /// A facet name with its operator, as in `acv>`; `text` is the name.
        case facet(FacetOperator)
        /// A value after a facet operator, `,` or `..`; `text` is its content.
        case value(quoted: Bool)
        /// The `,` between values.
        case valueComma
        /// The `..` of a range.
        case rangeDots
        /// The `by` keyword.
        case by
        /// A facet name after `by` or its `,`.
        case byName
        /// The `,` between `by` facets.
        case byComma
        /// `and` / `AND`.
        case and
        /// `or` / `OR`.
        case or
        /// `not` / `NOT`.
        case not
        /// A negating `-`.
        case minus
        case leftParen
        case rightParen
        /// The end of the text.
        case end
    }

    /// What the token is.
    public var kind: Kind
    /// The token's meaningful text (see each ``Kind``).
    public var text: String
    /// Where the token is, quotes and operators included.
    public var range: SourceRange

    public init(kind: Kind, text: String, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }
}

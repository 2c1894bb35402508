import DealqLanguage

/// A query after checking: every facet resolved in the catalog, every value
/// interpreted by its facet's kind. The planner compiles it to SQL.
public struct CheckedQuery: Sendable, Equatable {
    public var verb: Verb
    /// Selects deals.
    public var filter: Predicate?
    /// `quotes` only: selects quotes among the selected deals' quotes.
    public var quoteFilter: Predicate?
    public var groupBy: [Catalog.Facet] = []
    public var sort: Sort?
    public var limit: Limit?
    /// Positive text terms that rank `deals` and make its snippets.
    public var rankTerms: [String] = []
    /// `weight:acv`: win rates as won ACV ÷ (won + lost ACV), drivers as ACV × weight.
    public var weighByACV = false
    /// `terms`: the text compared (`in:`), quotes unless `in:bodies`.
    var compared = ComparedText.quotes

    public struct Sort: Sendable, Equatable {
        public var column: String
        public var ascending: Bool
    }
}

/// A boolean test on a deal (or, for `quotes`, on a quote).
public indirect enum Predicate: Sendable, Equatable {
    /// An FTS5 phrase (built from tokens, never user syntax) over the deal body,
    /// or for a quote filter the quote's text. (`topic:` in a quote filter tests the quote's own topics.)
    case text(String)
    case facet(Catalog.Facet, Condition)
    case not(Predicate)
    case and([Predicate])
    case or([Predicate])
}

/// A test on one facet's values.
public enum Condition: Sendable, Equatable {
    case anyOf([SQLValue])
    /// Both ends included; nil leaves that end open.
    case between(SQLValue?, SQLValue?)
    /// `>`, `>=`, `<`, `<=`.
    case compare(String, SQLValue)
    case has
}

/// A value bound as an SQL argument.
public enum SQLValue: Sendable, Equatable, CustomStringConvertible {
    case text(String)
    case number(Double)

    public var description: String {
        switch self {
        case .text(let s): return "'\(s)'"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        }
    }
}

extension Predicate: CustomStringConvertible {
    /// Readable form for `dealq explain`: `competitor = 'acme analytics' AND closed >= '2025-10-02'`.
    public var description: String {
        switch self {
        case .text(let phrase): return "text \(phrase)"
        case .facet(let facet, let condition):
            switch condition {
            case .anyOf(let values) where values.count == 1: return "\(facet.name) = \(values[0])"
            case .anyOf(let values): return "\(facet.name) in (\(values.map(\.description).joined(separator: ", ")))"
            case .between(let lo, let hi): return "\(facet.name) between \(lo?.description ?? "…") and \(hi?.description ?? "…")"
            case .compare(let op, let value): return "\(facet.name) \(op) \(value)"
            case .has: return "has \(facet.name)"
            }
        case .not(let inner): return "NOT (\(inner))"
        case .and(let parts): return parts.map { "(\($0))" }.joined(separator: " AND ")
        case .or(let parts): return parts.map { "(\($0))" }.joined(separator: " OR ")
        }
    }
}

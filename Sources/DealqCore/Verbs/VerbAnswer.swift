import DealqLanguage
import DealqRender

/// One verb end to end: the columns of its answer, the SQL it runs, and the
/// table it builds from that SQL's rows. `Planner` and `Executor` dispatch to
/// it and do what every verb shares (matching deals, group order, sort, limit).
protocol VerbAnswer {
    /// Every column of the answer, the `by` groups first (named by their facets).
    static func columns(groups: [String], hasText: Bool) -> [Column]
    /// The verb's statements, from the matching deals and the limit.
    static func plan(_ context: PlanContext) -> Plan
    /// The answer, read from the plan's statements.
    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table
    /// Whether `m` must carry each deal's outcome (a plain count needs only the deals).
    static func needsOutcome(_ query: CheckedQuery) -> Bool
    /// Whether the answer is cut to the default page size when `limit:` is not given.
    static var pagedByDefault: Bool { get }
    /// Whether `sort:` orders the built rows (else the SQL does).
    static var sortsRows: Bool { get }
    /// Rows kept first whatever the sort (`(all)`).
    static var pinnedRows: Int { get }
    /// The measure drawn as bars over time groups.
    static var barField: Field { get }
    /// Whether two groups with time first are drawn as a grid.
    static var drawsGrid: Bool { get }
}

extension VerbAnswer {
    static func needsOutcome(_ query: CheckedQuery) -> Bool { true }
    static var pagedByDefault: Bool { false }
    static var sortsRows: Bool { true }
    static var pinnedRows: Int { 0 }
    static var barField: Field { .deals }
    static var drawsGrid: Bool { false }

    /// The table's columns for a planned query.
    static func columns(_ plan: Plan) -> [Column] {
        columns(groups: plan.query.groupBy.map(\.name), hasText: plan.snippetMatch != nil)
    }
}

/// The verb type that answers a query.
enum Verbs {
    static func answer(_ verb: Verb, weighByACV: Bool) -> any VerbAnswer.Type {
        switch verb {
        case .count: return CountVerb.self
        case .winrate: return weighByACV ? WeightedWinrateVerb.self : WinrateVerb.self
        case .drivers: return weighByACV ? WeightedDriversVerb.self : DriversVerb.self
        case .audit: return AuditVerb.self
        case .prioritize: return PrioritizeVerb.self
        case .deals: return DealsVerb.self
        case .quotes: return QuotesVerb.self
        case .insights: return InsightsVerb.self
        case .terms: return TermsVerb.self
        }
    }

    static func answer(_ query: CheckedQuery) -> any VerbAnswer.Type {
        answer(query.verb, weighByACV: query.weighByACV)
    }
}

/// What every verb's plan starts from.
struct PlanContext {
    var query: CheckedQuery
    /// `m(deal, outcome[, rank])`.
    var matching: SQLFragment
    /// The FTS5 expression of the text terms, if any.
    var match: String?
    /// The limit pushed into SQL, if any.
    var limit: Int?

    /// `WITH m AS (…)` and a newline.
    var with: SQLFragment { SQLFragment("WITH m AS (") + matching + SQLFragment(")\n") }

    /// A plan with no statement yet.
    var emptyPlan: Plan { Plan(query: query, matching: matching, main: SQLFragment(""), limit: limit) }
}

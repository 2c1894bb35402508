import DealqLanguage

/// The SQL a query runs, as statements with bound arguments.
struct Plan: Sendable, Equatable {
    var query: CheckedQuery
    /// The matching deals: `m(deal, outcome[, rank])`, MATCH first when the query has text terms.
    var matching: SQLFragment
    /// The main statement of the verb.
    var main: SQLFragment
    /// How many rows the main statement would give without a limit (deals).
    var total: SQLFragment?
    /// The main statement's last column is that count (`count(*) OVER ()`: quotes, insights).
    var totalInLastColumn = false
    /// The baseline of `winrate` or the group sizes of `drivers`.
    var baseline: SQLFragment?
    /// Deals (won, lost) per value of the first `by` facet, which order the groups;
    /// nil when there is one facet and `main` gives them (or there are no groups).
    var groupSizes: SQLFragment?
    /// The FTS5 expression for snippets (deals with text terms).
    var snippetMatch: String?
    /// The limit pushed into SQL, if any.
    var limit: Int?
    /// Text alone, ranked and cut to a page: the FTS5 expression and the page size.
    /// `main` then starts with `WITH r AS (… ORDER BY rank LIMIT ?)` and ends with
    /// `DealsVerb.rankedTail`; the verb may find `r` another way (see `DealsVerb.rankedInParallel`).
    var rankedPage: RankedPage?

    struct RankedPage: Sendable, Equatable {
        var match: String
        var limit: Int
    }

}

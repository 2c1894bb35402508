/// Which text `terms` compares: the buyers' quotes, or whole deal bodies.
enum ComparedText: Sendable, Equatable, Hashable {
    case quotes, bodies

    /// The table of each deal's term counts in this text (see `TermVector`).
    var vectors: String { self == .quotes ? "deal_quote_terms" : "deal_body_terms" }
    /// The column of `term_stems`, and the row of `term_totals`, with the occurrences in this text.
    var column: String { self == .quotes ? "quotes" : "bodies" }
}

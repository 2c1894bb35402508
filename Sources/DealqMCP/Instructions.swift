import DealqCore

/// The `instructions` sent at initialize: what the corpus is and how to begin.
enum Instructions {
    static func text(session: CorpusSession) -> String {
        var about = "a corpus of win-loss deal summaries"
        if let span = try? session.engine().span() {
            about = "\(span.deals) win-loss deal summaries"
            if let first = span.firstClosed, let last = span.lastClosed { about += " (deals closed from \(first) to \(last))" }
        }
        return """
            dealq answers questions about \(about): front matter from the CRM (ACV, segment, competitors, outcome, \
            the rep's reason), the weighted drivers of each decision, and the buyers' own words. Every answer is a \
            reproducible query with honest 95% intervals. To begin, call `language` once to learn the query language, \
            then `facets` to see the facets and their values; then ask with `query` (e.g. "winrate by topic acv>100k", \
            "quotes implementation acv>100k"). Cite the query behind every number you give. `saved_queries` lists \
            the team's usual questions; `report` writes a brief for leadership, product or sales; `deal` reads one deal.
            """
    }
}

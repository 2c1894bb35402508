import DealqCore
import DealqLanguage

/// `.help` and `.help TOPIC`.
enum ShellHelp {
    static func text(topic: String?) -> String {
        guard let topic = topic?.lowercased() else { return overview }
        if let text = topics[topic] { return text }
        var message = "no help on '\(topic)'"
        if let close = Suggest.closest(to: topic, among: ShellVocabulary.helpTopics) { message += " (did you mean '\(close)'?)" }
        return message + "; topics: " + ShellVocabulary.helpTopics.joined(separator: ", ")
    }

    static let overview = """
        Type a query, or a command starting with a dot. Tab completes verbs, facets, values and commands.
        End a line with \\ to continue the query on the next. Ctrl-C stops a query or clears the line; Ctrl-D leaves.

        Queries:
          quotes implementation acv>100k                 what buyers say about implementation in big deals
          quotes competitor:"Acme Analytics" since:90d   recent buyer words from deals against Acme
          winrate by quarter since:2024-01-01            the trend
          winrate by topic segment:enterprise            how the win rate moves when a topic comes up
          drivers outcome:lost by quarter                why we lose, weighted, over time
          count by competitor.selected outcome:lost      who beats us
          deals "security review" -outcome:won sort:acv  ranked deals with snippets

        Commands:
        \(commands)
        """

    /// One line per dot-command: its usage, then what it does.
    static var commands: String {
        DotCommand.all.map { command in
            "  " + command.usage + String(repeating: " ", count: max(1, 23 - command.usage.count)) + command.summary
        }.joined(separator: "\n")
    }

    static let topics: [String: String] = [
        "deals": """
            deals: the matching deals, ranked by relevance with text terms, else newest first.
              deals "security review" -outcome:won sort:acv
              deals competitor:"Acme Analytics" acv>=50k limit:50
            """,
        "quotes": """
            quotes: buyer quotes from the matching deals. Facet filters pick deals; words and topic: pick quotes.
              quotes implementation acv>100k
              quotes competitor:"Acme Analytics" since:90d
              quotes topic:pricing outcome:lost
            """,
        "count": """
            count: how many deals match, or how many per group with by.
              count outcome:lost
              count by competitor.selected outcome:lost
            """,
        "winrate": """
            winrate: won / (won + lost) with lift and a 95% interval; the first row is the baseline.
              winrate by topic segment:enterprise
              winrate by quarter since:2024-01-01
              winrate by competitor, segment
            """,
        "drivers": """
            drivers: why deals went the way they did, weighted.
              drivers outcome:lost
              drivers outcome:lost by quarter
            """,
        "audit": """
            audit: the data-quality picture: of the deals, the share with a competitor and with an interview;
            of the lost ones, the share with a CRM loss reason, with a selected competitor, and where the
            rep's reason disagrees with the heaviest driver (those deals: mismatch:true).
              audit by rep
              deals mismatch:true outcome:lost
            """,
        "prioritize": """
            prioritize: which deals to interview next: no interview yet, uncertain drivers, valuable, recent;
            each with the reason it was picked.
              prioritize outcome:lost since:1y
            """,
        "terms": """
            terms: what the buyers in the matching deals say that the other deals' buyers do not: words and
            two-word phrases scored by a log-odds ratio (z above 1.96), with the topic that covers each, if any.
            Needs a filter; in:bodies compares whole write-ups instead of quotes.
              terms outcome:lost
              terms competitor.selected:"Acme Analytics" in:bodies
            """,
        "insights": """
            insights: product insights of the matching deals.
              insights area:reporting outcome:lost
            """,
        "filters": """
            Filters combine with AND; or, - (not) and parentheses as usual.
              security                      a word (stemmed), "a phrase", pref*
              segment:enterprise            a facet equals a value (case-insensitive)
              competitor:Acme,Borealis      any of the values
              acv:50k..200k  acv>100k       ranges and comparisons
              has:competitor.incumbent      the facet has a value
              -outcome:won  (a or b)        negation and grouping
            """,
        "facets": """
            Facets: id account segment region product rep stage outcome acv closed month quarter year
            competitor competitor.primary competitor.incumbent competitor.selected crm.loss_reason
            crm.win_reason crm.competitor category driver topic tag source confidence area label
            area.gap area.advantage area.bug area.requested (the areas recorded with that label),
            and custom front-matter fields. .facets lists them with values; .facets FACET shows more values.
            """,
        "dates": """
            Dates: 2025-03-14, months 2025-03, quarters 2025-Q3, years 2025, spans 90d 12w 6m 1y (ending today).
              since:90d  before:2025-01-01  closed:2025-Q3  closed>=2024
            """,
        "options": """
            Options:
              sort:acv  sort:closed-asc     order rows by a column (largest or newest first; -asc for smallest)
              limit:50  limit:all           at most N rows (20 for deals, quotes and terms in table output)
              weight:acv                    winrate and drivers weighed by ACV (what each reason costs)
              in:bodies                     terms compares whole write-ups instead of the buyers' quotes
            """,
        "shell": """
            The shell: Tab completes; Up/Down walk the history (kept in $XDG_STATE_HOME/dealq/history);
            a line ending in \\ continues on the next; Ctrl-C stops a running query or clears the line;
            Ctrl-D or .quit leaves. .export FILE writes the last answer as shown (use limit:all for every row).
            """,
    ]
}

/// The `dealq-queries.yml` that `dealq init` writes: a saved question for each reader.
enum StarterQueries {
    static let text = #"""
        # Saved queries of this corpus: dealq run NAME [param=value …]; dealq queries lists them.
        #
        # Each entry is a name, then its query, or a mapping with the query, a
        # description and `params`. A `$word` in a query is a parameter; a value under
        # `params` is its default (dealq run competitor-brief competitor="Acme").
        # Every query here has defaults, so each runs as it is; set the competitor
        # defaults to your main rival.

        # Product: what buyers in big deals say about a topic, and how topics move the win rate.
        topic-quotes:
          description: Buyer words about a topic in big deals, newest first
          query: quotes topic:$topic acv>=$min_acv
          params:
            topic: implementation
            min_acv: 50k

        winrate-by-topic:
          description: Win rate when each topic comes up, against the baseline
          query: winrate by topic since:$since
          params:
            since: 1y

        # Reps, before a call: what recent buyers said in deals against a competitor, and why we lose to them.
        competitor-brief:
          description: The newest buyer quotes from deals against a competitor
          query: quotes competitor:$competitor limit:$limit
          params:
            competitor: Spreadsheets
            limit: 15

        why-we-lose-to:
          description: The weighted reasons of the deals a competitor took from us
          query: drivers outcome:lost competitor.selected:$competitor
          params:
            competitor: Spreadsheets

        # Leadership: the trend, who we lose to, and what losses cost.
        winrate-trend:
          description: Win rate by quarter, with the baseline and 95% intervals
          query: winrate by quarter since:$since
          params:
            since: 2y

        lost-to-whom:
          description: Who the buyers chose when we lost
          query: count by competitor.selected outcome:lost since:$since
          params:
            since: 1y

        loss-cost:
          description: What each reason for losing costs, in lost ACV weighted by the drivers
          query: drivers outcome:lost weight:acv since:$since
          params:
            since: 1y

        # RevOps: what reps log against what buyers say.
        rep-audit:
          description: CRM reasons, competitors, interviews and disagreement, per rep
          query: audit by rep since:$since
          params:
            since: 1y

        winrate-by-competitor:
          description: Win rate against each competitor, with 95% intervals
          query: winrate by competitor since:$since
          params:
            since: 1y

        crm-mismatch:
          description: Lost deals where the rep's reason disagrees with the buyers, biggest first
          query: deals mismatch:true outcome:lost sort:acv limit:all

        interview-next:
          description: Lost deals to interview next, best first, with the reason
          query: prioritize outcome:lost since:$since
          params:
            since: 1y

        # A weekly script (all rows, for CSV): the deals lost in the last week, biggest first.
        weekly-losses:
          description: Deals lost in the last week, biggest first
          query: deals outcome:lost since:$since sort:acv limit:all
          params:
            since: 7d
        """#
}

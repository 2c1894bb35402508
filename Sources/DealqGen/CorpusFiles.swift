import Foundation

/// The files of a corpus that are not deals: `dealq.yml`, the README and an
/// interview guide (a markdown file that must not be taken for a deal).
enum CorpusFiles {
    static func dealqYML() -> String {
        var s = """
        # dealq configuration for this corpus.
        #
        # Topics: a deal (or a quote) is about a topic when any of its patterns
        # matches its text. Patterns are PCRE2, matched case-insensitively.
        topics:

        """
        for t in Topic.allCases {
            s += "  "; s += t.name; s += ": ["
            for (i, p) in t.patterns.enumerated() {
                if i > 0 { s += ", " }
                s += "'"; s += p.replacingOccurrences(of: "'", with: "''"); s += "'"
            }
            s += "]\n"
        }
        s += """

        # Aliases: names that mean the same competitor, canonical name first.
        aliases:
          competitor:

        """
        for c in Vocabulary.competitors where !c.aliases.isEmpty {
            s += "    "; s += c.name; s += ": ["; s += c.aliases.joined(separator: ", "); s += "]\n"
        }
        return s
    }

    static func readme(count: Int, seed: UInt64) -> String {
        let cmd = "dealq-gen --count \(count) --seed \(seed)"
        return """
        # Generated win-loss corpus

        This folder holds \(count) deal summaries written by `\(cmd)`.
        The accounts, people and competitors are invented; the numbers follow a
        model with real structure (win rates move with topic, competitor,
        segment, rep and quarter), so queries over it give answers worth
        reading.

        Each deal is one markdown file, filed by close date as
        `YEAR/QUARTER/ID.md` (large corpora add a `pNNN` folder level so no
        folder grows past a few hundred files). A file opens with YAML front
        matter (the structured facts: outcome, close date, ACV, segment,
        competitors, what the rep logged in the CRM, weighted drivers,
        insights, and the custom fields `deal_type`, `discount_pct` and
        `champion_left`) followed by the write-up: deal context, CRM data,
        call intelligence, the buyer interview when one happened, and open
        gaps.

        `dealq.yml` defines the topics (as PCRE2 patterns) and the competitor
        aliases. This README and the files under `guides/` are not deals:
        they do not start with a front-matter line.

        To regenerate, from the repository root:

            swift run -c release dealq-gen --count \(count) --seed \(seed) --out <folder>

        The same arguments always give byte-identical files. The sample
        bundled with dealq in `corpus/` was written with
        `dealq-gen --count 300 --seed 7 --out corpus`; `bench/check-corpus.sh`
        regenerates it and confirms nothing differs.

        """
    }

    static let interviewGuide = """
    # Buyer interview guide

    Notes for whoever runs the post-decision conversations. Not a deal.

    ## Before the call

    - Read the deal summary, the CRM fields and the call notes.
    - Write down what the rep believes happened, so you can test it.

    ## Questions

    1. What started the search, in your own words?
    2. Who else did you look at, and how did you narrow the list?
    3. What almost changed your mind?
    4. If you had to name the single deciding factor, what was it?
    5. What should we stop doing?

    ## After the call

    Add the quotes to the deal's `## Buyer interview` section with an
    attribution line: speaker, source, date.

    """
}

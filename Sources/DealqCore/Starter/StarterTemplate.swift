/// `.templates/deal.md`, the deal summary `dealq init` writes as a model: every
/// front-matter key of the corpus format, and the recommended sections with
/// the questions that fill them. The folder is hidden, so the template itself
/// is never indexed. Copied unfilled it is rejected ('id' is null); with `id`,
/// `outcome` and `closed` filled it is a valid deal: every other key is empty,
/// which means "not known", and the guidance in the body sits in HTML comments
/// worded so that no starter topic pattern matches it.
enum StarterTemplate {
    static let text = #"""
        ---
        # A deal summary: copy this file to a path of your own (one file per closed
        # deal, for example 2025/Q3/D-2025-0142.md), fill what you know and leave
        # the rest empty: an empty value means "not known". Lines starting with #
        # are comments.

        # Required. The deal's id as in the CRM, kept exactly as written ("007" stays 007).
        id:
        # Required. won, lost or churned (also: closed won, closed-lost, closed_won, churn).
        outcome:
        # Required. The close date, YYYY-MM-DD (for a churn, the day the customer left).
        closed:

        # The buyer company (default: the id).
        account:
        # Annual contract value: 120000, 120k, "$120K", "1.2M", "120,000".
        acv:
        # Deal context, as in the CRM.
        segment:
        region:
        product:
        rep:
        stage:

        # Competitors: any alternative counts, including Spreadsheets, Internal build or No decision.
        competitors:
          primary:      # the one most seriously evaluated
          incumbent:    # what they replaced or ran beside
          selected:     # who they chose, when not us
          others: []    # everyone else they looked at, as a list: [Acme, Lumen]

        # What the rep logged in the CRM, kept to compare with what buyers said.
        crm:
          loss_reason:
          win_reason:
          competitor:

        # Why the deal went the way it did: one item per driver, weights summing to 1
        # (0.6 or 60%; weights that sum to something else are scaled, with a warning).
        # category: pricing, product, implementation, relationship, competitive, timing, or your own.
        # Example:
        #   - category: pricing
        #     driver: too expensive against the rival's offer
        #     weight: 60%
        #     explanation: The buyer's words or the call where it came up.
        drivers: []

        # Topics stated outright (topics are also found in the text by the patterns of dealq.yml).
        topics: []
        # Free tags, for example strategic, deal-level, short-term, long-term.
        tags: []
        # What this summary rests on: crm, calls, email, interview, ...
        sources: []
        # Confidence in the drivers, between 0 and 1: 0.7 or 70%.
        confidence:

        # Product insights. label: gap, advantage, bug or requested. Example:
        #   - area: SSO
        #     label: gap
        #     note: SAML was a hard requirement of their review.
        insights: []
        ---
        # Account name — Closed Won / Closed Lost

        ## Deal context

        <!-- Who was buying, and what problem made them look now? Who took part
        in the decision, and who signed it off? How long did the evaluation run,
        and what happened at each step? Delete these comments once answered. -->

        ## CRM data

        <!-- What the rep logged: stage reached, the reason given, the rival named,
        the amount. Is anything blank or vague ("Other", "lost to competitor")? -->

        ## Call intelligence

        <!-- From recorded calls and emails: which objections came up, and on which
        call first? When did the tone change, or replies take longer? Did new people
        join late? Where did the deal stall? What did the buyer say about the
        alternatives? -->

        ## Buyer interview

        <!-- A short conversation with the buyer, led by someone who did not sell
        the deal. Ask about what happened, not about opinions:
        - How did you reach the decision, step by step, and who had the last word?
        - Which alternatives did you weigh, doing nothing included?
        - Why did you choose the one you chose? What tipped it?
        - What would have had to be different for you to decide otherwise?
        - What did we do well, and what got in the way?
        Quote the buyer word for word, one quote per block, attribution last.
        Example (the form to copy, not a quote of this deal):

        > "We picked the tool our analysts could use on day one."
        > — Head of Analytics, interview, 2025-09-02
        -->

        ## Gaps

        <!-- What is still unknown? Where do the CRM, the calls and the buyer
        disagree? Which lesson is about this deal only, and which may be a
        pattern worth checking across deals? -->
        """#
}

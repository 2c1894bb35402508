/// The `dealq.yml` that `dealq init` writes: starter topics and an aliases example.
enum StarterConfig {
    static let text = #"""
        # dealq configuration of this corpus.
        #
        # Topics: a deal (or one of its buyer quotes) is about a topic when any of
        # the topic's patterns matches its text. Patterns are PCRE2 regular
        # expressions, matched case-insensitively: \b marks a word boundary, \w* any
        # word ending, (a|b) either spelling, ? an optional letter. Write them in
        # single quotes so that backslashes stay as written. Add, rename or remove
        # topics freely: the index is rebuilt when this file changes.
        topics:
          implementation: ['\bimplement\w*', '\bdeploy\w*', '\broll[- ]?out\b', '\bgo[- ]live\b']
          pricing: ['\bpric(e|es|ed|ing)\b', '\bdiscount\w*', '\bbudget\w*', '\bexpensive\b', '\bcost(s|ly)?\b']
          security: ['\bsecurity\b', '\bSSO\b', '\bSAML\b', '\bSOC ?2\b', '\bGDPR\b', '\bpen(etration)? test']
          integrations: ['\bintegrat\w*', '\bAPIs?\b', '\bconnectors?\b', '\bwebhooks?\b']
          support: ['\bsupport (team|tickets?|queue|desk)\b', '\bcustomer success\b', '\bescalat\w*', '\bSLAs?\b', '\bresponse times?\b']
          reporting: ['\breport(s|ing)?\b', '\bdashboards?\b', '\bexports?\b']
          performance: ['\bperformance\b', '\blatency\b', '\bslow(er|ness)?\b', '\btimeouts?\b']
          onboarding: ['\bonboard\w*', 'time[- ]to[- ]value', '\btraining\b', '\bramp(ed|ing)? up\b']
          migration: ['\bmigrat\w*', '\blegacy\b', '\bcut-?over\b', '\bbackfill\w*']

        # Aliases: other names of the same competitor, canonical name first. Every
        # spelling below is read as the canonical one, in deals and in queries, so
        # that "count by competitor" counts one row per rival. Replace the examples
        # with your own rivals.
        aliases:
          competitor:
            Spreadsheets: [Excel, Google Sheets]
            Internal build: [In-house build, Homegrown]
            No decision: [Status quo, Do nothing]
        """#
}

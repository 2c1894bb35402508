import Testing
@testable import DealqCore

/// `dealq help TOPIC` outside the shell, the formats `report --help` offers,
/// and which completions a space follows.
@Suite struct HelpTopicTests {
    @Test func helpTopicIsTheShellsTopic() throws {
        let filters = try runDealq(["help", "filters"])
        #expect(filters.status == 0)
        #expect(filters.stdout.hasPrefix("Filters combine with AND"))
        #expect(filters.stderr == "")
        let verb = try runDealq(["help", "drivers"])
        #expect(verb.status == 0)
        #expect(verb.stdout.hasPrefix("drivers:"))
        let unknown = try runDealq(["help", "filtres"])
        #expect(unknown.status == 2)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr.hasPrefix("error: no help on 'filtres' (did you mean 'filters'?); topics: deals, "))
        // A subcommand's name keeps the subcommand's help.
        let run = try runDealq(["help", "run"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("OVERVIEW: Answer a saved query"))
    }

    @Test func reportHelpOffersOnlyTheReportsFormats() throws {
        for arguments in [["report", "--help"], ["help", "report"]] {
            let help = try runDealq(arguments)
            #expect(help.status == 0)
            #expect(help.stdout.contains("--format <format>       markdown or html (default: markdown)."), "\(arguments)")
            #expect(!help.stdout.contains("jsonl"), "\(arguments)")
        }
        let query = try runDealq(["query", "--help"])
        #expect(query.stdout.contains("table, csv, json, jsonl or markdown"))
    }

    @Test func aSpaceFollowsAFinishedWordOnly() {
        #expect(Completion.endsWord("quotes"))
        #expect(Completion.endsWord("enterprise"))
        #expect(Completion.endsWord("\"Acme Analytics\""))
        #expect(!Completion.endsWord("segment:"))
        #expect(!Completion.endsWord("who="))
        #expect(!Completion.endsWord("\"Acme"))
        #expect(!Completion.endsWord("quarter,"))
    }
}

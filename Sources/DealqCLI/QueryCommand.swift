import ArgumentParser
import DealqCore
import DealqLanguage
import DealqRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dealq "QUERY"`: answer one question.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Answer a query (the default command: dealq \"winrate by topic acv>100k\").",
        discussion: """
            With no query and standard input not a terminal (or with --file), runs one query per line \
            (batch mode; blank lines and lines starting with # are skipped).
            Exit status: 0 success (also for zero rows); 1 a runtime error, or in batch mode any failed \
            query; 2 a query or usage error.
            """)

    @OptionGroup var options: CommonOptions

    @OptionGroup var batch: BatchOptions

    @Argument(help: "The query, e.g. \"winrate by topic segment:enterprise\". Several words are joined by spaces.")
    var query: [String] = []

    mutating func run() throws {
        let text = query.joined(separator: " ")
        let noQuery = text.trimmingCharacters(in: .whitespaces).isEmpty
        if let file = batch.file {
            guard noQuery else { throw ValidationError("give either a query or --file, not both") }
            return try BatchMode.run(.file(file), options: options, bail: batch.bail)
        }
        guard noQuery else {
            guard !batch.bail else { throw ValidationError("--bail applies to batch mode only (dealq --file FILE, or queries on stdin)") }
            return try Self.answer(text, options: options)
        }
        if !BatchMode.stdinIsTerminal {
            return try BatchMode.run(.standardInput, options: options, bail: batch.bail)
        }
        // A terminal and no query: the interactive shell.
        if isatty(1) == 1 { return try ShellCommand.run(options: options) }
        throw ValidationError("no query given; try: dealq \"winrate by topic\" (dealq --help lists the commands)")
    }

    /// Answers one query and writes the answer: what `dealq "QUERY"` and `dealq run NAME` do.
    static func answer(_ text: String, options: CommonOptions) throws {
        let format = try options.outputFormat()
        let today = try options.todayDate()
        let timeLimit = try options.timeLimit()
        let engine = try options.openEngine()
        // Test hook, as in the shell: this query crawls, so that a test can see it pass its time limit.
        if ProcessInfo.processInfo.environment["DEALQ_TEST_SLOW_QUERY"] == text { engine.slowDownForTesting(milliseconds: 20, steps: 10) }
        let answer = try options.healing(engine, text: text) { engine throws(QueryFailure) in
            try engine.answer(text, today: today, defaultLimit: Paging.defaultLimit(for: format),
                              minimumGroupSize: options.minimumGroupSize, timeLimit: timeLimit)
        }
        for note in answer.notes { Output.err("note: \(note.message)") }
        try options.write(render(answer.table, as: format, options: options.renderOptions()))
    }
}

/// `dealq explain "QUERY"`: the AST, the SQL with its arguments, SQLite's plan.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show what a query becomes: the parsed query, its SQL with arguments, and SQLite's plan.")

    @OptionGroup var options: CommonOptions

    @Argument(help: "The query.")
    var query: [String] = []

    mutating func run() throws {
        let text = query.joined(separator: " ")
        let today = try options.todayDate()
        let engine = try options.openEngine()
        // What table output would run (its default page).
        let plan = try options.healing(engine, text: text) { engine throws(QueryFailure) in
            try engine.explain(text, today: today, defaultLimit: Paging.defaultLimit(for: .table))
        }
        try options.write(plan)
    }
}

/// `dealq facets [FACET]`: every facet with its kind and most common values.
struct FacetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facets", abstract: "List the facets with their kinds and most common values.")

    @OptionGroup var options: CommonOptions

    @Argument(help: "Only this facet (with more values).")
    var facet: String?

    mutating func run() throws {
        let format = try options.outputFormat()
        let engine = try options.openEngine()
        let facet = facet
        let listing = try options.healing(engine, text: facet ?? "") { engine throws(QueryFailure) in
            try engine.facets(only: facet, top: Listings.valuesShown(only: facet))
        }
        try options.write(render(Listings.facets(listing), as: format, options: options.renderOptions()))
    }
}

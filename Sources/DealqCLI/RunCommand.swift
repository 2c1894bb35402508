import ArgumentParser
import DealqCore
import Foundation

/// `dealq run NAME [param=value …]`: answer a saved query.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Answer a saved query from the corpus's dealq-queries.yml.",
        discussion: """
            The answer is the one the query typed in full gives: dealq run lost-to competitor="Acme Analytics" \
            answers the query of 'lost-to' with $competitor replaced by "Acme Analytics". 'dealq queries' \
            lists the saved queries with their parameters.
            Exit status: 0 success (also for zero rows); 1 a runtime error; 2 a query or usage error, an \
            unknown saved query or parameter, a missing parameter, or a saved query that does not parse.
            """)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The saved query's name.", completion: .custom(RunCommand.completeNames))
    var name: String

    @Argument(help: ArgumentHelp("Parameter values, e.g. competitor=\"Acme Analytics\".", valueName: "param=value"))
    var parameters: [String] = []

    mutating func run() throws {
        let text: String
        do {
            let arguments = try SavedQuery.arguments(from: parameters)
            text = try SavedQueries.resolve(name, arguments: arguments, corpus: options.corpusPath)
        } catch {
            throw Exit(status: Failures.print(error))
        }
        try QueryCommand.answer(text, options: options)
    }

    /// Saved query names for shell completion: the corpus is `--corpus` on the
    /// line being completed, else found as for any command.
    @Sendable static func completeNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var explicit: String?
        for (i, word) in words.enumerated() where i < index {
            if word == "--corpus", i + 1 < words.count { explicit = unquoted(words[i + 1]) }
            if word.hasPrefix("--corpus=") { explicit = unquoted(String(word.dropFirst("--corpus=".count))) }
        }
        let corpus = CorpusLocator.corpus(explicit: explicit, environment: ProcessInfo.processInfo.environment,
                                          currentDirectory: FileManager.default.currentDirectoryPath)
        let names = ((try? SavedQueries.load(corpus: corpus)) ?? []).map(\.name)
        return names.filter { $0.hasPrefix(prefix) }
    }

    private static func unquoted(_ word: String) -> String {
        var w = word
        if w.count >= 2, let f = w.first, f == "\"" || f == "'", w.last == f { w = String(w.dropFirst().dropLast()) }
        if w.hasPrefix("~/") { w = NSHomeDirectory() + w.dropFirst() }
        return w
    }
}

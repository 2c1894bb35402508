import ArgumentParser
import DealqCore
import DealqRender

/// `dealq queries`: the saved queries of the corpus.
struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        abstract: "List the saved queries of the corpus (dealq-queries.yml) with their parameters.",
        discussion: """
            Columns: name, parameters (name=default, or name alone when it must be given), description, query. \
            A saved query that does not parse is listed, and reported on stderr as \
            dealq-queries.yml:LINE:COL: error: ….
            Exit status: 0 success; 1 some saved query does not parse, or the file cannot be read; 2 the file is \
            not valid or a usage error.
            """)

    @OptionGroup var options: CommonOptions

    mutating func run() throws {
        let format = try options.outputFormat()
        let queries: [SavedQuery]
        do {
            queries = try SavedQueries.load(corpus: options.corpusPath)
        } catch {
            throw Exit(status: Failures.print(error))
        }
        let problems = SavedQueries.problems(in: queries)
        for problem in problems { Output.err(problem.description) }
        try options.write(render(Listings.savedQueries(queries), as: format, options: options.renderOptions()))
        if !problems.isEmpty { throw Exit(status: 1) }
    }
}

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
            Output.err(error.description)
            throw Exit(status: error.isQueryError ? 2 : 1)
        }
        let problems = SavedQueries.problems(in: queries)
        for problem in problems { Output.err(problem.description) }
        var table = Table(columns: [Column("name", .text), Column("parameters", .text), Column("description", .text),
                                    Column("query", .text)])
        for query in queries {
            let parameters = query.parameters.map { p in p.defaultValue.map { "\(p.name)=\($0)" } ?? p.name }
            table.rows.append([.text(query.name), parameters.isEmpty ? .null : .text(parameters.joined(separator: ", ")),
                               query.description.map { .text($0) } ?? .null, .text(query.query)])
        }
        let toTerminal = options.output == nil
        try options.write(render(table, as: format, options: RenderOptions(width: toTerminal ? Terminal.width : nil,
                                                                            color: toTerminal && Terminal.color)))
        if !problems.isEmpty { throw Exit(status: 1) }
    }
}

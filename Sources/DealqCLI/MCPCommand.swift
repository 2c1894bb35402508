import ArgumentParser
import DealqCore
import DealqMCP
import Dispatch
import Foundation

/// `dealq mcp`: serve the corpus to AI assistants over the Model Context Protocol (stdio).
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the corpus to an AI assistant over the Model Context Protocol (JSON-RPC on stdin/stdout).",
        discussion: """
            Register it with an MCP host as: {"command": "dealq", "args": ["mcp", "--corpus", "/path/to/deals"]}. \
            Tools: query, explain, facets, language, saved_queries, run_saved, report, deal. The index is refreshed \
            before every answer, as for a one-shot query; nothing else is written. Stdout carries only JSON-RPC; \
            errors go to stderr.
            Exit status: 0 when the client closes the connection; 1 the corpus cannot be indexed; 2 a usage error.
            """)

    @Option(name: .long, help: ArgumentHelp("The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).", valueName: "dir"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("The index file (default: CORPUS/.dealq/index.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).", valueName: "date"))
    var today: String?

    mutating func run() throws {
        var options = try CommonOptions.parse([])
        options.corpus = corpus
        options.db = db
        options.today = today
        // A day given by --today or DEALQ_TODAY holds for the whole session; else each answer reads the clock.
        let environmentToday = ProcessInfo.processInfo.environment["DEALQ_TODAY"] ?? ""
        let fixedToday = today != nil || !environmentToday.isEmpty ? try options.todayDate() : nil
        // Index (or refresh) once before serving, so that a corpus that cannot be read fails here, on stderr.
        _ = try options.openEngine(showProgress: false)
        let session = CorpusSession(corpus: options.corpusPath, database: options.databasePath, today: fixedToday)
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task.detached {
            do {
                try await DealqServer.serve(session: session, version: DealqVersion.string)
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            Output.err("error: the MCP connection failed: \(error)")
            throw Exit(status: 1)
        }
    }

    /// The server's failure, handed from its task to the waiting command.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Error?
        var error: Error? { lock.withLock { stored } }
        func set(_ error: Error) { lock.withLock { stored = error } }
    }
}

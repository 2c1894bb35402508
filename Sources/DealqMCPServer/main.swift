import ArgumentParser
import DealqCore
import DealqLanguage
import DealqMCP
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// `dealq-mcp`, run by `dealq mcp`: the Model Context Protocol server over stdio.
// Stdout carries only JSON-RPC; errors go to stderr. Exit statuses: 0 when the client
// closes stdin; 1 the corpus cannot be found or indexed; 2 a usage error.
signal(SIGPIPE, SIG_IGN)

struct ServerOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dealq mcp",
        abstract: "Serve the corpus to an AI assistant over the Model Context Protocol (JSON-RPC on stdin/stdout).")

    @Option(name: .long, help: ArgumentHelp("The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).", valueName: "dir"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("The index file (default: CORPUS/.dealq/index.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).", valueName: "date"))
    var today: String?
}

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

let options: ServerOptions
do {
    options = try ServerOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    let code = ServerOptions.exitCode(for: error)
    let message = ServerOptions.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    fail(message, status: 2)
}

let environment = ProcessInfo.processInfo.environment
let cwd = FileManager.default.currentDirectoryPath
if options.corpus == nil, options.db == nil, (environment["DEALQ_CORPUS"] ?? "").isEmpty, CorpusLocator.marked(from: cwd) == nil {
    fail("error: no corpus here: neither this folder nor its parents hold dealq.yml or .dealq/; "
         + "pass --corpus DIR (or set DEALQ_CORPUS)", status: 1)
}
// A day given by --today or DEALQ_TODAY holds for the whole session; else each answer reads the clock.
var fixedToday: CalendarDate?
if let text = options.today ?? environment["DEALQ_TODAY"], !text.isEmpty {
    guard let day = CalendarDate(text) else { fail("error: --today (or DEALQ_TODAY) must be a day as YYYY-MM-DD, not '\(text)'", status: 2) }
    fixedToday = day
}
let corpus = CorpusLocator.corpus(explicit: options.corpus, environment: environment, currentDirectory: cwd)
let database = CorpusLocator.database(explicit: options.db, corpus: corpus, currentDirectory: cwd)
let session = CorpusSession(corpus: corpus, database: database, today: fixedToday).watching()
// Index (or refresh) once before serving, so that a corpus that cannot be read fails here, on stderr.
do {
    _ = try session.engine()
} catch {
    fail(error.message, status: 1)
}
do {
    try await DealqServer.serve(session: session, version: DealqServer.version)
} catch {
    fail("error: the MCP connection failed: \(error)", status: 1)
}

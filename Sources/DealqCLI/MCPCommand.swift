import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dealq mcp`: serve the corpus to AI assistants over the Model Context Protocol (stdio).
/// The server is `dealq-mcp`, installed beside `dealq`: its SDK links Foundation's
/// networking, which one-shot queries should not load. This command only runs it.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the corpus to an AI assistant over the Model Context Protocol (JSON-RPC on stdin/stdout).",
        discussion: """
            Register it with an MCP host as: {"command": "dealq", "args": ["mcp", "--corpus", "/path/to/deals"]}. \
            Tools: query, explain, facets, language, saved_queries, run_saved, report, deal. The index is refreshed \
            before every answer, as for a one-shot query; nothing else is written. Stdout carries only JSON-RPC; \
            errors go to stderr. Runs dealq-mcp, which is installed beside dealq.
            Exit status: 0 when the client closes the connection; 1 the corpus cannot be indexed, or dealq-mcp \
            is missing; 2 a usage error.
            """)

    @Option(name: .long, help: ArgumentHelp("The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).", valueName: "dir"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("The index file (default: CORPUS/.dealq/index.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).", valueName: "date"))
    var today: String?

    mutating func run() throws {
        let server = Self.serverPath()
        var arguments = [server]
        if let corpus { arguments += ["--corpus", corpus] }
        if let db { arguments += ["--db", db] }
        if let today { arguments += ["--today", today] }
        let cArguments = arguments.map { strdup($0) } + [nil]
        execv(server, cArguments)
        // Only reached when the server could not be started.
        Output.err("error: cannot run '\(server)': \(String(cString: strerror(errno))); "
                   + "dealq mcp needs dealq-mcp installed beside dealq (swift build builds both)")
        throw Exit(status: 1)
    }

    /// `dealq-mcp` in the folder of the running `dealq` (symbolic links resolved).
    static func serverPath() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "dealq"
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("dealq-mcp").path
    }
}

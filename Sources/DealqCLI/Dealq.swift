import ArgumentParser
import DealqCore

struct Dealq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dealq",
        abstract: "Ask a folder of win-loss deal summaries a question.",
        discussion: """
            Exit status: 0 success (also for zero rows); 1 a runtime error, or files rejected \
            by 'dealq index'; 2 a query or usage error.
            """,
        version: DealqVersion.string,
        subcommands: [QueryCommand.self, IndexCommand.self, ExplainCommand.self, FacetsCommand.self,
                      RunCommand.self, QueriesCommand.self, ShellCommand.self, ExportCommand.self, ReportCommand.self,
                      ImportCommand.self, InitCommand.self, CheckCommand.self, MCPCommand.self, WatchCommand.self],
        defaultSubcommand: QueryCommand.self)
}

/// Ends the process with a status after the message was printed.
struct Exit: Error {
    var status: Int32
}

enum DealqVersion {
    static let string = "0.1.0"
}

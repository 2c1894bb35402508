import ArgumentParser
import DealqCore

/// `dealq shell`: the interactive shell (also plain `dealq` on a terminal).
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Ask questions interactively, with completion and history (also plain 'dealq' on a terminal).",
        discussion: """
            Type queries as in one-shot mode, or dot-commands (.help lists them). History is kept in \
            $XDG_STATE_HOME/dealq/history (default ~/.local/state/dealq/history).
            """)

    @OptionGroup var options: CommonOptions

    mutating func run() throws {
        try ShellCommand.run(options: options)
    }

    static func run(options: CommonOptions) throws {
        let shell = try Shell(options: options)
        shell.run()
    }
}

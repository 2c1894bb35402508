import ArgumentParser

/// `dealq --corpus DIR facets` means `dealq facets --corpus DIR`: options
/// written before a subcommand's name move after it, as people type them.
enum Arguments {
    /// Options that take a value (so their value is not mistaken for a subcommand).
    static let subcommandNames = Set(Dealq.configuration.subcommands.compactMap { $0.configuration.commandName })

    static let valued: Set<String> = ["--corpus", "--db", "--format", "--today", "-o", "--output", "-f", "--file", "--min-n", "--competitor",
                                       "--map", "--keep", "--date-format"]

    /// The arguments parsed as the default `query` command, when they plainly are one
    /// (`dealq --format csv "winrate by topic"`): parsing that command alone skips
    /// building the whole command tree, a few milliseconds of every one-shot query.
    /// Nil (parse as usual) for a subcommand, help, version, completion requests,
    /// and anything that does not parse, so that messages stay those of `dealq`.
    static func query(_ arguments: [String]) -> ParsableCommand? {
        if let first = arguments.first, subcommandNames.contains(first) || first.hasPrefix("---") || first == "help" { return nil }
        if arguments.contains(where: { ["-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help"].contains($0) }) {
            return nil
        }
        return try? QueryCommand.parseAsRoot(arguments)
    }

    static func nestedSubcommands(of name: String) -> Set<String> {
        let command = Dealq.configuration.subcommands.first { $0.configuration.commandName == name }
        return Set(command?.configuration.subcommands.compactMap { $0.configuration.commandName } ?? [])
    }

    static func normalized(_ arguments: [String]) -> [String] {
        // The completion scripts call back with `---completion …`: leave those alone.
        if arguments.first?.hasPrefix("---") == true { return arguments }
        var i = 0
        while i < arguments.count, arguments[i].hasPrefix("-"), arguments[i] != "--" {
            let option = arguments[i]
            i += valued.contains(option) ? 2 : 1
        }
        guard i > 0, i < arguments.count, subcommandNames.contains(arguments[i]) else { return arguments }
        var result = arguments
        let name = result.remove(at: i)
        result.insert(name, at: 0)
        // A command with subcommands of its own (`import crm`) takes its subcommand along.
        if i + 1 < result.count, nestedSubcommands(of: name).contains(result[i + 1]) {
            result.insert(result.remove(at: i + 1), at: 1)
        }
        return result
    }
}

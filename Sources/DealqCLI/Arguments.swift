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
        return negatedQueryLast(subcommandFirst(arguments))
    }

    /// True for an argument that starts with `-` but is a query, not an option:
    /// `-outcome:won`, `-(a or b)`, `-acv>100k`. An option's name (before any
    /// `=`) has only letters, digits and dashes; a query's first filter has a
    /// `:`, a space, an operator or a parenthesis. `-pricing` stays an option.
    static func isNegatedQuery(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "--" else { return false }
        let name = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return !name.allSatisfy { $0 == "-" || $0.isLetter || $0.isNumber }
    }

    /// `dealq "-outcome:won" --format csv` means `dealq --format csv -- "-outcome:won"`:
    /// the query words from the first negated query on go after `--`, in order, and the
    /// options among them before it. Only for `query` and `explain`, when no `--` is written.
    static func negatedQueryLast(_ arguments: [String]) -> [String] {
        guard !arguments.contains("--") else { return arguments }
        let start = arguments.first == "explain" || arguments.first == "query" ? 1 : 0
        if start == 0, let first = arguments.first, subcommandNames.contains(first) { return arguments }
        var options: [String] = [], words: [String] = []
        var i = start
        while i < arguments.count {
            let argument = arguments[i]
            if argument.hasPrefix("-"), !isNegatedQuery(argument) {
                options.append(argument)
                if valued.contains(argument), i + 1 < arguments.count {
                    options.append(arguments[i + 1])
                    i += 1
                }
            } else {
                words.append(argument)
            }
            i += 1
        }
        guard words.contains(where: isNegatedQuery) else { return arguments }
        return Array(arguments.prefix(start)) + options + ["--"] + words
    }

    /// For an unknown option that may be a negated text term (`dealq "-pricing"`):
    /// how to write it as a query.
    static func unknownOptionHint(_ message: String) -> String? {
        let prefix = "Unknown option '"
        guard let start = message.range(of: prefix) else { return nil }
        let name = message[start.upperBound...].prefix { $0 != "'" }
        guard name.hasPrefix("-"), !name.hasPrefix("--") else { return nil }
        return "a query that starts with '-' goes after '--': dealq -- \"\(name)\""
    }

    /// `dealq --corpus DIR facets` → `dealq facets --corpus DIR`.
    static func subcommandFirst(_ arguments: [String]) -> [String] {
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

import ArgumentParser

/// `dealq --corpus DIR facets` means `dealq facets --corpus DIR`: options
/// written before a subcommand's name move after it, as people type them.
enum Arguments {
    /// Options that take a value (so their value is not mistaken for a subcommand).
    static let valued: Set<String> = ["--corpus", "--db", "--format", "--today", "-o", "--output", "-f", "--file"]

    static func normalized(_ arguments: [String]) -> [String] {
        // The completion scripts call back with `---completion …`: leave those alone.
        if arguments.first?.hasPrefix("---") == true { return arguments }
        let names = Set(Dealq.configuration.subcommands.compactMap { $0.configuration.commandName })
        var i = 0
        while i < arguments.count, arguments[i].hasPrefix("-"), arguments[i] != "--" {
            let option = arguments[i]
            i += valued.contains(option) ? 2 : 1
        }
        guard i > 0, i < arguments.count, names.contains(arguments[i]) else { return arguments }
        var result = arguments
        let name = result.remove(at: i)
        result.insert(name, at: 0)
        return result
    }
}

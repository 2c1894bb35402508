import DealqLanguage

/// The words of the shell that completion offers besides facets and values.
public enum ShellVocabulary {
    /// Dot-commands, in the order `.help` lists them (see `DotCommand`).
    public static var dotCommands: [String] { DotCommand.all.map(\.name) }

    /// Topics of `.help TOPIC`: the verbs, then the parts of the language and the shell.
    public static let helpTopics = Verb.allCases.map(\.rawValue) + ["filters", "facets", "dates", "options", "shell"]

    /// `.format` arguments.
    public static let formats = ["table", "csv", "json", "jsonl", "markdown"]

    /// Options written as `name:value`, and `has:`/`since:`/`before:`.
    public static let options = ["sort", "limit", "has", "since", "before", "weight", "in"]

    /// Values offered after `since:` and `before:`.
    public static let relativeSpans = ["30d", "90d", "6m", "1y"]
}

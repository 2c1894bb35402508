/// The shell's dot-commands, in one table: the shell dispatches on `action`,
/// `.help` lists `usage` and `summary`, and completion offers the names and
/// each command's `argument`.
public struct DotCommand: Sendable {
    public enum Action: Sendable, CaseIterable {
        case help, facets, format, timer, explain, refresh, save, queries, run, export, quit
    }

    /// What the command's words after its name are, for completion.
    public enum Argument: Sendable {
        case none
        case helpTopic
        case facet
        case format
        case onOff
        /// A query, completed as one.
        case query
        /// A name, then a query.
        case nameThenQuery
        /// A saved query's name, then its `parameter=value`s.
        case savedQuery
        case file
    }

    public let action: Action
    public let name: String
    /// Other names it answers to and suggests (`.exit`).
    public let aliases: [String]
    /// Short names it answers to without suggesting them (`.q`).
    public let abbreviations: [String]
    public let usage: String
    public let summary: String
    public let argument: Argument

    /// In the order `.help` lists them.
    public static let all: [DotCommand] = [
        DotCommand(.help, ".help", usage: ".help [TOPIC]",
                   "this text, or one topic: \(ShellVocabulary.helpTopics.joined(separator: ", "))", .helpTopic),
        DotCommand(.facets, ".facets", usage: ".facets [FACET]", "the facets and their most common values", .facet),
        DotCommand(.format, ".format", usage: ".format FORMAT", "table, csv, json, jsonl or markdown", .format),
        DotCommand(.timer, ".timer", usage: ".timer on|off", "show how long each query took", .onOff),
        DotCommand(.explain, ".explain", usage: ".explain QUERY", "what a query becomes: parsed query, SQL, SQLite's plan", .query),
        DotCommand(.refresh, ".refresh", usage: ".refresh", "read the corpus again for changed files", .none),
        DotCommand(.save, ".save", usage: ".save NAME QUERY", "save a query (words like $since become parameters)", .nameThenQuery),
        DotCommand(.queries, ".queries", usage: ".queries", "the saved queries", .none),
        DotCommand(.run, ".run", usage: ".run NAME [k=v ...]", "run a saved query", .savedQuery),
        DotCommand(.export, ".export", usage: ".export FILE",
                   "write the last answer to FILE (.csv, .md, .json, .jsonl), without running it again", .file),
        DotCommand(.quit, ".quit", aliases: [".exit"], abbreviations: [".q"], usage: ".quit", "leave (or Ctrl-D)", .none),
    ]

    init(_ action: Action, _ name: String, aliases: [String] = [], abbreviations: [String] = [], usage: String,
         _ summary: String, _ argument: Argument) {
        self.action = action
        self.name = name
        self.aliases = aliases
        self.abbreviations = abbreviations
        self.usage = usage
        self.summary = summary
        self.argument = argument
    }

    /// The command a typed word names, if any.
    public static func named(_ word: String) -> DotCommand? {
        all.first { $0.name == word || $0.aliases.contains(word) || $0.abbreviations.contains(word) }
    }

    /// The names an unknown command is compared with for "did you mean".
    public static var suggestible: [String] {
        all.flatMap { [$0.name] + $0.aliases }
    }
}

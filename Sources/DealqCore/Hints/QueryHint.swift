import DealqLanguage

/// What dealq understood of a query that the person may not have meant, one
/// case per kind of hint; `message` is the one place they are worded. Hints are
/// notes on stderr: they never change the answer or the exit status.
public enum QueryHint: Sendable, Equatable {
    /// A bare word that is a command or a joining word, searched as text.
    case commandWord(word: String, advice: String)
    /// Text terms in a verb that counts deals: they narrow the deals counted.
    case textNarrowsCount(verb: String, words: [String])
    /// A text term that is also a topic's name; the counts are deals (quotes for `quotes`).
    case topicAsText(word: String, topic: String, asText: Int, asTopic: Int, unit: String)
    /// An empty answer under date filters: when the corpus's deals closed.
    case emptyUnderDates(oldest: String, newest: String)

    public var message: String {
        switch self {
        case .commandWord(let word, let advice):
            return "'\(word)' was searched for as text; \(advice)"
        case .textNarrowsCount(let verb, let words):
            return "\(verb) counts only deals whose text contains " + words.map { "'\($0)'" }.joined(separator: " and ")
        case .topicAsText(let word, let topic, let asText, let asTopic, let unit):
            let difference = asTopic > asText ? "\(asTopic - asText) more: the topic's patterns match more than the word"
                : "\(asText - asTopic) fewer"
            return "'\(word)' matches \(asText) \(unit) as text; topic:\(topic) matches \(asTopic) (\(difference))"
        case .emptyUnderDates(let oldest, let newest):
            return "nothing matched under the date filters: the deals of this corpus closed from \(oldest) to \(newest)"
        }
    }

    /// The hint as a note (at `range` in the query when it is about a word).
    func diagnostic(_ range: SourceRange) -> Diagnostic {
        Diagnostic(.note, message: message, range: range)
    }

    /// What a command word or a joining word was probably meant as.
    static let commandAdvice: [String: String] = [
        "help": "for help, run 'dealq help' (in the shell: help)",
        "exit": "to leave the shell, type exit, quit or Ctrl-D",
        "quit": "to leave the shell, type exit, quit or Ctrl-D",
        "init": "to set up a corpus, run 'dealq init'",
        "import": "to add deals from a CRM export, run 'dealq import FILE.csv'",
        "index": "to index the corpus, run 'dealq index'",
        "report": "for a report, run 'dealq report leadership|product|sales'",
        "run": "to answer a saved query, run 'dealq run NAME'",
        "when": "filters need no joining word: write them as facet:value, e.g. 'winrate topic:implementation'",
        "about": "filters need no joining word: write them as facet:value, e.g. 'quotes topic:implementation'",
    ]

    /// Verbs that count deals (`terms` compares them), where a text term narrows what is counted.
    static let countingVerbs: Set<String> = ["count", "winrate", "drivers", "terms"]
}

import DealqLanguage

/// `dealq run NAME k=v … FILTERS …`: the words after a saved query's name are
/// its parameters (`name=value` naming one of them) and, after or among them,
/// filters ANDed to the saved query's own.
public enum ExtraFilters {
    /// The words split into parameter arguments and filter words. A word is a
    /// parameter when it starts with a name and `=` (`$` optional) and the name
    /// is one of the query's parameters or close to one (`competiter=Acme` is
    /// then reported as an unknown parameter); any other word is a filter
    /// (`segment=smb`, `since:7d`, `security`).
    public static func split(_ words: [String], parameters: [String]) -> (arguments: [String], filters: [String]) {
        var arguments: [String] = [], filters: [String] = []
        for word in words {
            var name = String(word.prefix { $0 != "=" })
            if name.hasPrefix("$") { name.removeFirst() }
            let isArgument = name.count < word.count && !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                && (parameters.contains(name) || Suggest.closest(to: name, among: parameters) != nil)
            if isArgument { arguments.append(word) } else { filters.append(word) }
        }
        return (arguments, filters)
    }

    /// The filter words as query text: a word the shell unquoted that holds a
    /// space gets its quotes back (`competitor:"Acme Analytics"`, `"security review"`).
    public static func text(_ words: [String]) -> String {
        words.map { word in
            guard word.contains(where: \.isWhitespace), !word.contains("\"") else { return word }
            if let colon = word.firstIndex(where: { $0 == ":" || $0 == "=" }),
               word[..<colon].allSatisfy({ !$0.isWhitespace }), word.index(after: colon) < word.endIndex {
                let after = word.index(after: colon)
                return String(word[..<after]) + "\"" + word[after...] + "\""
            }
            return "\"" + word + "\""
        }.joined(separator: " ")
    }

    /// Why the extra filters cannot be added.
    public enum Failure: Error, Equatable, Sendable {
        /// They do not parse (the diagnostic is located in the filters' text).
        case syntax(Diagnostic)
        /// They hold a verb, `by` or an option.
        case notOnlyFilters

        public static let notOnlyFiltersMessage =
            "what follows a saved query's parameters must be filters: no verb, 'by', sort:, limit: or weight:"
    }

    /// The saved query's text with the filters ANDed to its own. A saved query
    /// that does not parse gets them appended, for its own error to be reported.
    public static func adding(_ filters: String, to saved: String) throws(Failure) -> String {
        let extra: Query
        do { extra = try parseQuery(filters) } catch { throw .syntax(error) }
        guard extra.verbRange == nil, extra.groupBy.isEmpty, extra.options == Options() else { throw .notOnlyFilters }
        guard var query = try? parseQuery(saved) else { return saved + " " + filters }
        query.filters += extra.filters
        return Printer.print(query)
    }
}

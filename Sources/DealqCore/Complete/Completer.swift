import DealqLanguage

/// What Tab offers at a place in a line: the text from `start` to the cursor
/// is replaced by one of `candidates`.
public struct Completion: Sendable, Equatable {
    /// UTF-8 offset in the line where the replaced text starts.
    public var start: Int
    /// Replacements, best first: exact matches, then prefix matches (in the
    /// source's order: values most common first, names in catalog order),
    /// then values with a later word that starts with the typed text.
    public var candidates: [String]
    /// What to put in place when there are several candidates, when it is more
    /// than their plain common prefix: the longer common start of values that
    /// need quotes, with its opening quote (`"Acme` for `"Acme Analytics"` and `Acme`).
    public var common: String?

    public init(start: Int, candidates: [String], common: String? = nil) {
        self.start = start
        self.candidates = candidates
        self.common = common
    }

    /// Whether a lone candidate finishes a word, so that a space follows it: a
    /// verb, facet value, column or word does; `facet:`, `sort:`, `k=`, an
    /// unclosed quote and a `by` list's comma do not.
    public static func endsWord(_ candidate: String) -> Bool {
        guard let last = candidate.last, ![":", "=", ",", "<", ">"].contains(last) else { return false }
        return candidate.filter { $0 == "\"" }.count % 2 == 0
    }
}

/// Completion for the shell's line: verbs at the start, facet names as
/// `name:`, the index's values after `facet:` (quoted when they hold spaces),
/// `sort:` columns, `limit:`, facets after `by`, dot-commands after `.`, saved
/// query names after `.run ` and their `k=` parameters.
///
/// It reads the line itself instead of running the lexer, because the line
/// is usually unfinished (`competitor:"Acme` has no closing quote yet).
public struct Completer {
    public var source: any CompletionSource

    public init(source: any CompletionSource) {
        self.source = source
    }

    /// Candidates for the text before `cursor` (a UTF-8 offset; the end of the line when nil).
    public func complete(_ line: String, cursor: Int? = nil) -> Completion {
        let utf8 = Array(line.utf8)
        let end = min(max(0, cursor ?? utf8.count), utf8.count)
        let before = String(decoding: utf8[..<end], as: UTF8.self)
        let words = Self.words(before)
        guard let current = words.last else { return Completion(start: end, candidates: []) }
        if let first = words.first, first.text.hasPrefix(".") {
            return dotCommand(words)
        }
        return query(Array(words.dropLast()), current)
    }

    // MARK: - Dot-commands

    private func dotCommand(_ words: [Word]) -> Completion {
        let current = words[words.count - 1]
        if words.count == 1 {
            return current.offer(rank(current.text, ShellVocabulary.dotCommands))
        }
        let argument = words.count - 1  // 1 for the first argument
        switch DotCommand.named(words[0].text)?.argument {
        case .helpTopic?:
            return argument == 1 ? current.offer(rank(current.text, ShellVocabulary.helpTopics)) : current.offer([])
        case .facet?:
            return argument == 1 ? current.offer(rank(current.text, source.facetNames, fuzzy: true)) : current.offer([])
        case .format?:
            return argument == 1 ? current.offer(rank(current.text, ShellVocabulary.formats)) : current.offer([])
        case .onOff?:
            return argument == 1 ? current.offer(rank(current.text, ["on", "off"])) : current.offer([])
        case .savedQuery?:
            let saved = source.savedQueries
            if argument == 1 { return current.offer(rank(current.text, saved.map(\.name), fuzzy: true)) }
            guard let query = saved.first(where: { $0.name == words[1].text }) else { return current.offer([]) }
            if current.text.contains("=") { return current.offer([]) }
            let given = Set(words[2..<(words.count - 1)].compactMap { $0.text.split(separator: "=").first.map(String.init) })
            let open = query.parameters.filter { !given.contains($0) }
            return current.offer(rank(current.text, open).map { $0 + "=" })
        case .query?:
            return query(Array(words[1..<(words.count - 1)]), current)
        case .nameThenQuery?:
            if argument == 1 { return current.offer([]) }
            return query(Array(words[2..<(words.count - 1)]), current)
        default:
            return current.offer([])
        }
    }

    // MARK: - Queries

    /// Completion of the last word of a query whose earlier words are `prior`.
    private func query(_ prior: [Word], _ current: Word) -> Completion {
        let verb = prior.first.flatMap { Verb(rawValue: $0.text) }
        let group = GroupState(prior)

        // After `by` or a `,` of its list: facet names.
        if group.expectsName || (group.afterName && current.text.hasPrefix(",")) {
            let part = current.after(lastIndexOf: ",")
            let typed = Set(group.names + current.text.split(separator: ",").dropLast().map { $0.lowercased() })
            let names = source.facetNames.filter { !typed.contains($0) }
            return part.offer(rank(part.text, names, fuzzy: true))
        }

        var word = current
        while word.text.hasPrefix("-") || word.text.hasPrefix("(") { word = word.dropFirst() }
        if let (name, value) = word.facetSplit() {
            return facetValue(name: name.lowercased(), value: value, verb: verb ?? .deals, groupBy: group.names)
        }
        if word.text.hasPrefix("\"") { return word.offer([]) }

        var names: [String] = []
        if prior.isEmpty && word.start == current.start { names += Verb.allCases.map(\.rawValue) }
        if !prior.isEmpty && (verb.map(VerbColumns.grouping.contains) ?? false) && !group.seenBy { names.append("by") }
        // `in:` is an option of terms alone; elsewhere it would only crowd out what was meant.
        let options = ShellVocabulary.options.filter { $0 != "in" || verb == .terms }
        let facetsFirst = rank(word.text, source.facetNames.map { $0 + ":" } + options.map { $0 + ":" },
                               fuzzy: true)
        // Verbs and `by` come before facet names when both match.
        return word.offer(rank(word.text, names) + facetsFirst)
    }

    /// Candidates for the value after `name` and its operator.
    private func facetValue(name: String, value: Word, verb: Verb, groupBy: [String]) -> Completion {
        switch name {
        case "sort":
            let columns = VerbColumns.names(verb, groupBy: groupBy, hasText: false)
            var candidates = rank(value.text, columns)
            if let column = columns.first(where: { value.text.lowercased().hasPrefix($0) }) {
                candidates += rank(value.text, [column + "-asc"]).filter { !candidates.contains($0) }
            }
            return value.offer(candidates)
        case "limit":
            return value.offer(rank(value.text, ["all"]))
        case "weight":
            return value.offer(rank(value.text, ["acv"]))
        case "in":
            return value.offer(rank(value.text, ["quotes", "bodies"]))
        case "has":
            return value.offer(rank(value.text, source.facetNames, fuzzy: true))
        case "since", "before":
            return value.offer(rank(value.text, ShellVocabulary.relativeSpans))
        default:
            break
        }
        guard source.facetNames.contains(name) else { return value.offer([]) }
        // The value being typed: after the last `,` or `..` outside quotes.
        var part = value.afterLastSeparator()
        var quoted = false
        if part.text.hasPrefix("\"") {
            quoted = true
            part = Word(text: String(part.text.dropFirst()), start: part.start + 1)
        }
        let values = source.values(of: name).filter { !$0.contains("\"") && !$0.isEmpty }
        let matches = rank(part.text, values, innerWords: true)
        let candidates = matches.map { v in quoted || Self.needsQuotes(v) ? "\"" + v + "\"" : v }
        var common: String?
        let prefixed = matches.filter { $0.lowercased().hasPrefix(part.text.lowercased()) }
        if candidates.count > 1, prefixed.count == matches.count, candidates.contains(where: { $0.hasPrefix("\"") }) {
            let shared = Self.commonPrefix(prefixed.map { $0.lowercased() })
            if shared.count > part.text.count {
                common = "\"" + String(prefixed[0].prefix(shared.count))
            }
        }
        return Completion(start: quoted ? part.start - 1 : part.start, candidates: candidates, common: common)
    }

    /// Whether a value must be quoted to be read back as one value.
    static func needsQuotes(_ value: String) -> Bool {
        value.unicodeScalars.contains { Chars.isDelimiter($0) || $0 == "," } || value.contains("..")
    }

    // MARK: - Ranking

    /// `candidates` that match `typed`, case-insensitively: exact first, then
    /// prefix matches, then (with `innerWords`) candidates with a later word
    /// starting with it, then (with `fuzzy`, when nothing else matched) close
    /// spellings. Each group keeps the candidates' order.
    func rank(_ typed: String, _ candidates: [String], innerWords: Bool = false, fuzzy: Bool = false) -> [String] {
        let key = typed.lowercased()
        var exact: [String] = [], prefix: [String] = [], inner: [String] = []
        var seen: Set<String> = []
        for candidate in candidates where seen.insert(candidate).inserted {
            let lowered = candidate.lowercased()
            let bare = lowered.hasSuffix(":") || lowered.hasSuffix("=") ? String(lowered.dropLast()) : lowered
            if bare == key || lowered == key {
                exact.append(candidate)
            } else if lowered.hasPrefix(key) {
                prefix.append(candidate)
            } else if innerWords, !key.isEmpty, Self.hasInnerWord(lowered, startingWith: key) {
                inner.append(candidate)
            }
        }
        let found = exact + prefix + inner
        if found.isEmpty, fuzzy, key.count >= 3 {
            let bare = candidates.map { $0.hasSuffix(":") ? String($0.dropLast()) : $0 }
            return Suggest.matches(for: typed, among: bare, limit: 3).compactMap { match in
                candidates.first { $0 == match || $0 == match + ":" }
            }
        }
        return found
    }

    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for s in strings.dropFirst() {
            let other = Array(s)
            var n = 0
            while n < prefix.count && n < other.count && prefix[n] == other[n] { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }

    private static func hasInnerWord(_ text: String, startingWith key: String) -> Bool {
        var rest = Substring(text)
        while let i = rest.firstIndex(where: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "." || $0 == "/" }) {
            rest = rest[rest.index(after: i)...]
            if rest.hasPrefix(key) { return true }
        }
        return false
    }

    // MARK: - Words

    /// A run of the line between whitespace (outside quotes), with its UTF-8 offset.
    struct Word: Equatable {
        var text: String
        var start: Int

        func offer(_ candidates: [String]) -> Completion {
            Completion(start: start, candidates: candidates)
        }

        func dropFirst() -> Word {
            Word(text: String(text.dropFirst()), start: start + (text.first.map { String($0).utf8.count } ?? 0))
        }

        /// The part after the last `character` (the whole word when there is none).
        func after(lastIndexOf character: Character) -> Word {
            guard let i = text.lastIndex(of: character) else { return self }
            let rest = text[text.index(after: i)...]
            return Word(text: String(rest), start: start + text[...i].utf8.count)
        }

        /// The part after the last `,` or `..` outside quotes.
        func afterLastSeparator() -> Word {
            let scalars = Array(text.unicodeScalars)
            var inQuotes = false
            var cut = 0
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if c == "\"" {
                    inQuotes.toggle()
                } else if !inQuotes, c == "," {
                    cut = i + 1
                } else if !inQuotes, c == ".", i + 1 < scalars.count, scalars[i + 1] == "." {
                    cut = i + 2
                    i += 1
                }
                i += 1
            }
            var head = String.UnicodeScalarView(), tail = String.UnicodeScalarView()
            head.append(contentsOf: scalars[..<cut])
            tail.append(contentsOf: scalars[cut...])
            return Word(text: String(tail), start: start + String(head).utf8.count)
        }

        /// `name` and the value part after its operator, when the word is `name:…`, `name>=…` and so on.
        func facetSplit() -> (String, Word)? {
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.first, Chars.isNameStart(first) else { return nil }
            var i = 1
            while true {
                while i < scalars.count, Chars.isNameChar(scalars[i]) { i += 1 }
                if i + 1 < scalars.count, scalars[i] == ".", Chars.isNameStart(scalars[i + 1]) { i += 2 } else { break }
            }
            guard i < scalars.count else { return nil }
            var opLength = 0
            switch scalars[i] {
            case ":", "=": opLength = 1
            case ">", "<": opLength = i + 1 < scalars.count && scalars[i + 1] == "=" ? 2 : 1
            case "!": opLength = i + 1 < scalars.count && scalars[i + 1] == "=" ? 2 : 0
            default: opLength = 0
            }
            guard opLength > 0 else { return nil }
            var name = String.UnicodeScalarView(), value = String.UnicodeScalarView()
            name.append(contentsOf: scalars[..<i])
            value.append(contentsOf: scalars[(i + opLength)...])
            let valueStart = start + String(name).utf8.count + opLength
            return (String(name), Word(text: String(value), start: valueStart))
        }
    }

    /// The words of `text`: split at whitespace outside double quotes and
    /// after `(`; the last word is the one the cursor ends (empty after a space).
    static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var currentStart = 0
        var offset = 0
        var inQuotes = false
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if !inQuotes && Chars.isWhitespace(scalar) {
                if !current.isEmpty { words.append(Word(text: String(current), start: currentStart)) }
                current = String.UnicodeScalarView()
                currentStart = offset + width
            } else if !inQuotes && scalar == "(" && current.allSatisfy({ $0 == "(" || $0 == "-" }) {
                current = String.UnicodeScalarView()
                currentStart = offset + width
            } else {
                if scalar == "\"" { inQuotes.toggle() }
                current.append(scalar)
            }
            offset += width
        }
        words.append(Word(text: String(current), start: current.isEmpty ? offset : currentStart))
        return words
    }

    /// Where the earlier words leave a `by` list.
    private struct GroupState {
        var names: [String] = []
        var seenBy = false
        var expectsName = false
        var afterName = false

        init(_ words: [Word]) {
            for word in words {
                var text = Substring(word.text)
                if expectsName || afterName {
                    if afterName {
                        guard text.hasPrefix(",") else {
                            expectsName = false; afterName = false
                            if text == "by" { seenBy = true; expectsName = true }
                            continue
                        }
                        text = text.dropFirst()
                    }
                    let parts = text.split(separator: ",", omittingEmptySubsequences: true)
                    names += parts.map { $0.lowercased() }
                    if text.hasSuffix(",") || text.isEmpty {
                        expectsName = true; afterName = false
                    } else if !parts.isEmpty {
                        expectsName = false; afterName = true
                    }
                } else if text == "by" {
                    seenBy = true
                    expectsName = true
                }
            }
        }
    }
}

/// The language's character classes (kept identical to the lexer's and `grammar/query.lark`).
enum Chars {
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isDelimiter(_ c: Unicode.Scalar) -> Bool {
        c == "(" || c == ")" || c == "\"" || isWhitespace(c)
    }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || ("0"..."9").contains(c) || c == "-"
    }
}

import DealqLanguage
import Foundation
import Yams

/// The saved-queries file, `dealq-queries.yml` at the corpus root: versioned
/// and shared with the corpus, edited by hand.
///
///     # A name, then its query; `$words` are parameters.
///     lost-to:
///       description: Deals we lost to a competitor, biggest first
///       query: deals outcome:lost competitor.selected:$competitor sort:acv
///       params:
///         competitor: Acme Analytics     # a default; a parameter without one must be given
///     big-deals: deals acv>=100k sort:acv  # the short form: just the query
///
/// An entry is either the query itself or a mapping with `query` and
/// optionally `description` and `params` (parameter → default; an empty
/// value means no default). A parameter need not be listed under `params`.
public enum SavedQueries {
    public static let fileName = "dealq-queries.yml"

    /// The file's path in a corpus.
    public static func path(corpus: String) -> String {
        (corpus as NSString).appendingPathComponent(fileName)
    }

    /// The saved queries of a corpus in file order; none when the file is absent.
    /// Throws when the file cannot be read or is not valid; a query whose text
    /// does not parse is still returned (``SavedQuery/validate()`` and
    /// ``SavedQuery/expand(_:)`` report it).
    public static func load(corpus: String) throws(SavedQueryError) -> [SavedQuery] {
        guard let text = try readFile(corpus: corpus) else { return [] }
        return try parse(text)
    }

    /// The saved query called `name`, with "did you mean" when there is none.
    public static func find(_ name: String, in queries: [SavedQuery]) throws(SavedQueryError) -> SavedQuery {
        if let query = queries.first(where: { $0.name == name }) { return query }
        throw SavedQueryError(.unknownQuery(name: name, suggestion: Suggest.closest(to: name, among: queries.map(\.name))))
    }

    /// Loads the corpus's saved queries, finds `name` and expands it with `arguments`.
    public static func resolve(_ name: String, arguments: [String: String], corpus: String) throws(SavedQueryError) -> String {
        try find(name, in: load(corpus: corpus)).expand(arguments)
    }

    /// Every problem of every saved query (see ``SavedQuery/validate()``).
    public static func problems(in queries: [SavedQuery]) -> [SavedQueryError] {
        var problems: [SavedQueryError] = []
        for query in queries {
            do throws(SavedQueryError) { try query.validate() } catch { problems.append(error) }
        }
        return problems
    }

    // MARK: - Reading

    /// Reads the saved queries from the text of a saved-queries file.
    public static func parse(_ text: String, path: String = fileName) throws(SavedQueryError) -> [SavedQuery] {
        func fail(_ node: Node?, _ message: String) -> SavedQueryError {
            let mark = node?.mark
            return SavedQueryError(.invalidFile(message: message), path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let keys, _) = error, let duplicate = topLevelDuplicate(keys.sorted(), in: text) {
                throw SavedQueryError(.duplicateQuery(name: duplicate.name, firstLine: duplicate.first), path: path,
                                      line: duplicate.second, column: 1)
            }
            let r = FrontMatter.rejection(for: error, lineOffset: 0)
            throw SavedQueryError(.invalidFile(message: r.message), path: path, line: r.position.line, column: r.position.column)
        } catch {
            throw SavedQueryError(.invalidFile(message: "invalid YAML"), path: path, line: 1, column: 1)
        }
        guard let root, !YAMLReading.isNull(root) else { return [] }
        guard case .mapping(let entries) = root else {
            throw fail(root, "\(fileName) must map query names to queries")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var queries: [SavedQuery] = []
        var firstLine: [String: Int] = [:]
        for (keyNode, valueNode) in entries {
            guard case .scalar(let key) = keyNode, isValidName(key.string) else {
                if case .scalar(let key) = keyNode {
                    let line = keyNode.mark?.line ?? 1
                    throw SavedQueryError(.invalidName(name: key.string), path: path, line: line, column: keyNode.mark?.column ?? 1)
                }
                throw fail(keyNode, "saved query names must be strings")
            }
            let name = key.string
            let line = keyNode.mark?.line ?? 1
            if let first = firstLine[name] {
                throw SavedQueryError(.duplicateQuery(name: name, firstLine: first), path: path, line: line,
                                      column: keyNode.mark?.column ?? 1)
            }
            firstLine[name] = line

            var description: String?
            var queryNode: Node?
            var defaults: [String: String] = [:]
            var defaultPositions: [String: (line: Int, column: Int)] = [:]
            switch valueNode {
            case .scalar:
                queryNode = valueNode
            case .mapping(let fields):
                for (fieldNode, field) in fields {
                    guard case .scalar(let f) = fieldNode else { throw fail(fieldNode, "keys of saved query '\(name)' must be strings") }
                    switch f.string {
                    case "query":
                        queryNode = field
                    case "description":
                        guard case .scalar(let s) = field else { throw fail(field, "the description of saved query '\(name)' must be text") }
                        description = YAMLReading.isNull(field) ? nil : s.string
                    case "params":
                        if YAMLReading.isNull(field) { continue }
                        guard case .mapping(let params) = field else {
                            throw fail(field, "'params' of saved query '\(name)' must map parameter names to defaults")
                        }
                        for (paramNode, defaultNode) in params {
                            guard case .scalar(var p) = paramNode, !p.string.isEmpty else {
                                throw fail(paramNode, "parameter names of saved query '\(name)' must be strings")
                            }
                            if p.string.hasPrefix("$") { p.string.removeFirst() }
                            guard case .scalar(let d) = defaultNode else {
                                throw fail(defaultNode, "the default of parameter '\(p.string)' of saved query '\(name)' must be a single value")
                            }
                            if !YAMLReading.isNull(defaultNode) { defaults[p.string] = d.string }
                            defaultPositions[p.string] = (defaultNode.mark?.line ?? line, defaultNode.mark?.column ?? 1)
                        }
                    default:
                        let suggestion = Suggest.closest(to: f.string, among: ["query", "description", "params"])
                        throw fail(fieldNode, "unknown key '\(f.string)' in saved query '\(name)'"
                                   + (suggestion.map { " (did you mean '\($0)'?)" } ?? " (expected query, description or params)"))
                    }
                }
            default:
                throw fail(valueNode, "saved query '\(name)' must be a query, or a mapping with 'query'")
            }
            guard let queryNode, case .scalar(let q) = queryNode, !YAMLReading.isNull(queryNode),
                  !q.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw fail(queryNode ?? keyNode, "saved query '\(name)' has no query")
            }
            var saved = SavedQuery(name: name, description: description, query: q.string, defaults: defaults, line: line, path: path)
            saved.defaultPositions = defaultPositions
            if let mark = queryNode.mark {
                let quoted = q.style == .singleQuoted || q.style == .doubleQuoted
                saved.queryPosition = (mark.line, mark.column + (quoted ? 1 : 0), exactColumns(of: q, at: mark, in: lines))
            }
            queries.append(saved)
        }
        return queries
    }

    /// A name written twice as `name:` at the start of a line, with both lines.
    private static func topLevelDuplicate(_ names: [String], in text: String) -> (name: String, first: Int, second: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for name in names {
            let found = lines.indices.filter { lines[$0].hasPrefix(name + ":") }
            if found.count >= 2 { return (name, found[0] + 1, found[1] + 1) }
        }
        return nil
    }

    /// True when the scalar is written on its line without escapes, so that a
    /// column inside it is its start plus the offset.
    private static func exactColumns(of scalar: Node.Scalar, at mark: Mark, in lines: [Substring]) -> Bool {
        guard mark.line >= 1, mark.line <= lines.count, !scalar.string.contains("\n") else { return false }
        let line = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column >= 1, mark.column <= line.count else { return false }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: line[(mark.column - 1)...])
        var text = String(rest)
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: text.removeFirst()
        case .plain, .any: break
        default: return false
        }
        return text.hasPrefix(scalar.string)
    }

    /// A name of letters, digits, `-` and `_`, starting with a letter.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private static func readFile(corpus: String) throws(SavedQueryError) -> String? {
        let path = path(corpus: corpus)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SavedQueryError(.unreadableFile(detail: "cannot read '\(path)'"), path: fileName)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SavedQueryError(.invalidFile(message: "\(fileName) is not UTF-8 text"), path: fileName, line: 1, column: 1)
        }
        return text
    }

    // MARK: - Saving

    /// Saves a query under `name` in the corpus's saved-queries file: replaces
    /// the entry of that name, or appends one. Only that entry's lines change;
    /// the rest of the file (comments included) stays as it was written. The
    /// parameters are the query's `$words`, without defaults (add defaults by
    /// editing the file). Returns the saved query as read back from the file.
    @discardableResult
    public static func save(name: String, query: String, description: String? = nil,
                            corpus: String) throws(SavedQueryError) -> SavedQuery {
        let existing = try readFile(corpus: corpus) ?? ""
        let text = try saving(name: name, query: query, description: description, into: existing)
        do {
            try text.write(toFile: path(corpus: corpus), atomically: true, encoding: .utf8)
        } catch {
            throw SavedQueryError(.unreadableFile(detail: "cannot write '\(path(corpus: corpus))': \(error.localizedDescription)"),
                                  path: fileName)
        }
        return try find(name, in: parse(text))
    }

    /// The text of a saved-queries file after saving one query into `text`.
    public static func saving(name: String, query: String, description: String? = nil,
                              into text: String) throws(SavedQueryError) -> String {
        guard isValidName(name) else { throw SavedQueryError(.invalidName(name: name)) }
        let query = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let description = description?.trimmingCharacters(in: .whitespacesAndNewlines)
        try SavedQuery(name: name, description: description, query: query).validate()
        let queries = try parse(text)

        var entry = [name + ":"]
        if let description, !description.isEmpty { entry.append("  description: " + yamlScalar(description)) }
        entry.append("  query: " + yamlScalar(query))
        // Defaults of the old entry's parameters that the new query still has are kept.
        if let old = queries.first(where: { $0.name == name }) {
            let kept = SavedQuery.parameterNames(in: query).compactMap { p in
                old.parameters.first { $0.name == p && $0.defaultValue != nil }
            }
            if !kept.isEmpty {
                entry.append("  params:")
                for parameter in kept { entry.append("    \(parameter.name): " + yamlScalar(parameter.defaultValue!)) }
            }
        }

        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if let old = queries.first(where: { $0.name == name }) {
            let start = old.line - 1
            guard start < lines.count, !lines[start].hasPrefix(" "), !lines[start].hasPrefix("\t"),
                  lines[start].hasPrefix(name) || lines[start].hasPrefix("\"") || lines[start].hasPrefix("'") else {
                throw SavedQueryError(.invalidFile(message: "cannot edit '\(name)' in \(fileName): write its entries as 'name:' at the start of a line"),
                                      path: fileName, line: old.line, column: 1)
            }
            var end = start + 1
            while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("\t") { end += 1 }
            while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
            lines.replaceSubrange(start..<end, with: entry)
        } else {
            if lines.isEmpty {
                lines = ["# Saved queries: dealq run NAME [param=value …]; `$words` in a query are parameters."]
            }
            if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { lines.append("") }
            lines += entry
        }
        let result = lines.joined(separator: "\n") + "\n"
        // Read it back: the edit must give exactly this query and keep every other one.
        let after = try parse(result)
        guard let saved = after.first(where: { $0.name == name }), saved.query == query,
              saved.parameters.map(\.name) == SavedQuery.parameterNames(in: query),
              saved.description == (description?.isEmpty == false ? description : nil),
              after.count == queries.count + (queries.contains { $0.name == name } ? 0 : 1) else {
            throw SavedQueryError(.invalidFile(message: "cannot save '\(name)' into \(fileName) without changing other entries; edit the file by hand"),
                                  path: fileName)
        }
        return result
    }

    /// `text` as a YAML scalar on one line: plain when that reads back as the
    /// same text, otherwise single-quoted.
    static func yamlScalar(_ text: String) -> String {
        if !text.contains("\n"), let node = try? Yams.compose(yaml: "k: " + text + "\n", .basic),
           case .mapping(let map) = node, map.count == 1, case .scalar(let s)? = map.first?.value,
           s.string == text, s.style == .plain, !YAMLReading.isNull(.scalar(s)) {
            return text
        }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

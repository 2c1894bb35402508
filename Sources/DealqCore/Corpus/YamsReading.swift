import Yams

/// Typed reads of Yams' nodes, for the files still composed by Yams (dealq.yml
/// and its saved queries); a deal's front matter is read from `YAMLNode`s.
extension YAMLReading {
    func position(_ node: Node) -> Position {
        guard let mark = node.mark else { return .start }
        return Position(line: mark.line + lineOffset, column: mark.column)
    }

    func reject(_ node: Node, _ message: String) -> Rejection {
        Rejection(position: position(node), message: message)
    }

    /// A plain `null`, `~` or empty scalar: "not known".
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return isNullText(s.string)
    }

    /// A list of strings; a single string counts as a one-item list. Null items are dropped.
    func strings(_ node: Node?, _ key: String) throws(Rejection) -> [String] {
        guard let node, !Self.isNull(node) else { return [] }
        switch node {
        case .scalar(let s):
            return [s.string]
        case .sequence(let seq):
            var result: [String] = []
            for item in seq where !Self.isNull(item) {
                guard case .scalar(let s) = item else { throw reject(item, "'\(key)' must be a list of strings") }
                result.append(s.string)
            }
            return result
        default:
            throw reject(node, "'\(key)' must be a list of strings")
        }
    }

    func mapping(_ node: Node?, _ key: String) throws(Rejection) -> Node.Mapping? {
        guard let node, !Self.isNull(node) else { return nil }
        guard case .mapping(let m) = node else { throw reject(node, "'\(key)' must be a mapping") }
        return m
    }

    /// `, not 'abc'` after a type error, so the message shows what was found.
    static func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return ", not '\(s.string)'"
        case .mapping: return ", not a mapping"
        case .sequence: return ", not a list"
        case .alias: return ""
        }
    }
}

extension Node.Mapping {
    /// Value for a string key, compared exactly.
    func value(_ key: String) -> Node? {
        for (k, v) in self {
            if case .scalar(let s) = k, s.string == key { return v }
        }
        return nil
    }
}

extension FrontMatter {
    /// The rejection for an error Yams threw, at its position in the file.
    static func rejection(for error: YamlError, lineOffset: Int) -> Rejection {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return YAMLErrors.syntax(context: context?.text, problem: problem, line: mark.line, column: mark.column, lineOffset: lineOffset)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return Rejection(position: Position(line: context.mark.line + lineOffset, column: context.mark.column),
                             message: "invalid YAML: duplicate key \(keys)")
        default:
            return YAMLErrors.unreadable(error)
        }
    }
}

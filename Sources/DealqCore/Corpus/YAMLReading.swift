/// Typed reads of a front matter's YAML nodes with positions in the file,
/// throwing the contract's rejection messages. `lineOffset` turns YAML lines
/// into file lines.
struct YAMLReading {
    var lineOffset: Int

    func position(_ node: YAMLNode) -> Position {
        Position(line: node.line + lineOffset, column: node.column)
    }

    func reject(_ node: YAMLNode, _ message: String) -> Rejection {
        Rejection(position: position(node), message: message)
    }

    /// A plain `null`, `~` or empty scalar: "not known".
    static func isNull(_ node: YAMLNode) -> Bool {
        guard node.isPlain, let text = node.text else { return false }
        return isNullText(text)
    }

    static func isNullText(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A scalar's text, nil for null; mappings and lists are rejected.
    func string(_ node: YAMLNode?, _ key: String) throws(Rejection) -> String? {
        guard let node, !Self.isNull(node) else { return nil }
        guard let text = node.text else { throw reject(node, "'\(key)' must be a string") }
        return text
    }

    /// A number (plain or quoted) or a percentage (`60%`, `"12.5 %"`: the number ÷ 100), nil for null.
    func number(_ node: YAMLNode?, _ key: String, expected: String = "a number") throws(Rejection) -> Double? {
        guard let node, !Self.isNull(node) else { return nil }
        guard let text = node.text, let value = Self.number(text) ?? Self.percentage(text) else {
            let hint = node.text.map(Self.isPercentage) == true ? " (a percentage is a number followed by %, as in 60%)" : ""
            throw reject(node, "'\(key)' must be \(expected)\(Self.shown(node))\(hint)")
        }
        return value
    }

    /// `60%`, `12.5 %` → 0.6, 0.125; nil when the text before `%` is not a number.
    static func percentage(_ text: String) -> Double? {
        let t = Trimming.trimmed(text, newlines: false)
        guard t.hasSuffix("%"), let value = number(String(t.dropLast())) else { return nil }
        return value / 100
    }

    /// Whether a scalar's text is written as a percentage (it ends with `%`).
    static func isPercentage(_ text: String) -> Bool {
        Trimming.trimmed(text, newlines: false).hasSuffix("%")
    }

    /// A number as the message shows it: a percentage as written, else the value.
    static func written(_ node: YAMLNode, _ value: Double) -> String {
        guard let text = node.text, isPercentage(text) else { return FrontMatter.format(value) }
        return Trimming.trimmed(text, newlines: false)
    }

    /// A list of strings; a single string counts as a one-item list. Null items are dropped.
    func strings(_ node: YAMLNode?, _ key: String) throws(Rejection) -> [String] {
        guard let node, !Self.isNull(node) else { return [] }
        switch node.content {
        case .scalar(let text, _):
            return [text]
        case .sequence(let items):
            var result: [String] = []
            result.reserveCapacity(items.count)
            for item in items where !Self.isNull(item) {
                guard let text = item.text else { throw reject(item, "'\(key)' must be a list of strings") }
                result.append(text)
            }
            return result
        case .mapping:
            throw reject(node, "'\(key)' must be a list of strings")
        }
    }

    func mapping(_ node: YAMLNode?, _ key: String) throws(Rejection) -> [YAMLPair]? {
        guard let node, !Self.isNull(node) else { return nil }
        guard case .mapping(let pairs) = node.content else { throw reject(node, "'\(key)' must be a mapping") }
        return pairs
    }

    func sequence(_ node: YAMLNode?, _ key: String, of what: String) throws(Rejection) -> [YAMLNode] {
        guard let node, !Self.isNull(node) else { return [] }
        guard case .sequence(let items) = node.content else { throw reject(node, "'\(key)' must be a list of \(what)") }
        return items
    }

    /// `, not 'abc'` after a type error, so the message shows what was found.
    static func shown(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, _): return ", not '\(text)'"
        case .mapping: return ", not a mapping"
        case .sequence: return ", not a list"
        }
    }

    /// YAML-style decimal numbers: `12`, `-3`, `0.75`, `.5`, `1e3`.
    static func number(_ text: String) -> Double? {
        let t = Trimming.trimmed(text, newlines: false)
        guard !t.isEmpty, t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
              t.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard let value = Double(t), value.isFinite else { return nil }
        return value
    }
}

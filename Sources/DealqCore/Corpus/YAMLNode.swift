/// One node of a front matter, composed from libyaml's events by `YAMLComposer`:
/// plain values, no classes, nothing resolved beyond what the reader needs.
struct YAMLNode: Sendable {
    /// How a scalar was written, numbered as libyaml numbers its styles.
    enum Style: UInt8, Sendable {
        case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    enum Content: Sendable {
        case scalar(String, Style)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    /// Where the node starts in the YAML: line and column (in Unicode scalars) from 1.
    var line: Int
    var column: Int
    /// The node's tag when it is not its kind's own (`str`, `seq` or `map`): only
    /// an explicit tag such as `!!int` sets it. Keys that differ in it are different keys.
    var tag: String?

    /// The text of a scalar; nil for a list or mapping.
    var text: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// A scalar written plain (not quoted, not a block scalar).
    var isPlain: Bool {
        if case .scalar(_, let style) = content { return style == .plain || style == .any }
        return false
    }
}

/// A key and its value, in the order the mapping writes them.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

extension Array where Element == YAMLPair {
    /// The value of the first scalar key equal to `key`.
    func value(_ key: String) -> YAMLNode? {
        for pair in self where pair.key.text == key { return pair.value }
        return nil
    }
}

extension YAMLNode {
    static let valueTag = "tag:yaml.org,2002:value"

    /// Whether two keys are the same key: same kind, same text or items, same tag.
    /// Where a node starts and how a scalar is quoted do not count.
    func sameKey(as other: YAMLNode) -> Bool {
        guard tag == other.tag else { return false }
        switch (content, other.content) {
        case let (.scalar(a, _), .scalar(b, _)):
            return a == b
        case let (.sequence(a), .sequence(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameKey(as: $1) }
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key.sameKey(as: $1.key) && $0.value.sameKey(as: $1.value) }
        default:
            return false
        }
    }

    /// The order duplicate keys are named in: scalars by text, lists and
    /// mappings item by item; nodes of different kinds are not ordered.
    func keyPrecedes(_ other: YAMLNode) -> Bool {
        switch (content, other.content) {
        case let (.scalar(a, _), .scalar(b, _)):
            return a < b
        case let (.sequence(a), .sequence(b)):
            return Self.precedes(a, b)
        case let (.mapping(a), .mapping(b)):
            return Self.precedes(a.map(\.key), b.map(\.key))
        default:
            return false
        }
    }

    private static func precedes(_ a: [YAMLNode], _ b: [YAMLNode]) -> Bool {
        for (x, y) in zip(a, b) {
            if x.keyPrecedes(y) { return true }
            if y.keyPrecedes(x) { return false }
        }
        return a.count < b.count
    }

    /// A key as a duplicate-key message names it: a scalar's text, the value
    /// under a mapping's `!!value` key, else `<uncovertable>` (sic).
    var keyName: String {
        switch content {
        case .scalar(let text, _):
            return text
        case .mapping(let pairs):
            guard let pair = pairs.first(where: { $0.key.tag == Self.valueTag }) else { return "<uncovertable>" }
            return pair.value.keyName
        case .sequence:
            return "<uncovertable>"
        }
    }
}

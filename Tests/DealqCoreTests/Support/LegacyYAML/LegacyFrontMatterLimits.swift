// The front-matter reader as it was on Yams' node tree, kept to test that the
// reader over libyaml's events gives the same deals and the same rejections.
@testable import DealqCore
import CYaml
import Yams

/// What one front matter may cost to read: the number of keys, and how much
/// aliases repeat.
///
/// Yams composes an alias into the node it names, so a 10 KB value aliased by
/// every key of a long front matter costs nothing to compose but a gigabyte to
/// read and index. A front matter that may hold an alias, or is long, is
/// checked on the YAML's events before it is composed: the check stops at the
/// first key or alias past a limit without building anything. Any other one
/// (nearly all, and short) has its keys counted on the composed nodes, which
/// costs next to nothing.
struct LegacyFrontMatterLimits {
    /// Keys in all the mappings of one front matter, as written.
    static let maxKeys = 1_000
    /// What aliases may repeat, as a multiple of the file's size in bytes.
    static let aliasFactor = 10

    /// The file's size in bytes: aliases may repeat `aliasFactor` times it.
    var fileSize: Int
    /// Turns YAML lines into file lines.
    var lineOffset: Int

    /// Front matters this long are checked on events even without aliases, so
    /// that a long one costs no more than its first thousand keys.
    static let eventCheckSize = 64 << 10

    /// Whether `check` must run before composing: the YAML may hold an alias (an
    /// alias is written `*name`), or is long.
    func needsEventCheck(_ yaml: String) -> Bool {
        yaml.utf8.count >= Self.eventCheckSize || yaml.utf8.contains(UInt8(ascii: "*"))
    }

    /// The key limit on the composed nodes of a front matter without aliases,
    /// counted in the order `check` counts them: a key, what is inside it, its value.
    func checkKeys(_ root: Node) throws(Rejection) {
        var keys = 0
        func visit(_ node: Node) throws(Rejection) {
            switch node {
            case .mapping(let map):
                for (key, value) in map {
                    keys += 1
                    if keys > Self.maxKeys {
                        let mark = key.mark.map { Position(line: $0.line + lineOffset, column: $0.column) } ?? .start
                        throw Rejection(position: mark, message: Self.tooManyKeys())
                    }
                    try visit(key)
                    try visit(value)
                }
            case .sequence(let items):
                for item in items { try visit(item) }
            case .scalar, .alias:
                break
            }
        }
        try visit(root)
    }

    /// Throws at the first key past `maxKeys`, or at the alias that takes what
    /// aliases repeat past the budget. YAML that cannot be parsed passes: the
    /// composer that runs next reports it.
    func check(_ yaml: String) throws(Rejection) {
        var text = yaml
        let found: Rejection? = text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var walk = Walk(limits: self)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let rejection = walk.take(event) { return rejection }
            }
            return nil
        }
        if let found { throw found }
    }

    /// The budget for what aliases repeat, in bytes of values.
    var aliasBudget: Int { Self.aliasFactor * fileSize }

    static func tooManyKeys() -> String {
        "the front matter has more than \(ByteSize.grouped(maxKeys)) keys (counting the keys of every mapping in it); this key is past the limit"
    }

    static func aliasesTooLarge(_ alias: String, fileSize: Int) -> String {
        "aliases repeat more than \(aliasFactor) times the file's size (\(ByteSize.grouped(fileSize)) bytes) of values; "
            + "alias '*\(alias)' is past the limit (write the values out instead)"
    }

    /// The state of one pass over the events.
    private struct Walk {
        /// A mapping or sequence being read.
        struct Open {
            var isMapping: Bool
            /// In a mapping, whether the next node is a key.
            var nextIsKey = true
            /// Bytes of its values so far, aliases expanded (plus one per value).
            var size = 1
            var anchor: String?
        }

        let limits: LegacyFrontMatterLimits
        var open: [Open] = []
        /// Anchor name → the size of the node it names, aliases in it expanded.
        var anchors: [String: Int] = [:]
        var keys = 0
        var repeated = 0

        init(limits: LegacyFrontMatterLimits) { self.limits = limits }

        mutating func take(_ event: yaml_event_t) -> Rejection? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                if let rejection = startNode(event) { return rejection }
                let size = event.data.scalar.length + 1
                if let anchor = Self.name(event.data.scalar.anchor) { anchors[anchor] = size }
                add(size)
            case YAML_ALIAS_EVENT:
                if let rejection = startNode(event) { return rejection }
                let name = Self.name(event.data.alias.anchor) ?? ""
                let size = anchors[name] ?? 0
                repeated += size
                if repeated > limits.aliasBudget {
                    return Rejection(position: position(event.start_mark),
                                     message: LegacyFrontMatterLimits.aliasesTooLarge(name, fileSize: limits.fileSize))
                }
                add(size)
            case YAML_SEQUENCE_START_EVENT:
                if let rejection = startNode(event) { return rejection }
                open.append(Open(isMapping: false, anchor: Self.name(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                if let rejection = startNode(event) { return rejection }
                open.append(Open(isMapping: true, anchor: Self.name(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let done = open.popLast() else { return nil }
                if let anchor = done.anchor { anchors[anchor] = done.size }
                add(done.size)
            default:
                break
            }
            return nil
        }

        /// Counts a node that is a key of the mapping it is in.
        private mutating func startNode(_ event: yaml_event_t) -> Rejection? {
            guard let last = open.indices.last, open[last].isMapping else { return nil }
            defer { open[last].nextIsKey.toggle() }
            guard open[last].nextIsKey else { return nil }
            keys += 1
            guard keys > LegacyFrontMatterLimits.maxKeys else { return nil }
            return Rejection(position: position(event.start_mark), message: LegacyFrontMatterLimits.tooManyKeys())
        }

        private mutating func add(_ size: Int) {
            guard let last = open.indices.last else { return }
            open[last].size += size
        }

        private func position(_ mark: yaml_mark_t) -> Position {
            Position(line: mark.line + 1 + limits.lineOffset, column: mark.column + 1)
        }

        private static func name(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}

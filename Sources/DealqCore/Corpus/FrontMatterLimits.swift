#if canImport(Glibc)
import Glibc
#endif
import CYaml

/// What one front matter may cost to read: the number of keys, and how much
/// aliases repeat.
///
/// An alias is composed into a copy of the node it names, so a 10 KB value
/// aliased by every key of a long front matter costs nothing to compose but a
/// gigabyte to read and index. `Walk` checks both limits on the same events
/// `YAMLComposer` composes from. A front matter that may hold an alias, or is
/// long, is rejected at the first key or alias past a limit, before any other
/// error and before reading further; any other one (nearly all, and short) is
/// read whole first, so that an error in its YAML is the one reported.
struct FrontMatterLimits {
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

    /// Whether a limit passed is reported before anything else: the YAML may
    /// hold an alias (an alias is written `*name`), or is long.
    func limitsFirst(_ yaml: String) -> Bool {
        var yaml = yaml
        return yaml.withUTF8 { $0.count >= Self.eventCheckSize || ($0.count > 0 && memchr($0.baseAddress!, Int32(UInt8(ascii: "*")), $0.count) != nil) }
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

    /// The state of one pass over the events: keys are counted as written, in
    /// event order (a key, what is inside it, its value).
    struct Walk {
        /// A mapping or sequence being read.
        struct Open {
            var isMapping: Bool
            /// In a mapping, whether the next node is a key.
            var nextIsKey = true
            /// Bytes of its values so far, aliases expanded (plus one per value).
            var size = 1
            var anchor: String?
        }

        let limits: FrontMatterLimits
        var open: [Open] = []
        /// Anchor name → the size of the node it names, aliases in it expanded.
        var anchors: [String: Int] = [:]
        var keys = 0
        var repeated = 0

        init(limits: FrontMatterLimits) { self.limits = limits }

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
                                     message: FrontMatterLimits.aliasesTooLarge(name, fileSize: limits.fileSize))
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
            guard keys > FrontMatterLimits.maxKeys else { return nil }
            return Rejection(position: position(event.start_mark), message: FrontMatterLimits.tooManyKeys())
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

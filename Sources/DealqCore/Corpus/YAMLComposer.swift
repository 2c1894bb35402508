import CYaml

/// Composes a front matter into `YAMLNode`s in one pass over libyaml's events,
/// checking `FrontMatterLimits` on the same events.
///
/// It reads YAML as Yams' `compose` does (the reader dealq.yml still uses):
/// the same scalars and styles, positions, anchors and aliases (an alias is a
/// copy of the node it names, position included), duplicate keys, a single
/// document, and the same error messages. Which error wins when there are
/// several is kept too: a long front matter, or one that may hold an alias, is
/// rejected at the first key or alias past a limit before any other error,
/// and any other one has its keys counted only once it has been read whole.
struct YAMLComposer {
    let limits: FrontMatterLimits
    var lineOffset: Int { limits.lineOffset }

    /// The root of the YAML's single document; nil when it has none.
    func compose(_ yaml: String) throws(Rejection) -> YAMLNode? {
        var text = yaml
        let outcome: Result<YAMLNode?, Rejection> = text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(nil) }
            return run(base, buffer.count, yaml: yaml)
        }
        return try outcome.get()
    }

    private func run(_ base: UnsafePointer<UInt8>, _ count: Int, yaml: String) -> Result<YAMLNode?, Rejection> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .failure(YAMLErrors.memory()) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, base, count)

        let limitsFirst = limits.limitsFirst(yaml)
        var walk = FrontMatterLimits.Walk(limits: limits)
        var composition = Composition(lineOffset: lineOffset)
        var composing = true
        // With limits first: the first composing error, reported unless a limit is passed
        // later. Otherwise: the first limit passed, reported once the YAML has been read.
        var deferred: Rejection?
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                if limitsFirst, let deferred { return .failure(deferred) }
                return .failure(YAMLErrors.rejection(for: parser, yaml: yaml, lineOffset: lineOffset))
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { break }
            if let passed = walk.take(event) {
                if limitsFirst { return .failure(passed) }
                if deferred == nil { deferred = passed }
            }
            guard composing, let error = composition.take(event) else { continue }
            if !limitsFirst { return .failure(error) }
            deferred = error
            composing = false
        }
        if let deferred { return .failure(deferred) }
        return .success(composition.root)
    }
}

/// The nodes being composed, one event at a time.
private struct Composition {
    /// A list or mapping whose end event has not come yet.
    struct Open {
        var isMapping: Bool
        var line: Int
        var column: Int
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var key: YAMLNode?
    }

    let lineOffset: Int
    var open: [Open] = []
    /// Anchor name → the node it names (a later anchor of the same name replaces it).
    var anchors: [String: YAMLNode] = [:]
    var root: YAMLNode?
    var documents = 0

    init(lineOffset: Int) { self.lineOffset = lineOffset }

    /// Takes one event; a rejection when the YAML cannot be composed.
    mutating func take(_ event: yaml_event_t) -> Rejection? {
        let line = event.start_mark.line + 1
        let column = event.start_mark.column + 1
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            guard documents == 1 else {
                return YAMLErrors.syntax(context: "expected a single document in the stream", problem: "but found another document",
                                         line: line, column: column, lineOffset: lineOffset)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = Self.text(UnsafeBufferPointer(start: scalar.value, count: scalar.length))
            let style = YAMLNode.Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any
            let tag = scalar.quoted_implicit == 1 ? nil : Self.tag(scalar.tag, default: "tag:yaml.org,2002:str")
            let node = YAMLNode(content: .scalar(text, style), line: line, column: column, tag: tag)
            if let anchor = Self.string(scalar.anchor) { anchors[anchor] = node }
            add(node)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let node = anchors[name] else {
                return YAMLErrors.syntax(context: nil, problem: "found undefined alias", line: line, column: column, lineOffset: lineOffset)
            }
            add(node)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            open.append(Open(isMapping: false, line: line, column: column,
                             tag: start.implicit != 0 ? nil : Self.tag(start.tag, default: "tag:yaml.org,2002:seq"),
                             anchor: Self.string(start.anchor)))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            open.append(Open(isMapping: true, line: line, column: column,
                             tag: start.implicit != 0 ? nil : Self.tag(start.tag, default: "tag:yaml.org,2002:map"),
                             anchor: Self.string(start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let done = open.popLast() else { return nil }
            if done.isMapping, let duplicate = DuplicateKeys.rejection(done.pairs, lineOffset: lineOffset) { return duplicate }
            let node = YAMLNode(content: done.isMapping ? .mapping(done.pairs) : .sequence(done.items),
                                line: done.line, column: done.column, tag: done.tag)
            if let anchor = done.anchor { anchors[anchor] = node }
            add(node)
        default:
            break
        }
        return nil
    }

    private mutating func add(_ node: YAMLNode) {
        guard let last = open.indices.last else {
            root = node
            return
        }
        if !open[last].isMapping {
            open[last].items.append(node)
        } else if let key = open[last].key {
            open[last].pairs.append(YAMLPair(key: key, value: node))
            open[last].key = nil
        } else {
            open[last].key = node
        }
    }

    /// A scalar's text from libyaml's UTF-8. A byte-order mark that opens it is
    /// dropped, as Foundation's decoding (which Yams used) drops it.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[3...]), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An explicit tag, nil when it names the kind's own tag (or is the non-specific `!`).
    private static func tag(_ pointer: UnsafeMutablePointer<UInt8>?, default own: String) -> String? {
        guard let name = string(pointer), name != "!", name != own else { return nil }
        return name
    }

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

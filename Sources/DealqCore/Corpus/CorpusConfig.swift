import Yams

/// `dealq.yml`: topic patterns, competitor aliases and the largest deal file read.
public struct CorpusConfig: Sendable {
    public struct Topic: Sendable {
        public var name: String
        public var patterns: [Pattern]
    }

    public var topics: [Topic] = []
    /// The topic names in the order `dealq.yml` gives them (`topics` is sorted by name).
    public var topicsInFileOrder: [String] = []
    /// Lower-cased alias or canonical name → canonical name.
    public var competitorAliases: [String: String] = [:]
    /// The largest file read as a deal, in bytes (`max_file_size`); a larger one is rejected unread.
    public var maxFileSize = CorpusConfig.defaultMaxFileSize
    /// A fingerprint of the file's bytes; a change re-derives topics and aliases.
    public var fingerprint: String = "none"

    public init() {}

    public static let fileName = "dealq.yml"
    /// 5 MB: a hundred times a long deal write-up.
    public static let defaultMaxFileSize = 5 << 20

    /// The canonical spelling of a competitor name when it is an alias or a
    /// canonical name (ignoring case); otherwise the name as written.
    public func canonicalCompetitor(_ name: String) -> String {
        competitorAliases[name.lowercased()] ?? name
    }

    /// Topics whose patterns match anywhere in `text`, sorted.
    public func topics(in text: String) -> [String] {
        let text = PatternText(text)
        return topics.filter { topic in topic.patterns.contains { $0.matches(text) } }.map(\.name)
    }

    /// Reads `dealq.yml`. Errors name the file, the line and the pattern.
    public static func parse(_ text: String) throws(FileDiagnostic) -> CorpusConfig {
        var config = CorpusConfig()
        config.fingerprint = Fingerprint.hex(Array(text.utf8))
        let reading = YAMLReading(lineOffset: 0)
        func fail(_ position: Position, _ message: String) -> FileDiagnostic {
            FileDiagnostic(path: fileName, line: position.line, column: position.column, message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let r = FrontMatter.rejection(for: error, lineOffset: 0)
            throw fail(r.position, r.message)
        } catch {
            throw fail(.start, "invalid YAML")
        }
        guard let root, !YAMLReading.isNull(root) else { return config }
        guard case .mapping(let map) = root else { throw fail(reading.position(root), "dealq.yml must be a mapping") }

        do throws(Rejection) {
            if let topics = try reading.mapping(map.value("topics"), "topics") {
                var byName: [String: Int] = [:]
                for (keyNode, valueNode) in topics {
                    guard case .scalar(let key) = keyNode, !key.string.isEmpty else {
                        throw Rejection(position: reading.position(keyNode), message: "topic names must be strings")
                    }
                    let name = key.string.lowercased()
                    var patterns: [Pattern] = []
                    let items: [Node]
                    if case .sequence(let seq) = valueNode { items = Array(seq) } else { items = [valueNode] }
                    for item in items where !YAMLReading.isNull(item) {
                        guard case .scalar(let s) = item else {
                            throw Rejection(position: reading.position(item), message: "patterns of topic '\(name)' must be strings")
                        }
                        do {
                            patterns.append(try Pattern(s.string))
                        } catch {
                            throw Rejection(position: reading.position(item),
                                            message: "invalid pattern '\(s.string)' for topic '\(name)': \(error.message) at offset \(error.offset)")
                        }
                    }
                    if let existing = byName[name] {
                        config.topics[existing].patterns += patterns
                    } else {
                        byName[name] = config.topics.count
                        config.topics.append(Topic(name: name, patterns: patterns))
                    }
                }
                config.topicsInFileOrder = config.topics.map(\.name)
                config.topics.sort { $0.name < $1.name }
            }
            if let node = map.value("max_file_size"), !YAMLReading.isNull(node) {
                guard case .scalar(let s) = node, let size = ByteSize.parse(s.string) else {
                    throw reading.reject(node, "'max_file_size' must be a size such as 5MB, 512 KB or 1048576 (bytes)\(YAMLReading.shown(node))")
                }
                config.maxFileSize = size
            }
            if let aliases = try reading.mapping(map.value("aliases"), "aliases"),
               let competitors = try reading.mapping(aliases.value("competitor"), "aliases.competitor") {
                for (keyNode, valueNode) in competitors {
                    guard case .scalar(let canonical) = keyNode, !canonical.string.isEmpty else {
                        throw Rejection(position: reading.position(keyNode), message: "competitor names must be strings")
                    }
                    config.competitorAliases[canonical.string.lowercased()] = canonical.string
                    for alias in try reading.strings(valueNode, "aliases.competitor.\(canonical.string)") {
                        config.competitorAliases[alias.lowercased()] = canonical.string
                    }
                }
            }
        } catch {
            throw fail(error.position, error.message)
        }
        return config
    }
}

// The front-matter reader as it was on Yams' node tree, kept to test that the
// reader over libyaml's events gives the same deals and the same rejections.
@testable import DealqCore
import DealqLanguage
import Yams

/// Reads the front matter of a deal into a `Deal`, applying every rule of the
/// corpus contract. Body, quotes and pattern topics are added by `DealParser`.
struct LegacyFrontMatter {
    let reading = LegacyYAMLReading(lineOffset: 1)
    let config: CorpusConfig
    var warnings: [(Position, String)] = []

    init(config: CorpusConfig) {
        self.config = config
    }

    /// Names a custom field may not take (compared ignoring case): the
    /// built-in keys and facets, and the words of the query language.
    static let reservedNames: Set<String> = [
        "id", "account", "outcome", "closed", "acv", "segment", "region", "product", "rep", "stage",
        "competitors", "competitor", "competitor.primary", "competitor.incumbent", "competitor.selected",
        "crm", "crm.loss_reason", "crm.win_reason", "crm.competitor", "drivers", "driver", "category",
        "topics", "topic", "tags", "tag", "sources", "source", "confidence", "insights", "area", "label",
        "area.gap", "area.advantage", "area.bug", "area.requested",
        "month", "quarter", "year", "has", "since", "before", "sort", "limit", "by", "and", "or", "not",
        "weight", "mismatch",
    ]

    static let builtinKeys: Set<String> = [
        "id", "account", "outcome", "closed", "acv", "segment", "region", "product", "rep", "stage",
        "competitors", "crm", "drivers", "topics", "tags", "sources", "confidence", "insights",
    ]

    /// Reads on past a field's error, so that a rejected file reports every
    /// problem at once; YAML that cannot be read stops at its first error.
    /// `fileSize` is the whole file's size in bytes: what aliases may repeat is a multiple of it.
    mutating func read(_ yaml: String, body: String, fileSize: Int) throws(Rejections) -> Deal {
        let map: Node.Mapping
        do {
            map = try rootMapping(yaml, limits: LegacyFrontMatterLimits(fileSize: fileSize, lineOffset: reading.lineOffset))
        } catch {
            throw Rejections([error])
        }
        var problems = Problems()
        var fields: [String: Node] = [:]
        for (key, value) in map {
            guard case .scalar(let k) = key else {
                problems.list.append(reading.reject(key, "front-matter keys must be strings"))
                continue
            }
            if fields[k.string] == nil { fields[k.string] = value }
        }

        let id = problems.attempt { try requiredString(fields, "id") }
        if let id, id.isEmpty, let node = fields["id"] { problems.list.append(reading.reject(node, "'id' must not be empty")) }
        let outcome = problems.attempt { try readOutcome(fields) }
        let closed = problems.attempt { try readClosed(fields) }
        /// A string field's text (nil when absent, empty or wrong).
        func text(_ key: String) -> String? {
            problems.attempt { try reading.string(fields[key], key).flatMap(nonEmpty) } ?? nil
        }
        let account = text("account")

        var deal = Deal(id: id ?? "", account: account ?? id ?? "", outcome: outcome ?? .won, closed: closed ?? "", body: body)
        if let idNode = fields["id"] {
            let idPosition = reading.position(idNode)
            deal.idLine = idPosition.line
            deal.idColumn = idPosition.column
        }
        deal.acv = problems.attempt { try readACV(fields["acv"]) } ?? nil
        deal.segment = text("segment")
        deal.region = text("region")
        deal.product = text("product")
        deal.rep = text("rep")
        deal.stage = text("stage")
        deal.competitors = readCompetitors(fields["competitors"], problems: &problems)
        deal.crm = readCRM(fields["crm"], problems: &problems)
        deal.drivers = problems.attempt { try readDrivers(fields["drivers"]) } ?? []
        deal.topics = problems.attempt { try reading.strings(fields["topics"], "topics").compactMap { nonEmpty($0.lowercased()) } } ?? []
        deal.tags = problems.attempt { try reading.strings(fields["tags"], "tags").compactMap(nonEmpty) } ?? []
        deal.sources = problems.attempt { try reading.strings(fields["sources"], "sources").compactMap(nonEmpty) } ?? []
        deal.confidence = problems.attempt { try readConfidence(fields["confidence"]) } ?? nil
        deal.insights = problems.attempt { try readInsights(fields["insights"]) } ?? []
        deal.custom = readCustom(map)
        try problems.check()
        return deal
    }

    /// The front matter's top-level mapping; invalid YAML, an empty front matter,
    /// another kind of node, or one past the limits is rejected.
    private func rootMapping(_ yaml: String, limits: LegacyFrontMatterLimits) throws(Rejection) -> Node.Mapping {
        let checkedOnEvents = limits.needsEventCheck(yaml)
        if checkedOnEvents { try limits.check(yaml) }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                throw Rejection(position: Position(line: 2, column: 1), message: "front matter is empty")
            }
            root = node
        } catch let rejection as Rejection {
            throw rejection
        } catch let error as YamlError {
            throw Self.rejection(for: error, lineOffset: reading.lineOffset)
        } catch {
            throw Rejection(position: .start, message: "invalid YAML in front matter")
        }
        if !checkedOnEvents { try limits.checkKeys(root) }
        guard case .mapping(let map) = root else {
            throw reading.reject(root, "front matter is not a mapping")
        }
        return map
    }

    static func rejection(for error: YamlError, lineOffset: Int) -> Rejection {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let position = Position(line: mark.line + lineOffset, column: mark.column)
            // libyaml names its own setting here; say what it means for the file.
            if problem.hasPrefix("Maximum nesting level reached") {
                return Rejection(position: position, message: "invalid YAML: lists and mappings nested more than 1,000 levels deep")
            }
            let text = context.map { "\($0.text), " } ?? ""
            return Rejection(position: position, message: "invalid YAML: \(text)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return Rejection(position: Position(line: context.mark.line + lineOffset, column: context.mark.column),
                             message: "invalid YAML: duplicate key \(keys)")
        default:
            return Rejection(position: .start, message: "invalid YAML: \(error)")
        }
    }

    private func nonEmpty(_ s: String) -> String? {
        let t = Trimming.trimmed(s, newlines: false)
        return t.isEmpty ? nil : t
    }

    private func requiredString(_ fields: [String: Node], _ key: String) throws(Rejection) -> String {
        guard let node = fields[key] else { throw Rejection(position: .start, message: "missing required field '\(key)'") }
        guard let value = try reading.string(node, key) else {
            throw reading.reject(node, "missing required field '\(key)' (it is null)")
        }
        return value
    }

    private func readOutcome(_ fields: [String: Node]) throws(Rejection) -> Outcome {
        let raw = try requiredString(fields, "outcome")
        let normalized = Trimming.trimmed(raw, newlines: false).lowercased()
        switch normalized {
        case "won", "closed won", "closed-won", "closed_won": return .won
        case "lost", "closed lost", "closed-lost", "closed_lost": return .lost
        case "churned", "churn": return .churned
        default:
            throw reading.reject(fields["outcome"]!, "invalid outcome '\(raw)' (expected won, lost or churned)")
        }
    }

    private func readClosed(_ fields: [String: Node]) throws(Rejection) -> String {
        let raw = try requiredString(fields, "closed")
        guard CalendarDate.isValid(raw) else {
            throw reading.reject(fields["closed"]!, "invalid date '\(raw)' for 'closed' (expected a real day as YYYY-MM-DD)")
        }
        return raw
    }

    private func readACV(_ node: Node?) throws(Rejection) -> Double? {
        guard let node, let raw = try reading.string(node, "acv") else { return nil }
        switch Money.read(raw) {
        case .empty: return nil
        case .value(let v): return v
        case .negative: throw reading.reject(node, "'acv' must not be negative, not '\(raw)'")
        case .unreadable: throw reading.reject(node, "'acv' must be a number or money text like 120000, $120K or 1.2M, not '\(raw)'")
        }
    }

    private func competitor(_ node: Node?, _ key: String) throws(Rejection) -> String? {
        try reading.string(node, key).flatMap(nonEmpty).map(config.canonicalCompetitor)
    }

    /// Each role is read on its own, so a wrong one does not hide the others' errors.
    private mutating func readCompetitors(_ node: Node?, problems: inout Problems) -> Competitors {
        guard let map = problems.attempt({ try reading.mapping(node, "competitors") }) ?? nil else { return Competitors() }
        warnUnknownKeys(in: map, under: "competitors")
        func role(_ key: String) -> String? {
            problems.attempt { try competitor(map.legacyValue(key), "competitors." + key) } ?? nil
        }
        return Competitors(
            primary: role("primary"),
            incumbent: role("incumbent"),
            selected: role("selected"),
            others: problems.attempt {
                try reading.strings(map.legacyValue("others"), "competitors.others").compactMap(nonEmpty).map(config.canonicalCompetitor)
            } ?? [])
    }

    private mutating func readCRM(_ node: Node?, problems: inout Problems) -> CRMFields {
        guard let map = problems.attempt({ try reading.mapping(node, "crm") }) ?? nil else { return CRMFields() }
        warnUnknownKeys(in: map, under: "crm")
        func reason(_ key: String) -> String? {
            problems.attempt { try reading.string(map.legacyValue(key), "crm." + key).flatMap(nonEmpty) } ?? nil
        }
        return CRMFields(
            lossReason: reason("loss_reason"),
            winReason: reason("win_reason"),
            competitor: problems.attempt { try competitor(map.legacyValue("competitor"), "crm.competitor") } ?? nil)
    }

    /// Keys of a built-in mapping that the reader does not know would be
    /// dropped silently: each gets a warning naming the key meant.
    private mutating func warnUnknownKeys(in map: Node.Mapping, under parent: String) {
        for (keyNode, _) in map {
            guard case .scalar(let k) = keyNode, let message = NearMissKey.nestedWarning(key: k.string, under: parent) else { continue }
            warnings.append((reading.position(keyNode), message))
        }
    }

    private mutating func readDrivers(_ node: Node?) throws(Rejection) -> [Driver] {
        let items = try reading.sequence(node, "drivers", of: "mappings")
        var drivers: [Driver] = []
        var weights: [Double?] = []
        for (index, item) in items.enumerated() {
            guard case .mapping(let map) = item else { throw reading.reject(item, "each driver must be a mapping (driver \(index + 1))") }
            warnUnknownKeys(in: map, under: "drivers")
            guard let category = try reading.string(map.legacyValue("category"), "category").flatMap(nonEmpty) else {
                throw reading.reject(map.legacyValue("category") ?? item, "driver \(index + 1) has no 'category'")
            }
            let weightNode = map.legacyValue("weight")
            let weight = try reading.number(weightNode, "weight", expected: "a number ≥ 0")
            if let weight, weight < 0 { throw reading.reject(weightNode!, "'weight' must be a number ≥ 0, not '\(LegacyYAMLReading.written(weightNode!, weight))'") }
            weights.append(weight)
            drivers.append(Driver(category: category.lowercased(),
                                  driver: try reading.string(map.legacyValue("driver"), "driver").flatMap(nonEmpty),
                                  weight: 0,
                                  explanation: try reading.string(map.legacyValue("explanation"), "explanation").flatMap(nonEmpty)))
        }
        guard !drivers.isEmpty, let node else { return drivers }
        let present = weights.compactMap { $0 }
        if present.isEmpty {
            for i in drivers.indices { drivers[i].weight = 1 / Double(drivers.count) }
        } else if present.count < drivers.count {
            throw reading.reject(node, "some drivers have a weight and some do not")
        } else {
            let sum = present.reduce(0, +)
            if sum == 0 { throw reading.reject(node, "driver weights are all zero") }
            let scale = (0.99...1.01).contains(sum) ? 1 : 1 / sum
            if scale != 1 { warnings.append((reading.position(node), "driver weights sum to \(Self.format(sum)); scaled to sum to 1")) }
            for i in drivers.indices { drivers[i].weight = present[i] * scale }
        }
        return drivers
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private func readConfidence(_ node: Node?) throws(Rejection) -> Double? {
        guard let value = try reading.number(node, "confidence", expected: "a number between 0 and 1") else { return nil }
        guard (0...1).contains(value) else { throw reading.reject(node!, "'confidence' must be between 0 and 1, not '\(LegacyYAMLReading.written(node!, value))'") }
        return value
    }

    private mutating func readInsights(_ node: Node?) throws(Rejection) -> [Insight] {
        let items = try reading.sequence(node, "insights", of: "mappings")
        var insights: [Insight] = []
        for (index, item) in items.enumerated() {
            guard case .mapping(let map) = item else { throw reading.reject(item, "each insight must be a mapping (insight \(index + 1))") }
            warnUnknownKeys(in: map, under: "insights")
            guard let area = try reading.string(map.legacyValue("area"), "area").flatMap(nonEmpty) else {
                throw reading.reject(map.legacyValue("area") ?? item, "insight \(index + 1) has no 'area'")
            }
            guard let rawLabel = try reading.string(map.legacyValue("label"), "label").flatMap(nonEmpty) else {
                throw reading.reject(map.legacyValue("label") ?? item, "insight \(index + 1) has no 'label'")
            }
            guard let label = Insight.Label(rawValue: rawLabel.lowercased()) else {
                throw reading.reject(map.legacyValue("label")!, "invalid insight label '\(rawLabel)' (expected gap, advantage, bug or requested)")
            }
            insights.append(Insight(area: area, label: label, note: try reading.string(map.legacyValue("note"), "note").flatMap(nonEmpty)))
        }
        return insights
    }

    private mutating func readCustom(_ map: Node.Mapping) -> [CustomField] {
        var fields: [CustomField] = []
        for (keyNode, valueNode) in map {
            guard case .scalar(let k) = keyNode, !Self.builtinKeys.contains(k.string) else { continue }
            let name = k.string
            let nearMiss = NearMissKey.warning(key: name)
            if let nearMiss { warnings.append((reading.position(keyNode), nearMiss)) }
            guard case .scalar(let s) = valueNode, !LegacyYAMLReading.isNull(valueNode) else { continue }
            if Self.reservedNames.contains(name.lowercased()) {
                if nearMiss == nil {
                    warnings.append((reading.position(keyNode), "custom field '\(name)' has the name of a built-in facet; it is not a facet"))
                }
                continue
            }
            fields.append(CustomField(name: name, value: Self.customValue(s)))
        }
        return fields
    }

    static func customValue(_ s: Node.Scalar) -> CustomField.Value {
        let text = s.string
        guard s.style == .plain || s.style == .any else { return .text(text) }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if CalendarDate.isValid(text) { return .date(text) }
        if let n = LegacyYAMLReading.number(text) { return .number(n, text: text) }
        return .text(text)
    }
}

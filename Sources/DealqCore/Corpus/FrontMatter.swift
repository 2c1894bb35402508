import DealqLanguage

/// Reads the front matter of a deal into a `Deal`, applying every rule of the
/// corpus contract. Body, quotes and pattern topics are added by `DealParser`.
struct FrontMatter {
    let reading = YAMLReading(lineOffset: 1)
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
        let map: [YAMLPair]
        do {
            map = try rootMapping(yaml, limits: FrontMatterLimits(fileSize: fileSize, lineOffset: reading.lineOffset))
        } catch {
            throw Rejections([error])
        }
        var problems = Problems()
        var fields: [String: YAMLNode] = [:]
        fields.reserveCapacity(map.count)
        for pair in map {
            guard let key = pair.key.text else {
                problems.list.append(reading.reject(pair.key, "front-matter keys must be strings"))
                continue
            }
            if fields[key] == nil { fields[key] = pair.value }
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
    private func rootMapping(_ yaml: String, limits: FrontMatterLimits) throws(Rejection) -> [YAMLPair] {
        guard let root = try YAMLComposer(limits: limits).compose(yaml) else {
            throw Rejection(position: Position(line: 2, column: 1), message: "front matter is empty")
        }
        guard case .mapping(let map) = root.content else {
            throw reading.reject(root, "front matter is not a mapping")
        }
        return map
    }

    private func nonEmpty(_ s: String) -> String? {
        let t = Trimming.trimmed(s, newlines: false)
        return t.isEmpty ? nil : t
    }

    private func requiredString(_ fields: [String: YAMLNode], _ key: String) throws(Rejection) -> String {
        guard let node = fields[key] else { throw Rejection(position: .start, message: "missing required field '\(key)'") }
        guard let value = try reading.string(node, key) else {
            throw reading.reject(node, "missing required field '\(key)' (it is null)")
        }
        return value
    }

    private func readOutcome(_ fields: [String: YAMLNode]) throws(Rejection) -> Outcome {
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

    private func readClosed(_ fields: [String: YAMLNode]) throws(Rejection) -> String {
        let raw = try requiredString(fields, "closed")
        guard CalendarDate.isValid(raw) else {
            throw reading.reject(fields["closed"]!, "invalid date '\(raw)' for 'closed' (expected a real day as YYYY-MM-DD)")
        }
        return raw
    }

    private func readACV(_ node: YAMLNode?) throws(Rejection) -> Double? {
        guard let node, let raw = try reading.string(node, "acv") else { return nil }
        switch Money.read(raw) {
        case .empty: return nil
        case .value(let v): return v
        case .negative: throw reading.reject(node, "'acv' must not be negative, not '\(raw)'")
        case .unreadable: throw reading.reject(node, "'acv' must be a number or money text like 120000, $120K or 1.2M, not '\(raw)'")
        }
    }

    private func competitor(_ node: YAMLNode?, _ key: String) throws(Rejection) -> String? {
        try reading.string(node, key).flatMap(nonEmpty).map(config.canonicalCompetitor)
    }

    /// Each role is read on its own, so a wrong one does not hide the others' errors.
    private mutating func readCompetitors(_ node: YAMLNode?, problems: inout Problems) -> Competitors {
        guard let map = problems.attempt({ try reading.mapping(node, "competitors") }) ?? nil else { return Competitors() }
        warnUnknownKeys(in: map, under: "competitors")
        func role(_ key: String) -> String? {
            problems.attempt { try competitor(map.value(key), "competitors." + key) } ?? nil
        }
        return Competitors(
            primary: role("primary"),
            incumbent: role("incumbent"),
            selected: role("selected"),
            others: problems.attempt {
                try reading.strings(map.value("others"), "competitors.others").compactMap(nonEmpty).map(config.canonicalCompetitor)
            } ?? [])
    }

    private mutating func readCRM(_ node: YAMLNode?, problems: inout Problems) -> CRMFields {
        guard let map = problems.attempt({ try reading.mapping(node, "crm") }) ?? nil else { return CRMFields() }
        warnUnknownKeys(in: map, under: "crm")
        func reason(_ key: String) -> String? {
            problems.attempt { try reading.string(map.value(key), "crm." + key).flatMap(nonEmpty) } ?? nil
        }
        return CRMFields(
            lossReason: reason("loss_reason"),
            winReason: reason("win_reason"),
            competitor: problems.attempt { try competitor(map.value("competitor"), "crm.competitor") } ?? nil)
    }

    /// Keys of a built-in mapping that the reader does not know would be
    /// dropped silently: each gets a warning naming the key meant.
    private mutating func warnUnknownKeys(in map: [YAMLPair], under parent: String) {
        for pair in map {
            guard let key = pair.key.text, let message = NearMissKey.nestedWarning(key: key, under: parent) else { continue }
            warnings.append((reading.position(pair.key), message))
        }
    }

    private mutating func readDrivers(_ node: YAMLNode?) throws(Rejection) -> [Driver] {
        let items = try reading.sequence(node, "drivers", of: "mappings")
        var drivers: [Driver] = []
        var weights: [Double?] = []
        for (index, item) in items.enumerated() {
            guard case .mapping(let map) = item.content else { throw reading.reject(item, "each driver must be a mapping (driver \(index + 1))") }
            warnUnknownKeys(in: map, under: "drivers")
            guard let category = try reading.string(map.value("category"), "category").flatMap(nonEmpty) else {
                throw reading.reject(map.value("category") ?? item, "driver \(index + 1) has no 'category'")
            }
            let weightNode = map.value("weight")
            let weight = try reading.number(weightNode, "weight", expected: "a number ≥ 0")
            if let weight, weight < 0 { throw reading.reject(weightNode!, "'weight' must be a number ≥ 0, not '\(YAMLReading.written(weightNode!, weight))'") }
            weights.append(weight)
            drivers.append(Driver(category: category.lowercased(),
                                  driver: try reading.string(map.value("driver"), "driver").flatMap(nonEmpty),
                                  weight: 0,
                                  explanation: try reading.string(map.value("explanation"), "explanation").flatMap(nonEmpty)))
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

    private func readConfidence(_ node: YAMLNode?) throws(Rejection) -> Double? {
        guard let value = try reading.number(node, "confidence", expected: "a number between 0 and 1") else { return nil }
        guard (0...1).contains(value) else { throw reading.reject(node!, "'confidence' must be between 0 and 1, not '\(YAMLReading.written(node!, value))'") }
        return value
    }

    private mutating func readInsights(_ node: YAMLNode?) throws(Rejection) -> [Insight] {
        let items = try reading.sequence(node, "insights", of: "mappings")
        var insights: [Insight] = []
        for (index, item) in items.enumerated() {
            guard case .mapping(let map) = item.content else { throw reading.reject(item, "each insight must be a mapping (insight \(index + 1))") }
            warnUnknownKeys(in: map, under: "insights")
            guard let area = try reading.string(map.value("area"), "area").flatMap(nonEmpty) else {
                throw reading.reject(map.value("area") ?? item, "insight \(index + 1) has no 'area'")
            }
            guard let rawLabel = try reading.string(map.value("label"), "label").flatMap(nonEmpty) else {
                throw reading.reject(map.value("label") ?? item, "insight \(index + 1) has no 'label'")
            }
            guard let label = Insight.Label(rawValue: rawLabel.lowercased()) else {
                throw reading.reject(map.value("label")!, "invalid insight label '\(rawLabel)' (expected gap, advantage, bug or requested)")
            }
            insights.append(Insight(area: area, label: label, note: try reading.string(map.value("note"), "note").flatMap(nonEmpty)))
        }
        return insights
    }

    private mutating func readCustom(_ map: [YAMLPair]) -> [CustomField] {
        var fields: [CustomField] = []
        for pair in map {
            guard let name = pair.key.text, !Self.builtinKeys.contains(name) else { continue }
            let nearMiss = NearMissKey.warning(key: name)
            if let nearMiss { warnings.append((reading.position(pair.key), nearMiss)) }
            guard let text = pair.value.text, !YAMLReading.isNull(pair.value) else { continue }
            if Self.reservedNames.contains(name.lowercased()) {
                if nearMiss == nil {
                    warnings.append((reading.position(pair.key), "custom field '\(name)' has the name of a built-in facet; it is not a facet"))
                }
                continue
            }
            fields.append(CustomField(name: name, value: Self.customValue(text, plain: pair.value.isPlain)))
        }
        return fields
    }

    static func customValue(_ text: String, plain: Bool) -> CustomField.Value {
        guard plain else { return .text(text) }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if CalendarDate.isValid(text) { return .date(text) }
        if let n = YAMLReading.number(text) { return .number(n, text: text) }
        return .text(text)
    }
}

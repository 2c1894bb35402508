/// One deal summary as read from the corpus, after every rule of the corpus
/// contract has been applied (outcome spelled canonically, ACV as a number,
/// driver weights normalised, aliases resolved, topics derived).
public struct Deal: Sendable, Equatable {
    public var id: String
    /// Where the id is written in the file (for duplicate-id messages).
    public var idLine = 1
    public var idColumn = 1
    public var account: String
    public var outcome: Outcome
    /// Close date, `YYYY-MM-DD`.
    public var closed: String
    public var acv: Double?
    public var segment: String?
    public var region: String?
    public var product: String?
    public var rep: String?
    public var stage: String?
    public var competitors = Competitors()
    public var crm = CRMFields()
    public var drivers: [Driver] = []
    /// The deal's topics: front matter plus pattern matches, lower-cased, sorted, unique.
    public var topics: [String] = []
    public var tags: [String] = []
    public var sources: [String] = []
    public var confidence: Double?
    public var insights: [Insight] = []
    /// Custom front-matter fields that are facets, in file order.
    public var custom: [CustomField] = []
    /// The raw markdown after the front matter.
    public var body: String
    public var quotes: [Quote] = []

    public init(id: String, account: String, outcome: Outcome, closed: String, body: String) {
        self.id = id
        self.account = account
        self.outcome = outcome
        self.closed = closed
        self.body = body
    }

    /// The category of the heaviest driver (the first one on ties).
    public var topDriver: String? {
        var best: Driver?
        for driver in drivers where best == nil || driver.weight > best!.weight { best = driver }
        return best?.category
    }
}

public enum Outcome: String, Sendable, Equatable, CaseIterable {
    case won, lost, churned
}

public struct Competitors: Sendable, Equatable {
    public var primary: String?
    public var incumbent: String?
    public var selected: String?
    public var others: [String] = []

    public init(primary: String? = nil, incumbent: String? = nil, selected: String? = nil, others: [String] = []) {
        self.primary = primary
        self.incumbent = incumbent
        self.selected = selected
        self.others = others
    }

    /// Every competitor of the deal in any role, first spelling kept, without case duplicates.
    public var all: [String] {
        var seen = Set<String>()
        var result: [String] = []
        for name in [primary, incumbent, selected].compactMap({ $0 }) + others where seen.insert(name.lowercased()).inserted {
            result.append(name)
        }
        return result
    }
}

public struct CRMFields: Sendable, Equatable {
    public var lossReason: String?
    public var winReason: String?
    public var competitor: String?

    public init(lossReason: String? = nil, winReason: String? = nil, competitor: String? = nil) {
        self.lossReason = lossReason
        self.winReason = winReason
        self.competitor = competitor
    }
}

public struct Driver: Sendable, Equatable {
    /// Lower-cased category (`pricing`, `product`, …).
    public var category: String
    public var driver: String?
    /// The normalised weight: the deal's weights sum to 1.
    public var weight: Double
    public var explanation: String?

    public init(category: String, driver: String? = nil, weight: Double, explanation: String? = nil) {
        self.category = category
        self.driver = driver
        self.weight = weight
        self.explanation = explanation
    }
}

public struct Insight: Sendable, Equatable {
    public enum Label: String, Sendable, CaseIterable { case gap, advantage, bug, requested }
    public var area: String
    public var label: Label
    public var note: String?

    public init(area: String, label: Label, note: String? = nil) {
        self.area = area
        self.label = label
        self.note = note
    }
}

/// A custom front-matter field that is a facet.
public struct CustomField: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double, text: String)
        case bool(Bool)
        case date(String)

        /// The value as facet text (what `field:value` compares with).
        public var text: String {
            switch self {
            case .text(let s): return s
            case .number(_, let text): return text
            case .bool(let b): return b ? "true" : "false"
            case .date(let d): return d
            }
        }

        public var kindName: String {
            switch self {
            case .text: return "text"
            case .number: return "number"
            case .bool: return "bool"
            case .date: return "date"
            }
        }
    }

    public var name: String
    public var value: Value

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }
}

/// A buyer quote: a top-level block quote of the body.
public struct Quote: Sendable, Equatable {
    public var text: String
    public var speaker: String?
    public var source: String?
    /// `YYYY-MM-DD`.
    public var date: String?
    /// The nearest heading of level 2 or deeper above the quote.
    public var section: String?
    /// Line of the quote in the file (counted from 1).
    public var line: Int
    /// Topics whose patterns match the quote's text.
    public var topics: [String] = []

    public init(text: String, speaker: String? = nil, source: String? = nil, date: String? = nil,
                section: String? = nil, line: Int, topics: [String] = []) {
        self.text = text
        self.speaker = speaker
        self.source = source
        self.date = date
        self.section = section
        self.line = line
        self.topics = topics
    }
}

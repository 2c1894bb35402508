/// The single source of truth for facets: names, kinds, where their values
/// live in the index, and what completion and suggestions offer.
public struct Catalog: Sendable {
    public struct Facet: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case text, number, date, list
        }

        /// Where the facet's values are stored.
        public enum Storage: Sendable, Equatable {
            /// Rows of `deal_facets` with this facet name (text and list facets).
            case facetRows
            /// A column of `deals` (`acv`, `confidence`, `closed`, `id`).
            case dealColumn(String)
            /// A numeric custom field: `deal_numbers` (and `deal_facets` for its text).
            case customNumber
        }

        /// The canonical, lower-case name.
        public var name: String
        public var kind: Kind
        public var storage: Storage
        /// `month`, `quarter`, `year`: groups sort oldest first.
        public var isTime: Bool = false
        /// Custom front-matter field.
        public var isCustom: Bool = false
        /// Values typed for it go through the competitor aliases.
        public var isCompetitor: Bool = false
        /// Compared exactly (case-sensitive): `id`.
        public var isExact: Bool = false
        /// Only for the `quotes` verb: a quote matches `topic:T` by its own text.
        public var isTopic: Bool { name == "topic" }
    }

    public private(set) var facets: [String: Facet] = [:]
    /// Names in catalog order, for listings and completion.
    public private(set) var names: [String] = []

    public init(customFields: [(name: String, kind: Facet.Kind)] = []) {
        func add(_ facet: Facet) {
            if facets[facet.name] == nil { names.append(facet.name) }
            facets[facet.name] = facet
        }
        add(Facet(name: "id", kind: .text, storage: .dealColumn("id"), isExact: true))
        for name in ["account", "outcome", "segment", "region", "product", "rep", "stage"] {
            add(Facet(name: name, kind: .text, storage: .facetRows))
        }
        add(Facet(name: "acv", kind: .number, storage: .dealColumn("acv")))
        add(Facet(name: "closed", kind: .date, storage: .dealColumn("closed")))
        for name in ["month", "quarter", "year"] { add(Facet(name: name, kind: .text, storage: .facetRows, isTime: true)) }
        add(Facet(name: "competitor", kind: .list, storage: .facetRows, isCompetitor: true))
        for role in ["primary", "incumbent", "selected"] {
            add(Facet(name: "competitor.\(role)", kind: .text, storage: .facetRows, isCompetitor: true))
        }
        add(Facet(name: "crm.loss_reason", kind: .text, storage: .facetRows))
        add(Facet(name: "crm.win_reason", kind: .text, storage: .facetRows))
        add(Facet(name: "crm.competitor", kind: .text, storage: .facetRows, isCompetitor: true))
        for name in ["category", "driver", "topic", "tag", "source"] { add(Facet(name: name, kind: .list, storage: .facetRows)) }
        add(Facet(name: "confidence", kind: .number, storage: .dealColumn("confidence")))
        for name in ["area", "label"] { add(Facet(name: name, kind: .list, storage: .facetRows)) }
        for label in Catalog.insightLabels { add(Facet(name: "area.\(label)", kind: .list, storage: .facetRows)) }
        add(Facet(name: "mismatch", kind: .text, storage: .facetRows))
        for field in customFields where facets[field.name.lowercased()] == nil {
            let name = field.name.lowercased()
            let storage: Facet.Storage = field.kind == .number ? .customNumber : .facetRows
            add(Facet(name: name, kind: field.kind, storage: storage, isCustom: true))
        }
    }

    /// The labels of a product insight, each also a facet of the areas so labelled (`area.gap`).
    public static let insightLabels = Insight.Label.allCases.map(\.rawValue)

    /// The facet named `name`, compared ignoring case.
    public func facet(_ name: String) -> Facet? {
        facets[name.lowercased()]
    }

    /// The kind of a custom field from the kinds of its values across the
    /// corpus: all numbers → number, all dates → date, otherwise text.
    public static func customKind(_ kinds: Set<String>) -> Facet.Kind {
        if kinds == ["number"] { return .number }
        if kinds == ["date"] { return .date }
        return .text
    }
}

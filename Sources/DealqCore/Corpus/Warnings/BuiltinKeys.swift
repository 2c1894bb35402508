/// Where a built-in value is written in the front matter, and how to say so
/// in a warning about a key that looks like it.
struct BuiltinKey: Sendable, Equatable {
    /// The top-level key (`acv`, `competitors`).
    var key: String
    /// The key under it, for values that live in a mapping (`selected`).
    var nested: String?

    init(_ key: String, _ nested: String? = nil) {
        self.key = key
        self.nested = nested
    }

    /// How to write it: `'acv:'`, `'competitors:' with 'selected: …' under it`.
    var advice: String {
        if let nested { return "'\(key):' with '\(nested): …' under it" }
        switch key {
        case "competitors": return "'competitors:' with 'primary:', 'incumbent:', 'selected:' or 'others:' under it"
        case "crm": return "'crm:' with 'loss_reason:', 'win_reason:' or 'competitor:' under it"
        case "drivers": return "'drivers:', a list of items with 'category:', 'driver:', 'weight:' and 'explanation:'"
        case "insights": return "'insights:', a list of items with 'area:', 'label:' and 'note:'"
        default: return "'\(key):'"
        }
    }

    /// The keys a built-in mapping (or each item of a built-in list) holds.
    static let nestedKeys: [String: [String]] = [
        "competitors": ["primary", "incumbent", "selected", "others"],
        "crm": ["loss_reason", "win_reason", "competitor"],
        "drivers": ["category", "driver", "weight", "explanation"],
        "insights": ["area", "label", "note"],
    ]

    /// Every built-in field under the names a misspelling is measured against:
    /// the top-level keys, and the index's column names for nested values.
    static let spellings: [(String, BuiltinKey)] = {
        let top = ["id", "account", "outcome", "closed", "acv", "segment", "region", "product", "rep", "stage",
                   "competitors", "crm", "drivers", "topics", "tags", "sources", "confidence", "insights"]
        var list = top.map { ($0, BuiltinKey($0)) }
        for parent in ["competitors", "crm"] {
            let prefix = parent == "competitors" ? "competitor_" : "crm_"
            for nested in nestedKeys[parent] ?? [] { list.append((prefix + nested, BuiltinKey(parent, nested))) }
        }
        return list
    }()
}

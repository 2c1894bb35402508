/// The identity of every answer column that is not a `by` group: the engine
/// builds its columns from these, and renderers and reports find columns by
/// them. The raw value is the column's name in every format (CSV header, JSON key).
public enum Field: String, Sendable, CaseIterable {
    // Deals and the listings.
    case id, account, outcome, acv, closed, competitor
    case topDriver = "top_driver"
    case snippet
    case quote, speaker, source, date, section, deal
    case area, label, note
    // Counts and win rates.
    case group, deals, won, lost, winrate, lift
    case ciLow = "ci_low"
    case ciHigh = "ci_high"
    case effectiveDeals = "effective_deals"
    case wonACV = "won_acv"
    case lostACV = "lost_acv"
    // Drivers.
    case category, weight, share
    // Audit.
    case crmReason = "crm_reason"
    case selected, interview, mismatch
    // Prioritize.
    case score, reason
}

extension Column {
    /// A column of the answer named by its field.
    public init(_ field: Field, _ kind: Kind) {
        self.init(field.rawValue, kind)
    }

    /// A column that holds the values of a `by` group (a facet's name).
    public static func group(_ facet: String) -> Column {
        Column(facet, .text)
    }
}

extension Table {
    /// The index of the column with this identity, after the group columns.
    public func column(_ field: Field) -> Int? {
        columns.indices.first { $0 >= groupColumns && columns[$0].name == field.rawValue }
    }
}

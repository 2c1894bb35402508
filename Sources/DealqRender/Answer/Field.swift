/// The identity of an answer column that is not a `by` group: the engine builds
/// its columns from these, and renderers and reports find columns by them. The raw
/// value is the column's name in every format (CSV header, JSON key). A verb that
/// adds a column no renderer looks for declares its field next to it
/// (`extension Field { static let … }`).
public struct Field: Hashable, Sendable, RawRepresentable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }

    // Deals and the listings.
    public static let id = Field("id"), account = Field("account"), outcome = Field("outcome"), acv = Field("acv")
    public static let closed = Field("closed"), competitor = Field("competitor"), topDriver = Field("top_driver")
    public static let snippet = Field("snippet")
    public static let quote = Field("quote"), speaker = Field("speaker"), source = Field("source"), date = Field("date")
    public static let section = Field("section"), deal = Field("deal")
    public static let area = Field("area"), label = Field("label"), note = Field("note")
    // Counts and win rates.
    public static let group = Field("group"), deals = Field("deals"), won = Field("won"), lost = Field("lost")
    public static let winrate = Field("winrate"), lift = Field("lift"), ciLow = Field("ci_low"), ciHigh = Field("ci_high")
    public static let effectiveDeals = Field("effective_deals"), wonACV = Field("won_acv"), lostACV = Field("lost_acv")
    // Drivers.
    public static let category = Field("category"), weight = Field("weight"), share = Field("share")
    // Audit.
    public static let crmReason = Field("crm_reason"), selected = Field("selected"), interview = Field("interview")
    public static let mismatch = Field("mismatch")
    // Prioritize.
    public static let score = Field("score"), reason = Field("reason")
    // Terms.
    public static let term = Field("term"), count = Field("count"), other = Field("other")
    public static let logOdds = Field("log_odds"), z = Field("z"), topic = Field("topic")
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

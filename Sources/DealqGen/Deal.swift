/// One generated deal: the facts first (who, when, how big, against whom,
/// about what, and how it ended), from which the writer tells the story.
struct Deal {
    enum Outcome { case won, lost, churned }

    struct Driver {
        var category: String
        var text: String
        var percent: Int
        var explanation: String
    }

    struct Insight {
        var area: String
        var label: String
        var note: String
    }

    var index: Int
    var id: String
    var closed: CivilDate
    var quarterIndex: Int  // 0 = 2023 Q1
    var account: String
    var regulated: Bool
    var segment: Int
    var region: Int
    var product: Int
    var rep: Int
    var acv: Int
    var dealType: String
    var outcome: Outcome
    var stage: String
    var primary: Int
    var incumbent: Int?  // a competitor index, or nil
    var selected: Int?
    var others: [Int]
    var topics: [Topic]  // most important first
    var championLeft: Bool
    var discountPct: Int?
    var drivers: [Driver]
    var crmReason: String?
    var crmCompetitor: String?
    var sources: [String]
    var hasCalls: Bool
    var hasInterview: Bool
    var confidence: Int?  // percent
    var insights: [Insight]
    var tags: [String]
    var statedTopics: [String]
    var seats: Int
    /// The role of the main buyer-side voice.
    var champion: String
}

/// The close-date window: 2023-01-01 ... 2025-12-31.
let firstCloseDay = CivilDate.day(2023, 1, 1)
let closeDaySpan = CivilDate.day(2025, 12, 31).days - firstCloseDay.days + 1

/// The close date of deal `index`: the first draw of its stream, so the
/// folder a deal lands in is known without generating the deal.
func closeDate(_ rng: inout SplitMix64) -> CivilDate {
    firstCloseDay.shifted(by: rng.below(closeDaySpan))
}

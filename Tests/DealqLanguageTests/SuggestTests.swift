import Testing

@testable import DealqLanguage

@Suite struct SuggestTests {
    static let facets = [
        "id", "account", "segment", "region", "product", "rep", "stage", "outcome", "acv", "closed",
        "month", "quarter", "year", "competitor", "competitor.primary", "competitor.incumbent",
        "competitor.selected", "crm.loss_reason", "crm.win_reason", "crm.competitor", "category",
        "driver", "topic", "tag", "source", "confidence", "area", "label",
    ]

    @Test func distance() {
        #expect(Suggest.distance("", "") == 0)
        #expect(Suggest.distance("abc", "") == 3)
        #expect(Suggest.distance("kitten", "sitting") == 3)
        #expect(Suggest.distance("competiter", "competitor") == 1)
        #expect(Suggest.distance("Outcome", "outcome") == 0)
        #expect(Suggest.distance("ca", "ac") == 1)  // a transposition
        #expect(Suggest.distance("ca", "abc") == 2)  // unrestricted Damerau–Levenshtein
        #expect(Suggest.distance("régoin", "région") == 1)
    }

    @Test func closest() {
        #expect(Suggest.closest(to: "competiter", among: Self.facets) == "competitor")
        #expect(Suggest.closest(to: "COMPETITOR", among: Self.facets) == "competitor")
        #expect(Suggest.closest(to: "outcom", among: Self.facets) == "outcome")
        #expect(Suggest.closest(to: "qaurter", among: Self.facets) == "quarter")
        #expect(Suggest.closest(to: "topics", among: Self.facets) == "topic")
        #expect(Suggest.closest(to: "crm.loss-reason", among: Self.facets) == "crm.loss_reason")
        #expect(Suggest.closest(to: "zzzzzz", among: Self.facets) == nil)
        #expect(Suggest.closest(to: "", among: Self.facets) == nil)
        #expect(Suggest.closest(to: "x", among: [String]()) == nil)
    }

    @Test func prefixes() {
        #expect(Suggest.matches(for: "comp", among: Self.facets) == ["competitor", "competitor.primary", "competitor.selected"])
        #expect(Suggest.closest(to: "acme", among: ["Acme Analytics", "Globex"]) == "Acme Analytics")
        #expect(Suggest.matches(for: "a", among: ["acv", "area"]).isEmpty)
    }

    @Test func thresholdGrowsWithLength() {
        #expect(Suggest.threshold(for: "rep") == 1)
        #expect(Suggest.closest(to: "rpe", among: ["rep"]) == "rep")
        #expect(Suggest.closest(to: "xyz", among: ["rep"]) == nil)
        #expect(Suggest.threshold(for: "segmnet") == 2)
        #expect(Suggest.threshold(for: "competitorx") == 3)
        #expect(Suggest.closest(to: "id", among: ["acv"]) == nil)
    }

    @Test func orderIsStable() {
        #expect(Suggest.matches(for: "tag", among: ["tog", "tug", "tag", "tags"], limit: 4) == ["tag", "tags", "tog", "tug"])
        #expect(Suggest.matches(for: "abcd", among: ["abce", "abce"]) == ["abce"])
    }
}

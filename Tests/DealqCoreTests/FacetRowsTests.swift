import DealqLanguage
import Testing

@testable import DealqCore

/// `FacetRows.of` keeps one row per facet and key, first spelling first, looking
/// for a key only among the rows of its own facet; `reference` is the plain way,
/// one set of every (facet, key) seen.
@Suite struct FacetRowsTests {
    static func reference(_ rows: [FacetRows.Row]) -> [FacetRows.Row] {
        var seen = Set<[String]>()
        return rows.filter { seen.insert([$0.facet, $0.key]).inserted }
    }

    /// Every row `of` could make, duplicates included, in its order: what `reference` filters.
    static func allRows(_ deal: Deal) -> [FacetRows.Row] {
        var rows: [FacetRows.Row] = []
        func add(_ facet: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            rows.append(FacetRows.Row(facet: facet, key: value.lowercased(), value: value))
        }
        add("account", deal.account)
        add("outcome", deal.outcome.rawValue)
        add("month", CalendarDate.month(of: deal.closed))
        add("quarter", CalendarDate.quarter(of: deal.closed))
        add("year", CalendarDate.year(of: deal.closed))
        add("segment", deal.segment)
        for name in deal.competitors.all { add("competitor", name) }
        add("competitor.primary", deal.competitors.primary)
        for tag in deal.tags { add("tag", tag) }
        for field in deal.custom { add(field.name.lowercased(), field.value.text) }
        return rows
    }

    @Test func duplicatesAcrossCaseAndAcrossCustomFieldsAreDropped() {
        var deal = Deal(id: "D-1", account: "Acme", outcome: .won, closed: "2025-06-30", body: "")
        deal.segment = "Enterprise"
        deal.competitors = Competitors(primary: "Lumen", others: ["lumen", "Northstar"])
        deal.tags = ["Renewal", "renewal", "RENEWAL", "expansion", "Enterprise"]
        deal.custom = [
            CustomField(name: "Deal_Type", value: .text("New")),
            CustomField(name: "region_code", value: .text("EU")),
            CustomField(name: "deal_type", value: .text("new")),
            CustomField(name: "DEAL_TYPE", value: .text("Upsell")),
            CustomField(name: "region_code", value: .text("eu")),
        ]
        let rows = FacetRows.of(deal)
        #expect(rows == Self.reference(Self.allRows(deal)))
        #expect(rows.filter { $0.facet == "tag" }.map(\.value) == ["Renewal", "expansion", "Enterprise"])
        #expect(rows.filter { $0.facet == "deal_type" }.map(\.value) == ["New", "Upsell"])
        #expect(rows.filter { $0.facet == "region_code" }.map(\.value) == ["EU"])
        // The same key under two facets is two rows.
        #expect(rows.contains { $0.facet == "segment" && $0.key == "enterprise" })
        #expect(rows.contains { $0.facet == "tag" && $0.key == "enterprise" })
    }
}

import DealqLanguage
/// The text and list facet values of a deal, as rows of `deal_facets`:
/// `(facet, key, value)` with `key` the lower-cased value. One row per
/// distinct key per facet, a facet's rows next to each other (so the first
/// row of each facet can be marked). `id` is not here: it is exact and lives in `deals`.
enum FacetRows {
    struct Row: Hashable {
        var facet: String
        var key: String
        var value: String
    }

    /// `mismatch`: the deal's `mismatch`, when the caller has it already.
    static func of(_ deal: Deal, mismatch: Bool?? = nil) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(48)
        // A facet's rows are added one after another (a run); a key is looked for in the
        // runs of the same facet only. The built-in facets each have one run; custom
        // fields could share a name written in other cases, so theirs are all searched.
        var runStart = 0
        var customRuns: [(facet: String, start: Int, end: Int)] = []
        var inCustom = false
        func add(_ facet: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let key = value.lowercased()
            if rows.last.map({ $0.facet != facet }) ?? true {
                if inCustom, runStart < rows.count { customRuns.append((rows[runStart].facet, runStart, rows.count)) }
                runStart = rows.count
            }
            for j in runStart..<rows.count where rows[j].key == key { return }
            for run in customRuns where run.facet == facet {
                for j in run.start..<run.end where rows[j].key == key { return }
            }
            rows.append(Row(facet: facet, key: key, value: value))
        }
        add("account", deal.account)
        add("outcome", deal.outcome.rawValue)
        add("month", CalendarDate.month(of: deal.closed))
        add("quarter", CalendarDate.quarter(of: deal.closed))
        add("year", CalendarDate.year(of: deal.closed))
        add("segment", deal.segment)
        add("region", deal.region)
        add("product", deal.product)
        add("rep", deal.rep)
        add("stage", deal.stage)
        for name in deal.competitors.all { add("competitor", name) }
        add("competitor.primary", deal.competitors.primary)
        add("competitor.incumbent", deal.competitors.incumbent)
        add("competitor.selected", deal.competitors.selected)
        add("crm.loss_reason", deal.crm.lossReason)
        add("crm.win_reason", deal.crm.winReason)
        add("crm.competitor", deal.crm.competitor)
        for driver in deal.drivers { add("category", driver.category) }
        for driver in deal.drivers { add("driver", driver.driver) }
        for topic in deal.topics { add("topic", topic) }
        for tag in deal.tags { add("tag", tag) }
        for source in deal.sources { add("source", source) }
        for insight in deal.insights { add("area", insight.area) }
        for insight in deal.insights { add("label", insight.label.rawValue) }
        // `area.gap:SSO`: an insight on that area with that label (area and label of the same insight).
        for label in Insight.Label.allCases {
            for insight in deal.insights where insight.label == label { add("area." + label.rawValue, insight.area) }
        }
        add("mismatch", (mismatch ?? deal.mismatch).map { $0 ? "true" : "false" })
        inCustom = true
        for field in deal.custom { add(field.name.lowercased(), field.value.text) }
        return rows
    }
}

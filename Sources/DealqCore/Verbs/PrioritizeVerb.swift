import DealqLanguage
import DealqRender
import Foundation
import GRDB

/// `prioritize`: deals with no interview among their sources, scored (see
/// `Priority`), best first, then newest, then by id, with the reason each was picked.
enum PrioritizeVerb: VerbAnswer {
    enum Selected: Selection {
        case id, account, outcome, acv, closed, confidence, drivers

        var sql: String {
            switch self {
            case .id, .account, .outcome, .acv, .closed, .confidence: return "d.\(self)"
            case .drivers:
                // The drivers as a JSON array of [category, weight] (categories are free text: no separator is safe).
                return "\n       (SELECT json_group_array(json_array(x.category, x.weight)) FROM (SELECT category, weight FROM drivers WHERE deal = d.rowid ORDER BY ord) x)"
            }
        }
    }

    static func columns(groups: [String], hasText: Bool) -> [DealqRender.Column] {
        [(.deal, .text), (.account, .text), (.outcome, .text), (.acv, .money), (.closed, .date), (.score, .number), (.reason, .text)]
            .map { (field: Field, kind: DealqRender.Column.Kind) in DealqRender.Column(field, kind) }
    }

    static var pagedByDefault: Bool { true }

    static func plan(_ context: PlanContext) -> Plan {
        var plan = context.emptyPlan
        // The executor scores, sorts and cuts them.
        plan.main = context.with + SQLFragment("""
            SELECT \(Selected.selectText)
            FROM m JOIN deals d ON d.rowid = m.deal
            WHERE NOT EXISTS (SELECT 1 FROM deal_facets s WHERE s.deal = d.rowid AND s.facet = \(FacetNames.id(builtIn: "source")) AND s.key = 'interview')
            """)
        return plan
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> DealqRender.Table {
        var scored: [(cells: [Cell], score: Double, closed: String, id: String)] = []
        for row in try executor.groupRows(plan.main, groups: 0) {
            let json = String.fromDatabaseValue(row.value(Selected.drivers)) ?? "[]"
            let pairs = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[Any]] ?? []
            let drivers: [(category: String, weight: Double)] = pairs.compactMap { pair in
                guard pair.count == 2, let category = pair[0] as? String, let weight = (pair[1] as? NSNumber)?.doubleValue else { return nil }
                return (category, weight)
            }
            let closed = String.fromDatabaseValue(row.value(Selected.closed)) ?? ""
            let id = String.fromDatabaseValue(row.value(Selected.id)) ?? ""
            let candidate = Priority.Candidate(acv: Double.fromDatabaseValue(row.value(Selected.acv)), closed: closed,
                                               confidence: Double.fromDatabaseValue(row.value(Selected.confidence)), drivers: drivers)
            let (score, reason) = Priority.score(candidate, today: executor.today)
            scored.append(([.text(id), Executor.cell(row.value(Selected.account)), Executor.cell(row.value(Selected.outcome)),
                            Executor.cell(row.value(Selected.acv)), .text(closed), .number(score), .text(reason)], score, closed, id))
        }
        scored.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.closed != b.closed { return a.closed > b.closed }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        var table = DealqRender.Table(columns: columns(plan))
        table.rows = scored.map(\.cells)
        return table
    }
}

import DealqLanguage
import DealqRender

/// `audit`: per group, the shares of the deals (or lost deals) with each piece of evidence.
enum AuditVerb: VerbAnswer {
    /// The data-quality counts per group.
    enum Counts: Selection {
        case deals, lost, lostWithReason, withCompetitor, lostWithSelected, withInterview, lostComparable, lostDisagreeing

        var sql: String {
            switch self {
            case .deals: return "count(*)"
            case .lost: return "coalesce(sum(d.outcome = 'lost'), 0)"
            case .lostWithReason: return "coalesce(sum(d.outcome = 'lost' AND d.crm_loss_reason IS NOT NULL), 0)"
            case .withCompetitor:
                return "coalesce(sum(EXISTS (SELECT 1 FROM deal_facets c WHERE c.deal = m.deal AND c.facet = \(FacetNames.id(builtIn: "competitor")))), 0)"
            case .lostWithSelected: return "coalesce(sum(d.outcome = 'lost' AND d.competitor_selected IS NOT NULL), 0)"
            case .withInterview:
                return "coalesce(sum(EXISTS (SELECT 1 FROM deal_facets s WHERE s.deal = m.deal AND s.facet = \(FacetNames.id(builtIn: "source")) AND s.key = 'interview')), 0)"
            case .lostComparable: return "coalesce(sum(d.outcome = 'lost' AND d.mismatch IS NOT NULL), 0)"
            case .lostDisagreeing: return "coalesce(sum(d.outcome = 'lost' AND d.mismatch = 1), 0)"
            }
        }
    }

    static func columns(groups: [String], hasText: Bool) -> [Column] {
        groups.map(Column.group) + [Column(.deals, .integer), Column(.lost, .integer)]
            + ([.crmReason, .competitor, .selected, .interview, .mismatch] as [Field]).map { Column($0, .rate) }
    }

    static func plan(_ context: PlanContext) -> Plan {
        var plan = context.emptyPlan
        plan.main = context.with + GroupSQL.grouped(context.query.groupBy, Counts.selectList, from: "m JOIN deals d ON d.rowid = m.deal")
        plan.groupSizes = DealCounts.firstGroupSizes(context)
        return plan
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        let groups = plan.query.groupBy
        var table = Table(columns: columns(plan))
        func share(_ part: Counts, of whole: Counts, _ row: Executor.GroupRow) -> Cell {
            row.int(whole) > 0 ? .number(Double(row.int(part)) / Double(row.int(whole))) : .null
        }
        let rows = try executor.groupRows(plan.main, groups: groups.count)
        let sizes = try executor.firstGroupSizes(plan, wonLost: false)
        for row in try executor.ordered(rows, groups: groups, sizeOfFirst: sizes, size: { $0.int(Counts.deals) }) {
            table.rows.append(try executor.groupCells(row, groups) + [
                .integer(row.int(Counts.deals)), .integer(row.int(Counts.lost)),
                share(.lostWithReason, of: .lost, row), share(.withCompetitor, of: .deals, row), share(.lostWithSelected, of: .lost, row),
                share(.withInterview, of: .deals, row), share(.lostDisagreeing, of: .lostComparable, row),
            ])
        }
        return table
    }
}

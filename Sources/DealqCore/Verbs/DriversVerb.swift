import DealqLanguage
import DealqRender

/// `drivers`: the weights of the decision drivers summed per category (and
/// group), heaviest first, with each category's share of its group. `by driver`
/// groups the drivers themselves: each driver's weight counts only under its own text.
enum DriversVerb: VerbAnswer {
    /// Per group and category: the summed measure and the deals it comes from.
    enum Sums: Selection {
        case measure, deals

        var sql: String {
            switch self {
            // Correctly rounded: the same total whatever order the rows come in.
            case .measure: return "\(ExactSum.name)(x.weight)"
            case .deals: return "count(DISTINCT x.deal)"
            }
        }
    }

    static func columns(groups: [String], hasText: Bool) -> [Column] {
        groups.map(Column.group) + [Column(.category, .text), Column(.weight, .number), Column(.share, .rate), Column(.deals, .integer)]
    }

    static var barField: Field { .share }

    static func plan(_ context: PlanContext) -> Plan {
        DriverSums.plan(context, Sums.self, from: "FROM m JOIN drivers x ON x.deal = m.deal")
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        try DriverSums.table(plan, columns: columns(plan), measure: Sums.measure, deals: Sums.deals, &executor)
    }
}

/// `drivers weight:acv`: what each reason is costing, ACV × the driver's weight.
enum WeightedDriversVerb: VerbAnswer {
    enum Sums: Selection {
        case measure, deals

        var sql: String {
            switch self {
            case .measure: return "\(ExactSum.name)(x.weight * d.acv)"
            case .deals: return "count(DISTINCT x.deal)"
            }
        }
    }

    static func columns(groups: [String], hasText: Bool) -> [Column] {
        groups.map(Column.group) + [Column(.category, .text), Column(.acv, .money), Column(.share, .rate), Column(.deals, .integer)]
    }

    static var barField: Field { .share }

    static func plan(_ context: PlanContext) -> Plan {
        DriverSums.plan(context, Sums.self,
                        from: "FROM m JOIN drivers x ON x.deal = m.deal JOIN deals d ON d.rowid = m.deal AND d.acv IS NOT NULL")
    }

    static func table(_ plan: Plan, _ executor: inout Executor) throws -> Table {
        try DriverSums.table(plan, columns: columns(plan), measure: Sums.measure, deals: Sums.deals, &executor)
    }
}

/// What both kinds of `drivers` share: the statement and the table.
enum DriverSums {
    /// The groups' keys, the category, then the verb's sums (`S`). A `driver` group is
    /// keyed by the driver row's own text, not by the deal's drivers (`DriverKey`).
    static func plan<S: Selection>(_ context: PlanContext, _ sums: S.Type, from: String) -> Plan {
        let groups = context.query.groupBy
        var plan = context.emptyPlan
        let keys = zip(GroupSQL.keys(groups), groups).map { key, facet in DriverKey.isDriver(facet) ? DriverKey.sql : key }
        let select = keys + ["x.category"] + S.selectList
        plan.main = context.with + SQLFragment("SELECT \(select.joined(separator: ", "))\n" + from)
            + GroupSQL.joins(groups, skipping: { DriverKey.isDriver($0) })
            + SQLFragment("\nGROUP BY \((1...(groups.count + 1)).map(String.init).joined(separator: ", "))")
        // Deals per group order the groups.
        plan.baseline = DealCounts.perGroup(groups, matching: context.matching, filter: context.query.filter)
        plan.groupSizes = DealCounts.firstGroupSizes(context)
        return plan
    }

    static func table<S: Selection>(_ plan: Plan, columns: [Column], measure: S, deals: S, _ executor: inout Executor) throws -> Table {
        let groups = plan.query.groupBy
        var table = Table(columns: columns)
        // Keys: the groups, then the category.
        let rows = try executor.groupRows(plan.main, groups: groups.count + 1)
        func category(_ row: Executor.GroupRow) -> String { (row.keys.last ?? nil) ?? "" }
        func groupKeys(_ row: Executor.GroupRow) -> [String?] { Array(row.keys.prefix(groups.count)) }
        var pairSizes: [[String?]: Int] = [:]
        if let baseline = plan.baseline {
            for row in try executor.groupRows(baseline, groups: groups.count) { pairSizes[row.keys] = row.int(DealCount.deals) }
        }
        let sizes = try executor.firstGroupSizes(plan, wonLost: false)
        var totals: [[String?]: Double] = [:]
        for row in rows { totals[groupKeys(row), default: 0] += row.double(measure) }
        // One representative row per group for ordering, then categories heaviest first within it.
        var seen = Set<[String?]>()
        let heads = rows.map { Executor.GroupRow(keys: groupKeys($0), values: []) }.filter { seen.insert($0.keys).inserted }
        for head in try executor.ordered(heads, groups: groups, sizeOfFirst: sizes, size: { pairSizes[$0.keys] ?? 0 }) {
            let members = rows.filter { groupKeys($0) == head.keys }.sorted { a, b in
                let wa = a.double(measure), wb = b.double(measure)
                if wa != wb { return wa > wb }
                return category(a).unicodeScalars.lexicographicallyPrecedes(category(b).unicodeScalars)
            }
            let total = totals[head.keys] ?? 0
            for row in members {
                let weight = row.double(measure)
                table.rows.append(try executor.groupCells(row, groups)
                                  + [.text(category(row)), .number(weight), total > 0 ? .number(weight / total) : .null,
                                     .integer(row.int(deals))])
            }
        }
        return table
    }
}

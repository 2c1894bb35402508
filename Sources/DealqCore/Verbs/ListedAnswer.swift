import DealqLanguage
import DealqRender

/// A value a listing selects: most are a column of the answer, and sort by it.
protocol ListedValue: Selection {
    /// The answer's column it fills (nil: read, not shown).
    var column: Column? { get }
    /// What `sort:` on its column orders by.
    var sortSQL: String { get }
    /// The value that is `count(*) OVER ()`, the rows there would be without a limit.
    static var rowsWithoutLimit: Self? { get }
}

/// What the listings (`deals`, `quotes`, `insights`) share.
enum ListedAnswer {
    /// The answer's columns, in the order they are selected.
    static func columns<V: ListedValue>(_ values: V.Type) -> [Column] {
        V.allCases.compactMap(\.column)
    }

    /// `ORDER BY` text: the sorted column first, when there is one, then `then`.
    static func order<V: ListedValue>(_ sort: CheckedQuery.Sort?, _ values: V.Type, then: String) -> String {
        guard let sort, let value = V.allCases.first(where: { $0.column?.name == sort.column }) else { return then }
        return "\(value.sortSQL) \(sort.ascending ? "ASC" : "DESC") NULLS LAST, " + then
    }

    /// The rows read into the answer's columns; the total from the last value when the page is full.
    static func table<V: ListedValue>(_ plan: Plan, _ values: V.Type, _ executor: inout Executor) throws -> Table {
        let rows = try executor.groupRows(plan.main, groups: 0)
        var table = Table(columns: columns(values))
        let shown = V.allCases.filter { $0.column != nil }
        table.rows = rows.map { row in shown.map { Executor.cell(row.value($0)) } }
        if let limit = plan.limit, rows.count >= limit, let total = V.rowsWithoutLimit, let first = rows.first {
            let count = first.int(total)
            table.totalRows = count > rows.count ? count : nil
        }
        return table
    }
}

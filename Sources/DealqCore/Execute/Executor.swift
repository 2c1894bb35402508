import Foundation
import DealqLanguage
import DealqRender
import GRDB

/// Runs a plan on an open index: the verb builds its table (see `VerbAnswer`),
/// then what every verb shares: sort, limit, and how the groups are drawn.
struct Executor {
    let db: Database
    let catalog: Catalog
    /// Groups with fewer won + lost deals are marked as too small to read a rate from.
    var minimumGroupSize = 10
    /// The day recency counts from (`prioritize`).
    var today = CalendarDate(year: 2000, month: 1, day: 1)!
    /// A second read connection to the same index: ranking a page of text matches
    /// runs on both, each over half the deals (nil: one connection does it all).
    var helper: DatabaseQueue?
    /// Below this many deals one connection ranks as fast as two (measured: even at
    /// 100k deals, 1.3 times faster at 500k; the second reads the same pages again).
    var parallelRankMinimum: Int64 = 150_000
    private var spellingCache: [String: [String: String]] = [:]

    init(db: Database, catalog: Catalog, minimumGroupSize: Int = 10) {
        self.db = db
        self.catalog = catalog
        self.minimumGroupSize = minimumGroupSize
        QueryFunctions.register(db)
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .text(let s): return s
            case .number(let n): return n == n.rounded() && abs(n) < 9e15 ? Int64(n) : n
            }
        })
    }

    mutating func run(_ plan: Plan) throws -> DealqRender.Table {
        let q = plan.query
        let answer = Verbs.answer(q)
        var table = try answer.table(plan, &self)
        if let sort = q.sort, answer.sortsRows, let index = table.columns.firstIndex(where: { $0.name == sort.column }) {
            let pinned = answer.pinnedRows
            let head = Array(table.rows.prefix(pinned))
            let sorted = table.rows.dropFirst(pinned).enumerated().sorted { a, b in
                let order = Self.compare(a.element[index], b.element[index])
                if order == 0 { return a.offset < b.offset }
                return sort.ascending ? order < 0 : order > 0
            }.map(\.element)
            table.rows = head + sorted
        }
        // Rows cut here: the page of a verb scored in Swift, or `limit:` on groups.
        let grouping = VerbColumns.grouping.contains(q.verb)
        let cut: Int? = grouping ? { if case .rows(let n)? = q.limit { return n } else { return nil } }()
            : answer.sortsRows ? plan.limit : nil
        if let n = cut, table.rows.count > n {
            table.totalRows = table.rows.count
            table.rows = Array(table.rows.prefix(n))
        }
        if grouping { table.groupColumns = q.groupBy.count }
        table.grid = answer.drawsGrid && q.groupBy.count == 2 && q.groupBy[0].isTime
        if let first = q.groupBy.first, first.isTime {
            table.timeColumn = 0
            table.barColumn = table.column(answer.barField)
        }
        return table
    }

    /// Orders nulls last whatever the direction; numbers by value; text by code points.
    static func compare(_ a: Cell, _ b: Cell) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case let (.integer(x), .integer(y)): return x == y ? 0 : (x < y ? -1 : 1)
        case let (.number(x), .number(y)): return x == y ? 0 : (x < y ? -1 : 1)
        case let (.integer(x), .number(y)): return Double(x) == y ? 0 : (Double(x) < y ? -1 : 1)
        case let (.number(x), .integer(y)): return x == Double(y) ? 0 : (x < Double(y) ? -1 : 1)
        case let (.text(x), .text(y)):
            return x == y ? 0 : (x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1)
        default: return 0
        }
    }

    static func cell(_ value: DatabaseValue) -> Cell {
        switch value.storage {
        case .null: return .null
        case .int64(let i): return .integer(Int(i))
        case .double(let d): return .number(d)
        case .string(let s): return .text(s)
        case .blob: return .null
        }
    }

    // MARK: groups

    /// A row of a statement: its leading group keys, then the selected values.
    struct GroupRow {
        var keys: [String?]
        var values: [DatabaseValue]
    }

    /// The statement's rows, the first `groups` columns read as keys.
    func groupRows(_ fragment: SQLFragment, groups: Int) throws -> [GroupRow] {
        try Row.fetchAll(db, sql: fragment.sql, arguments: Self.arguments(fragment.arguments)).map { row in
            GroupRow(keys: (0..<groups).map { row[$0] as String? }, values: (groups..<row.count).map { row[$0] as DatabaseValue })
        }
    }

    /// Key → the spelling most deals of the corpus use (ties: smallest in code-point order).
    mutating func spellings(_ facet: String) throws -> [String: String] {
        if let cached = spellingCache[facet] { return cached }
        var result: [String: String] = [:]
        var best: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value, deals FROM facet_spellings WHERE facet = ?", arguments: [facet]) {
            let key: String = row[0], value: String = row[1], deals: Int = row[2]
            if let current = best[key], let shown = result[key] {
                if deals < current || (deals == current && !value.unicodeScalars.lexicographicallyPrecedes(shown.unicodeScalars)) { continue }
            }
            best[key] = deals
            result[key] = value
        }
        spellingCache[facet] = result
        return result
    }

    /// A group's value as the corpus spells it; `(none)` for deals without one.
    mutating func display(_ key: String?, _ facet: Catalog.Facet) throws -> Cell {
        guard let key else { return .text("(none)") }
        return .text(try spellings(facet.name)[key] ?? key)
    }

    /// The row's group cells, one per `by` facet.
    mutating func groupCells(_ row: GroupRow, _ groups: [Catalog.Facet]) throws -> [Cell] {
        var cells: [Cell] = []
        for (i, facet) in groups.enumerated() { cells.append(try display(row.keys.indices.contains(i) ? row.keys[i] : nil, facet)) }
        return cells
    }

    /// Group rows in the contract's order; `size` gives the ordering count of a row.
    mutating func ordered(_ rows: [GroupRow], groups: [Catalog.Facet], sizeOfFirst: [String?: Int],
                          size: (GroupRow) -> Int) throws -> [GroupRow] {
        guard let first = groups.first else { return rows }
        let spellingFirst = try spellings(first.name)
        let firstKeys = GroupOrder.sorted(Array(Set(rows.map { $0.keys[0] })), isTime: first.isTime,
                                          size: { sizeOfFirst[$0] ?? 0 }, display: { $0.flatMap { spellingFirst[$0] } ?? $0 ?? "" })
        var result: [GroupRow] = []
        for key in firstKeys {
            let members = rows.filter { $0.keys[0] == key }
            guard groups.count == 2 else {
                result += members
                continue
            }
            let spellingSecond = try spellings(groups[1].name)
            var sizes: [String?: Int] = [:]
            for m in members { sizes[m.keys[1], default: 0] += size(m) }
            let secondKeys = GroupOrder.sorted(Array(sizes.keys), isTime: groups[1].isTime, size: { sizes[$0] ?? 0 },
                                               display: { $0.flatMap { spellingSecond[$0] } ?? $0 ?? "" })
            for k in secondKeys { result += members.filter { $0.keys[1] == k } }
        }
        return result
    }

    /// Deals (or won + lost deals) per group of the first facet, for ordering: from the
    /// plan's group-size statement, else from `rows` (the main statement's, when they
    /// already are these counts: `count` and `winrate` by one facet).
    func firstGroupSizes(_ plan: Plan, wonLost: Bool, rows: [GroupRow]? = nil) throws -> [String?: Int] {
        guard !plan.query.groupBy.isEmpty else { return [:] }
        let counted: [GroupRow]
        if let statement = plan.groupSizes {
            counted = try groupRows(statement, groups: 1)
        } else {
            counted = rows ?? []
        }
        var sizes: [String?: Int] = [:]
        for row in counted {
            sizes[row.keys[0]] = wonLost ? row.int(DealCount.won) + row.int(DealCount.lost) : row.int(DealCount.deals)
        }
        return sizes
    }
}

import Foundation
import DealqLanguage
import DealqRender
import GRDB

/// Runs a plan on an open index and builds the typed answer.
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
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .text(let s): return s
            case .number(let n): return n == n.rounded() && abs(n) < 9e15 ? Int64(n) : n
            }
        })
    }

    func rows(_ fragment: SQLFragment) throws -> [Row] {
        try Row.fetchAll(db, sql: fragment.sql, arguments: Self.arguments(fragment.arguments))
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

    mutating func display(_ key: String?, _ facet: Catalog.Facet) throws -> Cell {
        guard let key else { return .text("(none)") }
        return .text(try spellings(facet.name)[key] ?? key)
    }

    mutating func run(_ plan: Plan) throws -> DealqRender.Table {
        let q = plan.query
        let columns = VerbColumns.names(q.verb, groupBy: q.groupBy.map(\.name), hasText: plan.snippetMatch != nil,
                                        weighByACV: q.weighByACV)
        var table: DealqRender.Table
        switch q.verb {
        case .deals: table = try deals(plan, columns)
        case .quotes:
            table = try listing(plan, columns, kinds: [.text, .text, .text, .date, .text, .text, .text, .text, .money])
            table.layout = .quotes
        case .insights: table = try listing(plan, columns, kinds: [.text, .text, .text, .text, .text, .text, .money])
        case .count: table = try counts(plan, columns)
        case .winrate: table = q.weighByACV ? try weightedWinrate(plan, columns) : try winrate(plan, columns)
        case .drivers: table = try drivers(plan, columns)
        case .audit: table = try audit(plan, columns)
        case .prioritize: table = try prioritize(plan, columns)
        }
        let sortedHere = VerbColumns.grouping.contains(q.verb) || q.verb == .prioritize
        if let sort = q.sort, sortedHere, let index = table.columns.firstIndex(where: { $0.name == sort.column }) {
            let pinned = q.verb == .winrate ? 1 : 0
            let head = Array(table.rows.prefix(pinned))
            let sorted = table.rows.dropFirst(pinned).enumerated().sorted { a, b in
                let order = Self.compare(a.element[index], b.element[index])
                if order == 0 { return a.offset < b.offset }
                return sort.ascending ? order < 0 : order > 0
            }.map(\.element)
            table.rows = head + sorted
        }
        if q.verb == .prioritize, let n = plan.limit, table.rows.count > n {
            table.totalRows = table.rows.count
            table.rows = Array(table.rows.prefix(n))
        }
        if VerbColumns.grouping.contains(q.verb), case .rows(let n)? = q.limit, table.rows.count > n {
            table.totalRows = table.rows.count
            table.rows = Array(table.rows.prefix(n))
        }
        if VerbColumns.grouping.contains(q.verb) { table.groupColumns = q.groupBy.count }
        table.grid = [.count, .winrate].contains(q.verb) && q.groupBy.count == 2 && q.groupBy[0].isTime
        if let first = q.groupBy.first, first.isTime {
            table.timeColumn = 0
            table.barColumn = table.columns.firstIndex { $0.name == (q.verb == .winrate ? "winrate" : q.verb == .drivers ? "share" : "deals") }
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

    // MARK: listings

    func total(_ plan: Plan, shown: Int, rows: [Row] = []) throws -> Int? {
        guard let limit = plan.limit, shown >= limit else { return nil }
        let count: Int
        if plan.totalInLastColumn, let first = rows.first {
            count = first[first.count - 1]
        } else if let total = plan.total {
            count = try Int.fetchOne(db, sql: total.sql, arguments: Self.arguments(total.arguments)) ?? shown
        } else {
            return nil
        }
        return count > shown ? count : nil
    }

    func deals(_ plan: Plan, _ names: [String]) throws -> DealqRender.Table {
        let ranked = try rankedInParallel(plan)
        let rows = try ranked?.rows ?? rows(plan.main)
        var kinds: [DealqRender.Column.Kind] = [.text, .text, .text, .money, .date, .text, .text]
        var snippets: [Int64: String] = [:]
        if let match = plan.snippetMatch, !rows.isEmpty {
            kinds.append(.snippet)
            let ids: [Int64] = rows.map { $0[0] }
            let sql = "SELECT rowid, snippet(deal_fts, 0, char(2), char(3), '…', 14) FROM deal_fts WHERE deal_fts MATCH ? AND rowid IN ("
                + Array(repeating: "?", count: ids.count).joined(separator: ", ") + ")"
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments([match] + ids.map { $0 as any DatabaseValueConvertible })) {
                snippets[row[0]] = Self.cleanSnippet(row[1])
            }
        } else if plan.snippetMatch != nil {
            kinds.append(.snippet)
        }
        var table = DealqRender.Table(columns: zip(names, kinds).map { DealqRender.Column($0, $1) })
        for row in rows {
            var cells = (1...7).map { Self.cell(row[$0]) }
            if plan.snippetMatch != nil {
                let id: Int64 = row[0]
                cells.append(snippets[id].map { .text($0) } ?? .null)
            }
            table.rows.append(cells)
        }
        if let ranked {
            table.totalRows = ranked.total > rows.count ? ranked.total : nil
        } else {
            table.totalRows = try total(plan, shown: rows.count)
        }
        if plan.snippetMatch != nil { table.layout = .snippets }
        return table
    }

    /// A ranked page of text matches, ranked on two connections at once: bm25 costs
    /// about a microsecond per matching deal (60k matches at 500k deals: 65 ms), and
    /// its statistics (deal count, mean length, each term's document frequency) are
    /// the whole index's whatever rowids a query reads, so the best `limit` of each
    /// half of the rowids, merged by rank, are the best `limit` of all. Nil when the
    /// plan is not a ranked page or the index is too small for it to pay; else the
    /// page's rows and how many deals match (each half counts its own).
    func rankedInParallel(_ plan: Plan) throws -> (rows: [Row], total: Int)? {
        guard let page = plan.rankedPage, let helper,
              let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM deals"), last >= parallelRankMinimum else { return nil }
        let split = last / 2
        /// The best page of one half, each row with the half's number of matches.
        @Sendable func half(_ db: Database, upper: Bool) throws -> [Row] {
            try Row.fetchAll(db, sql: "SELECT rowid, rank, count(*) OVER () FROM deal_fts WHERE deal_fts MATCH ? AND rowid "
                             + (upper ? ">" : "<=") + " ? ORDER BY rank LIMIT ?", arguments: [page.match, split, page.limit])
        }
        let upperRows = Slots<Result<[Row], any Error>>(count: 1)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            upperRows.store(Result { try helper.read { try half($0, upper: true) } }, at: 0)
            done.signal()
        }
        let lower = try half(db, upper: false)
        done.wait()
        let upper = try upperRows.all()[0].get()
        let total = [lower, upper].reduce(0) { $0 + ($1.first.map { $0[2] as Int } ?? 0) }
        let best = (lower + upper)
            .map { (deal: $0[0] as Int64, rank: $0[1] as Double) }
            .sorted { $0.rank < $1.rank }
            .prefix(page.limit)
        guard !best.isEmpty else { return ([], 0) }
        let values = Array(repeating: "(?, ?)", count: best.count).joined(separator: ", ")
        let arguments = StatementArguments(best.flatMap { [$0.deal.databaseValue, $0.rank.databaseValue] })
        return (try Row.fetchAll(db, sql: "WITH r(deal, rank) AS (VALUES \(values))\n" + Plan.rankedTail, arguments: arguments), total)
    }

    /// A snippet on one line, without markdown markers at line starts.
    static func cleanSnippet(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { line -> String in
            var l = Substring(line)
            while let first = l.first, first == "#" || first == ">" || first == "-" || first == "*" || first == " " { l = l.dropFirst() }
            return String(l)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    func listing(_ plan: Plan, _ names: [String], kinds: [DealqRender.Column.Kind]) throws -> DealqRender.Table {
        let rows = try rows(plan.main)
        var table = DealqRender.Table(columns: zip(names, kinds).map { DealqRender.Column($0, $1) })
        table.rows = rows.map { row in (0..<names.count).map { Self.cell(row[$0]) } }
        table.totalRows = try total(plan, shown: rows.count, rows: rows)
        return table
    }

    // MARK: groups

    struct GroupRow {
        var keys: [String?]
        var values: [DatabaseValue]
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

    func groupRows(_ fragment: SQLFragment, groups: Int) throws -> [GroupRow] {
        try rows(fragment).map { row in
            GroupRow(keys: (0..<groups).map { row[$0] as String? }, values: (groups..<row.count).map { row[$0] as DatabaseValue })
        }
    }

    /// Deals per group of the first facet (for ordering), counted once per deal.
    /// `rows` are the main query's when they already are these counts
    /// (`count` and `winrate` by one facet), so the query does not run twice.
    func firstGroupSizes(_ plan: Plan, wonLost: Bool, rows: [GroupRow]? = nil) throws -> [String?: Int] {
        guard let first = plan.query.groupBy.first else { return [:] }
        var sizes: [String?: Int] = [:]
        let counted: [GroupRow]
        if let rows, plan.query.groupBy.count == 1, [.count, .winrate].contains(plan.query.verb), !plan.query.weighByACV {
            counted = rows
        } else {
            counted = try groupRows(Planner.groupCounts([first], matching: plan.matching, filter: plan.query.filter), groups: 1)
        }
        for row in counted {
            let n: Int = wonLost ? (Int.fromDatabaseValue(row.values[1])! + Int.fromDatabaseValue(row.values[2])!) : Int.fromDatabaseValue(row.values[0])!
            sizes[row.keys[0]] = n
        }
        return sizes
    }

    mutating func counts(_ plan: Plan, _ names: [String]) throws -> DealqRender.Table {
        let groups = plan.query.groupBy
        var table = DealqRender.Table(columns: groups.map { DealqRender.Column($0.name, .text) } + [DealqRender.Column("deals", .integer)])
        let rows = try groupRows(plan.main, groups: groups.count)
        let sizes = try firstGroupSizes(plan, wonLost: false, rows: rows)
        for row in try ordered(rows, groups: groups, sizeOfFirst: sizes, size: { Int.fromDatabaseValue($0.values[0])! }) {
            var cells: [Cell] = []
            for (i, facet) in groups.enumerated() { cells.append(try display(row.keys[i], facet)) }
            cells.append(.integer(Int.fromDatabaseValue(row.values[0])!))
            table.rows.append(cells)
        }
        return table
    }

    static func rateCells(won: Int, lost: Int, baseline: Double?) -> [Cell] {
        let n = won + lost
        guard n > 0, let interval = Wilson.interval(successes: won, trials: n) else { return [.null, .null, .null, .null] }
        let rate = Double(won) / Double(n)
        return [.number(rate), baseline.map { .number(rate - $0) } ?? .null, .number(interval.low), .number(interval.high)]
    }

    mutating func winrate(_ plan: Plan, _ names: [String]) throws -> DealqRender.Table {
        let groups = plan.query.groupBy
        let kinds: [DealqRender.Column.Kind] = [.integer, .integer, .integer, .rate, .rate, .rate, .rate]
        var table = DealqRender.Table(columns: (groups.isEmpty ? [DealqRender.Column("group", .text)] : groups.map { DealqRender.Column($0.name, .text) })
                          + zip(names.suffix(7), kinds).map { DealqRender.Column($0, $1) })
        let base = try rows(plan.baseline!)[0]
        let won: Int = base[1], lost: Int = base[2]
        let baseRate: Double? = won + lost > 0 ? Double(won) / Double(won + lost) : nil
        let allCells: [Cell] = Array(repeating: .text("(all)"), count: max(1, groups.count))
        table.rows.append(allCells + [.integer(won + lost), .integer(won), .integer(lost)]
                          + Self.rateCells(won: won, lost: lost, baseline: baseRate))
        guard !groups.isEmpty else { return table }
        let rows = try groupRows(plan.main, groups: groups.count)
        let sizes = try firstGroupSizes(plan, wonLost: true, rows: rows)
        let wonLostOf = { (r: GroupRow) in Int.fromDatabaseValue(r.values[1])! + Int.fromDatabaseValue(r.values[2])! }
        for row in try ordered(rows, groups: groups, sizeOfFirst: sizes, size: wonLostOf) {
            var cells: [Cell] = []
            for (i, facet) in groups.enumerated() { cells.append(try display(row.keys[i], facet)) }
            let w = Int.fromDatabaseValue(row.values[1])!, l = Int.fromDatabaseValue(row.values[2])!
            cells += [.integer(w + l), .integer(w), .integer(l)] + Self.rateCells(won: w, lost: l, baseline: baseRate)
            table.rows.append(cells)
        }
        markGroups(&table, baseline: baseRate)
        return table
    }

    /// Honest numbers for people: each group's rate is marked when it rests on
    /// fewer than `minimumGroupSize` won + lost deals, or when its 95% interval
    /// excludes the baseline; the footnotes say what the marks mean and how
    /// many such differences chance alone would give.
    func markGroups(_ table: inout DealqRender.Table, baseline: Double?) {
        // ACV-weighted rates rest on their effective number of deals.
        let weighted = table.columns.contains { $0.name == "effective_deals" }
        guard table.rows.count > 1,
              let deals = table.columns.firstIndex(where: { $0.name == (weighted ? "effective_deals" : "deals") }) else { return }
        let low = table.columns.firstIndex { $0.name == "ci_low" }, high = table.columns.firstIndex { $0.name == "ci_high" }
        var marks: [String?] = [nil]
        var small = 0, apart = 0
        for row in table.rows.dropFirst() {
            let n: Double
            switch row[deals] {
            case .integer(let count): n = Double(count)
            case .number(let count): n = count
            default: n = 0
            }
            if n < Double(minimumGroupSize) {
                marks.append("n<\(minimumGroupSize)")
                small += 1
            } else if let baseline, let low, let high, case .number(let lo) = row[low], case .number(let hi) = row[high],
                      lo > baseline || hi < baseline {
                marks.append(lo > baseline ? "▲ above (all)" : "▼ below (all)")
                apart += 1
            } else {
                marks.append(nil)
            }
        }
        let groups = table.rows.count - 1
        table.marks = marks
        if apart > 0 {
            let chance = (Double(groups) * 0.05 * 10).rounded() / 10
            table.footnotes.append("▲▼ the group's 95% interval excludes the (all) rate. Chance alone puts about 1 group in 20 "
                                   + "outside it: expect about \(chance) such groups among these \(groups).")
        } else if groups - small > 0 && baseline != nil {
            // Nothing stands out: say so, before a reader ranks the groups by their rates.
            table.footnotes.append("No group's 95% interval excludes the (all) rate: the differences between these groups "
                                   + "may all be chance.")
        }
        if small > 0 {
            table.footnotes.append(weighted
                ? "n<\(minimumGroupSize): fewer than \(minimumGroupSize) effective deals ((ΣACV)² ÷ ΣACV²: a few big deals count as few); too few to read a rate from."
                : "n<\(minimumGroupSize): fewer than \(minimumGroupSize) won + lost deals; too few to read a rate from.")
        }
    }

    /// `prioritize`: candidates scored (see `Priority`), best first, then newest, then by id.
    func prioritize(_ plan: Plan, _ names: [String]) throws -> DealqRender.Table {
        var scored: [(cells: [Cell], score: Double, closed: String, id: String)] = []
        for row in try rows(plan.main) {
            // The drivers as a JSON array of [category, weight] (categories are free text: no separator is safe).
            let pairs = (try? JSONSerialization.jsonObject(with: Data(((row[6] as String?) ?? "[]").utf8))) as? [[Any]] ?? []
            let drivers: [(category: String, weight: Double)] = pairs.compactMap { pair in
                guard pair.count == 2, let category = pair[0] as? String, let weight = (pair[1] as? NSNumber)?.doubleValue else { return nil }
                return (category, weight)
            }
            let closed: String = row[4], id: String = row[0]
            let candidate = Priority.Candidate(acv: row[3], closed: closed, confidence: row[5], drivers: drivers)
            let (score, reason) = Priority.score(candidate, today: today)
            scored.append(([.text(id), Self.cell(row[1]), Self.cell(row[2]), Self.cell(row[3]), .text(closed), .number(score), .text(reason)],
                           score, closed, id))
        }
        scored.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.closed != b.closed { return a.closed > b.closed }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        var table = DealqRender.Table(columns: zip(names, [DealqRender.Column.Kind.text, .text, .text, .money, .date, .number, .text])
            .map { DealqRender.Column($0, $1) })
        table.rows = scored.map(\.cells)
        return table
    }

    /// `audit`: shares of the deals (or lost deals) with each piece of evidence.
    mutating func audit(_ plan: Plan, _ names: [String]) throws -> DealqRender.Table {
        let groups = plan.query.groupBy
        var table = DealqRender.Table(columns: groups.map { DealqRender.Column($0.name, .text) }
                                      + [DealqRender.Column("deals", .integer), DealqRender.Column("lost", .integer)]
                                      + ["crm_reason", "competitor", "selected", "interview", "mismatch"].map { DealqRender.Column($0, .rate) })
        func share(_ part: Int, _ whole: Int) -> Cell { whole > 0 ? .number(Double(part) / Double(whole)) : .null }
        let rows = try groupRows(plan.main, groups: groups.count)
        let int = { (row: GroupRow, i: Int) in Int.fromDatabaseValue(row.values[i]) ?? 0 }
        let sizes = try firstGroupSizes(plan, wonLost: false)
        for row in try ordered(rows, groups: groups, sizeOfFirst: sizes, size: { int($0, 0) }) {
            var cells: [Cell] = []
            for (i, facet) in groups.enumerated() { cells.append(try display(row.keys[i], facet)) }
            let deals = int(row, 0), lost = int(row, 1)
            cells += [.integer(deals), .integer(lost), share(int(row, 2), lost), share(int(row, 3), deals), share(int(row, 4), lost),
                      share(int(row, 5), deals), share(int(row, 7), int(row, 6))]
            table.rows.append(cells)
        }
        return table
    }

    /// `winrate weight:acv`: won ACV ÷ (won + lost ACV), a proportion of wins weighted by
    /// ACV. Its 95% interval is Wilson's at Kish's effective number of deals,
    /// (ΣACV)² ÷ ΣACV² (`effective_deals`): with equal ACVs it is the plain interval
    /// of the deals; when one big deal carries the group, the group counts as little
    /// more than that one deal, and the interval says so.
    mutating func weightedWinrate(_ plan: Plan, _ names: [String]) throws -> DealqRender.Table {
        let groups = plan.query.groupBy
        let kinds: [DealqRender.Column.Kind] = [.integer, .number, .money, .money, .rate, .rate, .rate, .rate]
        var table = DealqRender.Table(columns: (groups.isEmpty ? [DealqRender.Column("group", .text)] : groups.map { DealqRender.Column($0.name, .text) })
                                      + zip(names.suffix(kinds.count), kinds).map { DealqRender.Column($0, $1) })
        func cells(_ values: [DatabaseValue], baseline: Double?) -> [Cell] {
            let n = Int.fromDatabaseValue(values[0]) ?? 0
            let won = Double.fromDatabaseValue(values[1]) ?? 0, lost = Double.fromDatabaseValue(values[2]) ?? 0
            let squares = Double.fromDatabaseValue(values[3]) ?? 0
            let effective = Wilson.effectiveSize(sum: won + lost, sumOfSquares: squares)
            guard let effective, won + lost > 0 else { return [.integer(n), .null, .number(won), .number(lost), .null, .null, .null, .null] }
            let rate = won / (won + lost)
            let interval = Wilson.interval(proportion: rate, size: effective)
            return [.integer(n), .number(effective), .number(won), .number(lost), .number(rate),
                    baseline.map { .number(rate - $0) } ?? .null,
                    interval.map { .number($0.low) } ?? .null, interval.map { .number($0.high) } ?? .null]
        }
        let base = try groupRows(plan.baseline!, groups: 0)[0].values
        let won = Double.fromDatabaseValue(base[1]) ?? 0, lost = Double.fromDatabaseValue(base[2]) ?? 0
        let baseRate: Double? = won + lost > 0 ? won / (won + lost) : nil
        table.rows.append(Array(repeating: .text("(all)"), count: max(1, groups.count)) + cells(base, baseline: baseRate))
        guard !groups.isEmpty else { return table }
        let rows = try groupRows(plan.main, groups: groups.count)
        let sizes = try firstGroupSizes(plan, wonLost: true)
        for row in try ordered(rows, groups: groups, sizeOfFirst: sizes, size: { Int.fromDatabaseValue($0.values[0]) ?? 0 }) {
            var line: [Cell] = []
            for (i, facet) in groups.enumerated() { line.append(try display(row.keys[i], facet)) }
            table.rows.append(line + cells(row.values, baseline: baseRate))
        }
        markGroups(&table, baseline: baseRate)
        return table
    }

    mutating func drivers(_ plan: Plan, _ names: [String]) throws -> DealqRender.Table {
        let groups = plan.query.groupBy
        let measure = plan.query.weighByACV ? DealqRender.Column("acv", .money) : DealqRender.Column("weight", .number)
        var table = DealqRender.Table(columns: groups.map { DealqRender.Column($0.name, .text) }
                          + [DealqRender.Column("category", .text), measure, DealqRender.Column("share", .rate), DealqRender.Column("deals", .integer)])
        let rows = try groupRows(plan.main, groups: groups.count + 1)
        // Group sizes (deals per group) order the groups.
        var pairSizes: [[String?]: Int] = [:]
        for row in try groupRows(plan.baseline!, groups: groups.count) { pairSizes[row.keys] = Int.fromDatabaseValue(row.values[0])! }
        let sizes = try firstGroupSizes(plan, wonLost: false)
        var totals: [[String?]: Double] = [:]
        for row in rows { totals[Array(row.keys.prefix(groups.count)), default: 0] += Double.fromDatabaseValue(row.values[0])! }
        // One representative row per group for ordering, then categories heaviest first within it.
        var seen = Set<[String?]>()
        let groupHeads = rows.map { GroupRow(keys: Array($0.keys.prefix(groups.count)), values: []) }.filter { seen.insert($0.keys).inserted }
        let orderedGroups = try ordered(groupHeads, groups: groups, sizeOfFirst: sizes, size: { pairSizes[$0.keys] ?? 0 })
        for head in orderedGroups {
            let members = rows.filter { Array($0.keys.prefix(groups.count)) == head.keys }.sorted { a, b in
                let wa = Double.fromDatabaseValue(a.values[0])!, wb = Double.fromDatabaseValue(b.values[0])!
                if wa != wb { return wa > wb }
                return (a.keys.last!! ).unicodeScalars.lexicographicallyPrecedes(b.keys.last!!.unicodeScalars)
            }
            for row in members {
                var cells: [Cell] = []
                for (i, facet) in groups.enumerated() { cells.append(try display(row.keys[i], facet)) }
                let weight = Double.fromDatabaseValue(row.values[0])!
                let total = totals[head.keys] ?? 0
                cells += [.text(row.keys.last!!), .number(weight), total > 0 ? .number(weight / total) : .null,
                          .integer(Int.fromDatabaseValue(row.values[1])!)]
                table.rows.append(cells)
            }
        }
        return table
    }
}

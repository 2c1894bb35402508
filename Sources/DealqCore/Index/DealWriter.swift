import GRDB

/// Writes and deletes deals inside an open write transaction, with prepared
/// statements, and keeps the per-spelling counts of `facet_spellings` and
/// `custom_kinds` as deltas to apply at the end.
///
/// In a bulk load (a fresh index, `bulk: true`) the facet rows of a few
/// thousand deals wait in memory and go in grouped by facet value, so that
/// consecutive inserts land on the same page of `deal_facets` instead of one
/// page per row; `finishBulkLoad()` writes what waits and creates the
/// secondary indexes, sorted once, instead of keeping them up row by row.
final class DealWriter {
    private let db: Database
    private let insertDeal: FastStatement
    private let insertFacet: FastStatement
    /// `insertFacet` for `facetChunk` rows at once: one statement keeps its cursor
    /// on `deal_facets` from row to row, where single inserts each seek from the root.
    private let insertFacets: FastStatement
    private static let facetChunk = 128
    private let insertNumber: FastStatement
    private let insertDriver: FastStatement
    private let insertQuote: FastStatement
    private let insertQuoteText: FastStatement
    private let insertQuoteTopic: FastStatement
    private let insertInsight: FastStatement
    private let insertCustom: FastStatement
    private let insertBody: FastStatement
    private let deleteStatements: [Statement]
    private let terms: TermIndexWriter
    private var nextDealRowID: Int64
    private var nextQuoteRowID: Int64
    private var bulk: Bool
    /// A bulk load's facet rows not yet inserted, and of how many deals.
    private var pendingFacets: [PendingFacet] = []
    private var pendingDeals = 0
    /// How many deals' facet rows wait before they are inserted together.
    private let facetBatch: Int
    /// Facet name → its number in `deal_facets.facet` (`FacetNames`).
    private var facetIDs: [String: Int64] = [:]
    /// Per spelling slot (`SpellingDeltas`), the number of its facet.
    private var slotFacetIDs: [Int64] = []
    /// CRM reason → the driver category it names (`CRMReason.category(of:)`): a CRM offers few reasons.
    private var crmCategories: [String: String?] = [:]

    /// (facet, key, value) → change in the number of deals.
    private(set) var spellingDeltas = SpellingDeltas()
    /// facet → change in the deals that have a value for it (and of those, won and lost).
    private(set) var presenceDeltas: [String: OutcomeCounts] = [:]
    /// (custom field, kind) → change in the number of deals.
    private(set) var kindDeltas: [String: Int] = [:]

    /// `facetBatch`: in a bulk load, the deals whose facet rows are inserted together
    /// (16k deals hold about 550k rows, some 15 MB of memory while they wait).
    init(_ db: Database, bulk: Bool = false, facetBatch: Int = 16_384) throws {
        self.db = db
        self.bulk = bulk
        self.facetBatch = max(1, facetBatch)
        insertDeal = try FastStatement(db, """
            INSERT INTO deals (rowid, id, path, id_line, id_col, account, outcome, closed, acv, segment, region, product, rep, stage,
              competitor_primary, competitor_incumbent, competitor_selected, crm_loss_reason, crm_win_reason, crm_competitor,
              confidence, top_driver, mismatch, quotes)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        insertFacet = try FastStatement(db, "INSERT INTO deal_facets (facet, key, deal, outcome, closed, value, first) VALUES (?,?,?,?,?,?,?)")
        insertFacets = try FastStatement(db, "INSERT INTO deal_facets (facet, key, deal, outcome, closed, value, first) VALUES "
                                         + Array(repeating: "(?,?,?,?,?,?,?)", count: Self.facetChunk).joined(separator: ","))
        insertNumber = try FastStatement(db, "INSERT OR IGNORE INTO deal_numbers (facet, num, deal) VALUES (?,?,?)")
        insertDriver = try FastStatement(db, "INSERT INTO drivers (deal, ord, category, driver, weight, explanation) VALUES (?,?,?,?,?,?)")
        insertQuote = try FastStatement(db, "INSERT INTO quotes (rowid, deal, ord, text, speaker, source, date, section, line) VALUES (?,?,?,?,?,?,?,?,?)")
        insertQuoteText = try FastStatement(db, "INSERT INTO quote_fts (rowid, text) VALUES (?,?)")
        insertQuoteTopic = try FastStatement(db, "INSERT OR IGNORE INTO quote_topics (topic, quote) VALUES (?,?)")
        insertInsight = try FastStatement(db, "INSERT INTO insights (deal, ord, area, label, note) VALUES (?,?,?,?,?)")
        insertCustom = try FastStatement(db, "INSERT OR REPLACE INTO custom_fields (deal, name, kind, value) VALUES (?,?,?,?)")
        insertBody = try FastStatement(db, "INSERT INTO deal_fts (rowid, body) VALUES (?,?)")
        deleteStatements = try [
            // quote_fts reads its text from quotes (external content): it is told what to forget first.
            "INSERT INTO quote_fts (quote_fts, rowid, text) SELECT 'delete', rowid, text FROM quotes WHERE deal = ?",
            "DELETE FROM quote_topics WHERE quote IN (SELECT rowid FROM quotes WHERE deal = ?)",
            "DELETE FROM quotes WHERE deal = ?",
            "DELETE FROM deal_facets WHERE deal = ?",
            "DELETE FROM deal_numbers WHERE deal = ?",
            "DELETE FROM drivers WHERE deal = ?",
            "DELETE FROM insights WHERE deal = ?",
            "DELETE FROM custom_fields WHERE deal = ?",
            "DELETE FROM deal_fts WHERE rowid = ?",
            "DELETE FROM deals WHERE rowid = ?",
        ].map { try db.makeStatement(sql: $0) }
        terms = try TermIndexWriter(db)
        nextDealRowID = (try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM deals") ?? 0) + 1
        nextQuoteRowID = (try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM quotes") ?? 0) + 1
        for row in try Row.fetchAll(db, sql: "SELECT name, id FROM facet_names") { facetIDs[row[0]] = row[1] }
    }

    /// The number of a facet name; a custom field seen for the first time gets the next free one.
    private func facetID(_ name: String) throws -> Int64 {
        if let id = facetIDs[name] { return id }
        let id = (facetIDs.values.max() ?? 0) + 1
        try db.execute(sql: "INSERT INTO facet_names (id, name) VALUES (?, ?)", arguments: [id, name])
        facetIDs[name] = id
        return id
    }

    /// - Parameter dealTerms: the deal's terms when the parsing thread counted them (else counted here).
    func insert(_ deal: Deal, path: String, terms dealTerms: DealTerms? = nil) throws {
        let mismatch = deal.mismatch { reason in
            if let known = crmCategories[reason] { return known }
            let category = CRMReason.category(of: reason)
            crmCategories[reason] = category
            return category
        }
        let rowid = nextDealRowID
        nextDealRowID += 1
        try insertDeal.run(
            .int(rowid), .text(deal.id), .text(path), .int(deal.idLine), .int(deal.idColumn), .text(deal.account),
            .text(deal.outcome.rawValue), .text(deal.closed), .double(deal.acv),
            .text(deal.segment), .text(deal.region), .text(deal.product), .text(deal.rep), .text(deal.stage),
            .text(deal.competitors.primary), .text(deal.competitors.incumbent), .text(deal.competitors.selected),
            .text(deal.crm.lossReason), .text(deal.crm.winReason), .text(deal.crm.competitor),
            .double(deal.confidence), .text(deal.topDriver), mismatch.map { .int($0 ? 1 : 0) } ?? .null,
            .int(deal.quotes.count))

        let outcome = Int64(Schema.outcomeCode(deal.outcome))
        let closed = Schema.dayNumber(deal.closed) ?? 0
        let counts = OutcomeCounts(deal: deal.outcome)
        let rows = FacetRows.of(deal, mismatch: mismatch)
        let firsts = Self.firstOfFacet(rows)
        for (i, row) in rows.enumerated() {
            let first = firsts[i]
            let slot = spellingDeltas.add(row, counts)
            let facet = try facetID(slot: slot)
            if first { presenceDeltas[row.facet, default: OutcomeCounts()] += counts }
            let pending = PendingFacet(slot: Int32(slot), facet: Int32(facet), deal: rowid, closed: closed, outcome: outcome, first: first)
            if bulk {
                pendingFacets.append(pending)
            } else {
                try insertFacet.run { statement in bindFacet(statement, pending, at: 0) }
            }
        }
        if bulk {
            pendingDeals += 1
            if pendingDeals >= facetBatch { try insertPendingFacets() }
        }
        for (ord, driver) in deal.drivers.enumerated() {
            try insertDriver.run(.int(rowid), .int(ord), .text(driver.category), .text(driver.driver), .double(driver.weight),
                                 .text(driver.explanation))
        }
        for (ord, quote) in deal.quotes.enumerated() {
            let quoteID = nextQuoteRowID
            nextQuoteRowID += 1
            try insertQuote.run(.int(quoteID), .int(rowid), .int(ord), .text(quote.text), .text(quote.speaker), .text(quote.source),
                                .text(quote.date), .text(quote.section), .int(quote.line))
            try insertQuoteText.run(.int(quoteID), .text(quote.text))
            for topic in quote.topics { try insertQuoteTopic.run(.text(topic), .int(quoteID)) }
        }
        for (ord, insight) in deal.insights.enumerated() {
            try insertInsight.run(.int(rowid), .int(ord), .text(insight.area), .text(insight.label.rawValue), .text(insight.note))
        }
        for field in deal.custom {
            let name = field.name.lowercased()
            try insertCustom.run(.int(rowid), .text(name), .text(field.value.kindName), .text(field.value.text))
            kindDeltas[name + "\u{0}" + field.value.kindName, default: 0] += 1
            if case .number(let n, _) = field.value { try insertNumber.run(.text(name), .double(n), .int(rowid)) }
        }
        try insertBody.run(.int(rowid), .text(deal.body))
        try terms.insert(deal: rowid, terms: try dealTerms ?? DealTerms(deal))
    }

    /// For each row, whether it is its deal's first row of its facet. A facet's
    /// rows follow one another (`FacetRows`), but custom fields whose names differ
    /// only in case make more than one run of a facet: earlier rows are looked
    /// through (with a set when there are many).
    private static func firstOfFacet(_ rows: [FacetRows.Row]) -> [Bool] {
        if rows.count > 64 {
            var seen = Set<String>()
            return rows.map { seen.insert($0.facet).inserted }
        }
        return rows.indices.map { i in
            let facet = rows[i].facet
            if i > 0 && rows[i - 1].facet == facet { return false }
            return !rows[..<i].contains { $0.facet == facet }
        }
    }

    /// The number of the facet of a spelling slot.
    private func facetID(slot: Int) throws -> Int64 {
        while slotFacetIDs.count <= slot { slotFacetIDs.append(try facetID(spellingDeltas.row(slotFacetIDs.count).facet)) }
        return slotFacetIDs[slot]
    }

    /// Inserts the waiting facet rows in the order of `deal_facets`' key (facet,
    /// key, deal), `facetChunk` rows to a statement.
    private func insertPendingFacets() throws {
        // Rows wait in deal order, so placing them by their spelling's rank, stably
        // (a counting sort), orders them by (facet, key, deal) without comparing.
        let rank = try spellingRanks()
        var starts = [Int](repeating: 0, count: (rank.max().map { Int($0) } ?? 0) + 2)
        for pending in pendingFacets { starts[Int(rank[Int(pending.slot)]) + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var sorted = pendingFacets
        for pending in pendingFacets {
            let r = Int(rank[Int(pending.slot)])
            sorted[starts[r]] = pending
            starts[r] += 1
        }
        pendingFacets = sorted
        var start = 0
        while pendingFacets.count - start >= Self.facetChunk {
            try insertFacets.run { statement in
                for i in 0..<Self.facetChunk { bindFacet(statement, pendingFacets[start + i], at: Int32(i * 7)) }
            }
            start += Self.facetChunk
        }
        for pending in pendingFacets[start...] {
            try insertFacet.run { statement in bindFacet(statement, pending, at: 0) }
        }
        pendingFacets.removeAll(keepingCapacity: true)
        pendingDeals = 0
    }

    /// Binds a facet row's seven columns of `deal_facets` from parameter `base + 1` on.
    private func bindFacet(_ statement: FastStatement, _ pending: PendingFacet, at base: Int32) {
        let slot = Int(pending.slot)
        statement.bind(base + 1, .int(Int64(pending.facet)))
        statement.bind(base + 2, .text(spellingDeltas.row(slot).key))
        statement.bind(base + 3, .int(pending.deal))
        statement.bind(base + 4, .int(pending.outcome))
        statement.bind(base + 5, .int(pending.closed))
        statement.bind(base + 6, .text(spellingDeltas.storedValue(slot)))
        statement.bind(base + 7, .int(pending.first ? 1 : 0))
    }

    /// Per spelling slot, its place in the order of (facet number, key bytes):
    /// slots of the same facet and key share a place.
    private func spellingRanks() throws -> [Int32] {
        let count = spellingDeltas.count
        var facet = [Int64](repeating: 0, count: count)
        for slot in 0..<count { facet[slot] = try facetID(slot: slot) }
        var order = Array(0..<count)
        order.sort { a, b in
            if facet[a] != facet[b] { return facet[a] < facet[b] }
            return spellingDeltas.row(a).key.utf8.lexicographicallyPrecedes(spellingDeltas.row(b).key.utf8)
        }
        var rank = [Int32](repeating: 0, count: count)
        var current: Int32 = 0
        for (i, slot) in order.enumerated() {
            if i > 0 {
                let previous = order[i - 1]
                if facet[previous] != facet[slot] || !spellingDeltas.row(previous).key.utf8.elementsEqual(spellingDeltas.row(slot).key.utf8) {
                    current += 1
                }
            }
            rank[slot] = current
        }
        return rank
    }

    /// Ends a bulk load: inserts the facet rows still waiting and creates the
    /// secondary indexes (`Schema.indexes`). Later writes go straight in.
    func finishBulkLoad() throws {
        guard bulk else { return }
        try insertPendingFacets()
        pendingFacets = []
        // CREATE INDEX sorts in memory up to the page cache's size, on top of the
        // cache: a smaller cache while it runs keeps the peak of a large build down.
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -65536")
        try db.execute(sql: Schema.indexes)
        try db.execute(sql: "PRAGMA cache_size = \(cache)")
        bulk = false
    }

    /// Removes the deal indexed from `path`, if any; returns its id.
    @discardableResult
    func delete(path: String) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT rowid, id FROM deals WHERE path = ?", arguments: [path]) else { return nil }
        let rowid: Int64 = row[0]
        for facetRow in try Row.fetchAll(db, sql: """
            SELECT n.name, f.key, coalesce(f.value, f.key), f.outcome, f.first
            FROM deal_facets f JOIN facet_names n ON n.id = f.facet WHERE f.deal = ?
            """, arguments: [rowid]) {
            let counts = OutcomeCounts(code: facetRow[3])
            spellingDeltas.subtract(FacetRows.Row(facet: facetRow[0], key: facetRow[1], value: facetRow[2]), counts)
            if (facetRow[4] as Int) == 1 { presenceDeltas[facetRow[0], default: OutcomeCounts()] -= counts }
        }
        for kindRow in try Row.fetchAll(db, sql: "SELECT name, kind FROM custom_fields WHERE deal = ?", arguments: [rowid]) {
            let name: String = kindRow[0], kind: String = kindRow[1]
            kindDeltas[name + "\u{0}" + kind, default: 0] -= 1
        }
        for statement in deleteStatements {
            statement.setUncheckedArguments([rowid])
            try statement.execute()
        }
        try terms.delete(deal: rowid)
        return row[1]
    }

    /// Applies the collected count changes to `facet_spellings`, `facet_presence` and `custom_kinds`.
    func applyCounts() throws {
        try terms.applyCounts()
        let spelling = try FastStatement(db, """
            INSERT INTO facet_spellings (facet, key, value, deals, won, lost) VALUES (?,?,?,?,?,?)
            ON CONFLICT (facet, key, value) DO UPDATE
            SET deals = deals + excluded.deals, won = won + excluded.won, lost = lost + excluded.lost
            """)
        for (row, delta) in spellingDeltas.all where !delta.isZero {
            try spelling.run(.text(row.facet), .text(row.key), .text(row.value), .int(delta.deals), .int(delta.won), .int(delta.lost))
        }
        let presence = try db.makeStatement(sql: """
            INSERT INTO facet_presence (facet, deals, won, lost) VALUES (?,?,?,?)
            ON CONFLICT (facet) DO UPDATE SET deals = deals + excluded.deals, won = won + excluded.won, lost = lost + excluded.lost
            """)
        for (facet, delta) in presenceDeltas where !delta.isZero {
            presence.setUncheckedArguments([facet, delta.deals, delta.won, delta.lost])
            try presence.execute()
        }
        let kind = try db.makeStatement(sql: """
            INSERT INTO custom_kinds (name, kind, deals) VALUES (?,?,?)
            ON CONFLICT (name, kind) DO UPDATE SET deals = deals + excluded.deals
            """)
        for (key, delta) in kindDeltas where delta != 0 {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            kind.setUncheckedArguments([parts[0], parts[1], delta])
            try kind.execute()
        }
        try db.execute(sql: """
            DELETE FROM facet_spellings WHERE deals <= 0; DELETE FROM facet_presence WHERE deals <= 0;
            DELETE FROM custom_kinds WHERE deals <= 0
            """)
        spellingDeltas = SpellingDeltas()
        presenceDeltas = [:]
        kindDeltas = [:]
    }
}

/// Deals, and of them won and lost: the counts kept per facet value and per facet.
struct OutcomeCounts: Equatable {
    var deals = 0
    var won = 0
    var lost = 0

    init() {}

    init(deal outcome: Outcome) {
        deals = 1
        won = outcome == .won ? 1 : 0
        lost = outcome == .lost ? 1 : 0
    }

    /// From the `outcome` code of `deal_facets` (0 won, 1 lost, 2 churned).
    init(code: Int) {
        deals = 1
        won = code == 0 ? 1 : 0
        lost = code == 1 ? 1 : 0
    }

    var isZero: Bool { deals == 0 && won == 0 && lost == 0 }

    static func += (a: inout OutcomeCounts, b: OutcomeCounts) {
        a.deals += b.deals
        a.won += b.won
        a.lost += b.lost
    }

    static func -= (a: inout OutcomeCounts, b: OutcomeCounts) {
        a.deals -= b.deals
        a.won -= b.won
        a.lost -= b.lost
    }
}

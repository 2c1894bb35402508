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
        let rowid = nextDealRowID
        nextDealRowID += 1
        try insertDeal.run(
            .int(rowid), .text(deal.id), .text(path), .int(deal.idLine), .int(deal.idColumn), .text(deal.account),
            .text(deal.outcome.rawValue), .text(deal.closed), .double(deal.acv),
            .text(deal.segment), .text(deal.region), .text(deal.product), .text(deal.rep), .text(deal.stage),
            .text(deal.competitors.primary), .text(deal.competitors.incumbent), .text(deal.competitors.selected),
            .text(deal.crm.lossReason), .text(deal.crm.winReason), .text(deal.crm.competitor),
            .double(deal.confidence), .text(deal.topDriver), deal.mismatch.map { .int($0 ? 1 : 0) } ?? .null,
            .int(deal.quotes.count))

        let outcome = Int64(Schema.outcomeCode(deal.outcome))
        let closed = Schema.dayNumber(deal.closed) ?? 0
        var facetsSeen = Set<String>()
        let counts = OutcomeCounts(deal: deal.outcome)
        for row in FacetRows.of(deal) {
            let first = facetsSeen.insert(row.facet).inserted
            let slot = spellingDeltas.add(row, counts)
            let facet = try facetID(row.facet)
            if first { presenceDeltas[row.facet, default: OutcomeCounts()] += counts }
            if bulk {
                pendingFacets.append(PendingFacet(slot: Int32(slot), facet: Int32(facet), deal: rowid, closed: closed, outcome: outcome,
                                                  first: first))
            } else {
                try insertFacet.run(.int(facet), .text(row.key), .int(rowid), .int(outcome), .int(closed), .text(spellingDeltas.storedValue(slot)),
                                    .int(first ? 1 : 0))
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

    /// Inserts the waiting facet rows grouped by spelling (then by deal): rows of
    /// the same facet value go to the same place in `deal_facets`.
    private func insertPendingFacets() throws {
        pendingFacets.sort { $0.slot != $1.slot ? $0.slot < $1.slot : $0.deal < $1.deal }
        for pending in pendingFacets {
            let slot = Int(pending.slot)
            try insertFacet.run(.int(Int64(pending.facet)), .text(spellingDeltas.row(slot).key), .int(pending.deal), .int(pending.outcome),
                                .int(pending.closed), .text(spellingDeltas.storedValue(slot)), .int(pending.first ? 1 : 0))
        }
        pendingFacets.removeAll(keepingCapacity: true)
        pendingDeals = 0
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
        let spelling = try db.makeStatement(sql: """
            INSERT INTO facet_spellings (facet, key, value, deals, won, lost) VALUES (?,?,?,?,?,?)
            ON CONFLICT (facet, key, value) DO UPDATE
            SET deals = deals + excluded.deals, won = won + excluded.won, lost = lost + excluded.lost
            """)
        for (row, delta) in spellingDeltas.all where !delta.isZero {
            spelling.setUncheckedArguments([row.facet, row.key, row.value, delta.deals, delta.won, delta.lost])
            try spelling.execute()
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

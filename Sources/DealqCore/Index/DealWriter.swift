import GRDB

/// Writes and deletes deals inside an open write transaction, with prepared
/// statements, and keeps the per-spelling counts of `facet_spellings` and
/// `custom_kinds` as deltas to apply at the end.
final class DealWriter {
    private let db: Database
    private let insertDeal: Statement
    private let insertFacet: Statement
    private let insertNumber: Statement
    private let insertDriver: Statement
    private let insertQuote: Statement
    private let insertQuoteText: Statement
    private let insertQuoteTopic: Statement
    private let insertInsight: Statement
    private let insertCustom: Statement
    private let insertBody: Statement
    private let deleteStatements: [Statement]
    private var nextDealRowID: Int64
    private var nextQuoteRowID: Int64

    /// (facet, key, value) → change in the number of deals.
    private(set) var spellingDeltas: [FacetRows.Row: Int] = [:]
    /// (custom field, kind) → change in the number of deals.
    private(set) var kindDeltas: [String: Int] = [:]

    init(_ db: Database) throws {
        self.db = db
        insertDeal = try db.makeStatement(sql: """
            INSERT INTO deals (rowid, id, path, id_line, id_col, account, outcome, closed, acv, segment, region, product, rep, stage,
              competitor_primary, competitor_incumbent, competitor_selected, crm_loss_reason, crm_win_reason, crm_competitor,
              confidence, top_driver, quotes)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        insertFacet = try db.makeStatement(sql: "INSERT INTO deal_facets (facet, key, deal, outcome, value) VALUES (?,?,?,?,?)")
        insertNumber = try db.makeStatement(sql: "INSERT OR IGNORE INTO deal_numbers (facet, num, deal) VALUES (?,?,?)")
        insertDriver = try db.makeStatement(sql: "INSERT INTO drivers (deal, ord, category, driver, weight, explanation) VALUES (?,?,?,?,?,?)")
        insertQuote = try db.makeStatement(sql: "INSERT INTO quotes (rowid, deal, ord, text, speaker, source, date, section, line) VALUES (?,?,?,?,?,?,?,?,?)")
        insertQuoteText = try db.makeStatement(sql: "INSERT INTO quote_fts (rowid, text) VALUES (?,?)")
        insertQuoteTopic = try db.makeStatement(sql: "INSERT OR IGNORE INTO quote_topics (topic, quote) VALUES (?,?)")
        insertInsight = try db.makeStatement(sql: "INSERT INTO insights (deal, ord, area, label, note) VALUES (?,?,?,?,?)")
        insertCustom = try db.makeStatement(sql: "INSERT OR REPLACE INTO custom_fields (deal, name, kind, value) VALUES (?,?,?,?)")
        insertBody = try db.makeStatement(sql: "INSERT INTO deal_fts (rowid, body) VALUES (?,?)")
        deleteStatements = try [
            "DELETE FROM quote_fts WHERE rowid IN (SELECT rowid FROM quotes WHERE deal = ?)",
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
        nextDealRowID = (try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM deals") ?? 0) + 1
        nextQuoteRowID = (try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM quotes") ?? 0) + 1
    }

    func insert(_ deal: Deal, path: String) throws {
        let rowid = nextDealRowID
        nextDealRowID += 1
        insertDeal.setUncheckedArguments([
            rowid, deal.id, path, deal.idLine, deal.idColumn, deal.account, deal.outcome.rawValue, deal.closed, deal.acv,
            deal.segment, deal.region, deal.product, deal.rep, deal.stage,
            deal.competitors.primary, deal.competitors.incumbent, deal.competitors.selected,
            deal.crm.lossReason, deal.crm.winReason, deal.crm.competitor,
            deal.confidence, deal.topDriver, deal.quotes.count,
        ])
        try insertDeal.execute()

        let outcome = Schema.outcomeCode(deal.outcome)
        for row in FacetRows.of(deal) {
            insertFacet.setUncheckedArguments([row.facet, row.key, rowid, outcome, row.value])
            try insertFacet.execute()
            spellingDeltas[row, default: 0] += 1
        }
        for (ord, driver) in deal.drivers.enumerated() {
            insertDriver.setUncheckedArguments([rowid, ord, driver.category, driver.driver, driver.weight, driver.explanation])
            try insertDriver.execute()
        }
        for (ord, quote) in deal.quotes.enumerated() {
            let quoteID = nextQuoteRowID
            nextQuoteRowID += 1
            insertQuote.setUncheckedArguments([quoteID, rowid, ord, quote.text, quote.speaker, quote.source, quote.date, quote.section, quote.line])
            try insertQuote.execute()
            insertQuoteText.setUncheckedArguments([quoteID, quote.text])
            try insertQuoteText.execute()
            for topic in quote.topics {
                insertQuoteTopic.setUncheckedArguments([topic, quoteID])
                try insertQuoteTopic.execute()
            }
        }
        for (ord, insight) in deal.insights.enumerated() {
            insertInsight.setUncheckedArguments([rowid, ord, insight.area, insight.label.rawValue, insight.note])
            try insertInsight.execute()
        }
        for field in deal.custom {
            let name = field.name.lowercased()
            insertCustom.setUncheckedArguments([rowid, name, field.value.kindName, field.value.text])
            try insertCustom.execute()
            kindDeltas[name + "\u{0}" + field.value.kindName, default: 0] += 1
            if case .number(let n, _) = field.value {
                insertNumber.setUncheckedArguments([name, n, rowid])
                try insertNumber.execute()
            }
        }
        insertBody.setUncheckedArguments([rowid, deal.body])
        try insertBody.execute()
    }

    /// Removes the deal indexed from `path`, if any; returns its id.
    @discardableResult
    func delete(path: String) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT rowid, id FROM deals WHERE path = ?", arguments: [path]) else { return nil }
        let rowid: Int64 = row[0]
        for facetRow in try Row.fetchAll(db, sql: "SELECT facet, key, value FROM deal_facets WHERE deal = ?", arguments: [rowid]) {
            spellingDeltas[FacetRows.Row(facet: facetRow[0], key: facetRow[1], value: facetRow[2]), default: 0] -= 1
        }
        for kindRow in try Row.fetchAll(db, sql: "SELECT name, kind FROM custom_fields WHERE deal = ?", arguments: [rowid]) {
            let name: String = kindRow[0], kind: String = kindRow[1]
            kindDeltas[name + "\u{0}" + kind, default: 0] -= 1
        }
        for statement in deleteStatements {
            statement.setUncheckedArguments([rowid])
            try statement.execute()
        }
        return row[1]
    }

    /// Applies the collected count changes to `facet_spellings` and `custom_kinds`.
    func applyCounts() throws {
        let spelling = try db.makeStatement(sql: """
            INSERT INTO facet_spellings (facet, key, value, deals) VALUES (?,?,?,?)
            ON CONFLICT (facet, key, value) DO UPDATE SET deals = deals + excluded.deals
            """)
        for (row, delta) in spellingDeltas where delta != 0 {
            spelling.setUncheckedArguments([row.facet, row.key, row.value, delta])
            try spelling.execute()
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
        try db.execute(sql: "DELETE FROM facet_spellings WHERE deals <= 0; DELETE FROM custom_kinds WHERE deals <= 0")
        spellingDeltas = [:]
        kindDeltas = [:]
    }
}

import Foundation
import GRDB
import Testing
@testable import DealqCore

/// A fresh index is written in bulk: facet rows wait and go in grouped by
/// value, secondary indexes are made at the end. It must hold exactly what
/// writing row by row holds, and the full-text tables must agree with the
/// text they index.
@Suite struct BulkLoadTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus").path

    /// Writes every deal of the bundled corpus into a new database at `path`; returns how many.
    @discardableResult
    func write(_ path: String, bulk: Bool, facetBatch: Int = 16_384) throws -> Int {
        let config = try Indexer(corpus: Self.corpus, database: path).loadConfig()
        let files = try CorpusWalker.files(root: Self.corpus)
        let queue = try DatabaseQueue(path: path)
        var deals = 0
        try queue.write { db in
            try db.execute(sql: bulk ? Schema.tables : Schema.create)
            let writer = try DealWriter(db, bulk: bulk, facetBatch: facetBatch)
            for file in files {
                guard let bytes = CorpusWalker.contents(of: Self.corpus + "/" + file.path),
                      case .deal(let deal, _) = DealParser.parse(bytes, path: file.path, config: config) else { continue }
                try writer.insert(deal, path: file.path)
                deals += 1
            }
            try writer.finishBulkLoad()
            try writer.applyCounts()
        }
        try queue.close()
        return deals
    }

    func schemaObjects(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name")
        }
    }

    /// FTS5's own check of both full-text indexes, then `quoteIndexMismatches`, which must be none.
    func checkFullText(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.write { db in
            try db.execute(sql: "INSERT INTO deal_fts (deal_fts) VALUES ('integrity-check')")
            try db.execute(sql: "INSERT INTO quote_fts (quote_fts) VALUES ('integrity-check')")
        }
        #expect(try quoteIndexMismatches(path) == 0, "quote_fts indexes other words than quotes.text holds")
    }

    /// How many word positions `quote_fts` and the text of `quotes` disagree on:
    /// the index against a full-text table built here, in a temporary schema, from
    /// `quotes.text` (FTS5's integrity-check does not compare external content).
    func quoteIndexMismatches(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.inDatabase { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE temp.fresh_fts USING fts5 (text, tokenize = 'porter unicode61');
                INSERT INTO temp.fresh_fts (rowid, text) SELECT rowid, text FROM main.quotes;
                CREATE VIRTUAL TABLE temp.fresh_vocab USING fts5vocab (temp, fresh_fts, instance);
                """)
            let positions = "SELECT term, doc, col, offset FROM"
            return try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM (\(positions) main.quote_vocab EXCEPT \(positions) temp.fresh_vocab))
                     + (SELECT count(*) FROM (\(positions) temp.fresh_vocab EXCEPT \(positions) main.quote_vocab))
                """) ?? -1
        }
    }

    @Test(arguments: [1, 7, 16_384])
    func bulkEqualsRowByRow(facetBatch: Int) throws {
        let folder = TemporaryFolder()
        let rowByRow = folder.path + "/rows.sqlite", bulk = folder.path + "/bulk.sqlite"
        let deals = try write(rowByRow, bulk: false)
        #expect(deals >= 300)
        try write(bulk, bulk: true, facetBatch: facetBatch)
        #expect(try dumpIndex(bulk) == dumpIndex(rowByRow))
        #expect(try schemaObjects(bulk) == schemaObjects(rowByRow), "the bulk load creates every index")
        try checkFullText(bulk)
    }

    /// quote_fts takes its text from `quotes`: a refresh that changes and removes
    /// deals must take their quotes out of the full-text index too.
    @Test func quoteTextStaysInStepThroughRefreshes() throws {
        let corpus = try fixtureCopy("rules")
        let db = corpus.path + "/.dealq/index.sqlite"
        let indexer = Indexer(corpus: corpus.path, database: db)
        _ = try indexer.run()
        try checkFullText(db)
        corpus.write("new/quoted.md", dealText(id: "Q-1", body: "> Their rollout plan was vague\n> — CTO, call\n"))
        _ = try indexer.run()
        corpus.write("new/quoted.md", dealText(id: "Q-1", body: "> The price doubled at renewal\n> — CFO, call\n"))
        corpus.remove("good/won.md")
        let report = try indexer.run()
        #expect(report.changed == 1)
        #expect(report.removed == 1)
        try checkFullText(db)
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        let hits = try queue.read { db in
            try ["rollout", "renewal"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH ?", arguments: [$0]) ?? -1 }
        }
        #expect(hits == [0, 1])
        // The check can fail: a quote removed behind the full-text index's back is found.
        try queue.write { db in try db.execute(sql: "DELETE FROM quotes WHERE rowid = (SELECT max(rowid) FROM quotes)") }
        #expect(try quoteIndexMismatches(db) > 0)
    }
}

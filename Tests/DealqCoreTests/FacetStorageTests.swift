import DealqLanguage
import Foundation
import GRDB
import Testing
@testable import DealqCore

/// How `deal_facets` stores its rows: facet names as numbers (`facet_names`),
/// the spelling as written only where it is not the key.
@Suite struct FacetStorageTests {
    let today = CalendarDate("2025-06-30")!

    func corpus() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("a.md", dealText("segment: Enterprise\ndeal_type: Expansion\ncompetitors: {primary: Acme, others: [Zeta]}", id: "A-1"))
        folder.write("b.md", dealText("segment: enterprise\ndeal_type: new", id: "B-1", outcome: "lost"))
        folder.write("c.md", dealText("segment: SMB", id: "C-1", outcome: "lost"))
        return folder
    }

    func rows(_ db: String, _ sql: String) throws -> [String] {
        try DatabaseQueue(path: db, configuration: IndexStore.readOnlyConfiguration()).read { db in
            try String.fetchAll(db, sql: sql)
        }
    }

    /// The answer's rows as lower-case lines, sorted (groups of one deal each tie).
    func counts(_ engine: QueryEngine, _ query: String) throws -> [String] {
        VerbFixture.text(try engine.answer(query, today: today, defaultLimit: nil).table)
            .map { $0.joined(separator: " ").lowercased() }.sorted()
    }

    @Test func facetsAreNumbersAndValuesAreKeptOnlyWhenSpelledOtherwise() throws {
        let folder = corpus()
        let db = folder.path + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: folder.path, database: db).run()
        // Built-ins have the catalog's numbers; a custom field the next free one.
        let segment = try #require(FacetNames.builtIn["segment"])
        #expect(try rows(db, "SELECT name FROM facet_names WHERE id = \(segment)") == ["segment"])
        let custom = try rows(db, "SELECT id FROM facet_names WHERE name = 'deal_type'")
        #expect(custom.count == 1 && Int(custom[0]).map { $0 > FacetNames.builtIn.count } == true)
        #expect(try rows(db, "SELECT DISTINCT typeof(facet) FROM deal_facets") == ["integer"])
        // `value` only where it differs from the key; the view reads it back for every row.
        #expect(try rows(db, """
            SELECT d.id || ' ' || f.key || ' ' || coalesce(f.value, 'NULL') FROM deal_facets f JOIN deals d ON d.rowid = f.deal
            WHERE f.facet = \(segment) ORDER BY d.id
            """) == ["A-1 enterprise Enterprise", "B-1 enterprise NULL", "C-1 smb SMB"])
        #expect(try rows(db, """
            SELECT v.facet || '=' || v.value FROM deal_facet_values v JOIN deals d ON d.rowid = v.deal
            WHERE d.id = 'B-1' AND v.facet IN ('segment', 'deal_type', 'outcome') ORDER BY 1
            """) == ["deal_type=new", "outcome=lost", "segment=enterprise"])
    }

    /// Each deal has exactly one row marked `first` per facet, also when custom
    /// fields whose names differ only in case split a facet's rows in two runs;
    /// a fresh index (written in bulk) and a refresh agree.
    @Test func oneFirstRowPerDealAndFacet() throws {
        let folder = TemporaryFolder()
        let fields = "Region_Code: North\ntier: gold\nregion_code: South\ncompetitors: {primary: Acme, others: [Zeta, Acme]}"
        folder.write("a.md", dealText(fields, id: "A-1"))
        let db = folder.path + "/.dealq/index.sqlite"
        let firsts = """
            SELECT n.name || ' ' || count(*) || ' ' || sum(f.first) FROM deal_facets f JOIN facet_names n ON n.id = f.facet
            WHERE n.name IN ('region_code', 'tier', 'competitor', 'segment') GROUP BY f.deal, n.name ORDER BY n.name
            """
        let expected = ["competitor 2 1", "region_code 2 1", "tier 1 1"]
        try backdate(folder.path)
        _ = try Indexer(corpus: folder.path, database: db).run()
        #expect(try rows(db, firsts) == expected)
        #expect(try rows(db, "SELECT key || ' ' || first FROM deal_facet_values WHERE facet = 'region_code' ORDER BY key")
                == ["north 1", "south 0"])
        folder.write("b.md", dealText(fields, id: "B-1"))
        try backdate(folder.path)
        _ = try Indexer(corpus: folder.path, database: db).run()
        #expect(try rows(db, firsts) == expected.flatMap { [$0, $0] })
        #expect(try rows(db, "SELECT deals FROM facet_presence WHERE facet = 'region_code'") == ["2"])
    }

    @Test func customAndBuiltInFacetsAnswerFromTheirNumbers() throws {
        let folder = corpus()
        let db = folder.path + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: folder.path, database: db).run()
        let engine = try QueryEngine(database: db)
        #expect(try counts(engine, "count by deal_type") == ["(none) 1", "expansion 1", "new 1"])
        #expect(try counts(engine, "count deal_type:expansion") == ["1"])
        #expect(try counts(engine, "count by segment deal_type:new") == ["enterprise 1"])
        #expect(try counts(engine, "count by competitor -deal_type:new") == ["(none) 1", "acme 1", "zeta 1"])
        #expect(try counts(engine, "count deal_type:new OR competitor:zeta") == ["2"])
    }

    @Test func aRefreshKeepsSpellingsAndNumbersInStep() throws {
        let folder = corpus()
        let db = folder.path + "/.dealq/index.sqlite"
        try backdate(folder.path)
        _ = try Indexer(corpus: folder.path, database: db).run()
        // The deal that wrote the key as it is goes; another spells it in capitals; a new custom field comes.
        folder.remove("b.md")
        folder.write("c.md", dealText("segment: ENTERPRISE\nregion_code: EMEA-2", id: "C-1", outcome: "lost"))
        try backdate(folder.path)
        let report = try Indexer(corpus: folder.path, database: db).run()
        #expect(!report.rebuilt && report.removed == 1 && report.changed == 1)
        #expect(try rows(db, "SELECT facet || ' ' || key || ' ' || value || ' ' || deals FROM facet_spellings WHERE facet = 'segment' ORDER BY value")
                == ["segment enterprise ENTERPRISE 1", "segment enterprise Enterprise 1"])
        #expect(try rows(db, "SELECT count(*) FROM facet_names WHERE name = 'region_code'") == ["1"])
        let engine = try QueryEngine(database: db)
        #expect(try counts(engine, "count by region_code") == ["(none) 1", "emea-2 1"])
        // The same rows as a fresh build of the same files.
        let elsewhere = TemporaryFolder()
        let fresh = elsewhere.path + "/fresh.sqlite"
        _ = try Indexer(corpus: folder.path, database: fresh).run()
        #expect(try dumpIndex(db) == dumpIndex(fresh))
    }
}

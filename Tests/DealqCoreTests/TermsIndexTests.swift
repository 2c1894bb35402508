import Foundation
import GRDB
import Testing
@testable import DealqCore

/// The term counts `terms` reads are written when deals are indexed: an index
/// kept up to date file by file answers exactly as one built from scratch.
@Suite struct TermsIndexTests {
    /// Words even on both sides, enough of them for the prior to let the themes through.
    static let filler = Array(repeating: "kiwi mango lemon melon plum fig pear", count: 10).joined(separator: " ")

    static func terms(_ path: String, outcome: String, text: ComparedText) throws -> [TermRow] {
        try DatabaseQueue(path: path).read { db in
            try TermsAnalysis.rows(db, text: text, matching: SQLFragment("SELECT rowid AS deal FROM deals WHERE outcome = ?", [.text(outcome)]),
                                   topics: [])
        }
    }

    static func deal(_ id: String, _ outcome: String, _ quote: String) -> String {
        dealText(id: id, outcome: outcome, body: "Call notes: \(quote.lowercased())\n\n> \(quote) \(filler)\n")
    }

    @Test func anIndexUpdatedFileByFileCountsAsOneBuiltAfresh() throws {
        let folder = TemporaryFolder()
        for i in 0..<10 { folder.write("l\(i).md", Self.deal("L\(i)", "lost", "The go-live slipped twice, go-live slipping again.")) }
        for i in 0..<10 { folder.write("w\(i).md", Self.deal("W\(i)", "won", "Support team answered within the hour.")) }
        let kept = folder.path + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: folder.path, database: kept).run()
        #expect(try Self.terms(kept, outcome: "lost", text: .quotes).map(\.term).contains("live slipped"))

        // Quotes rewritten, a deal gone, a deal added, a won deal turned lost.
        for i in 0..<3 { folder.write("l\(i).md", Self.deal("L\(i)", "lost", "Procurement portal rejected our paperwork; procurement portals again.")) }
        folder.remove("w1.md")
        for i in 10..<12 { folder.write("l\(i).md", Self.deal("L\(i)", "lost", "Procurement portal, procurement portal, then the go-live slipped.")) }
        folder.write("w2.md", Self.deal("W2", "lost", "Support team answered within the hour."))
        _ = try Indexer(corpus: folder.path, database: kept).run()

        let fresh = folder.path + "/fresh.sqlite"
        _ = try Indexer(corpus: folder.path, database: fresh).run()
        for outcome in ["lost", "won"] {
            for text in [ComparedText.quotes, .bodies] {
                let updated = try Self.terms(kept, outcome: outcome, text: text)
                #expect(!updated.isEmpty, "\(outcome) \(text)")
                #expect(updated == (try Self.terms(fresh, outcome: outcome, text: text)), "\(outcome) \(text)")
            }
        }
        // "go live": twice in each of the 7 lost deals left as they were, once in each of the 2 new ones.
        let goLive = try Self.terms(kept, outcome: "lost", text: .quotes).first { $0.term == "go live" }
        #expect(goLive?.count == 16 && goLive?.deals == 9 && goLive?.other == 0)
        // The totals are those of the deals indexed now, in both files.
        for path in [kept, fresh] {
            let (stems, all) = try DatabaseQueue(path: path).read { db in
                (try Int.fetchOne(db, sql: "SELECT sum(quotes) FROM term_stems") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT occurrences FROM term_totals WHERE text = 'quotes'") ?? -2)
            }
            #expect(stems == all)
        }
    }
}

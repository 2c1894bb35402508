import Foundation
import GRDB
import Testing
@testable import DealqCore

/// `dealq_snippet` must answer exactly what FTS5's `snippet()` answers: the
/// same window and the same marks, byte for byte, on every row.
@Suite struct SnippetTests {
    static let words = ["pricing", "price", "priced", "security", "review", "the", "a", "onboarding", "Acme", "Globex",
                        "migration", "support", "team", "contract", "renewal", "discount", "SSO", "SOC", "2", "data",
                        "café", "Müller", "über", "naïve", "report", "reports", "reporting", "implementation", "slow"]
    static let separators = [" ", " ", " ", " ", ", ", ". ", ": ", "\n", "\n\n## ", "\n- ", " — ", "  ", "; ", ".\n", ":\n> "]

    static func document(_ random: inout SeededGenerator, tokens: Int) -> String {
        var text = random.below(3) == 0 ? "# " : ""
        for i in 0..<tokens {
            if i > 0 { text += random.pick(separators) }
            text += random.pick(words)
        }
        return text + random.pick(["", ".", "\n", " "])
    }

    static func query(_ random: inout SeededGenerator) -> String {
        (0..<(1 + random.below(3))).map { _ -> String in
            let phrase = (0..<(1 + random.below(2))).map { _ in random.pick(words) }.joined(separator: " ")
            return FullText.phrase(phrase, prefix: random.below(4) == 0) ?? "\"pricing\""
        }.joined(separator: " AND ")
    }

    /// Every row matching `match`: FTS5's snippet and ours.
    static func pairs(_ db: Database, match: String, tokens: Int = 14) throws -> [(String, String)] {
        SnippetFunction.register(db)
        return try Row.fetchAll(db, sql: """
            SELECT snippet(deal_fts, 0, char(2), char(3), '…', ?), dealq_snippet(deal_fts, 0, char(2), char(3), '…', ?)
            FROM deal_fts WHERE deal_fts MATCH ?
            """, arguments: [tokens, tokens, match]).map { ($0[0], $0[1]) }
    }

    @Test func sameAsFTS5OnRandomDocuments() throws {
        var random = SeededGenerator(seed: 20261201)
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE deal_fts USING fts5 (body, tokenize = 'porter unicode61')")
            for _ in 0..<250 {
                let size = random.pick([1, 3, 10, 14, 15, 20, 40, 200, 800])
                try db.execute(sql: "INSERT INTO deal_fts (body) VALUES (?)", arguments: [Self.document(&random, tokens: size)])
            }
        }
        var compared = 0
        try queue.read { db in
            for _ in 0..<100 {
                let match = Self.query(&random)
                let tokens = random.pick([14, 14, 14, 1, 3, 64])
                for (theirs, ours) in try Self.pairs(db, match: match, tokens: tokens) {
                    #expect(ours == theirs, "query \(match), \(tokens) tokens")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test func sameAsFTS5OnTheBundledCorpus() throws {
        let corpus = URL(fileURLWithPath: fixtures).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus").path
        let folder = TemporaryFolder()
        let path = folder.path + "/index.sqlite"
        _ = try Indexer(corpus: corpus, database: path).run()
        let queue = try DatabaseQueue(path: path)
        var compared = 0
        try queue.read { db in
            for term in ["pricing", "security review", "implement*", "a*", "the", "price* security", "onboard* \"support team\""] {
                let match = FullText.words(term).isEmpty ? term : term.split(separator: " ").compactMap {
                    FullText.phrase(String($0), prefix: $0.hasSuffix("*"))
                }.joined(separator: " AND ")
                for (theirs, ours) in try Self.pairs(db, match: match) {
                    #expect(ours == theirs, "query \(match)")
                    compared += 1
                }
            }
        }
        #expect(compared > 0)
    }
}

import Foundation
import GRDB
import Testing
@testable import DealqCore

/// `terms` on corpora small enough to count by hand: the counts, the log-odds
/// score and its z, stemming and spelling, stop words, thresholds and topics.
@Suite struct TermsAnalysisTests {
    /// Words the Porter stemmer leaves as they are, none a stop word.
    static let filler = "kiwi mango lemon melon plum fig pear"

    /// A corpus of `lost` and `won` deals, one quote each, indexed.
    static func index(lost: [String], won: [String]) throws -> (TemporaryFolder, DatabaseQueue) {
        let folder = TemporaryFolder()
        for (i, quote) in lost.enumerated() { folder.write("l\(i).md", dealText(id: "L\(i)", outcome: "lost", body: "> \(quote)\n")) }
        for (i, quote) in won.enumerated() { folder.write("w\(i).md", dealText(id: "W\(i)", outcome: "won", body: "> \(quote)\n")) }
        let db = folder.path + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: folder.path, database: db).run()
        return (folder, try DatabaseQueue(path: db))
    }

    static func terms(_ queue: DatabaseQueue, outcome: String = "lost", text: ComparedText = .quotes,
                      topics: [TopicPatterns] = []) throws -> [TermRow] {
        try queue.read { db in
            try TermsAnalysis.rows(db, text: text, matching: SQLFragment("SELECT rowid AS deal FROM deals WHERE outcome = ?", [.text(outcome)]),
                                   topics: topics)
        }
    }

    /// The score written out again from its definition, for the expected values.
    static func expected(ya: Double, yb: Double, na: Double, nb: Double) -> (delta: Double, z: Double) {
        let alpha = 1000 * (ya + yb) / (na + nb)
        let delta = log((ya + alpha) / (na + 1000 - ya - alpha)) - log((yb + alpha) / (nb + 1000 - yb - alpha))
        return (delta, delta / sqrt(1 / (ya + alpha) + 1 / (yb + alpha)))
    }

    @Test func countsAndScoreOfWordsAndPhrases() throws {
        let filler = Array(repeating: Self.filler, count: 10).joined(separator: " ")
        let (_, queue) = try Self.index(lost: Array(repeating: "Budget freeze. " + filler, count: 10),
                                        won: Array(repeating: "Support team. " + filler, count: 10))
        let rows = try Self.terms(queue)
        // Each quote: 2 + 70 words, all counted, and 71 pairs of neighbours (the
        // full stop does not part them): 143 occurrences a quote, 1430 a side.
        // budget, freeze, "budget freeze" and "freeze kiwi" occur once in each
        // lost quote and never in a won one; the filler is even on both sides.
        let (delta, z) = Self.expected(ya: 10, yb: 0, na: 1430, nb: 1430)
        #expect(z > 1.959964)
        #expect(rows.map(\.term) == ["budget", "budget freeze", "freeze", "freeze kiwi"])
        for row in rows {
            #expect(row.count == 10 && row.other == 0 && row.deals == 10)
            #expect(abs(row.logOdds - delta) < 1e-9 && abs(row.z - z) < 1e-9)
            #expect(row.topic == nil)
        }
        // The other side's words, from the other side.
        #expect(try Self.terms(queue, outcome: "won").map(\.term) == ["support", "support team", "team", "team kiwi"])
    }

    @Test func oneStemShownWithItsMostCommonSpelling() throws {
        let filler = Array(repeating: Self.filler, count: 10).joined(separator: " ")
        // implementation 6 times, implementing 4, implement 2: one stem, 12 times in 6 deals.
        let lost = Array(repeating: "Implementation implementing " + filler, count: 4)
            + Array(repeating: "implement IMPLEMENTATION " + filler, count: 2) + Array(repeating: filler, count: 4)
        let (_, queue) = try Self.index(lost: lost, won: Array(repeating: filler, count: 10))
        let row = try #require(try Self.terms(queue).first { $0.term.hasPrefix("implement") && !$0.term.contains(" ") })
        #expect(row.term == "implementation")
        #expect(row.count == 12 && row.deals == 6 && row.other == 0)
    }

    @Test func stopWordsNeverAppearAloneOrInPhrases() throws {
        let filler = Array(repeating: Self.filler, count: 10).joined(separator: " ")
        let (_, queue) = try Self.index(lost: Array(repeating: "The budget of the freeze was with us. " + filler, count: 10),
                                        won: Array(repeating: filler, count: 10))
        let rows = try Self.terms(queue)
        let stop = Set(StopWords.words)
        for row in rows {
            for word in row.term.split(separator: " ") { #expect(!stop.contains(String(word)), "\(row.term)") }
        }
        #expect(rows.map(\.term).contains("budget"))
        // Not neighbours once the stop words between them are left out.
        #expect(!rows.map(\.term).contains("budget freeze"))
    }

    @Test func aContentWordSharingNoStopWordsStemIsKept() throws {
        // "willing" and "using" are content words; their stems ("will", "us") are not stop stems.
        let filler = Array(repeating: Self.filler, count: 10).joined(separator: " ")
        let (_, queue) = try Self.index(lost: Array(repeating: "Willing, using it. " + filler, count: 10),
                                        won: Array(repeating: filler, count: 10))
        let terms = try Self.terms(queue).map(\.term)
        #expect(terms.contains("willing") && terms.contains("using"), "\(terms)")
        #expect(!terms.contains("it"))
    }

    @Test func belowTheThresholdsNothingIsShown() throws {
        let filler = Array(repeating: Self.filler, count: 10).joined(separator: " ")
        // "veto" three times but in one deal; "quorum" in two deals but twice.
        let lost = ["veto veto veto " + filler, "quorum " + filler, "quorum " + filler] + Array(repeating: filler, count: 7)
        let (_, queue) = try Self.index(lost: lost, won: Array(repeating: filler, count: 10))
        let terms = try Self.terms(queue).map(\.term)
        #expect(!terms.contains("veto") && !terms.contains("quorum"))
    }

    @Test func topicIsTheFirstInFileOrderWhosePatternMatchesTheShownTerm() throws {
        let filler = Array(repeating: Self.filler, count: 10).joined(separator: " ")
        let (_, queue) = try Self.index(lost: Array(repeating: "Budget freeze. " + filler, count: 10),
                                        won: Array(repeating: "Support team. " + filler, count: 10))
        let topics = [TopicPatterns(name: "spend", patterns: [try Pattern(#"\bbudget\b"#)]),
                      TopicPatterns(name: "finance", patterns: [try Pattern("budget"), try Pattern("freeze")])]
        let rows = try Self.terms(queue, topics: topics)
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.term, $0.topic ?? "-") })
                == ["budget": "spend", "budget freeze": "spend", "freeze": "finance", "freeze kiwi": "finance"])
    }
}

import Foundation
import Testing
@testable import DealqCore

/// `terms` through the built binary: its columns and thresholds on the bundled
/// corpus, the themes on each side, its errors, topics from `dealq.yml` in file
/// order, and the table people read.
@Suite(.serialized) struct TermsCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A copy of the bundled corpus, indexed by the first query.
    static let corpus: String = {
        let folder = NSTemporaryDirectory() + "dealq-terms-" + UUID().uuidString
        try! FileManager.default.copyItem(atPath: repository + "/corpus", toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/.dealq")
        return folder
    }()

    func dealq(_ args: [String], corpus: String = Self.corpus) throws -> CommandResult {
        try runDealq(["--corpus", corpus] + args, environment: ["DEALQ_TODAY": "2025-12-31"])
    }

    /// The CSV rows as `[column: text]`.
    func rows(_ query: String) throws -> [[String: String]] {
        let r = try dealq(["--format", "csv", query])
        #expect(r.status == 0 && r.stderr == "", "\(query): \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["term", "count", "other", "deals", "log_odds", "z", "topic"])
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func everyRowKeepsTheThresholdsAndTheOrder() throws {
        for query in ["terms outcome:lost", "terms outcome:won", "terms segment:enterprise in:bodies"] {
            let rows = try rows(query)
            #expect(rows.count > 5, "\(query)")
            var previous: (z: Double, term: String)?
            for row in rows {
                let z = Double(row["z"]!)!
                #expect(Int(row["count"]!)! >= 3 && Int(row["deals"]!)! >= 2 && z > 1.959964, "\(query): \(row)")
                if let previous {
                    #expect(previous.z > z || (previous.z == z && previous.term.unicodeScalars.lexicographicallyPrecedes(row["term"]!.unicodeScalars)),
                            "\(query): \(row["term"]!) after \(previous.term)")
                }
                previous = (z, row["term"]!)
            }
        }
    }

    @Test func lostAndWonBuyersHaveTheirOwnThemes() throws {
        let lost = Set(try rows("terms outcome:lost limit:all").map { $0["term"]! })
        let won = Set(try rows("terms outcome:won limit:all").map { $0["term"]! })
        #expect(lost.isDisjoint(with: won), "\(lost.intersection(won))")
        // Phrases the generator puts in lost and in won buyers' mouths.
        #expect(lost.isSuperset(of: ["fix first", "implementation", "three departments"]))
        #expect(won.isSuperset(of: ["analysts built", "integrations", "anyone"]))
        // A theme a topic covers, and one none does.
        let implementation = try #require(try rows("terms outcome:lost").first { $0["term"] == "implementation" })
        #expect(implementation["topic"] == "implementation")
        #expect(try rows("terms outcome:lost").first { $0["term"] == "fix first" }?["topic"] == "")
    }

    @Test func errorsSayWhereAndWhy() throws {
        let cases: [(String, String)] = [
            ("terms", """
                error: terms needs a filter: it compares what the buyers of the matching deals say with the others' words, as in 'terms outcome:lost'
                  terms
                  ^^^^^

                """),
            ("terms outcome:lost by topic", """
                error: 'by' does not work with terms: it compares the matching deals with all the others; filter instead, as in 'terms outcome:lost'
                  terms outcome:lost by topic
                                        ^^^^^

                """),
            ("count in:bodies", """
                error: 'in:' works with terms, not with count
                  count in:bodies
                        ^^^^^^^^^

                """),
            ("terms outcome:lost in:body", """
                error: in takes 'quotes' (the buyers' quotes) or 'bodies' (whole deal write-ups), not 'body'
                  terms outcome:lost in:body
                                        ^^^^

                """),
        ]
        for (query, message) in cases {
            let r = try dealq([query])
            #expect(r.status == 2, "\(query)")
            #expect(r.stdout == "", "\(query)")
            #expect(r.stderr == message, "\(query)")
        }
    }

    @Test func peopleSeeZAndNoTopicAndHowToAddOne() throws {
        let r = try dealq(["--format", "markdown", "terms outcome:lost limit:3"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "| term        | count | other | deals |    z | topic      |")
        #expect(!r.stdout.contains("log_odds"))
        #expect(lines.contains { $0.hasPrefix("| fix ") && $0.hasSuffix("| (no topic) |") })
        #expect(r.stdout.contains(
            "(no topic): no topic of dealq.yml covers the term yet. To follow one, add a line under 'topics:' in dealq.yml, as in:  fix: ['\\bfix\\b']"))
        // JSON keeps every column, and null where no topic covers a term.
        let json = try dealq(["--format", "json", "terms outcome:lost limit:1"])
        let object = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(Set(object.keys) == ["term", "count", "other", "deals", "log_odds", "z", "topic"])
        #expect(object["topic"] is NSNull)
    }

    @Test func productReportListsWhatLostBuyersSayUncoveredThemesFirst() throws {
        let r = try runDealq(["report", "product", "--corpus", Self.corpus], environment: ["DEALQ_TODAY": "2025-12-31"])
        #expect(r.status == 0)
        let section = try #require(r.stdout.components(separatedBy: "## What lost buyers say that won buyers don't\n").last?
            .components(separatedBy: "\n## ").first)
        #expect(section.contains("Query: `terms outcome:lost limit:15`"))
        let topics = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| term") && !$0.hasPrefix("| -") }
            .compactMap { $0.split(separator: "|").last.map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(topics.count == 15)
        let firstCovered = try #require(topics.firstIndex { $0 != "(no topic)" })
        #expect(firstCovered > 0 && topics[firstCovered...].allSatisfy { $0 != "(no topic)" }, "\(topics)")
    }

    @Test func topicIsTheFirstOfDealqYmlInFileOrder() throws {
        let folder = TemporaryFolder()
        let filler = Array(repeating: "kiwi mango lemon melon plum fig pear", count: 10).joined(separator: " ")
        for i in 0..<10 {
            folder.write("l\(i).md", dealText(id: "L\(i)", outcome: "lost", body: "> Budget freeze. \(filler)\n"))
            folder.write("w\(i).md", dealText(id: "W\(i)", outcome: "won", body: "> Support team. \(filler)\n"))
        }
        // Listed out of alphabetical order: the first in the file wins. The scores are those of
        // ya = 10, yb = 0, na = nb = 1430 (see TermsAnalysisTests), worked out apart in Python:
        // a = 1000·10/2860; d = ln((10+a)/(1430+1000−10−a)) − ln(a/(1430+1000−a)); z = d/sqrt(1/(10+a)+1/a).
        folder.write("dealq.yml", "topics:\n  spend: ['budget']\n  budgeting: ['budget', 'freeze']\n")
        let r = try dealq(["--format", "csv", "terms outcome:lost"], corpus: folder.path)
        #expect(r.stdout == """
            term,count,other,deals,log_odds,z,topic
            budget,10,0,10,1.354796855073852,2.257702328906731,spend
            budget freeze,10,0,10,1.354796855073852,2.257702328906731,spend
            freeze,10,0,10,1.354796855073852,2.257702328906731,budgeting
            freeze kiwi,10,0,10,1.354796855073852,2.257702328906731,budgeting

            """)
    }
}

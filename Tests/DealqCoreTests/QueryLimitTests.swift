import Foundation
import Testing

/// Queries at and past the documented size limits, through the built binary:
/// just inside a limit the query is answered; just past it, exit 2 with the
/// message and a caret under the first filter or value past the limit, never
/// an SQLite failure (exit 1).
@Suite(.serialized) struct QueryLimitTests {
    /// A copy of the bundled corpus of its own, indexed by the first query.
    static let corpus: String = {
        let folder = NSTemporaryDirectory() + "dealq-limits-" + UUID().uuidString
        try! FileManager.default.copyItem(atPath: QueryCommandTests.repository + "/corpus", toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/.dealq")
        return folder
    }()

    func dealq(_ args: [String]) throws -> CommandResult {
        try runDealq(["--corpus", Self.corpus, "--format", "csv"] + args, environment: ["DEALQ_TODAY": "2025-12-31"])
    }

    /// `count Q`: exit 0 and one count, or the failure.
    func expectAnswered(_ query: String) throws {
        let r = try dealq(["count " + query])
        #expect(r.status == 0, "\(r.stderr.prefix(300))")
        #expect(r.stdout.hasPrefix("deals\n"))
    }

    /// `count Q`: exit 2, the message, and the caret under the last `marked` of the query.
    func expectRejected(_ query: String, _ message: String, caretUnder marked: String) throws {
        let r = try dealq(["count " + query])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "error: " + message)
        let text = "count " + query
        let found = try #require(text.range(of: marked, options: .backwards))
        let column = text.distance(from: text.startIndex, to: found.lowerBound)
        #expect(lines.count > 2 && lines[1] == "  " + text)
        #expect(lines.count > 2 && lines[2] == String(repeating: " ", count: 2 + column) + String(repeating: "^", count: marked.count))
    }

    static func joined(_ parts: [String], by separator: String) -> String {
        parts.joined(separator: separator)
    }

    @Test func twoHundredAlternativesAnswerAndOneMoreIsRejected() throws {
        try expectAnswered((0..<200).map { "acv>\($0)" }.joined(separator: " or "))
        let text = Self.joined((0..<201).map { "acv>\($0)" }, by: " or ")
        try expectRejected(text, "too many alternatives joined by 'or' (at most 200)", caretUnder: "acv>200")
    }

    @Test func twoHundredFiltersSideBySideAnswerAndOneMoreIsRejected() throws {
        try expectAnswered((0..<200).map { "acv>\($0)" }.joined(separator: " "))
        let text = Self.joined((0..<201).map { "acv>\($0)" }, by: " and ")
        try expectRejected(text, "too many filters joined by 'and' (at most 200)", caretUnder: "acv>200")
    }

    @Test func fiveHundredFiltersAnswerAndOneMoreIsRejected() throws {
        func groups(_ n: Int) -> [String] {
            stride(from: 0, to: n, by: 100).map { s in "(" + (s..<min(n, s + 100)).map { "acv>\($0)" }.joined(separator: " or ") + ")" }
        }
        try expectAnswered(groups(500).joined(separator: " "))
        let text = Self.joined(groups(501), by: " ")
        try expectRejected(text, "too many filters in one query (at most 500)", caretUnder: "acv>500")
    }

    @Test func aThousandValuesAnswerAndOneMoreIsRejected() throws {
        try expectAnswered("segment:" + (0..<1000).map { "v\($0)" }.joined(separator: ","))
        let text = "segment:" + (0..<1001).map { "v\($0)" }.joined(separator: ",")
        try expectRejected(text, "too many values in one query (at most 1000)", caretUnder: "v1000")
    }

    /// `(acv>1 or -(acv>2 or -(…)))`: two levels a step, the deepest SQL nesting a query can ask for.
    static func nested(_ steps: Int) -> String {
        (0..<steps).reduce("acv>0") { inner, i in "(acv>\(i + 1) or -\(inner))" }
    }

    @Test func sixteenLevelsOfNestingAnswerAndSeventeenAreRejected() throws {
        for verb in ["count", "quotes", "winrate by topic", "drivers", "prioritize"] {
            let r = try dealq([verb + " " + Self.nested(8)])
            #expect(r.status == 0, "\(verb): \(r.stderr.prefix(300))")
        }
        // 9 steps are 18 levels: the caret is under the 17th, the innermost `or` (its parentheses aside).
        let text = Self.nested(9)
        try expectRejected(text, "filters nested too deeply (at most 16 levels)", caretUnder: "acv>1 or -acv>0")
    }

    /// Queries that reached SQLite's own limits (expression depth, parser stack) before they were checked.
    static func pastSQLitesLimits(_ name: String) -> String {
        switch name {
        case "997 or terms": return (0..<997).map { "acv>\($0)" }.joined(separator: " or ")
        case "999 comparisons": return (0..<999).map { "acv>\($0)" }.joined(separator: " ")
        case "994 negations": return (0..<994).map { "-acv>\($0)" }.joined(separator: " ")
        case "994 nested negations": return String(repeating: "-", count: 994) + "acv>1"
        // As long as one argument may be (128 KiB): the parser stops at its own depth limit, no stack overflow.
        default: return String(repeating: "(", count: 60_000) + "acv>1" + String(repeating: ")", count: 60_000)
        }
    }

    @Test(arguments: ["997 or terms", "999 comparisons", "994 negations", "994 nested negations", "60k parentheses"])
    func queriesPastSQLitesLimitsAreQueryErrors(name: String) throws {
        let r = try dealq(["count " + Self.pastSQLitesLimits(name)])
        #expect(r.status == 2, "\(name): \(r.stderr.prefix(300))")
        #expect(r.stderr.hasPrefix("error: "), "\(name)")
        #expect(r.stderr.contains("^"), "\(name)")
        #expect(!r.stderr.contains("cannot write the index"), "\(name)")
    }

    @Test func aQueryStartingWithMinusIsTheQuery() throws {
        let negated = try dealq(["-outcome:won"])
        let explicit = try dealq(["--", "-outcome:won"])
        let spelled = try dealq(["not outcome:won"])
        #expect(negated.status == 0, "\(negated.stderr)")
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(negated.stdout == spelled.stdout)
        #expect(explicit.stdout == spelled.stdout)
        #expect(spelled.stdout.contains(",lost,"))
        #expect(!spelled.stdout.contains(",won,"))
        // Options written after the query still apply.
        let after = try runDealq(["-outcome:won", "--corpus", Self.corpus, "--format", "json"],
                                 environment: ["DEALQ_TODAY": "2025-12-31"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.hasPrefix("[") || after.stdout.hasPrefix("{"))
    }

    @Test func aMinusWordThatLooksLikeAnOptionSaysToWriteDoubleDash() throws {
        let r = try dealq(["-pricing"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Unknown option '-pricing'"))
        #expect(r.stderr.hasSuffix("note: a query that starts with '-' goes after '--': dealq -- \"-pricing\"\n"))
        let fixed = try dealq(["--", "-pricing"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }
}

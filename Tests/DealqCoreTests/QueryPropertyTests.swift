import DealqLanguage
import Foundation
import Testing
@testable import DealqCore

/// A seeded stream of queries, written from the grammar and mutated, through the
/// whole pipeline on the bundled corpus: each one is answered (every statement of
/// its plan prepares, every FTS5 expression evaluates) or rejected with diagnostics
/// whose ranges lie within its text, and none takes a second. The grammar's own
/// examples, valid and invalid, start the stream and are mutated with the rest.
///
/// Four streams of 25,000 checked queries each run side by side, each on its own
/// connection to one index. `DEALQ_PROPERTY_SEED=N` runs other streams; a failure
/// names its stream's seed and its query.
@Suite struct QueryPropertyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let today = CalendarDate("2025-12-31")!
    /// Queries of each stream that must reach the checker (they parse); those that do not parse come on top.
    static let checkedQueries = 25_000
    static let streams = 4
    static let seed = UInt64(ProcessInfo.processInfo.environment["DEALQ_PROPERTY_SEED"] ?? "") ?? 20_261_201

    /// What happened to one query.
    enum Outcome {
        case answered
        case rejectedByParser
        case rejectedByChecker
    }

    /// A failed property, with the query that broke it.
    struct Finding: Error, CustomStringConvertible {
        var query: String
        var problem: String
        var description: String { "\(problem)\n  query: \(query.debugDescription)" }
    }

    /// A copy of the bundled corpus, indexed once for every stream (the folder lives as long as the tests).
    static let database: String = {
        let folder = NSTemporaryDirectory() + "dealq-properties-" + UUID().uuidString
        let corpus = repository + "/corpus"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for item in try! FileManager.default.contentsOfDirectory(atPath: corpus) where item != ".dealq" {
            try! FileManager.default.copyItem(atPath: corpus + "/" + item, toPath: folder + "/" + item)
        }
        _ = try! Indexer(corpus: folder, database: folder + "/.dealq/index.sqlite").run()
        return folder + "/.dealq/index.sqlite"
    }()

    /// Every query of grammar/examples, and the first line of every file of grammar/invalid.
    static func grammarExamples() throws -> [String] {
        let manager = FileManager.default
        var queries: [String] = []
        for name in try manager.contentsOfDirectory(atPath: repository + "/grammar/examples").sorted() {
            let text = try String(contentsOfFile: repository + "/grammar/examples/" + name, encoding: .utf8)
            queries += text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).filter { !$0.hasPrefix("#") }
        }
        for name in try manager.contentsOfDirectory(atPath: repository + "/grammar/invalid").sorted() {
            let text = try String(contentsOfFile: repository + "/grammar/invalid/" + name, encoding: .utf8)
            if let first = text.split(separator: "\n", omittingEmptySubsequences: false).first { queries.append(String(first)) }
        }
        return queries
    }

    /// Runs one query through the pipeline and checks what came out.
    static func run(_ text: String, on engine: QueryEngine) throws(Finding) -> Outcome {
        let parsed: Query
        do {
            parsed = try parseQuery(text)
        } catch {
            try expectWithin([error], text)
            return .rejectedByParser
        }
        let printed = Printer.print(parsed)
        guard let again = try? parseQuery(printed), again.isEquivalent(to: parsed) else {
            throw Finding(query: text, problem: "printed as \(printed.debugDescription), which does not parse back to the same query")
        }
        let prepared: PreparedQuery
        do {
            prepared = try engine.prepare(text, today: today)
        } catch {
            switch error {
            case .query(let diagnostics):
                try expectWithin(diagnostics, text)
                return .rejectedByChecker
            case .runtime(let message):
                throw Finding(query: text, problem: "SQLite refused the plan: \(message)")
            case .timedOut(let seconds):
                throw Finding(query: text, problem: "preparing took longer than \(seconds) s")
            }
        }
        if prepared.statements.contains(where: \.isEmpty) { throw Finding(query: text, problem: "an empty statement") }
        return .answered
    }

    static func expectWithin(_ diagnostics: [Diagnostic], _ text: String) throws(Finding) {
        if diagnostics.isEmpty { throw Finding(query: text, problem: "rejected without a diagnostic") }
        for diagnostic in diagnostics {
            let range = diagnostic.range
            guard range.lowerBound >= 0, range.upperBound <= text.utf8.count else {
                throw Finding(query: text, problem: "'\(diagnostic.message)' at \(range), outside the \(text.utf8.count) bytes of the query")
            }
            if diagnostic.severity == .error, !diagnostic.render(in: text).hasPrefix("error: ") {
                throw Finding(query: text, problem: "an error rendered without its headline")
            }
        }
    }

    @Test(arguments: 0..<streams)
    func everyQueryIsAnsweredOrRejectedWithinItsText(stream: Int) throws {
        let engine = try QueryEngine(database: Self.database)
        let seed = Self.seed &+ UInt64(stream)
        var values: [String: [String]] = [:]
        for (facet, common) in try engine.facets(top: 8) { values[facet.name] = common.map(\.0) }
        var generator = QueryGenerator(seed: seed, facets: engine.catalog.names, values: values)
        let examples = try Self.grammarExamples()

        var counts: [Outcome: Int] = [:]
        var findings: [Finding] = []
        var slowest = (Duration.zero, "")
        var previous = "count"
        let clock = ContinuousClock()
        var index = 0
        while (counts[.answered] ?? 0) + (counts[.rejectedByChecker] ?? 0) < Self.checkedQueries {
            // The examples as written first (in the first stream), then generated queries, half of them mutated (and examples among the mutated).
            let text: String
            if stream == 0, index < examples.count {
                text = examples[index]
            } else {
                let base = generator.chance(10) ? generator.pick(examples) : generator.query()
                text = generator.chance(50) ? generator.mutate(base, donor: previous) : base
                previous = base
            }
            index += 1
            let start = clock.now
            do {
                counts[try Self.run(text, on: engine), default: 0] += 1
            } catch {
                if findings.count < 10 { findings.append(error) }
            }
            let elapsed = clock.now - start
            if elapsed > slowest.0 { slowest = (elapsed, text) }
        }

        for finding in findings { Issue.record("seed \(seed): \(finding)") }
        let answered = counts[.answered] ?? 0, checkerRejected = counts[.rejectedByChecker] ?? 0
        let parserRejected = counts[.rejectedByParser] ?? 0
        print("QueryPropertyTests: seed \(seed), \(index) queries: \(answered) answered, \(checkerRejected) rejected by the checker, "
              + "\(parserRejected) by the parser; slowest \(slowest.0) (\(slowest.1.debugDescription))")
        // The stream reaches every stage in good measure (a generator that drifted to only errors would prove little).
        #expect(answered >= Self.checkedQueries / 5)
        #expect(checkerRejected >= Self.checkedQueries / 10)
        #expect(parserRejected >= Self.checkedQueries / 20)
        #expect(slowest.0 < .seconds(1), "seed \(seed): \(slowest.1.debugDescription) took \(slowest.0)")
    }
}

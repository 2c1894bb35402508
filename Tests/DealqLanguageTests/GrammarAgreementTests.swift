import Foundation
import Testing

@testable import DealqLanguage

/// The formal grammar (grammar/query.lark, run by Lark through
/// grammar/check.py) and the Swift parser must agree on every example.
@Suite(.serialized) struct GrammarAgreementTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func python(_ arguments: [String], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        // Feed stdin from another thread, so neither side blocks on a full pipe.
        let data = Data((input ?? "").utf8)
        let writer = stdin.fileHandleForWriting
        let feeding = Thread {
            writer.write(data)
            try? writer.close()
        }
        feeding.start()
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Nil when python3 and lark are usable; otherwise why not.
    static func larkMissing() -> String? {
        guard let run = try? python(["-c", "import lark"]) else { return "python3 is not installed" }
        return run.status == 0 ? nil : "the Python package 'lark' is not installed (python3 -m pip install lark)"
    }

    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Runs when Lark is usable, and always in CI (where a missing Lark fails).
    static let runnable = inCI || larkMissing() == nil

    /// Fails (in CI) when Lark cannot run.
    static func requireLark() -> Bool {
        guard let missing = larkMissing() else { return true }
        Issue.record("grammar agreement cannot run: \(missing)")
        return false
    }

    @Test(.enabled(if: runnable, "skipped: python3 or its lark package is missing (python3 -m pip install lark)"))
    func larkAcceptsExamplesAndRejectsInvalidQueries() throws {
        guard Self.requireLark() else { return }
        let run = try Self.python(["grammar/check.py"])
        #expect(run.status == 0, "grammar/check.py failed:\n\(run.stdout)\(run.stderr)")
    }

    @Test(.enabled(if: runnable, "skipped: python3 or its lark package is missing (python3 -m pip install lark)"))
    func larkAndSwiftBuildTheSameTrees() throws {
        guard Self.requireLark() else { return }
        let files = textFiles(in: "examples").map { "grammar/examples/" + $0.lastPathComponent }
        let run = try Self.python(["grammar/check.py", "--sexp"] + files)
        #expect(run.status == 0, "grammar/check.py --sexp failed:\n\(run.stderr)")
        var lark: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            lark[String(parts[0])] = String(parts[1])
        }
        let examples = exampleQueries()
        #expect(lark.count == examples.count)
        for example in examples {
            let key = "\(example.file):\(example.line)"
            let swift = (try? parseQuery(example.text))?.sExpression
            #expect(swift == lark[key], "\(key): \(example.text)")
        }
    }

    /// Random text built from the language's pieces: Lark and Swift must
    /// accept the same queries, with the same trees.
    @Test(.enabled(if: runnable, "skipped: python3 or its lark package is missing (python3 -m pip install lark)"))
    func larkAndSwiftAgreeOnRandomText() throws {
        guard Self.requireLark() else { return }
        let pieces = [
            "a", "b", "x1", "acv", "outcome", "competitor.selected", "crm.loss_reason", "deal-size", ":", ">", ">=",
            "<", "<=", "=", "!=", "!", ",", "..", ".", "-", "--", "(", ")", "\"", "\"a b\"", " ", " ", " ", "  ", "*",
            "or", "OR", "and", "AND", "not", "NOT", "by", "has:", "since:", "before:", "sort:", "limit:", "Sort:",
            "count", "winrate", "1", "200", "1,200", "$", "k", "m", "2025-Q3", "é", "日本", "\t", "_", "\u{A0}", "'",
            ";", "1..5", "..", "a,b", "-asc", "all", "\\",
        ]
        var generator = SplitMix64(seed: 20_251_124)
        var queries: [String] = []
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 9) + 1
            queries.append((0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        let run = try Self.python(["grammar/check.py", "--lines"], input: queries.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let answers = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(answers.count >= queries.count)
        var accepted = 0
        for (query, lark) in zip(queries, answers) {
            let swift = (try? parseQuery(query))?.sExpression ?? "error"
            if swift != "error" { accepted += 1 }
            #expect(swift == lark, "\(query.debugDescription)")
        }
        // The sample exercises both sides.
        #expect(accepted > 300 && accepted < 2_700)
    }

    /// The grammar and the parser also agree on which invalid queries fail:
    /// check.py rejects every file under grammar/invalid, and so does Swift.
    @Test func bothRejectEveryInvalidQuery() {
        for invalid in invalidQueries() {
            #expect(renderedError(invalid.text) != nil, "\(invalid.text)")
        }
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

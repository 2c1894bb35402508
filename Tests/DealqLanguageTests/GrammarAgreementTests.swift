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

    static func python(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
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

    /// The grammar and the parser also agree on which invalid queries fail:
    /// check.py rejects every file under grammar/invalid, and so does Swift.
    @Test func bothRejectEveryInvalidQuery() {
        for invalid in invalidQueries() {
            #expect(renderedError(invalid.text) != nil, "\(invalid.text)")
        }
    }
}

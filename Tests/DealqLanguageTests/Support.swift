import Foundation
import Testing

@testable import DealqLanguage

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let grammarFolder = repositoryRoot.appendingPathComponent("grammar")

/// One query of a grammar/examples file.
struct ExampleQuery: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int
    var text: String
    var testDescription: String { "\(file):\(line) \(text)" }
}

/// One grammar/invalid file: the query on line 1, the expected error below.
struct InvalidQuery: Sendable, CustomTestStringConvertible {
    var path: String
    var text: String
    var expected: String
    var testDescription: String { (path as NSString).lastPathComponent }
}

func textFiles(in folder: String) -> [URL] {
    let url = grammarFolder.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { url.appendingPathComponent($0) }
}

/// Every example query: one per line; blank lines and `#` lines skipped.
func exampleQueries() -> [ExampleQuery] {
    textFiles(in: "examples").flatMap { url -> [ExampleQuery] in
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            return ExampleQuery(file: "grammar/examples/" + url.lastPathComponent, line: index + 1, text: String(line))
        }
    }
}

func invalidQueries() -> [InvalidQuery] {
    textFiles(in: "invalid").map { url in
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        var expected = parts.count > 1 ? String(parts[1]) : ""
        while expected.hasSuffix("\n") { expected.removeLast() }
        return InvalidQuery(path: url.path, text: String(parts[0]), expected: expected)
    }
}

/// The rendered error for a query that must not parse, or nil when it parses.
func renderedError(_ text: String) -> String? {
    do {
        _ = try parseQuery(text)
        return nil
    } catch {
        return error.render(in: text)
    }
}

/// Parses or records the failure and returns nil.
func parsed(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Query? {
    do {
        return try parseQuery(text)
    } catch {
        Issue.record("\(text) should parse:\n\(error.render(in: text))", sourceLocation: sourceLocation)
        return nil
    }
}

/// Asserts the S-expression a query parses to.
func expectTree(_ text: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let query = parsed(text, sourceLocation: sourceLocation) else { return }
    #expect(query.sExpression == expected, sourceLocation: sourceLocation)
}

/// Asserts a query fails with exactly this rendered error.
func expectError(_ text: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(renderedError(text) == expected, sourceLocation: sourceLocation)
}

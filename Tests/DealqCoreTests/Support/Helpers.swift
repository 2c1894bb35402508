import Foundation
import Testing
@testable import DealqCore

/// A minimal valid front matter; `extra` lines are added before the closing `---`.
func dealText(_ extra: String = "", id: String = "D-1", outcome: String = "won", closed: String = "2025-03-14",
              body: String = "Body text.\n") -> String {
    var lines = ["---", "id: \(id)", "outcome: \(outcome)", "closed: \(closed)"]
    if !extra.isEmpty { lines.append(extra) }
    lines.append("---")
    return lines.joined(separator: "\n") + "\n" + body
}

func parse(_ text: String, config: CorpusConfig = CorpusConfig(), path: String = "deal.md") -> ParsedFile {
    // Every file a test reads is also read by the reader over Yams' nodes, which must agree.
    let (events, yams) = readBothWays(Array(text.utf8), config: config)
    #expect(events == yams, "the front-matter readers disagree")
    return DealParser.parse(Array(text.utf8), path: path, config: config)
}

/// The deal, or nil when the file was not one.
func deal(_ text: String, config: CorpusConfig = CorpusConfig()) -> Deal? {
    if case .deal(let d, _) = parse(text, config: config) { return d }
    return nil
}

/// `line:col: message` of a rejection, or a description of what happened instead.
func rejection(_ text: String, config: CorpusConfig = CorpusConfig()) -> String {
    switch parse(text, config: config) {
    case .rejected(let d): return "\(d.line):\(d.column): \(d.message)"
    case .deal: return "accepted"
    case .notADeal: return "not a deal"
    }
}

func warnings(_ text: String) -> [String] {
    if case .deal(_, let w) = parse(text) { return w.map { "\($0.line):\($0.column): \($0.message)" } }
    return []
}

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "dealq-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) {
        write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
    }

    func remove(_ relative: String) {
        try! FileManager.default.removeItem(atPath: path + "/" + relative)
    }
}

/// The fixtures folder of this test target.
let fixtures: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path
}()

/// A fresh copy of a fixture corpus (`Fixtures/NAME`) in a temporary folder.
func fixtureCopy(_ name: String) throws -> TemporaryFolder {
    let folder = TemporaryFolder()
    let source = fixtures + "/" + name
    for item in try FileManager.default.contentsOfDirectory(atPath: source) {
        try FileManager.default.copyItem(atPath: source + "/" + item, toPath: folder.path + "/" + item)
    }
    return folder
}

/// A fresh copy of a fixture corpus, indexed at its default place, and an engine on it.
func indexedFixture(_ name: String) throws -> (TemporaryFolder, QueryEngine) {
    let folder = try fixtureCopy(name)
    let db = folder.path + "/.dealq/index.sqlite"
    _ = try Indexer(corpus: folder.path, database: db).run()
    return (folder, try QueryEngine(database: db))
}

import Foundation
import Testing
@testable import DealqCore

/// The front-matter reader over libyaml's events gives exactly what the reader
/// over Yams' node tree gave: the same deals and warnings, the same rejections
/// at the same positions.
@Suite struct FrontMatterDifferentialTests {
    /// The repository's bundled corpus, read with its own dealq.yml.
    @Test func bundledCorpus() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus").path
        let config = try CorpusConfig.parse(String(contentsOfFile: root + "/dealq.yml", encoding: .utf8))
        let files = markdownFiles(under: root)
        #expect(files.count > 250)
        var deals = 0
        for path in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let (events, yams) = readBothWays(bytes, config: config)
            #expect(events == yams, "\(path)")
            if case .deal = events { deals += 1 }
        }
        #expect(deals > 250)
    }

    /// Deals from the generator, and thousands of seeded mutations of them that
    /// break their YAML in every way a hand edit can.
    @Test func generatedAndMutatedDeals() throws {
        let folder = TemporaryFolder()
        let gen = URL(fileURLWithPath: dealqBinary).deletingLastPathComponent().appendingPathComponent("dealq-gen").path
        let run = try runProgram(gen, ["--count", "400", "--seed", "11", "--out", folder.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = markdownFiles(under: folder.path).filter { !$0.hasSuffix("README.md") && !$0.contains("/guides/") }
        #expect(files.count == 400)
        var texts: [String] = []
        for path in files {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let (events, yams) = readBothWays(Array(text.utf8))
            #expect(events == yams, "\(path)")
            texts.append(text)
        }

        // DEALQ_YAML_MUTATIONS and DEALQ_YAML_SEED run longer or other rounds by hand.
        let environment = ProcessInfo.processInfo.environment
        var rng = SeededGenerator(seed: environment["DEALQ_YAML_SEED"].flatMap { UInt64($0) } ?? 20261201)
        let rounds = environment["DEALQ_YAML_MUTATIONS"].flatMap { Int($0) } ?? 6000
        var rejected = 0, accepted = 0
        for round in 0..<rounds {
            let text = YAMLMutation.mutate(rng.pick(texts), &rng)
            let (events, yams) = readBothWays(Array(text.utf8))
            #expect(events == yams, "mutation \(round):\n\(text.prefix(1500))")
            if events.isRejected { rejected += 1 } else { accepted += 1 }
        }
        // Both sides of the reader are exercised.
        #expect(rejected > rounds / 12)
        #expect(accepted > rounds / 12)
    }

    /// Hand-written YAML at the edges of what the reader promises.
    @Test(arguments: YAMLEdgeCases.all)
    func edgeCase(_ yaml: String) {
        let text = "---\n" + yaml + "---\nBody.\n"
        let (events, yams) = readBothWays(Array(text.utf8))
        #expect(events == yams)
    }

    /// Edge cases whose outcome is known, so that the comparison above is not
    /// between two readers that both read nothing.
    @Test func edgeCasesReadAsDocumented() {
        func outcome(_ yaml: String) -> FrontMatterOutcome {
            readBothWays(Array(("---\n" + yaml + "---\nBody.\n").utf8)).events
        }
        let base = "id: D-1\noutcome: won\nclosed: 2025-03-14\n"
        guard case .deal(let anchored, _) = outcome(base + "region: &r EMEA\nsegment: *r\n") else {
            Issue.record("an alias was not read")
            return
        }
        #expect(anchored.segment == "EMEA")
        guard case .deal(let custom, _) = outcome(base + "a: 12\nb: \"12\"\nc: true\nd: ~\ne: 2024-01-02\n") else {
            Issue.record("custom fields were not read")
            return
        }
        #expect(custom.custom.map(\.value) == [.number(12, text: "12"), .text("12"), .bool(true), .date("2024-01-02")])
        #expect(outcome(base + "region: a\nregion: b\n") == .rejected(["5:1: invalid YAML: duplicate key 'region'"]))
        #expect(outcome(base + "region: *nowhere\n") == .rejected(["5:9: invalid YAML: found undefined alias"]))
        #expect(outcome(base + "region: [a\n") == .rejected([
            "6:1: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'"]))
    }

    private func markdownFiles(under root: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let item = walker?.nextObject() as? String {
            if item.hasSuffix(".md") { files.append(root + "/" + item) }
        }
        return files.sorted()
    }
}

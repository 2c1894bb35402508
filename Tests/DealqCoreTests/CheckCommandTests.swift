import Foundation
import Testing
@testable import DealqCore

/// `dealq check` run as a process: messages, exit statuses, ids across the corpus, no index.
@Suite struct CheckCommandTests {
    static let good = dealText(id: "G-1")
    static let bad = dealText(outcome: "maybe")
    static let weights = dealText("drivers:\n  - category: pricing\n    weight: 60\n  - category: product\n    weight: 40", id: "W-1")

    func corpus() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("dealq.yml", "topics:\n  pricing: ['\\bpric\\w*']\n")
        folder.write("2025/good.md", Self.good)
        folder.write("2025/bad.md", Self.bad)
        folder.write("2025/weights.md", Self.weights)
        folder.write("notes.md", "# Notes\n\nnot a deal\n")
        return folder
    }

    @Test func goodFileExitsZero() throws {
        let folder = corpus()
        let r = try runDealq(["check", "2025/good.md"], in: folder.path)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == "1 file checked: 1 deal, 0 non-deal files, 0 rejected\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.dealq"), "check never creates an index")
    }

    @Test func badFileIsRejectedWithItsPlace() throws {
        let folder = corpus()
        let r = try runDealq(["check", "2025/bad.md"], in: folder.path)
        #expect(r.status == 1)
        #expect(r.stderr == "2025/bad.md:3:10: error: invalid outcome 'maybe' (expected won, lost or churned)\n")
        #expect(r.stdout == "1 file checked: 0 deals, 0 non-deal files, 1 rejected\n")
    }

    @Test func mixedFilesFromASubfolderWarningsThenErrors() throws {
        let folder = corpus()
        let r = try runDealq(["check", "good.md", "weights.md", "bad.md", "../notes.md"], in: folder.path + "/2025")
        #expect(r.status == 1)
        #expect(r.stderr == """
            2025/weights.md:6:3: warning: driver weights sum to 100; scaled to sum to 1
            2025/bad.md:3:10: error: invalid outcome 'maybe' (expected won, lost or churned)

            """)
        #expect(r.stdout == "4 files checked: 2 deals, 1 non-deal file, 1 rejected\n")
    }

    @Test func wholeCorpusByDefaultAndFolders() throws {
        let folder = corpus()
        let all = try runDealq(["check"], in: folder.path)
        #expect(all.status == 1)
        #expect(all.stdout == "4 files checked: 2 deals, 1 non-deal file, 1 rejected\n")
        let byFolder = try runDealq(["check", "2025"], in: folder.path)
        #expect(byFolder.stdout == "3 files checked: 2 deals, 0 non-deal files, 1 rejected\n")
    }

    @Test func corpusFoundAboveThePathWhenRunFromOutside() throws {
        let outer = TemporaryFolder()
        outer.write("deals/dealq.yml", "topics: {}\n")
        outer.write("deals/2025/bad.md", Self.bad)
        outer.write("README.md", "# Repository\n")
        let r = try runDealq(["check", "deals/2025/bad.md"], in: outer.path)
        #expect(r.status == 1)
        #expect(r.stderr == "2025/bad.md:3:10: error: invalid outcome 'maybe' (expected won, lost or churned)\n")
    }

    @Test func hiddenAndOutsideFilesAreIgnored() throws {
        let folder = corpus()
        folder.write(".templates/deal.md", Self.bad)
        folder.write("plain.txt", "text\n")
        let r = try runDealq(["check", ".templates/deal.md", "plain.txt", "2025/good.md"], in: folder.path)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == "1 file checked: 1 deal, 0 non-deal files, 0 rejected; 2 paths ignored (outside the corpus, hidden or not *.md)\n")
    }

    @Test func missingPathIsAUsageError() throws {
        let folder = corpus()
        let r = try runDealq(["check", "2025/good.md", "nope.md"], in: folder.path)
        #expect(r.status == 2)
        #expect(r.stderr == "error: no such file or folder: nope.md\n")
        #expect(r.stdout == "")
    }

    @Test func invalidConfigExitsOne() throws {
        let folder = corpus()
        folder.write("dealq.yml", "topics:\n  pricing: ['(']\n")
        let r = try runDealq(["check", "2025/good.md"], in: folder.path)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("dealq.yml:2:"))
    }

    /// A pre-commit hook checks the staged files only; an id taken by another
    /// deal file of the corpus is still an error when that file sorts first.
    @Test func duplicateIdsAgainstTheRestOfTheCorpus() throws {
        let folder = TemporaryFolder()
        folder.write("dealq.yml", "")
        folder.write("a/first.md", dealText(id: "DUP"))
        folder.write("b/second.md", dealText(id: "DUP"))
        folder.write("c/broken.md", dealText(id: "SAME", outcome: "maybe"))
        folder.write("d/valid.md", dealText(id: "SAME"))
        let second = try runDealq(["check", "b/second.md"], in: folder.path)
        #expect(second.status == 1)
        #expect(second.stderr == "b/second.md:2:5: error: duplicate id 'DUP' (first used in a/first.md)\n")
        #expect(second.stdout == "1 file checked: 0 deals, 0 non-deal files, 1 rejected\n")
        let first = try runDealq(["check", "a/first.md"], in: folder.path)
        #expect(first.status == 0, "the file whose path sorts first keeps the id")
        let both = try runDealq(["check", "b/second.md", "a/first.md"], in: folder.path)
        #expect(both.stderr == "b/second.md:2:5: error: duplicate id 'DUP' (first used in a/first.md)\n")
        let valid = try runDealq(["check", "d/valid.md"], in: folder.path)
        #expect(valid.status == 0, "a rejected file holds no id")
        #expect(valid.stderr == "")
    }

    /// The rejected files and warnings of `check --format json` are exactly those of `index --format json`.
    @Test func jsonEqualsTheIndexReport() throws {
        let folder = try fixtureCopy("rules")
        folder.write("good/weights.md", Self.weights)
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
        let index = try runDealq(["index", folder.path, "--format", "json"])
        let whole = try runDealq(["check", "--corpus", folder.path, "--format", "json"])
        let given = try runDealq(["check", "--corpus", folder.path, "--format", "json"] + files, in: folder.path)
        #expect(index.status == 1 && whole.status == 1 && given.status == 1)
        let expected = try parts(index.stdout)
        #expect(expected.rejected.contains("dup/b-rejected.md"))
        #expect(expected.warnings.contains("good/weights.md"))
        #expect(try parts(whole.stdout) == expected)
        #expect(try parts(given.stdout) == expected)
        #expect(whole.stderr == given.stderr)
    }

    /// The `rejected` and `warnings` values of a JSON summary, re-encoded canonically.
    func parts(_ json: String) throws -> Parts {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func encode(_ key: String) throws -> String {
            let value = try #require(object[key] as? [[String: Any]])
            return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        }
        return Parts(rejected: try encode("rejected"), warnings: try encode("warnings"))
    }

    struct Parts: Equatable {
        var rejected: String
        var warnings: String
    }
}

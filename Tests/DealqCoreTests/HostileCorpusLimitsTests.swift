import Foundation
import Testing
@testable import DealqCore
#if canImport(Glibc)
import Glibc
#endif

/// One corpus holding everything a careless or hostile writer can put in a
/// folder: names that are not UTF-8, a file and a folder nobody may read, a
/// folder deleted during the walk, alias bombs, a 50 MB file, 100k keys,
/// symbolic-link loops, an empty file, a file holding only `---`. dealq
/// reports each one where it is, keeps every good deal, and costs about what
/// the good deals alone cost.
@Suite struct HostileCorpusLimitsTests {
    static let goodIDs = ["A", "B", "C", "E", "K"]

    /// The good deals: plain ones, one with anchors and aliases, one with exactly 1,000 keys.
    static func writeGoodDeals(_ folder: TemporaryFolder, under root: String) {
        folder.write(root + "/2025/a.md", dealText(id: "A"))
        folder.write(root + "/2025/b.md", dealText(id: "B", outcome: "lost"))
        folder.write(root + "/deep/x/y/c.md", dealText(id: "C"))
        folder.write(root + "/anchors.md", dealText("competitors:\n  primary: &acme Acme\ncrm:\n  competitor: *acme", id: "E"))
        folder.write(root + "/keys-1000.md", dealText((4...1_000).map { "k\($0): \($0)" }.joined(separator: "\n"), id: "K"))
    }

    static func writeHostileFiles(_ folder: TemporaryFolder, under root: String) throws {
        let path = folder.path + "/" + root
        // The reported case scaled down: keys all aliasing one 10 KB string.
        let big = String(repeating: "x", count: 10_000)
        folder.write(root + "/bomb.md", dealText((["big: &big \"\(big)\""] + (1...20_000).map { "k\($0): *big" }).joined(separator: "\n"), id: "BOMB"))
        // Ten levels of ten aliases, the last one a key.
        var laughs = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            laughs.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        folder.write(root + "/laughs.md", dealText((laughs + ["? *l9", ": boom"]).joined(separator: "\n"), id: "LAUGHS"))
        folder.write(root + "/keys.md", dealText((4...100_000).map { "k\($0): \($0)" }.joined(separator: "\n"), id: "KEYS"))
        // 50 MB, sparse: a deal's first lines, then zeros.
        folder.write(root + "/huge.md", "---\nid: HUGE\noutcome: won\n")
        folder.write(root + "/huge-notes.md", "# Notes\n")
        #expect(truncate(path + "/huge.md", 50 << 20) == 0 && truncate(path + "/huge-notes.md", 50 << 20) == 0)
        folder.write(root + "/empty.md", "")
        folder.write(root + "/dashes.md", "---\n")
        // Names in bytes that are not UTF-8.
        let shell = "mkdir -p names \"$(printf 'bad-\\376')\" && printf -- '---\\nid: X\\n---\\n' > \"$(printf 'names/d-\\377.md')\""
            + " && printf -- '---\\nid: F\\noutcome: won\\nclosed: 2025-01-01\\n---\\n' > \"$(printf 'bad-\\376/f.md')\""
            // Links that loop: to the root, to a parent, to each other; and a link to a deal.
            + " && ln -s . loop && ln -s .. 2025/up && ln -s ring-b ring-a && ln -s ring-a ring-b && ln -s 2025/a.md link.md"
        let made = try runProgram("/bin/sh", ["-c", "cd \"$1\" && " + shell, "sh", path])
        #expect(made.status == 0, "\(made.stderr)")
        // A file and a folder nobody may read, and a folder deleted during the walk.
        folder.write(root + "/secret.md", dealText(id: "SECRET"))
        folder.write(root + "/locked/g.md", dealText(id: "G"))
        folder.write(root + "/gone/h.md", dealText(id: "H"))
        chmod(path + "/secret.md", 0o000)
        chmod(path + "/locked", 0o000)
    }

    /// `dealq` with arguments, as the unprivileged `nobody` when the tests run as
    /// root (root reads every file), measured.
    static func dealq(_ arguments: [String]) throws -> MeasuredResult {
        let environment = ["DEALQ_TEST_VANISH_FOLDER": "gone"]
        guard getuid() == 0 else { return try runMeasured(dealqBinary, arguments, environment: environment) }
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", dealqBinary]
        return try runMeasured("/usr/bin/setpriv", asNobody + arguments, environment: environment)
    }

    /// The bomb's 10 KB value repeats 10,001 bytes an alias: the 259th alias
    /// (line 264) takes the total past 2,589,670. In `laughs.md`, `l1` repeats
    /// 210 bytes and `l2` 2,110; each `*l2` adds 2,111, and the second one on
    /// line 8 takes the total past 6,450.
    static let expectedIndexErrors = """
        bad-\\xfe: warning: the folder name is not valid UTF-8; its files are not indexed (rename the folder)
        gone: warning: cannot read the folder (No such file or directory); its files are not indexed
        locked: warning: cannot read the folder (Permission denied); its files are not indexed
        bomb.md:264:7: error: aliases repeat more than 10 times the file's size (258,967 bytes) of values; alias '*big' is past the limit (write the values out instead)
        dashes.md:1:1: error: front matter is not closed (no '---' or '...' line after the opening '---')
        huge.md:1:1: error: file is too large to read: 52,428,800 bytes, over the limit of 5,242,880 bytes (5 MB); raise 'max_file_size' in dealq.yml to read it
        keys.md:1002:1: error: the front matter has more than 1,000 keys (counting the keys of every mapping in it); this key is past the limit
        laughs.md:8:15: error: aliases repeat more than 10 times the file's size (645 bytes) of values; alias '*l2' is past the limit (write the values out instead)
        names/d-\\xff.md:1:1: error: the file name is not valid UTF-8; the file is not indexed (rename it)
        secret.md:1:1: error: cannot read the file: Permission denied

        """

    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func everyProblemIsReportedWhereItIsAndEveryGoodDealIsKept() throws {
        let folder = TemporaryFolder()
        defer {
            chmod(folder.path + "/hostile/locked", 0o755)
            _ = try? runProgram("/bin/rm", ["-rf", folder.path])
        }
        Self.writeGoodDeals(folder, under: "good")
        Self.writeGoodDeals(folder, under: "hostile")
        try Self.writeHostileFiles(folder, under: "hostile")
        chmod(folder.path, 0o755)
        chmod(folder.path + "/good", 0o777)
        chmod(folder.path + "/hostile", 0o777)
        chmod(folder.path + "/hostile/gone", 0o777)

        let baseline = try Self.dealq(["index", folder.path + "/good"])
        #expect(baseline.result.status == 0, "\(baseline.result.stderr)")
        let index = try Self.dealq(["index", folder.path + "/hostile"])
        #expect(index.result.status == 1)
        #expect(index.result.stderr == Self.expectedIndexErrors)
        #expect(index.result.stdout.contains("5 deals in the index"), "\(index.result.stdout)")
        #expect(index.result.stdout.contains("2 non-deal files skipped, 7 files rejected"), "\(index.result.stdout)")
        // Bounded: none of it is read whole or expanded. Reading the 50 MB file
        // alone would add 50 MB; the bomb expanded, 200 MB.
        #expect(index.seconds < 10, "\(index.seconds) s")
        #expect(index.peakMemory < baseline.peakMemory + (40 << 20), "\(index.peakMemory >> 20) MB against \(baseline.peakMemory >> 20) MB")

        let ids = try Self.dealq(["--corpus", folder.path + "/hostile", "--format", "csv", "deals sort:id"])
        #expect(ids.result.status == 0, "\(ids.result.stderr)")
        #expect(ids.result.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }.sorted() == Self.goodIDs)

        // dealq check reads the files under the same limits.
        let check = try Self.dealq(["check", folder.path + "/hostile"])
        #expect(check.result.status == 1)
        let limitLines = Self.expectedIndexErrors.split(separator: "\n").filter {
            ["bomb.md", "dashes.md", "huge.md", "keys.md", "laughs.md", "secret.md"].contains($0.prefix { $0 != ":" })
        }
        #expect(check.result.stderr.split(separator: "\n") == limitLines)
        #expect(check.seconds < 10, "\(check.seconds) s")
        #expect(check.peakMemory < baseline.peakMemory + (40 << 20), "\(check.peakMemory >> 20) MB against \(baseline.peakMemory >> 20) MB")
    }
}

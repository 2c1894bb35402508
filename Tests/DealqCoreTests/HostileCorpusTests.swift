import Foundation
import Testing
@testable import DealqCore
#if canImport(Glibc)
import Glibc
#endif

/// Corpora and index folders a person would not make on purpose: leftovers of
/// killed builds, names that are not UTF-8, folders that cannot be read.
@Suite struct HostileCorpusTests {
    @Test func leftoversOfDeadBuildsAreRemovedAndLiveOnesKept() throws {
        let folder = TemporaryFolder()
        folder.write("c/a.md", dealText())
        let dead = "c/.dealq/index.sqlite.building-999999"
        let live = "c/.dealq/index.sqlite.building-\(getpid())"
        for name in [dead, dead + "-wal", dead + "-shm", live, live + "-wal"] { folder.write(name, "partial") }
        folder.write("c/.dealq/index.sqlite.building-notapid", "not ours")
        #expect(kill(999_999, 0) != 0 && errno == ESRCH, "the test needs a process id nobody has")
        let r = try runDealq(["index", folder.path + "/c"])
        #expect(r.status == 0, "\(r.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/c/.dealq"))
        #expect(!names.contains { $0.hasPrefix("index.sqlite.building-999999") })
        #expect(names.isSuperset(of: ["index.sqlite.building-\(getpid())", "index.sqlite.building-\(getpid())-wal",
                                      "index.sqlite.building-notapid", "index.sqlite"]))
    }

    @Test func leftoverNamesAreParsedStrictly() {
        let prefix = LeftoverBuilds.prefix(of: "/x/.dealq/index.sqlite")
        #expect(prefix == "index.sqlite.building-")
        #expect(LeftoverBuilds.processID(in: "index.sqlite.building-42", prefix: prefix) == 42)
        #expect(LeftoverBuilds.processID(in: "index.sqlite.building-42-wal", prefix: prefix) == 42)
        #expect(LeftoverBuilds.processID(in: "index.sqlite.building-42-shm", prefix: prefix) == 42)
        #expect(LeftoverBuilds.processID(in: "index.sqlite.building-", prefix: prefix) == nil)
        #expect(LeftoverBuilds.processID(in: "index.sqlite.building-4x2", prefix: prefix) == nil)
        #expect(LeftoverBuilds.processID(in: "index.sqlite.building-0", prefix: prefix) == nil)
        #expect(LeftoverBuilds.processID(in: "other.sqlite.building-42", prefix: prefix) == nil)
    }

    @Test func aRefreshingQueryAlsoRemovesDeadLeftovers() throws {
        let folder = TemporaryFolder()
        folder.write("c/a.md", dealText())
        #expect(try runDealq(["index", folder.path + "/c"]).status == 0)
        folder.write("c/.dealq/index.sqlite.building-999999", "partial")
        folder.write("c/b.md", dealText(id: "D-2"))
        let r = try runDealq(["--corpus", folder.path + "/c", "count"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/c/.dealq/index.sqlite.building-999999"))
    }

    // MARK: - Names that are not UTF-8, folders that cannot be read

    @Test func aFolderNamedInBadBytesIsAWarningAndTheRestIsIndexed() throws {
        let folder = TemporaryFolder()
        defer { removeTree(folder.path) }
        folder.write("c/a.md", dealText())
        try makeFolder(folder.path + "/c/", Array("folder-".utf8) + [0xFF])
        try makeFile(folder.path + "/c/", Array("folder-".utf8) + [0xFF] + Array("/d.md".utf8), dealText(id: "X"))
        let query = try runDealq(["--corpus", folder.path + "/c", "--format", "csv", "count"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout == "deals\n1\n")
        #expect(query.stderr.contains("folder-\\xff: warning: the folder name is not valid UTF-8; its files are not indexed"))
        let index = try runDealq(["index", folder.path + "/c"])
        #expect(index.status == 1)
        #expect(index.stderr.hasPrefix("folder-\\xff: warning: the folder name is not valid UTF-8"))
        #expect(index.stdout.contains("1 deal"))
        let json = try runDealq(["index", folder.path + "/c", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let left = try #require(object["folders_left_out"] as? [[String: String]])
        #expect(left == [["path": "folder-\\xff",
                          "message": "the folder name is not valid UTF-8; its files are not indexed (rename the folder)"]])
        // Renamed, the folder is indexed on the next run.
        try rename(folder.path + "/c/", Array("folder-".utf8) + [0xFF], to: "folder-ok")
        let fixed = try runDealq(["index", folder.path + "/c"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("2 deals"))
    }

    @Test func aFileNamedInBadBytesIsRejectedNotDropped() throws {
        let folder = TemporaryFolder()
        defer { removeTree(folder.path) }
        folder.write("c/a.md", dealText())
        folder.write("c/folder/b.md", dealText(id: "B"))
        try makeFile(folder.path + "/c/", Array("folder/d-".utf8) + [0xFF] + Array(".md".utf8), dealText(id: "X"))
        let index = try runDealq(["index", folder.path + "/c"])
        #expect(index.status == 1)
        #expect(index.stderr == "folder/d-\\xff.md:1:1: error: the file name is not valid UTF-8; the file is not indexed (rename it)\n")
        #expect(index.stdout.contains("2 deals"))
        // Reported again on the next run, which has nothing else to do.
        let again = try runDealq(["index", folder.path + "/c"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("folder/d-\\xff.md:1:1: error: the file name is not valid UTF-8"))
        let query = try runDealq(["--corpus", folder.path + "/c", "--format", "csv", "count"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout == "deals\n2\n")
    }

    @Test func escapedNamesShowEachBadByte() {
        #expect(FileName.escaped(Array("folder-".utf8) + [0xFF]) == "folder-\\xff")
        #expect(FileName.escaped(Array("é".utf8) + [0xC3, 0x28] + Array("x".utf8)) == "é\\xc3(x")
        #expect(FileName.escaped(Array("plain.md".utf8)) == "plain.md")
    }

    @Test func foldersNamedBeyondASCIIAreWalkedToTheBottom() throws {
        let folder = TemporaryFolder()
        folder.write("c/a/b/café/e.md", dealText(id: "E"))
        folder.write("c/a/b/café/deep/d.md", dealText(id: "D"))
        folder.write("c/a/b/cafe\u{301}/deep/f.md", dealText(id: "F"))
        let index = try runDealq(["index", folder.path + "/c"])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stdout.contains("3 deals"))
    }

    /// Run as the unprivileged `nobody` (root reads every folder), a folder
    /// without permissions is left out with a warning and the rest is indexed.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anUnreadableFolderIsAWarningAndTheRestIsIndexed() throws {
        let folder = TemporaryFolder()
        folder.write("c/a.md", dealText())
        folder.write("c/locked/b.md", dealText(id: "B"))
        chmod(folder.path, 0o755)
        chmod(folder.path + "/c", 0o777)
        chmod(folder.path + "/c/locked", 0o000)
        defer { chmod(folder.path + "/c/locked", 0o755) }
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", dealqBinary]
        let index = try runProgram("/usr/bin/setpriv", asNobody + ["index", folder.path + "/c"])
        #expect(index.status == 1)
        #expect(index.stderr == "locked: warning: cannot read the folder (Permission denied); its files are not indexed\n")
        #expect(index.stdout.contains("1 deal"))
        let query = try runProgram("/usr/bin/setpriv", asNobody + ["--corpus", folder.path + "/c", "--format", "csv", "count"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout == "deals\n1\n")
    }

    // MARK: - Files deleted during a run

    @Test func aFileDeletedBeforeItIsReadIsSimplyGone() throws {
        let folder = TemporaryFolder()
        folder.write("c/a.md", dealText())
        folder.write("c/b.md", dealText(id: "B"))
        let vanish = ["DEALQ_TEST_VANISH_BEFORE_READ": "b.md"]
        let first = try runDealq(["index", folder.path + "/c"], environment: vanish)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "")
        #expect(first.stdout.contains("1 deal"))
        // An indexed file changed, then deleted before the refresh reads it, leaves the index.
        folder.write("c/b.md", dealText(id: "B"))
        #expect(try runDealq(["index", folder.path + "/c"]).stdout.contains("2 deals"))
        folder.write("c/b.md", dealText(id: "B", body: "Changed.\n"))
        let refresh = try runDealq(["--corpus", folder.path + "/c", "--format", "csv", "count"], environment: vanish)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        #expect(refresh.stderr == "")
        #expect(refresh.stdout == "deals\n1\n")
        let after = try runDealq(["index", folder.path + "/c", "--format", "json"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("\"deals\" : 1") || after.stdout.contains("\"deals\":1"))
    }
}

/// `base` followed by raw name bytes, as a C path.
private func rawPath(_ base: String, _ tail: [UInt8]) -> [CChar] {
    (Array(base.utf8) + tail + [0]).map { CChar(bitPattern: $0) }
}

private struct RawPathError: Error { var what: String }

private func makeFolder(_ base: String, _ name: [UInt8]) throws {
    guard mkdir(rawPath(base, name), 0o755) == 0 else { throw RawPathError(what: "mkdir: \(String(cString: strerror(errno)))") }
}

private func makeFile(_ base: String, _ name: [UInt8], _ text: String) throws {
    let fd = open(rawPath(base, name), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw RawPathError(what: "open: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw RawPathError(what: "write") }
}

private func rename(_ base: String, _ name: [UInt8], to newName: String) throws {
    guard Glibc.rename(rawPath(base, name), base + newName) == 0 else { throw RawPathError(what: "rename") }
}

/// Removes a folder whatever its entries are named (FileManager needs UTF-8 names).
private func removeTree(_ path: String) {
    _ = try? runProgram("/bin/rm", ["-rf", path])
}

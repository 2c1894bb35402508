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
}

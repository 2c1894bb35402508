import Testing
@testable import DealqCore

/// The quick look at a file's `id:` line that `dealq check` uses to find possible duplicates.
@Suite struct IDLineTests {
    func scan(_ text: String) -> IDLine.Scan { IDLine.scan(Array(text.utf8)[...]) }

    @Test func findsTheIdLineOfTheFrontMatterOnly() {
        #expect(scan("---\nid: D-1\noutcome: won\n---\n") == .found(" D-1"))
        #expect(scan("\u{FEFF}---\r\naccount: x\r\nid: '007'\r\n---\r\n") == .found(" '007'"))
        #expect(scan("---\naccount: x\n---\nid: D-1\n") == .none, "a line of the body is not the id")
        #expect(scan("---\naccount: x\n...\nid: D-1\n") == .none)
        #expect(scan("# Notes\nid: D-1\n") == .none, "no front matter")
        #expect(scan("---\n  id: nested\n---\n") == .none, "only a top-level key")
        #expect(scan("") == .none)
    }

    @Test func bytesEndingInsideTheFrontMatterAreTruncated() {
        #expect(scan("---\naccount: x\nstage: ne") == .truncated)
        #expect(scan("---\naccount: x\nid: D-12") == .truncated, "an id line cut short is not trusted")
    }

    @Test func longFrontMatterIsReadPastTheFirstBytes() {
        let folder = TemporaryFolder()
        let filler = String(repeating: "note: \(String(repeating: "x", count: 90))\n", count: 60)
        folder.write("long.md", "---\n" + filler + "id: LATE\n---\nbody\n")
        #expect(IDLine.value(atPath: folder.path + "/long.md") == " LATE")
        folder.write("short.md", "---\nid: EARLY\n---\n")
        #expect(IDLine.value(atPath: folder.path + "/short.md") == " EARLY")
    }
}

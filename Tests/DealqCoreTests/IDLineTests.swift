import Testing
@testable import DealqCore

/// The quick look at a file's `id:` line that `dealq check` uses to find possible duplicates.
@Suite struct IDLineTests {
    func value(_ text: String) -> String? { IDLine.value(in: Array(text.utf8)).map(String.init) }

    @Test func findsTheIdLineOfTheFrontMatterOnly() {
        #expect(value("---\nid: D-1\noutcome: won\n---\n") == " D-1")
        #expect(value("\u{FEFF}---\r\naccount: x\r\nid: '007'\r\n---\r\n") == " '007'")
        #expect(value("---\naccount: x\n---\nid: D-1\n") == nil, "a line of the body is not the id")
        #expect(value("---\naccount: x\n...\nid: D-1\n") == nil)
        #expect(value("# Notes\nid: D-1\n") == nil, "no front matter")
        #expect(value("---\n  id: nested\n---\n") == nil, "only a top-level key")
        #expect(value("") == nil)
    }
}

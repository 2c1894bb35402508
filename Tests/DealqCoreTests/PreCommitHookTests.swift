import Foundation
import Testing
import Yams

/// `.pre-commit-hooks.yaml` at the repository root, in the pre-commit framework's format.
@Suite struct PreCommitHookTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".pre-commit-hooks.yaml").path

    @Test func hookFileHasTheRequiredKeys() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        #expect(hooks.count == 1)
        let hook = try #require(hooks.first)
        #expect(hook["id"] as? String == "dealq-check")
        #expect(hook["name"] as? String != nil)
        #expect(hook["entry"] as? String == "dealq check")
        #expect(hook["language"] as? String == "system")
        #expect(hook["pass_filenames"] as? Bool == true)
        let files = try Regex(try #require(hook["files"] as? String))
        #expect("2025/Q3/deal.md".contains(files))
        #expect(!"notes.mdx".contains(files))
        #expect(!"dealq.yml".contains(files))
    }
}

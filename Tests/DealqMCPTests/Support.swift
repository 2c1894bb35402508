import DealqCore
import DealqLanguage
import Foundation
import MCP
@testable import DealqMCP

/// JSON values of the protocol (DealqLanguage has a Value of its own).
typealias Value = MCP.Value

/// The repository's root folder.
let repositoryRoot: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}()

/// A copy of the bundled corpus in a temporary folder, its index beside it; removed when released.
final class CorpusCopy {
    let folder: String
    let session: CorpusSession

    init() throws {
        folder = NSTemporaryDirectory() + "dealq-mcp-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        let source = repositoryRoot + "/corpus"
        for item in try FileManager.default.contentsOfDirectory(atPath: source) where item != ".dealq" {
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: folder + "/corpus/" + item)
        }
        session = CorpusSession(corpus: folder + "/corpus", database: folder + "/index.sqlite", today: CalendarDate("2025-12-31"))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func call(_ tool: String, _ arguments: [String: Value] = [:]) throws -> CallTool.Result {
        try ToolBox.call(tool, arguments: arguments, session: session)
    }
}

extension CallTool.Result {
    var text: String {
        content.compactMap { if case .text(let text, _, _) = $0 { return text } else { return nil } }.joined(separator: "\n")
    }

    subscript(key: String) -> Value? { structuredContent?.objectValue?[key] }
}

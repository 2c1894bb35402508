import Testing
@testable import DealqCore

/// `DealFile.split`: the front matter is its lines, each ended by LF alone,
/// whether the file ends them in LF (the bytes taken as they are) or in CR LF.
@Suite struct DealFileSplitTests {
    static let pieces = ["id: D-1", "acv: 120000", "segment: Entreprise é", "  - a", "note: \"x\r y\"", "", "# —", "k: v\r", "tags: [a, b]"]

    @Test func frontMatterIsItsLinesEndedByLineFeeds() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...12, using: &rng)
            let lines = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }
            let endings = lines.map { _ in Bool.random(using: &rng) && Bool.random(using: &rng) ? "\r\n" : "\n" }
            let body = ["Body.\r\nMore.\n", "Body.\n", ""].randomElement(using: &rng)!
            var text = "---\n"
            for (line, end) in zip(lines, endings) { text += line + end }
            text += (Bool.random(using: &rng) ? "---" : "...") + (Bool.random(using: &rng) ? "\r\n" : "\n") + body
            guard case .deal(let file) = try DealFile.split(Array(text.utf8)) else {
                Issue.record("not a deal: \(text.debugDescription)")
                continue
            }
            // As the line scanner reads a line: up to LF, less one CR right before it.
            let expected = zip(lines, endings).map { line, end in
                (end == "\n" && line.hasSuffix("\r") ? String(line.dropLast()) : line) + "\n"
            }.joined()
            #expect(file.frontMatter == expected, "\(text.debugDescription)")
            #expect(file.body == body.replacingOccurrences(of: "\r\n", with: "\n"))
            #expect(file.bodyFirstLine == lines.count + 3)
        }
    }
}

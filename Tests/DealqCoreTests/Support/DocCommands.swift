import Foundation

/// What the documentation shows a reader running. The convention:
///
/// - every line of a ```` ```sh ```` block is a command typed in a shell, run
///   from inside the corpus (blank lines and `#` comment lines aside);
/// - every line of a ```` ```dealq ```` block is one query (text after an
///   unquoted ` #` is a comment);
/// - other blocks (`text`, `bash`, `yaml`, `markdown`) show files and answers
///   and are not run.
///
/// A command is not run when it changes the corpus's files (`dealq init`,
/// `import`, `index`, `check`: they are tested by their own suites), or when
/// its line carries the visible marker `# needs: …`, saying what it needs that
/// the bundled corpus does not have.
struct DocCommand: Equatable, CustomStringConvertible {
    enum Kind: Equatable { case shell, query }

    var kind: Kind
    var text: String
    var page: String
    var line: Int
    /// Why the command is not run, or nil.
    var skipped: String?

    var description: String { "\(page):\(line): \(text)" }

    static let fileChangingSubcommands: Set<String> = ["init", "import", "index", "check"]

    static func commands(in page: MarkdownPage) -> [DocCommand] {
        let name = URL(fileURLWithPath: page.path).lastPathComponent
        var result: [DocCommand] = []
        for block in page.codeBlocks where block.info == "sh" || block.info == "dealq" {
            for (offset, raw) in block.lines.enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                var command = DocCommand(kind: block.info == "sh" ? .shell : .query, text: line, page: name,
                                         line: block.firstLine + offset, skipped: nil)
                if command.kind == .query {
                    command.text = withoutComment(line)
                } else if let marker = line.range(of: "# needs:") {
                    command.skipped = String(line[marker.lowerBound...])
                } else {
                    let words = line.split(separator: " ").map(String.init)
                    if words.count > 1, words[0] == "dealq", fileChangingSubcommands.contains(words[1]) {
                        command.skipped = "changes files: dealq \(words[1])"
                    }
                }
                result.append(command)
            }
        }
        return result
    }

    /// The query without a trailing ` # comment` outside double quotes.
    static func withoutComment(_ line: String) -> String {
        var inQuotes = false
        var previous: Character = " "
        for index in line.indices {
            let c = line[index]
            if c == "\"" { inQuotes.toggle() }
            if c == "#", !inQuotes, previous == " " {
                return line[..<index].trimmingCharacters(in: .whitespaces)
            }
            previous = c
        }
        return line
    }
}

import Foundation

/// A markdown page of the repository, read for what the documentation tests
/// check: its fenced code blocks and its links.
struct MarkdownPage {
    struct CodeBlock: Equatable {
        /// The info string after the opening fence (`sh`, `dealq`, `text`…).
        var info: String
        /// The lines between the fences.
        var lines: [String]
        /// File line of the first content line.
        var firstLine: Int
    }

    struct Link: Equatable {
        var target: String
        var line: Int
    }

    let path: String
    let text: String

    init(path: String) throws {
        self.path = path
        text = try String(contentsOfFile: path, encoding: .utf8)
    }

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    private var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Blocks fenced with three backticks at the start of a line.
    var codeBlocks: [CodeBlock] {
        var blocks: [CodeBlock] = []
        var open: CodeBlock?
        for (index, line) in lines.enumerated() {
            if var block = open {
                if line == "```" {
                    blocks.append(block)
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if line.hasPrefix("```") {
                open = CodeBlock(info: String(line.dropFirst(3)), lines: [], firstLine: index + 2)
            }
        }
        return blocks
    }

    /// The anchors of the page's headings, as GitHub makes them: lower case,
    /// punctuation dropped (letters, digits, `-` and `_` kept), spaces to `-`.
    var anchors: Set<String> {
        var result: Set<String> = []
        var inBlock = false
        for line in lines {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            guard !inBlock, line.hasPrefix("#") else { continue }
            let title = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            var slug = ""
            for character in title.lowercased() {
                if character == " " {
                    slug.append("-")
                } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                    slug.append(character)
                }
            }
            result.insert(slug)
        }
        return result
    }

    /// Targets of inline links `[text](target)` outside code blocks and code spans.
    var links: [Link] {
        var result: [Link] = []
        var inBlock = false
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            if inBlock { continue }
            var prose = ""
            var inCode = false
            for character in line {
                if character == "`" { inCode.toggle(); continue }
                if !inCode { prose.append(character) }
            }
            var rest = Substring(prose)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                result.append(Link(target: String(after[..<close]), line: index + 1))
                rest = after[after.index(after: close)...]
            }
        }
        return result
    }
}

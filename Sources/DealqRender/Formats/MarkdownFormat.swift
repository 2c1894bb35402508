/// A GitHub-flavored Markdown table, padded so it also reads well as plain text.
///
/// Cells are formatted for people as in `table` output (`$120K`, `42.1%`, one `95% CI`
/// column, `—` for absent values); highlighted words become `**bold**`; Markdown
/// punctuation in cells (`\ | * \` < [ ]`, and `_` outside words) is backslash-escaped. Numeric columns are
/// right-aligned (`---:`). When rows were cut, a blank line and the "showing N of M"
/// line follow the table.
struct MarkdownFormat: TableFormat {
    func write<Stream: TextOutputStream>(_ table: Table, options: RenderOptions, to stream: inout Stream) {
        guard !table.columns.isEmpty else { return }
        let human = HumanTable(table, maxRows: options.maxRows)
        let headers = human.columns.map { MarkdownFormat.escaped($0.header) }
        let cells = human.rows.map { row in row.map { $0.map(MarkdownFormat.markdown) ?? nullText } }
        let widths = human.columns.indices.map { index in
            max(3, displayWidth(headers[index]), cells.map { displayWidth($0[index]) }.max() ?? 0)
        }
        func line(_ texts: [String]) -> String {
            let padded = texts.enumerated().map { index, text in
                pad(text, to: widths[index], right: human.columns[index].alignRight)
            }
            return "| " + padded.joined(separator: " | ") + " |\n"
        }
        stream.write(line(headers))
        let rule = human.columns.enumerated().map { index, column in
            column.alignRight
                ? String(repeating: "-", count: widths[index] - 1) + ":"
                : String(repeating: "-", count: widths[index])
        }
        stream.write("| " + rule.joined(separator: " | ") + " |\n")
        for row in cells { stream.write(line(row)) }
        if let footer = human.cutFooter { stream.write("\n" + footer + "\n") }
    }

    /// Styled text in Markdown: highlights in `**bold**` (spaces kept outside the markers).
    static func markdown(_ text: StyledText) -> String {
        text.runs.map { run in
            let escapedText = escaped(run.text)
            guard run.highlighted else { return escapedText }
            let core = escapedText.trimmingSpaces()
            guard !core.isEmpty else { return escapedText }
            let leading = escapedText.prefix { $0 == " " }
            let trailing = escapedText.reversed().prefix { $0 == " " }
            return leading + "**" + core + "**" + String(trailing)
        }.joined()
    }

    static func escaped(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if "\\|*`<[]".contains(character) {
                out.append("\\")
            } else if character == "_" {
                // Underscores inside words (`top_driver`) never start emphasis in GFM.
                let inWord = index > 0 && index < characters.count - 1
                    && isWordCharacter(characters[index - 1]) && isWordCharacter(characters[index + 1])
                if !inWord { out.append("\\") }
            }
            out.append(character)
        }
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// `text` padded with spaces to `width` columns, on the left when `right`.
func pad(_ text: String, to width: Int, right: Bool) -> String {
    let spaces = String(repeating: " ", count: max(0, width - displayWidth(text)))
    return right ? spaces + text : text + spaces
}

private func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
}

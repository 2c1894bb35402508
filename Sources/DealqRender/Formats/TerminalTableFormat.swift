/// Aligned columns for a person on a terminal.
///
/// ```
/// quarter  deals  won  lost  winrate
/// ───────  ─────  ───  ────  ───────  ──────────────────────────────
/// (all)      120   50    70    41.7%  ████████████▌
/// 2024-Q1     31   12    19    38.7%  ███████████▋
/// ```
///
/// A header, a rule, one line per row, then footer lines: "showing N of M — limit:all
/// for all" when rows were cut, and the columns left out to fit the width. Numbers are
/// right-aligned and formatted for reading (`$120K`, `42.1%`, `+5.2 pts`, `1,234`);
/// `ci_low`/`ci_high` read as one `95% CI` column (`31.2–48.9%`); absent values are `—`;
/// free text is cut with `…` to fit (see `GridLayout`). Highlighted words are bold yellow
/// with color, plain without. Trailing spaces are trimmed; no line is wider than the
/// width, unless the first column alone is a number wider than it.
///
/// `Table.layout` asks for cards instead: `.quotes` (see `QuoteCards`) and `.snippets`
/// (see `SnippetRows`).
struct TerminalTableFormat: TableFormat {
    static let noRows = "(no rows)"

    func write<Stream: TextOutputStream>(_ table: Table, options: RenderOptions, to stream: inout Stream) {
        guard !table.columns.isEmpty else { return }
        switch table.layout {
        case .grid, .terms:
            break
        case .quotes:
            if let cards = QuoteCards(table) { return cards.write(options: options, to: &stream) }
        case .snippets:
            if let rows = SnippetRows(table) { return rows.write(options: options, to: &stream) }
        }
        let grid = Grid(table, options: options)
        for line in grid.head { stream.write(line + "\n") }
        if grid.rows.isEmpty { stream.write(TerminalTableFormat.noRows + "\n") }
        for line in grid.rows { stream.write(line + "\n") }
        for line in grid.footers { stream.write(line + "\n") }
    }
}

/// The lines of the grid, in pieces so that other layouts can put lines between rows.
struct Grid {
    /// The header and the rule.
    var head: [String]
    /// One line per row shown (rows cut to `maxRows`).
    var rows: [String]
    /// "showing N of M — limit:all for all" and "hidden to fit: …", wrapped to the width.
    var footers: [String]

    init(_ table: Table, options: RenderOptions) {
        let human = HumanTable(table, maxRows: options.maxRows)
        let cells = human.rows.map { row in row.map { $0 ?? StyledText(plain: nullText) } }
        let headers = human.columns.map { StyledText(plain: $0.header) }
        let chart = BarChart(table, rows: human.sourceRows)

        let keySources = [table.timeColumn, table.barColumn].compactMap { $0 }
        let natural = human.columns.indices.map { index in
            max(headers[index].width, cells.map { $0[index].width }.max() ?? 0)
        }
        let layout = GridLayout(
            natural: natural,
            floors: human.columns.indices.map { index in
                switch human.columns[index].kind {
                case .text: min(natural[index], GridLayout.textFloor)
                case .snippet: min(natural[index], GridLayout.snippetFloor)
                default: natural[index]
                }
            },
            droppable: human.columns.indices.map { index in
                index != 0 && human.columns[index].kind != .snippet
                    && (chart == nil || !human.columns[index].sources.contains(where: keySources.contains))
            },
            bar: chart != nil,
            width: options.width)

        func line(_ texts: [StyledText], bar: String?) -> String {
            var parts = layout.visible.map { index -> String in
                let text = texts[index].truncated(toWidth: layout.widths[index])
                let padding = String(repeating: " ", count: max(0, layout.widths[index] - text.width))
                let shown = text.terminalText(color: options.color)
                return human.columns[index].alignRight ? padding + shown : shown + padding
            }
            if let bar { parts.append(bar) }
            return trimmingTrailingSpaces(parts.joined(separator: String(repeating: " ", count: GridLayout.gap)))
        }

        var rule = layout.visible.map { String(repeating: "─", count: layout.widths[$0]) }
        if let barWidth = layout.barWidth { rule.append(String(repeating: "─", count: barWidth)) }
        head = [line(headers, bar: layout.barWidth.map { _ in "" }),
                rule.joined(separator: String(repeating: " ", count: GridLayout.gap))]
        rows = cells.enumerated().map { rowIndex, row in
            line(row, bar: layout.barWidth.map { BarChart.bar(chart?.fractions[rowIndex], width: $0) })
        }

        var footers: [String] = []
        if let cut = human.cutFooter { footers.append(cut) }
        if !layout.hidden.isEmpty {
            // Names are kept whole when the line wraps.
            let names = layout.hidden.map { human.columns[$0].header.replacingAll(" ", with: "\u{A0}") }
            footers.append("hidden to fit: " + names.joined(separator: ", "))
        }
        self.footers = footerLines(footers, width: options.width)
    }
}

/// Footer lines wrapped to the width (nil: not wrapped); non-breaking spaces keep words together.
func footerLines(_ footers: [String], width: Int?) -> [String] {
    footers.flatMap { footer in
        (width.map { wrap(footer, toWidth: $0) } ?? [footer]).map { $0.replacingAll("\u{A0}", with: " ") }
    }
}

func trimmingTrailingSpaces(_ text: String) -> String {
    var text = Substring(text)
    while text.last == " " { text = text.dropLast() }
    return String(text)
}

/// Words of `text` on lines of at most `width` columns (a word wider than that is cut).
func wrap(_ text: String, toWidth width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
        if current.isEmpty {
            current = word
        } else if displayWidth(current) + 1 + displayWidth(word) <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = word
        }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines.map { truncate($0, toWidth: width) }
}

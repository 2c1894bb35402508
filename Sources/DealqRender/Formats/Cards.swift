// The card layouts of `table` output (`Table.Layout.quotes` and `.snippets`): prose that a
// grid would cut to a few words is wrapped to the width instead.

/// How wide card prose runs: the terminal width, at most `maxWidth` columns (also the width
/// when none is given), so that lines stay short enough to read.
enum CardWidth {
    static let maxWidth = 100

    static func of(_ options: RenderOptions) -> Int {
        max(1, min(options.width ?? maxWidth, maxWidth))
    }
}

/// One card per row, for the `quotes` verb:
///
/// ```
/// “What stuck with me is that the RevOps Lead would not sign without a proper
///  security review, and it never got scheduled.”
///    — RevOps Lead, interview, 2025-12-28 · Buyer interview
///    D-2025-00049 Nimbus Agritech · lost · $87K
/// ```
///
/// The quote is word-wrapped in typographic quotes (continuation lines indented one column,
/// under its first letter); then the attribution (speaker, source, date · section) and the
/// context (deal account · outcome · acv, then any other columns as `name: value`), both
/// indented three columns and dim with color. Absent or empty fields are left out with
/// their separators; a line with no fields is left out; an absent quote reads `—`. Highlighted words in the quote are
/// bold yellow with color, plain without. A blank line separates the cards and comes
/// before the footer ("showing N of M — limit:all for all") when rows were cut.
struct QuoteCards {
    static let attributionFirst = "   — "
    static let attributionRest = "     "
    static let contextIndent = "   "
    /// The columns the card places; any others join the context line.
    static let placed: Set<String> = Set(([.quote, .speaker, .source, .date, .section, .deal, .account, .outcome, .acv] as [Field])
        .map(\.rawValue))

    let table: Table
    let quote: Int

    /// Nil when the table has no `quote` column (it is then drawn as a grid).
    init?(_ table: Table) {
        guard let quote = table.column(.quote) else { return nil }
        self.table = table
        self.quote = quote
    }

    func write<Stream: TextOutputStream>(options: RenderOptions, to stream: inout Stream) {
        let human = HumanTable(table, maxRows: options.maxRows)
        let width = CardWidth.of(options)
        if human.sourceRows.isEmpty { stream.write(TerminalTableFormat.noRows + "\n") }
        for (index, row) in human.sourceRows.enumerated() {
            if index > 0 { stream.write("\n") }
            for line in card(row, width: width, color: options.color) { stream.write(line + "\n") }
        }
        let footers = footerLines(human.cutFooter.map { [$0] } ?? [], width: options.width)
        if !footers.isEmpty, !human.sourceRows.isEmpty { stream.write("\n") }
        for line in footers { stream.write(line + "\n") }
    }

    /// The lines of one card.
    func card(_ row: [Cell], width: Int, color: Bool) -> [String] {
        var body = QuoteCards.quoteText(table.cell(row: row, column: quote)).words
        if body.isEmpty {
            body = [WrapWord(plain: nullText)]
        } else {
            body[0] = body[0].prepending("“")
            body[body.count - 1] = body[body.count - 1].appending("”")
        }
        var lines = wrap(body, toWidth: width, first: "", rest: " ").map { $0.terminalText(color: color) }

        let who = ([.speaker, .source, .date] as [Field]).compactMap(field)
        let attribution = [who, [field(.section)].compactMap { $0 }].filter { !$0.isEmpty }
        lines += wrap(QuoteCards.words(attribution, fitting: width - QuoteCards.attributionRest.count),
                      toWidth: width, first: QuoteCards.attributionFirst, rest: QuoteCards.attributionRest)
            .map { $0.terminalText(color: color, dim: true) }

        var context = [([.deal, .account] as [Field]).compactMap(field).joined(separator: " ")] + ([.outcome, .acv] as [Field]).compactMap(field)
        for (index, column) in table.columns.enumerated()
        where index != quote && !QuoteCards.placed.contains(column.name) {
            if let value = text(row, index) { context.append(oneLine(column.name) + ": " + value) }
        }
        lines += wrap(QuoteCards.words(context.filter { !$0.isEmpty }.map { [$0] },
                                       fitting: width - QuoteCards.contextIndent.count),
                      toWidth: width, first: QuoteCards.contextIndent, rest: QuoteCards.contextIndent)
            .map { $0.terminalText(color: color, dim: true) }
        return lines

        func field(_ name: Field) -> String? { self.field(name, in: row) }
    }

    /// The named column's cell as a person reads it; nil when there is no such column or no value.
    private func field(_ name: Field, in row: [Cell]) -> String? {
        table.column(name).flatMap { text(row, $0) }
    }

    /// The quote, and who said it and in which deal (`speaker, source, date · section; deal account · outcome · acv`),
    /// as plain strings for documents.
    func parts(_ row: [Cell]) -> (quote: String, source: String) {
        func field(_ name: Field) -> String? { self.field(name, in: row) }
        let quoteText = removingHighlightMarkers(QuoteCards.quoteText(table.cell(row: row, column: quote)).plain).trimmingSpaces()
        let who = ([.speaker, .source, .date] as [Field]).compactMap(field).joined(separator: ", ")
        let attribution = [who, field(.section) ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
        let deal = ([.deal, .account] as [Field]).compactMap(field).joined(separator: " ")
        let context = ([deal] + ([.outcome, .acv] as [Field]).compactMap(field)).filter { !$0.isEmpty }.joined(separator: " · ")
        let source = [oneLine(attribution), oneLine(context)].filter { !$0.isEmpty }.joined(separator: "; ")
        return (quoteText.isEmpty ? nullText : "“" + oneLine(quoteText) + "”", source)
    }

    /// A cell as a person reads it (`$87K`, `2025-12-28`); nil when absent or blank.
    private func text(_ row: [Cell], _ column: Int) -> String? {
        guard let text = humanText(table.cell(row: row, column: column), column: table.columns[column]) else {
            return nil
        }
        let plain = removingHighlightMarkers(text.plain).trimmingSpaces()
        return plain.isEmpty ? nil : plain
    }

    /// The quote with highlight markers read, without quotation marks around the whole of it.
    static func quoteText(_ cell: Cell) -> StyledText {
        switch cell {
        case .text(var text):
            text = text.trimmingSpaces()
            if text.count >= 2, let first = text.first, let last = text.last,
               first == "\"" || first == "“", last == "\"" || last == "”" {
                text = String(text.dropFirst().dropLast())
            }
            return StyledText(snippet: text)
        default:
            return humanText(cell, column: Column(.quote, .text)) ?? StyledText(runs: [])
        }
    }

    /// Words of groups of fields: fields joined by `, `, groups by ` · `, each mark kept at
    /// the end of the field before it. A field that fits in `fitting` columns (with its mark)
    /// stays whole on one line; a longer one breaks between its words.
    static func words(_ groups: [[String]], fitting: Int) -> [WrapWord] {
        var words: [WrapWord] = []
        for (groupIndex, group) in groups.enumerated() {
            for (fieldIndex, field) in group.enumerated() {
                let mark = fieldIndex < group.count - 1 ? "," : groupIndex < groups.count - 1 ? " ·" : ""
                let text = oneLine(field)
                var fieldWords = displayWidth(text) + displayWidth(mark) <= fitting
                    ? [WrapWord(plain: text)] : StyledText(plain: text).words
                guard !fieldWords.isEmpty else { continue }
                fieldWords[fieldWords.count - 1] = fieldWords[fieldWords.count - 1].appending(mark)
                words += fieldWords
            }
        }
        return words
    }
}

/// The grid of a `deals` answer without its snippet column, each row followed by its
/// snippet, indented four columns and word-wrapped to the width (at most 100 columns):
///
/// ```
/// id      account              outcome     acv  closed
/// ──────  ───────────────────  ───────  ──────  ──────────
/// D-0412  Northwind Logistics  lost      $120K  2025-06-30
///     the security review took eleven weeks and procurement walked
///
/// D-0388  Contoso, Ltd.        won      $48.5K  2025-05-14
///     we passed the security questionnaire on the first try
/// ```
///
/// A blank line separates the rows (and comes before the footers). Highlighted words are
/// bold yellow with color, plain without (as in the grid). A row without a snippet is
/// just its grid line. The grid is fitted as usual, so columns may still be hidden.
struct SnippetRows {
    static let indent = "    "

    let table: Table
    let snippet: Int

    /// Nil when the table has no snippet column (it is then drawn as a grid).
    init?(_ table: Table) {
        guard let snippet = table.columns.firstIndex(where: { $0.kind == .snippet })
            ?? table.column(.snippet)
        else { return nil }
        self.table = table
        self.snippet = snippet
    }

    /// The table without the snippet column, drawn as a grid.
    var gridTable: Table {
        func remapped(_ column: Int?) -> Int? {
            guard let column, column != snippet else { return nil }
            return column > snippet ? column - 1 : column
        }
        var columns = table.columns
        columns.remove(at: snippet)
        let rows = table.rows.map { row in
            var row = row
            if snippet < row.count { row.remove(at: snippet) }
            return row
        }
        return Table(columns: columns, rows: rows, totalRows: table.totalRows,
                     timeColumn: remapped(table.timeColumn), barColumn: remapped(table.barColumn))
    }

    func write<Stream: TextOutputStream>(options: RenderOptions, to stream: inout Stream) {
        let grid = Grid(gridTable, options: options)
        let width = CardWidth.of(options)
        for line in grid.head { stream.write(line + "\n") }
        if grid.rows.isEmpty { stream.write(TerminalTableFormat.noRows + "\n") }
        for (index, line) in grid.rows.enumerated() {
            if index > 0 { stream.write("\n") }
            stream.write(line + "\n")
            let text: StyledText
            switch table.cell(row: table.rows[index], column: snippet) {
            case .text(let snippet): text = StyledText(snippet: snippet)
            case let cell: text = humanText(cell, column: Column(.snippet, .snippet)) ?? StyledText(runs: [])
            }
            for wrapped in wrap(text.words, toWidth: width, first: SnippetRows.indent, rest: SnippetRows.indent) {
                stream.write(wrapped.terminalText(color: options.color) + "\n")
            }
        }
        if !grid.footers.isEmpty, !grid.rows.isEmpty { stream.write("\n") }
        for line in grid.footers { stream.write(line + "\n") }
    }
}

/// A `quotes` answer as Markdown block quotes, one per row, for documents a person
/// reads (reports): the quote, then who said it and in which deal on the next line.
///
/// ```
/// > “Implementation took two weeks.”\
/// > — CIO, interview, 2025-06-20 · Buyer interview; A-1 Alpha Corp · won · $100K
/// ```
///
/// Nil when the table has no `quote` column.
public func markdownQuotes(_ table: Table) -> String? {
    guard let cards = QuoteCards(table) else { return nil }
    return table.rows.map { row in
        let (quote, source) = cards.parts(row)
        return "> " + MarkdownFormat.escaped(quote) + (source.isEmpty ? "" : "\\\n> — " + MarkdownFormat.escaped(source)) + "\n"
    }.joined(separator: "\n")
}

/// A `quotes` answer as HTML `<blockquote>`s, one per row (see `markdownQuotes`).
public func htmlQuotes(_ table: Table) -> String? {
    guard let cards = QuoteCards(table) else { return nil }
    return table.rows.map { row in
        let (quote, source) = cards.parts(row)
        return "<blockquote><p>\(htmlEscaped(quote))</p>" + (source.isEmpty ? "" : "<footer>— \(htmlEscaped(source))</footer>") + "</blockquote>\n"
    }.joined()
}

import DealqLanguage

/// The output formats of an answer (`--format`).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a person on a terminal, fitted to the width; time groups drawn as bars.
    case table
    /// RFC 4180 CSV with a header line; numbers plain and unrounded.
    case csv
    /// One JSON array of objects, one object per row.
    case json
    /// One JSON object per line.
    case jsonl
    /// A GitHub-flavored Markdown table with human formatting.
    case markdown

    /// Reads a format name (case-insensitive); throws an error naming the valid ones.
    public init(parsing text: String) throws(OutputFormatError) {
        let key = text.lowercased()
        guard let format = OutputFormat(rawValue: key) else {
            throw OutputFormatError(text: text)
        }
        self = format
    }

    /// Whether this format is for people (human number formatting, `maxRows` applies).
    public var isHuman: Bool { self == .table || self == .markdown }
}

/// An unknown `--format` value.
public struct OutputFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text that was given.
    public var text: String

    public init(text: String) { self.text = text }

    /// The closest valid format, when one is close enough to be a likely typo (the same rule as every "did you mean").
    public var suggestion: OutputFormat? {
        Suggest.closest(to: text, among: OutputFormat.allCases.map(\.rawValue)).flatMap(OutputFormat.init(rawValue:))
    }

    public var description: String {
        var message = "unknown output format '\(text)'"
        if let suggestion { message += " (did you mean '\(suggestion.rawValue)'?)" }
        let valid = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        return message + "; valid formats: \(valid)"
    }
}

/// How to render: everything a renderer needs to know about where the text goes.
/// Renderers never query the terminal; the caller passes width and color in.
public struct RenderOptions: Sendable, Equatable {
    /// The terminal width in columns for `table` output; nil: no limit (lines as wide as their content).
    public var width: Int?
    /// Whether `table` output may use ANSI styles (highlighted words in bold yellow).
    public var color: Bool
    /// Show at most this many rows in the human formats (`table`, `markdown`), with a
    /// "showing N of M" footer. Machine formats (`csv`, `json`, `jsonl`) always write every row.
    public var maxRows: Int?
    /// CSV for a spreadsheet program rather than a script (see `CSVFormat`).
    public var spreadsheet: Bool

    public init(width: Int? = nil, color: Bool = false, maxRows: Int? = nil, spreadsheet: Bool = false) {
        self.width = width
        self.color = color
        self.maxRows = maxRows
        self.spreadsheet = spreadsheet
    }
}

/// Renders a table in a format as one string (every line ends with a newline).
public func render(_ table: Table, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
    var text = ""
    render(table, as: format, options: options, to: &text)
    return text
}

/// Renders a table in a format, writing to a stream.
public func render<Stream: TextOutputStream>(
    _ table: Table, as format: OutputFormat, options: RenderOptions = RenderOptions(),
    to stream: inout Stream
) {
    if format == .table, let (grids, footnotes) = TimeGrid.grids(table) {
        for (index, (grid, caption)) in grids.enumerated() {
            if index > 0 { stream.write("\n") }
            stream.write(caption + "\n")
            render(grid, as: .table, options: options, to: &stream)
        }
        if !footnotes.isEmpty { stream.write("\n") }
        for line in footerLines(footnotes, width: format == .table ? options.width : nil) { stream.write(line + "\n") }
        return
    }
    if format.isHuman, table.layout == .terms {
        return render(TermsView.forPeople(table), as: format, options: options, to: &stream)
    }
    if format.isHuman && (table.marks.contains { $0 != nil } || !table.footnotes.isEmpty) {
        var shown = table
        if table.marks.contains(where: { $0 != nil }) {
            shown.columns.append(Column(.note, .text))
            shown.rows = table.rows.enumerated().map { index, row in
                row + [.text(Wording.note(index < table.marks.count ? table.marks[index] : nil))]
            }
        }
        shown.marks = []
        shown.footnotes = []
        render(shown, as: format, options: options, to: &stream)
        if !table.footnotes.isEmpty { stream.write("\n") }
        let lines = table.footnotes.map { Wording.footnote($0) }
        for line in footerLines(lines, width: format == .table ? options.width : nil) { stream.write(line + "\n") }
        return
    }
    switch format {
    case .table: TerminalTableFormat().write(table, options: options, to: &stream)
    case .csv: CSVFormat().write(table, options: options, to: &stream)
    case .json: JSONFormat(lines: false).write(table, options: options, to: &stream)
    case .jsonl: JSONFormat(lines: true).write(table, options: options, to: &stream)
    case .markdown: MarkdownFormat().write(table, options: options, to: &stream)
    }
}

/// One renderer per output format.
protocol TableFormat {
    func write<Stream: TextOutputStream>(_ table: Table, options: RenderOptions, to stream: inout Stream)
}

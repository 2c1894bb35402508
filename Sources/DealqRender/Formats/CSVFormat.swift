/// CSV for scripts and spreadsheets: a header line of column names, then one record per row.
///
/// Fields are quoted as RFC 4180 says (when they hold a comma, a double quote, CR or LF;
/// quotes doubled); records end with LF. Numbers are plain and unrounded (`120000`,
/// `0.42105263157894735`), absent values are empty fields, snippets lose their highlight markers.
///
/// With `RenderOptions.spreadsheet` (files meant to be opened in Excel, LibreOffice or
/// Google Sheets and imported into a CRM): a UTF-8 byte-order mark first (so that Excel
/// reads accented names as UTF-8), records end with CRLF as RFC 4180 says, and a text
/// field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
/// tab or CR) gets a leading `'`, so a CRM value like `=HYPERLINK(…)` stays text.
struct CSVFormat: TableFormat {
    func write<Stream: TextOutputStream>(_ table: Table, options: RenderOptions, to stream: inout Stream) {
        guard !table.columns.isEmpty else { return }
        let end = options.spreadsheet ? "\r\n" : "\n"
        if options.spreadsheet { stream.write("\u{FEFF}") }
        writeRecord(table.columns.map(\.name), end: end, to: &stream)
        for row in table.rows {
            let fields = table.columns.indices.map { index -> String in
                switch machineValue(table.cell(row: row, column: index), kind: table.columns[index].kind) {
                case .null: ""
                case .number(let text): text
                case .string(let text): options.spreadsheet ? CSVFormat.inert(text) : text
                }
            }
            writeRecord(fields, end: end, to: &stream)
        }
    }

    private func writeRecord<Stream: TextOutputStream>(_ fields: [String], end: String, to stream: inout Stream) {
        stream.write(fields.map(CSVFormat.quoted).joined(separator: ","))
        stream.write(end)
    }

    /// Text a spreadsheet would take for a formula, made plain text with a leading `'`.
    static func inert(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// The field as it appears in a record.
    static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}

/// CSV for scripts and spreadsheets: a header line of column names, then one record per row.
///
/// Fields are quoted as RFC 4180 says (when they hold a comma, a double quote, CR or LF;
/// quotes doubled); records end with LF. Numbers are plain and unrounded (`120000`,
/// `0.42105263157894735`), absent values are empty fields, snippets lose their highlight markers.
struct CSVFormat: TableFormat {
    func write<Stream: TextOutputStream>(_ table: Table, options: RenderOptions, to stream: inout Stream) {
        guard !table.columns.isEmpty else { return }
        writeRecord(table.columns.map(\.name), to: &stream)
        for row in table.rows {
            let fields = table.columns.indices.map { index -> String in
                switch machineValue(table.cell(row: row, column: index), kind: table.columns[index].kind) {
                case .null: ""
                case .string(let text), .number(let text): text
                }
            }
            writeRecord(fields, to: &stream)
        }
    }

    private func writeRecord<Stream: TextOutputStream>(_ fields: [String], to stream: inout Stream) {
        stream.write(fields.map(CSVFormat.quoted).joined(separator: ","))
        stream.write("\n")
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

/// JSON for scripts: an array of objects, one per row (`json`), or one object per line (`jsonl`).
///
/// Keys are the column names in column order. Numbers are JSON numbers, unrounded
/// (integers without `.0`, doubles in their shortest round-trip form); NaN and infinities
/// become `null`, as do absent values. Dates are `"YYYY-MM-DD"` strings. Strings are
/// UTF-8 with `"`, `\`, control characters and U+2028/U+2029 escaped.
///
/// `json` writes `[`, one object per line (indented two spaces), and `]`; an empty answer is `[]`.
/// `jsonl` writes nothing for an empty answer.
struct JSONFormat: TableFormat {
    var lines: Bool

    func write<Stream: TextOutputStream>(_ table: Table, options: RenderOptions, to stream: inout Stream) {
        let keys = table.columns.map { JSONFormat.quoted($0.name) }
        if lines {
            for row in table.rows {
                writeObject(row, table: table, keys: keys, to: &stream)
                stream.write("\n")
            }
            return
        }
        guard !table.rows.isEmpty else {
            stream.write("[]\n")
            return
        }
        stream.write("[\n")
        for (index, row) in table.rows.enumerated() {
            stream.write("  ")
            writeObject(row, table: table, keys: keys, to: &stream)
            stream.write(index == table.rows.count - 1 ? "\n" : ",\n")
        }
        stream.write("]\n")
    }

    private func writeObject<Stream: TextOutputStream>(
        _ row: [Cell], table: Table, keys: [String], to stream: inout Stream
    ) {
        stream.write("{")
        for (index, column) in table.columns.enumerated() {
            if index > 0 { stream.write(",") }
            stream.write(keys[index])
            stream.write(":")
            switch machineValue(table.cell(row: row, column: index), kind: column.kind) {
            case .null: stream.write("null")
            case .number(let literal): stream.write(literal)
            case .string(let text): stream.write(JSONFormat.quoted(text))
            }
        }
        stream.write("}")
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String { jsonStringLiteral(text) }
}

/// A JSON string literal: quotes, backslashes, control characters and the
/// line separators JavaScript chokes on escaped; other text as UTF-8.
public func jsonStringLiteral(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{8}": out += "\\b"
        case "\u{C}": out += "\\f"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

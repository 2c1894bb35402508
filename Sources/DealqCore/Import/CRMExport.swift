import Foundation
import SwiftCSV

/// A CRM export as read from its CSV text: the header and every record with
/// the file line it starts on.
public struct CRMExport: Sendable {
    public struct Record: Sendable {
        /// File line of the record's first character (quoted line breaks count).
        public var line: Int
        public var fields: [String]

        /// The record's cell in a column, trimmed, with line breaks as LF; "" when the record is short.
        public func cell(_ column: Int) -> String {
            guard fields.indices.contains(column) else { return "" }
            return CRMExport.clean(fields[column])
        }

        /// A record of empty cells only (a blank line, or `,,,`).
        public var isBlank: Bool { fields.allSatisfy { CRMExport.clean($0).isEmpty } }
    }

    public var header: [String]
    public var records: [Record]

    /// Reads UTF-8 CSV bytes (with or without a byte-order mark, LF or CRLF line ends).
    public init(bytes: [UInt8]) throws(ImportError) {
        if DealFile.firstInvalidUTF8(bytes, from: 0) != nil { throw .csvSyntax("the file is not valid UTF-8") }
        try self.init(text: String(decoding: bytes, as: UTF8.self))
    }

    public init(text: String) throws(ImportError) {
        // Quotes come in pairs in well-formed CSV (an escaped quote is written twice):
        // an odd count means a quoted field that never ends, which would swallow the
        // rest of the file into one cell.
        if text.utf8.lazy.filter({ $0 == 0x22 }).count % 2 == 1 {
            throw .csvSyntax("a quoted field is never closed (the file has an odd number of '\"')")
        }
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch let error as CSVParseError {
            throw .csvSyntax(Self.describe(error))
        } catch {
            throw .csvSyntax("\(error)")
        }
        header = csv.header
        // The library gives fields, not positions: a record spans one line plus the
        // line breaks kept inside its quoted fields (blank lines are records too).
        var line = 2 + Self.lineBreaks(in: csv.header)
        records = []
        records.reserveCapacity(csv.rows.count)
        for fields in csv.rows {
            records.append(Record(line: line, fields: fields))
            line += 1 + Self.lineBreaks(in: fields)
        }
    }

    /// Line breaks inside fields: CRLF, LF and a lone CR each count once.
    static func lineBreaks(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            var afterCR = false
            for byte in field.utf8 {
                if byte == 0x0D { count += 1; afterCR = true; continue }
                if byte == 0x0A, !afterCR { count += 1 }
                afterCR = false
            }
        }
        return count
    }

    /// Trimmed, CRLF and CR turned into LF.
    static func clean(_ text: String) -> String {
        var t = text
        if t.utf8.contains(0x0D) {
            t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return Trimming.trimmed(t, newlines: true)
    }

    private static func describe(_ error: CSVParseError) -> String {
        switch error {
        case .generic(let message), .quotation(let message): return message
        }
    }
}

/// Why an import cannot start (nothing is written). The message is built here,
/// in one place; `status` is the documented exit status.
public enum ImportError: Error, Equatable, Sendable {
    /// A --map argument that is not FIELD=COLUMN.
    case mapSyntax(String)
    /// A --map FIELD that the import does not write.
    case unknownField(String)
    /// A --map or --keep COLUMN the export does not have.
    case noSuchColumn(option: String, column: String, header: [String])
    /// A --keep COLUMN whose key would be a built-in field.
    case keepIsBuiltin(column: String, key: String)
    /// A required field (id, outcome, close date) with no column.
    case missingColumn(field: String, map: String, tried: [String])
    case dateFormat(String)
    /// Slash dates that read both ways, or that disagree on the order.
    case undecidedDates(column: String, example: String)
    case contradictoryDates(column: String, dayFirst: (line: Int, value: String), monthFirst: (line: Int, value: String))
    case unreadable(path: String, reason: String)
    case csvSyntax(String)
    case template(String)
    case corpus(String)

    public var status: Int32 {
        switch self {
        case .csvSyntax, .template, .corpus: return 1
        default: return 2
        }
    }

    public var message: String {
        switch self {
        case .mapSyntax(let text):
            return "--map takes FIELD=COLUMN (e.g. --map acv=\"Total Contract Value\"), not '\(text)'"
        case .unknownField(let field):
            return "unknown field '\(field)' in --map (fields: \(ColumnMapping.fieldNames.joined(separator: ", ")))"
        case .noSuchColumn(let option, let column, let header):
            return "\(option): the export has no column '\(column)' (columns: \(header.joined(separator: ", ")))"
        case .keepIsBuiltin(let column, let key):
            return "--keep '\(column)' would write the built-in field '\(key)'; use --map \(key)=\"\(column)\" instead"
        case .missingColumn(let field, let map, let tried):
            return "no \(field) column found (looked for \(tried.map { "'\($0)'" }.joined(separator: ", "))); "
                + "name it with --map \(map)=COLUMN"
        case .dateFormat(let text):
            return "--date-format must be MM/DD/YYYY, DD/MM/YYYY or YYYY-MM-DD, not '\(text)'"
        case .undecidedDates(let column, let example):
            return "column '\(column)' has dates like '\(example)' that read both month-first and day-first, and no date "
                + "in it decides; pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY"
        case .contradictoryDates(let column, let day, let month):
            return "column '\(column)' contradicts itself: line \(day.line) has '\(day.value)' (day first) and line "
                + "\(month.line) has '\(month.value)' (month first); pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY"
        case .unreadable(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .csvSyntax(let reason):
            return "not readable as CSV: \(reason)"
        case .template(let reason):
            return "template .templates/deal.md: \(reason)"
        case .corpus(let reason):
            return reason
        }
    }

    public static func == (a: ImportError, b: ImportError) -> Bool { a.message == b.message }
}

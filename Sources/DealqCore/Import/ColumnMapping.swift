/// Which export column feeds which front-matter field: the known Salesforce and
/// HubSpot names, then `--map FIELD=COLUMN` (an empty COLUMN leaves the field
/// out), and `--keep COLUMN` for columns carried as custom fields.
public struct ColumnMapping: Sendable {
    /// Field → column index in the export.
    public var columns: [ImportField: Int] = [:]
    /// Custom fields: front-matter key → column index, in the order given.
    public var kept: [(key: String, column: Int)] = []

    public static var fieldNames: [String] { ImportField.allCases.map(\.rawValue) }

    public init(header: [String], map: [String] = [], keep: [String] = []) throws(ImportError) {
        let names = header.map(Self.normalized)
        func column(_ name: String) -> Int? { names.firstIndex(of: Self.normalized(name)) }

        for field in ImportField.allCases {
            if let index = field.knownColumns.lazy.compactMap(column).first { columns[field] = index }
        }
        for argument in map {
            guard let equals = argument.firstIndex(of: "=") else { throw .mapSyntax(argument) }
            let name = Trimming.trimmed(String(argument[..<equals]), newlines: true).lowercased()
            let columnName = Trimming.trimmed(String(argument[argument.index(after: equals)...]), newlines: true)
            guard let field = ImportField(rawValue: name) else { throw .unknownField(name) }
            if columnName.isEmpty {
                columns[field] = nil
                continue
            }
            guard let index = column(columnName) else {
                throw .noSuchColumn(option: "--map \(name)", column: columnName, header: header)
            }
            columns[field] = index
        }
        for field in ImportField.required where columns[field] == nil {
            throw .missingColumn(field: field.label, map: field.rawValue, tried: field.knownColumns)
        }
        for columnName in keep {
            guard let index = column(columnName) else { throw .noSuchColumn(option: "--keep", column: columnName, header: header) }
            let key = Self.customKey(columnName)
            if FrontMatter.reservedNames.contains(key) { throw .keepIsBuiltin(column: columnName, key: key) }
            kept.append((key, index))
        }
    }

    static func normalized(_ name: String) -> String {
        Trimming.trimmed(name, newlines: true).lowercased()
    }

    /// The custom field a kept column becomes: lower-case, each run of spaces or
    /// other characters than letters, digits, `_` and `-` one `_` (`Lead Source`
    /// → `lead_source`, `NPS (2024)` → `nps_2024`).
    public static func customKey(_ column: String) -> String {
        var key = ""
        var pendingSeparator = false
        for character in Trimming.trimmed(column, newlines: true).lowercased() {
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                if pendingSeparator, !key.isEmpty { key.append("_") }
                pendingSeparator = false
                key.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return key.isEmpty ? "column" : key
    }
}

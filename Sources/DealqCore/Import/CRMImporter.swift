import Foundation

/// `dealq import crm`: turns a CRM export into deal files. `plan` works out
/// every file's new text without writing; `apply` writes the files that change.
public struct CRMImporter: Sendable {
    public struct Options: Sendable {
        public var map: [String] = []
        public var keep: [String] = []
        /// `--date-format`; nil: decided from the close-date column.
        public var dateOrder: DateOrder?

        public init(map: [String] = [], keep: [String] = [], dateOrder: DateOrder? = nil) {
            self.map = map
            self.keep = keep
            self.dateOrder = dateOrder
        }
    }

    /// The corpus root.
    public var corpus: String

    public init(corpus: String) {
        self.corpus = corpus
    }

    /// Reads the export file and plans the import.
    public func plan(exportAt path: String, source: String? = nil, options: Options) throws(ImportError) -> ImportPlan {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .unreadable(path: path, reason: isDirectory.boolValue ? "it is a folder" : "no such file")
        }
        guard let bytes = CorpusWalker.contents(of: path) else { throw .unreadable(path: path, reason: "permission denied or I/O error") }
        return try plan(export: CRMExport(bytes: bytes), source: source ?? path, options: options)
    }

    public func plan(export: CRMExport, source: String, options: Options) throws(ImportError) -> ImportPlan {
        let mapping = try ColumnMapping(header: export.header, map: options.map, keep: options.keep)
        let records = export.records.filter { !$0.isBlank }
        let closedColumn = mapping.columns[.closed] ?? 0
        let closedName = Self.columnName(export.header, closedColumn)
        var order = options.dateOrder
        if order == nil { order = try SlashDates.decide(records.map { ($0.line, $0.cell(closedColumn)) }, column: closedName) }
        let deals = try CorpusDeals(root: corpus)
        var planner = RowPlanner(corpus: corpus, deals: deals, body: try CorpusDeals.templateBody(root: corpus),
                                 mapping: mapping, header: export.header, order: order)
        var plan = ImportPlan(source: source)
        plan.rows = records.count
        for record in records {
            switch planner.plan(record) {
            case .file(let file): plan.files.append(file)
            case .issue(let issue): plan.issues.append(issue)
            }
        }
        return plan
    }

    /// Writes the plan's new and changed files, each to a temporary file renamed into place.
    public func apply(_ plan: ImportPlan) throws(ImportError) {
        for file in plan.writes {
            let url = URL(fileURLWithPath: corpus).appendingPathComponent(file.path)
            let folder = url.deletingLastPathComponent()
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).import-\(getpid())")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: temporary)
                guard rename(temporary.path, url.path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    try? FileManager.default.removeItem(at: temporary)
                    throw ImportError.corpus("cannot write \(file.path): \(reason)")
                }
            } catch let error as ImportError {
                throw error
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw .corpus("cannot write \(file.path): \(error.localizedDescription)")
            }
        }
    }

    static func columnName(_ header: [String], _ index: Int) -> String {
        header.indices.contains(index) ? Trimming.trimmed(header[index], newlines: true) : "column \(index + 1)"
    }
}

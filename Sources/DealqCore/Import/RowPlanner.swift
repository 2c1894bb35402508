import Foundation
/// Plans one export row at a time: reads its cells, finds or names its deal
/// file, and works out the file's new text.
struct RowPlanner {
    enum Outcome {
        case file(PlannedFile)
        case issue(RowIssue)
    }

    let corpus: String
    let deals: CorpusDeals
    /// The body of a new file.
    let body: String
    let mapping: ColumnMapping
    let header: [String]
    let order: DateOrder?
    /// Id → the line of the row that imported it.
    private var seen: [String: Int] = [:]
    /// New paths planned so far.
    private var planned: Set<String> = []

    init(corpus: String, deals: CorpusDeals, body: String, mapping: ColumnMapping, header: [String], order: DateOrder?) {
        self.corpus = corpus
        self.deals = deals
        self.body = body
        self.mapping = mapping
        self.header = header
        self.order = order
    }

    mutating func plan(_ record: CRMExport.Record) -> Outcome {
        func issue(_ reason: RowIssue.Reason) -> Outcome { .issue(RowIssue(line: record.line, reason: reason)) }
        func name(_ field: ImportField) -> String { CRMImporter.columnName(header, mapping.columns[field] ?? 0) }
        func cell(_ field: ImportField) -> String { mapping.columns[field].map(record.cell) ?? "" }

        let stage = cell(.outcome)
        guard !stage.isEmpty else { return issue(.noStage) }
        guard let outcome = CRMValues.outcome(stage: stage) else { return issue(.openStage(stage)) }
        let id = cell(.id)
        guard !id.isEmpty else { return issue(.noID(column: name(.id))) }
        let closedText = cell(.closed)
        guard !closedText.isEmpty else { return issue(.noCloseDate(column: name(.closed))) }
        guard let closed = SlashDates.read(closedText, order: order) else {
            return issue(.badDate(closedText, column: name(.closed), order: order))
        }

        var values: [(ImportField, ImportValue)] = []
        for field in ImportField.allCases where mapping.columns[field] != nil {
            let text = cell(field)
            switch field {
            case .id: values.append((field, .text(id)))
            case .outcome: values.append((field, .outcome(outcome)))
            case .closed: values.append((field, .day(closed)))
            case .acv:
                switch CRMValues.amount(text) {
                case .empty: break
                case .value(let v): values.append((field, .acv(v)))
                case .negative: return issue(.negativeAmount(text, column: name(.acv)))
                case .unreadable: return issue(.badAmount(text, column: name(.acv)))
                }
            default:
                if !text.isEmpty { values.append((field, .text(text))) }
            }
        }
        let kept = mapping.kept.compactMap { item -> (String, String)? in
            let text = record.cell(item.column)
            return text.isEmpty ? nil : (item.key, text)
        }
        if let first = seen[id] { return issue(.repeatedID(id, firstLine: first)) }
        seen[id] = record.line

        if let path = deals.pathOfID[id] {
            return update(path, values: values, kept: kept, line: record.line)
        }
        return create(id: id, closed: closed, values: values, kept: kept, line: record.line)
    }

    // MARK: - Files

    private mutating func create(id: String, closed: String, values: [(ImportField, ImportValue)], kept: [(String, String)],
                                 line: Int) -> Outcome {
        let path = newPath(id: id, year: String(closed.prefix(4)))
        planned.insert(path)
        var lines = ["---"]
        var parentsDone: Set<String> = []
        for (field, value) in values {
            guard let parent = field.parent else {
                lines.append("\(field.key): \(value.yaml)")
                continue
            }
            guard !parentsDone.contains(parent) else { continue }
            parentsDone.insert(parent)
            lines.append("\(parent):")
            for (child, childValue) in values where child.parent == parent {
                lines.append("  \(child.key): \(childValue.yaml)")
            }
        }
        for (key, text) in kept { lines.append("\(key): \(YAMLScalar.custom(text))") }
        lines.append("sources: [crm]")
        lines.append("---")
        let text = lines.joined(separator: "\n") + "\n" + body
        if let problem = verify(text, path: path, values: values, kept: kept) {
            return .issue(RowIssue(line: line, reason: .unwritable(path: path, reason: problem)))
        }
        return .file(PlannedFile(kind: .new, path: path, line: line, contents: text, changes: []))
    }

    private func update(_ path: String, values: [(ImportField, ImportValue)], kept: [(String, String)], line: Int) -> Outcome {
        func issue(_ reason: String) -> Outcome { .issue(RowIssue(line: line, reason: .unwritable(path: path, reason: reason))) }
        guard let bytes = CorpusWalker.contents(of: corpus + "/" + path),
              case .deal(let deal, _) = DealParser.parse(bytes, path: path, config: deals.config)
        else { return issue("it can no longer be read as a deal") }
        let original = String(decoding: bytes, as: UTF8.self)
        var changes: [ValueChange] = []
        do {
            var editor = try FrontMatterEditor(text: original)
            for (field, value) in values {
                let old = ImportValue.current(field, in: deal)
                guard old != value.read(field, config: deals.config) else { continue }
                try editor.set(field.key, in: field.parent, to: value.yaml)
                changes.append(ValueChange(field: field.rawValue, old: old, new: value.yaml))
            }
            for (key, text) in kept {
                let old = deal.custom.first { $0.name.lowercased() == key }?.value.text
                guard old != text else { continue }
                if editor.holdsCollection(key) { return issue("'\(key)' holds a list or mapping there; it is left as it is") }
                try editor.set(key, to: YAMLScalar.custom(text))
                changes.append(ValueChange(field: key, old: old, new: YAMLScalar.custom(text)))
            }
            let text = editor.text
            guard !changes.isEmpty, text != original else {
                return .file(PlannedFile(kind: .unchanged, path: path, line: line, contents: original, changes: []))
            }
            if let problem = verify(text, path: path, values: values, kept: kept) { return issue(problem) }
            return .file(PlannedFile(kind: .updated, path: path, line: line, contents: text, changes: changes))
        } catch {
            return issue(error.message)
        }
    }

    /// Reads the new text back with the corpus reader: nil when every imported
    /// value reads as intended, else what went wrong (and the file is not written).
    private func verify(_ text: String, path: String, values: [(ImportField, ImportValue)], kept: [(String, String)]) -> String? {
        switch DealParser.parse(Array(text.utf8), path: path, config: deals.config) {
        case .notADeal: return "the new text would not be a deal"
        case .rejected(let diagnostic): return "the new text would be rejected (\(diagnostic.line):\(diagnostic.column): \(diagnostic.message))"
        case .deal(let deal, _):
            for (field, value) in values where ImportValue.current(field, in: deal) != value.read(field, config: deals.config) {
                return "'\(field.rawValue)' would read back as '\(ImportValue.current(field, in: deal) ?? "")'"
            }
            for (key, text) in kept where deal.custom.first(where: { $0.name.lowercased() == key })?.value.text != text {
                return "'\(key)' would not read back as '\(text)'"
            }
            return nil
        }
    }

    /// `YYYY/ID.md` with the id made safe as a file name, numbered when taken.
    private func newPath(id: String, year: String) -> String {
        var name = ""
        for character in id {
            let safe = character.isLetter || character.isNumber || character == "-" || character == "_"
                || (character == "." && !name.isEmpty)
            name.append(safe ? character : "_")
        }
        var candidate = "\(year)/\(name).md"
        var n = 2
        while deals.paths.contains(candidate) || planned.contains(candidate)
                || FileManager.default.fileExists(atPath: corpus + "/" + candidate) {
            candidate = "\(year)/\(name)-\(n).md"
            n += 1
        }
        return candidate
    }
}

/// The answer of `terms` as people read it: the score's z without its
/// log-odds, and `(no topic)` where no topic covers a term, since such a
/// theme is what the verb is for. CSV and JSON keep every column and null.
enum TermsView {
    static let noTopic = "(no topic)"

    static func forPeople(_ table: Table) -> Table {
        var shown = table
        shown.layout = .grid
        let topic = table.columns.firstIndex { $0.name == Field.topic.rawValue }
        if let logOdds = table.columns.firstIndex(where: { $0.name == Field.logOdds.rawValue }) {
            shown.columns.remove(at: logOdds)
            shown.rows = shown.rows.map { row in var row = row; row.remove(at: logOdds); return row }
        }
        if let topic, let index = shown.columns.firstIndex(where: { $0.name == table.columns[topic].name }) {
            shown.rows = shown.rows.map { row in
                var row = row
                if row[index] == .null { row[index] = .text(noTopic) }
                return row
            }
        }
        return shown
    }
}

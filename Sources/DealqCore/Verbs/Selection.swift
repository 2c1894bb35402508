import GRDB

/// The values one statement selects, in order: its select list is generated
/// from the cases, and its rows are read through them, so the two cannot drift.
protocol Selection: CaseIterable, Equatable where AllCases == [Self] {
    /// The SQL expression of the value.
    var sql: String { get }
}

extension Selection {
    /// The select list (`a, b, c`).
    static var selectList: [String] { allCases.map(\.sql) }

    /// The select list as SQL text: `, ` between values, `,` alone before one that starts a new line.
    static var selectText: String {
        var text = ""
        for (index, sql) in selectList.enumerated() {
            if index > 0 { text += sql.hasPrefix("\n") ? "," : ", " }
            text += sql
        }
        return text
    }

    /// Where the value sits among the selected values.
    var position: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

extension Executor.GroupRow {
    /// A selected count (0 when absent).
    func int<S: Selection>(_ value: S) -> Int {
        values.indices.contains(value.position) ? Int.fromDatabaseValue(values[value.position]) ?? 0 : 0
    }

    /// A selected sum (0 when absent).
    func double<S: Selection>(_ value: S) -> Double {
        values.indices.contains(value.position) ? Double.fromDatabaseValue(values[value.position]) ?? 0 : 0
    }

    /// A selected value as it is.
    func value<S: Selection>(_ value: S) -> DatabaseValue {
        values.indices.contains(value.position) ? values[value.position] : .null
    }
}

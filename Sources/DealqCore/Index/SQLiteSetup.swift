import CSQLiteSetup

/// Process-wide SQLite settings, made once before the first connection opens
/// (SQLite takes them only before it initializes; later, they are refused
/// and nothing changes). Every connection of dealq is opened after `ensure()`.
enum SQLiteSetup {
    /// Memory statistics off: dealq reads none of them, and keeping them takes a
    /// global mutex on every allocation and free (about 4% of the index
    /// writer's time in a cold build, `perf record`).
    private static let done: Bool = {
        dealq_sqlite_memstatus_off() == 0
    }()

    /// True when the settings took effect (false when SQLite had initialized first).
    @discardableResult
    static func ensure() -> Bool { done }
}

import GRDB
import GRDBSQLite

/// Binds and steps a prepared statement with the SQLite C API: the bulk
/// inserts of indexing run millions of times, where building argument
/// arrays of existentials costs more than SQLite itself.
struct FastStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// Binds the values in order (1-based) and runs the statement once.
    func run(_ values: Bindable...) throws {
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() { bind(Int32(offset + 1), value) }
        try step()
    }

    /// Runs the statement once with parameters that `bindAll` binds (with `bind(_:_:)`),
    /// for statements with too many parameters to list.
    func run(binding bindAll: (FastStatement) -> Void) throws {
        sqlite3_reset(handle)
        bindAll(self)
        try step()
    }

    /// Binds one parameter (1-based).
    func bind(_ index: Int32, _ value: Bindable) {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .int(let i): sqlite3_bind_int64(handle, index, i)
        case .double(let d): sqlite3_bind_double(handle, index, d)
        case .text(let s):
            var s = s
            s.withUTF8 { buffer in
                _ = buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress {
                        sqlite3_bind_text(handle, index, base, Int32(chars.count), Self.transient)
                    } else {
                        sqlite3_bind_text(handle, index, "", 0, Self.transient)
                    }
                }
            }
        }
    }

    private func step() throws {
        let rc = sqlite3_step(handle)
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                sql: statement.sql)
        }
    }
}

/// A value for `FastStatement`.
enum Bindable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    static func text(_ s: String?) -> Bindable { s.map { .text($0) } ?? .null }
    static func double(_ d: Double?) -> Bindable { d.map { .double($0) } ?? .null }
    static func int(_ i: Int) -> Bindable { .int(Int64(i)) }
}

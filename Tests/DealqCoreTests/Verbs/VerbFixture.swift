import DealqLanguage
import DealqRender
import Foundation
import GRDB
@testable import DealqCore

/// The six-deal `semantics` fixture (see `SemanticsTests` for its deals), indexed
/// once, copied into an in-memory database, and a checker over its catalog: a verb's
/// plan and its table are tested without the engine around them.
final class VerbFixture: Sendable {
    static let today = CalendarDate("2025-06-30")!
    static let shared = try! VerbFixture()

    let memory: DatabaseQueue
    let catalog: Catalog
    let aliases: [String: String]

    private init() throws {
        let folder = try fixtureCopy("semantics")
        let path = folder.path + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: folder.path, database: path).run()
        let engine = try QueryEngine(database: path)
        catalog = engine.catalog
        aliases = engine.aliases
        memory = try DatabaseQueue()
        try DatabaseQueue(path: path).backup(to: memory)
    }

    func checked(_ text: String) throws -> CheckedQuery {
        try Checker(catalog: catalog, aliases: aliases, today: Self.today).check(try parseQuery(text)).query
    }

    func plan(_ text: String, defaultLimit: Int? = nil) throws -> Plan {
        Planner.plan(try checked(text), defaultLimit: defaultLimit)
    }

    /// The verb's own table from the plan, before the shared sort and limit.
    func table(_ verb: any VerbAnswer.Type, _ text: String, defaultLimit: Int? = nil, minimumGroupSize: Int = 10) throws -> DealqRender.Table {
        let plan = try plan(text, defaultLimit: defaultLimit)
        return try memory.read { db in
            var executor = Executor(db: db, catalog: catalog, minimumGroupSize: minimumGroupSize)
            executor.today = Self.today
            return try verb.table(plan, &executor)
        }
    }

    /// The whole answer (the verb's table, then sort, limit and drawing hints).
    func answer(_ text: String, defaultLimit: Int? = nil) throws -> DealqRender.Table {
        let plan = try plan(text, defaultLimit: defaultLimit)
        return try memory.read { db in
            var executor = Executor(db: db, catalog: catalog)
            executor.today = Self.today
            return try executor.run(plan)
        }
    }

    /// Rows as text: numbers to 4 places, null as "null".
    static func text(_ table: DealqRender.Table) -> [[String]] {
        table.rows.map { row in
            row.map { cell in
                switch cell {
                case .null: return "null"
                case .text(let s): return s
                case .integer(let i): return String(i)
                case .number(let d): return String(format: "%.4f", d)
                }
            }
        }
    }
}

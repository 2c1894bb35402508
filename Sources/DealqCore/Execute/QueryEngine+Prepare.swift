import DealqLanguage
import GRDB

/// A query compiled and handed to SQLite, but not run: what the fuzzer and the
/// property tests check every query against.
public struct PreparedQuery: Sendable {
    /// Every statement of the plan, as SQLite prepared it, with its arguments bound.
    public var statements: [String]
    /// The FTS5 expressions of the text terms, each evaluated once by SQLite.
    public var matchExpressions: [String]
}

extension QueryEngine {
    /// Parses, checks and plans a query, then prepares every statement of its plan
    /// with its arguments bound, and evaluates each FTS5 expression of its text
    /// terms (SQLite reads a MATCH expression only when it runs). Nothing else runs.
    ///
    /// - Throws: `.query` with the diagnostics of a query that is not accepted;
    ///   `.runtime` when SQLite refuses a statement or an expression (a bug: the
    ///   planner builds every statement from the catalog and bound values).
    public func prepare(_ text: String, today: CalendarDate, defaultLimit: Int? = 20) throws(QueryFailure) -> PreparedQuery {
        let checked = try check(text, today: today).query
        let plan = Planner.plan(checked, defaultLimit: defaultLimit)
        let statements = [plan.matching, plan.main] + [plan.total, plan.baseline, plan.groupSizes].compactMap { $0 }
        let expressions = Self.phrases(checked.filter).map { ("deal_fts", $0) } + Self.phrases(checked.quoteFilter).map { ("quote_fts", $0) }
        do {
            try queue.read { db in
                QueryFunctions.register(db)
                for fragment in statements {
                    let statement = try db.makeStatement(sql: fragment.sql)
                    try statement.setArguments(Executor.arguments(fragment.arguments))
                }
                for (table, expression) in expressions {
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM \(table) WHERE \(table) MATCH ? LIMIT 1)",
                                         arguments: [expression])
                }
            }
        } catch {
            throw .runtime(IndexStore.storageError(error, path: database, reading: true).description)
        }
        return PreparedQuery(statements: statements.map(\.sql), matchExpressions: expressions.map(\.1))
    }

    /// The FTS5 phrases anywhere in a predicate, in order.
    static func phrases(_ predicate: Predicate?) -> [String] {
        switch predicate {
        case .text(let phrase)?: return [phrase]
        case .not(let inner)?: return phrases(inner)
        case .and(let parts)?, .or(let parts)?: return parts.flatMap { phrases($0) }
        case .facet?, nil: return []
        }
    }
}

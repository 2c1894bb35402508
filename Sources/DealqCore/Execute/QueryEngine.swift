import DealqLanguage
import DealqRender
import Foundation
import GRDB

/// Why a query could not be answered.
public enum QueryFailure: Error, Sendable {
    /// The query text cannot be read, or does not fit the catalog: exit status 2.
    case query([Diagnostic])
    /// The index failed while answering: exit status 1.
    case runtime(String)
    /// The answer took longer than its time limit and was stopped: exit status 1.
    case timedOut(seconds: Double)

    /// What a timeout says before each front end tells how to change the limit.
    public static func timedOutMessage(_ seconds: Double) -> String {
        "the query took longer than \(TimeLimit.describe(seconds)) and was stopped"
    }
}

/// An answer: the table, and notes for stderr (the checker's, then the hints').
public struct Answer: Sendable {
    public var table: DealqRender.Table
    public var notes: [Diagnostic]
    /// What dealq understood that the person may not have meant (also among `notes`).
    public var hints: [QueryHint] = []
}

/// Answers queries from an index opened read-only.
public final class QueryEngine: @unchecked Sendable {
    public let database: String
    public let catalog: Catalog
    public let aliases: [String: String]
    let queue: DatabaseQueue
    /// The file this engine opened (its device and inode).
    let file: FileIdentity?
    /// Set when a statement found the index damaged: what a writer should move aside and rebuild.
    public var damage: DamagedFile? {
        damageLock.lock()
        defer { damageLock.unlock() }
        return seenDamage
    }
    private var seenDamage: DamagedFile?
    private let damageLock = NSLock()
    /// A second connection for ranking text matches in parallel, opened when first needed.
    private var helperQueue: DatabaseQueue?
    private let helperLock = NSLock()
    /// The time limit of the shell's and the MCP server's answers, in seconds.
    public static let interactiveTimeLimit = 10.0
    /// From how many deals a ranked page is ranked on two connections (tests lower it).
    var parallelRankMinimum: Int64 = 150_000

    /// The second read connection (nil when it cannot be opened: one connection does the work).
    func helper() -> DatabaseQueue? {
        helperLock.lock()
        defer { helperLock.unlock() }
        if helperQueue == nil { helperQueue = try? IndexStore.openForReading(database) }
        return helperQueue
    }

    public init(database: String) throws(IndexError) {
        self.database = database
        switch try IndexStore.inspect(database, readFingerprint: false) {
        case .none: throw .missing(path: database)
        case .damaged(let reason): throw .corrupt(path: database, detail: reason)
        case .index(let version, _):
            guard version == Schema.version else {
                throw .storage(path: database, detail: "it was built by another version of dealq; run 'dealq index --rebuild'",
                               reading: true)
            }
        }
        do {
            (queue, file) = try IndexStore.openIdentified(database)
            (catalog, aliases) = try queue.read { db in
                var kinds: [String: Set<String>] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, kind FROM custom_kinds") {
                    kinds[row[0], default: []].insert(row[1])
                }
                let custom = kinds.keys.sorted().map { ($0, Catalog.customKind(kinds[$0]!)) }
                let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'aliases'") ?? "{}"
                let aliases = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: String] ?? [:]
                return (Catalog(customFields: custom), aliases)
            }
        } catch {
            throw IndexStore.storageError(error, path: database, reading: true)
        }
    }

    /// Parses and checks a query.
    public func check(_ text: String, today: CalendarDate) throws(QueryFailure) -> Checker.Result {
        let query: Query
        do {
            query = try parseQuery(text)
        } catch {
            throw .query([error])
        }
        do {
            return try Checker(catalog: catalog, aliases: aliases, today: today, lookup: IndexValues(queue: queue)).check(query)
        } catch {
            throw .query(error.diagnostics)
        }
    }

    /// Interrupts the statements running on this engine's connections.
    func interruptAll() {
        queue.interrupt()
        helperLock.lock()
        let helper = helperQueue
        helperLock.unlock()
        helper?.interrupt()
    }

    /// - Parameters:
    ///   - minimumGroupSize: win-rate groups with fewer won + lost deals are marked as too small.
    ///   - timeLimit: seconds the answer may take; past them it is stopped and fails with `.timedOut`.
    public func answer(_ text: String, today: CalendarDate, defaultLimit: Int?,
                       minimumGroupSize: Int = 10, timeLimit: Double? = nil) throws(QueryFailure) -> Answer {
        let limit = timeLimit.map { TimeLimit(seconds: $0) { [weak self] in self?.interruptAll() } }
        let answer: Answer
        do {
            answer = try answerUnlimited(text, today: today, defaultLimit: defaultLimit, minimumGroupSize: minimumGroupSize)
        } catch {
            if let limit, limit.finish() { throw .timedOut(seconds: limit.seconds) }
            throw error
        }
        if let limit, limit.finish() { throw .timedOut(seconds: limit.seconds) }
        return answer
    }

    private func answerUnlimited(_ text: String, today: CalendarDate, defaultLimit: Int?,
                                 minimumGroupSize: Int) throws(QueryFailure) -> Answer {
        let checked = try check(text, today: today)
        let plan = Planner.plan(checked.query, defaultLimit: defaultLimit)
        let helper = plan.rankedPage != nil ? helper() : nil
        do {
            let table = try queue.read { db in
                var executor = Executor(db: db, catalog: catalog, minimumGroupSize: minimumGroupSize)
                executor.today = today
                executor.helper = helper
                executor.parallelRankMinimum = parallelRankMinimum
                return try executor.run(plan)
            }
            let hints = hints(text, checked: checked.query, notes: checked.notes, table: table)
            return Answer(table: table, notes: checked.notes + hints.map { $0.0.diagnostic($0.1) }, hints: hints.map(\.0))
        } catch {
            throw .runtime(failure(error).description)
        }
    }

    /// What a query became: the checked query, its SQL with arguments, and SQLite's plan.
    public func explain(_ text: String, today: CalendarDate, defaultLimit: Int?) throws(QueryFailure) -> String {
        let parsed: Query
        do { parsed = try parseQuery(text) } catch { throw .query([error]) }
        let checked = try check(text, today: today)
        let plan = Planner.plan(checked.query, defaultLimit: defaultLimit)
        var out = "query: \(Printer.print(parsed))\n"
        out += "verb: \(checked.query.verb.rawValue)\n"
        if let f = checked.query.filter { out += "deal filter: \(f)\n" }
        if let f = checked.query.quoteFilter { out += "quote filter: \(f)\n" }
        var statements: [(String, SQLFragment)] = [("main", plan.main)]
        if let t = plan.total { statements.append(("total", t)) }
        if let b = plan.baseline { statements.append(("baseline", b)) }
        do {
            try queue.read { db in
                for (name, fragment) in statements {
                    out += "\n-- \(name)\n\(fragment.sql)\n"
                    out += "-- arguments: [\(fragment.arguments.map(\.description).joined(separator: ", "))]\n"
                    out += "-- plan:\n"
                    let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + fragment.sql, arguments: Executor.arguments(fragment.arguments))
                    for row in rows { out += "--   \(row["detail"] as String? ?? "")\n" }
                    if name == "main", plan.rankedPage != nil {
                        out += "-- from \(parallelRankMinimum) deals up, r is found on two connections at once, each ranking the "
                            + "deals of one half of the rowids (same MATCH, ORDER BY rank LIMIT, and count(*) OVER () for the total), "
                            + "merged by rank\n"
                    }
                    if name == "main", checked.query.verb == .terms {
                        let (table, document) = checked.query.compared == .quotes ? ("deal_quote_terms", "quotes") : ("deal_body_terms", "bodies")
                        out += "-- terms: the vectors in \(table) of the deals above (each deal's single stems and pairs of neighbouring "
                            + "stems with no stop word, in its \(document), counted when it was indexed) are summed: the matching side; "
                            + "the other side is the corpus's totals (term_stems, term_totals) minus it. Terms are scored by the log-odds "
                            + "ratio with an informative Dirichlet prior (α0 = 1000) and kept when count >= 3, deals >= 2 and z > 1.959964; "
                            + "each is shown with its most common spelling in the matching text.\n"
                    }
                }
            }
        } catch {
            throw .runtime(failure(error).description)
        }
        return out
    }

    /// Every facet with its kind and most common values.
    public func facets(only name: String? = nil, top: Int = 10) throws(QueryFailure) -> [(facet: Catalog.Facet, values: [(String, Int)])] {
        var names = catalog.names
        if let name {
            guard let facet = catalog.facet(name) else {
                throw .query([Diagnostic(.error, message: "unknown facet '\(name)'", range: SourceRange(0, name.count),
                                         suggestion: Suggest.closest(to: name, among: catalog.names))])
            }
            names = [facet.name]
        }
        do {
            return try queue.read { db in
                try names.map { n in
                    let facet = catalog.facet(n)!
                    let values = try Row.fetchAll(db, sql: """
                        SELECT key, value, deals, sum(deals) OVER (PARTITION BY key) AS total,
                               row_number() OVER (PARTITION BY key ORDER BY deals DESC, value) AS pick
                        FROM facet_spellings WHERE facet = ?
                        """, arguments: [facet.name])
                        .filter { ($0["pick"] as Int) == 1 }
                        .map { ($0["value"] as String, $0["total"] as Int) }
                        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
                    return (facet, Array(values.prefix(top)))
                }
            }
        } catch {
            throw .runtime(failure(error).description)
        }
    }
}

extension QueryEngine {
    /// The failure in words; a damaged index is remembered in `damage`.
    func failure(_ error: any Error) -> IndexError {
        let mapped = IndexStore.storageError(error, path: database, reading: true)
        if case .corrupt(_, let reason) = mapped, let file {
            damageLock.lock()
            seenDamage = DamagedFile(identity: file, reason: reason)
            damageLock.unlock()
        }
        return mapped
    }

    /// The file at `database` now, for a writer to tell whether a damaged index is still in place.
    public static func damagedFile(_ database: String, reason: String) -> DamagedFile? {
        IndexStore.identity(database).map { DamagedFile(identity: $0, reason: reason) }
    }
}

/// Facet values known to the index, for the checker's notes.
struct IndexValues: ValueLookup, @unchecked Sendable {
    let queue: DatabaseQueue

    func hasValue(facet: String, key: String) -> Bool {
        (try? queue.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM facet_spellings WHERE facet = ? AND key = ?)", arguments: [facet, key])
        } ?? false) ?? true
    }

    func values(facet: String) -> [String] {
        (try? queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT value, max(deals) FROM facet_spellings WHERE facet = ? GROUP BY key ORDER BY sum(deals) DESC LIMIT 2000
                """, arguments: [facet])
        }) ?? []
    }

    /// The phrase's last token as the index's tokenizer makes it (stemmed, as
    /// FTS5 makes a prefix), then the index's words that start with it.
    func prefixWords(_ phrase: String, atMost: Int) -> Int {
        (try? queue.read { db -> Int in
            let tokenizer = try db.makeTokenizer(.porter(wrapping: .unicode61()))
            guard let stem = try tokenizer.tokenize(query: phrase).last(where: { !$0.flags.contains(.colocated) })?.token,
                  !stem.isEmpty else { return 0 }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM deal_terms WHERE term >= ? AND term < ? LIMIT ?)
                """, arguments: [stem, stem + "\u{10FFFF}", atMost + 1]) ?? 0
        }) ?? 0
    }
}

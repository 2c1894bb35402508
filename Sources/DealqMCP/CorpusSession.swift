import DealqCore
import DealqLanguage
import Foundation

/// The corpus a server answers from. Before every answer it refreshes the index
/// incrementally, exactly as a one-shot query does, and reopens the engine when
/// the refresh changed anything; it writes nothing but the index.
public final class CorpusSession: @unchecked Sendable {
    public let corpus: String
    public let database: String
    /// The day relative dates count from; nil: the real today, read at each answer.
    public let fixedToday: CalendarDate?
    private let lock = NSLock()
    private var current: QueryEngine?

    public init(corpus: String, database: String, today: CalendarDate? = nil) {
        self.corpus = corpus
        self.database = database
        self.fixedToday = today
    }

    public var today: CalendarDate { fixedToday ?? CalendarDate.today() }

    /// An engine on an index refreshed just now.
    public func engine() throws(ToolFailure) -> QueryEngine {
        let report: IndexReport
        do {
            report = try Indexer(corpus: corpus, database: database).run()
        } catch {
            throw ToolFailure(error.diagnosticLine)
        }
        lock.lock()
        defer { lock.unlock() }
        if let current, !report.changedAnything { return current }
        do {
            let engine = try QueryEngine(database: database)
            current = engine
            return engine
        } catch {
            throw ToolFailure(error.diagnosticLine)
        }
    }

    /// Stops whatever statement the open engine is running (a client cancelled its request).
    public func interrupt() {
        lock.lock()
        let engine = current
        lock.unlock()
        engine?.interrupt()
    }
}

/// A failure the model should read and may correct: returned as a tool result with `isError`.
public struct ToolFailure: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    /// A query failure, with carets under the problem and the suggestion when there is one.
    public init(_ failure: QueryFailure, text: String) {
        switch failure {
        case .query(let diagnostics):
            message = diagnostics.map { $0.render(in: text) }.joined(separator: "\n")
        case .runtime(let detail):
            message = "error: \(detail)"
        }
    }
}

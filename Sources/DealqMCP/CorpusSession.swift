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
    /// Seconds an answer may take before it is stopped.
    public let timeLimit: Double
    private let lock = NSLock()
    private var current: QueryEngine?
    private var finished = false
    /// Keeps the index fresh when inotify works; nil: every answer looks at every file first.
    private let watcher: CorpusWatcher?

    public init(corpus: String, database: String, today: CalendarDate? = nil, watcher: CorpusWatcher? = nil,
                timeLimit: Double = QueryEngine.interactiveTimeLimit) {
        self.corpus = corpus
        self.database = database
        self.fixedToday = today
        self.watcher = watcher
        self.timeLimit = timeLimit
    }

    /// A session whose index a watcher keeps fresh in the background (see `CorpusWatcher`): answers then
    /// apply only what changed instead of looking at every file. Without inotify, the session as it is.
    public func watching() -> CorpusSession {
        guard let watcher = try? CorpusWatcher(corpus: corpus, database: database) else { return self }
        return CorpusSession(corpus: corpus, database: database, today: fixedToday, watcher: watcher, timeLimit: timeLimit)
    }

    public var today: CalendarDate { fixedToday ?? CalendarDate.today() }

    /// An engine on an index refreshed just now.
    public func engine() throws(ToolFailure) -> QueryEngine {
        let indexer = Indexer(corpus: corpus, database: database)
        lock.lock()
        // An index the last answer found damaged is moved aside and rebuilt now.
        let damaged = current?.damage
        lock.unlock()
        var report = IndexReport()
        do {
            report = try refresh(damaged: damaged)
        } catch .readOnly(let path, _) where FileManager.default.fileExists(atPath: path) {
            // An index that cannot be written is answered from as it is, as a query does.
        } catch {
            throw ToolFailure(error.diagnosticLine)
        }
        lock.lock()
        defer { lock.unlock() }
        if let current, !report.changedAnything { return current }
        do {
            let engine: QueryEngine
            do {
                engine = try QueryEngine(database: database)
            } catch .corrupt(_, let reason) {
                // A damaged index is moved aside and rebuilt, as a refreshing query does.
                _ = try indexer.run(damagedFile: QueryEngine.damagedFile(database, reason: reason))
                engine = try QueryEngine(database: database)
            }
            current = engine
            return engine
        } catch {
            throw ToolFailure(error.diagnosticLine)
        }
    }

    /// Through the watcher when it can keep its promise (it started on first use), else by looking at every
    /// file; an index found damaged is moved aside and rebuilt.
    private func refresh(damaged: DamagedFile?) throws(IndexError) -> IndexReport {
        if let watcher, damaged == nil {
            do {
                if watcher.started { return try watcher.sync() ?? IndexReport() }
                let report = try watcher.start()
                watcher.applyInBackground()
                return report
            } catch {
                if case .index(let failure) = error { throw failure }
            }
        }
        return try Indexer(corpus: corpus, database: database).run(damagedFile: damaged)
    }

    /// A session for one request: the same corpus and watcher, its own engine (its own SQLite
    /// connection), so that cancelling the request interrupts its statements and no other request's.
    public func forRequest() -> CorpusSession {
        CorpusSession(corpus: corpus, database: database, today: fixedToday, watcher: watcher, timeLimit: timeLimit)
    }

    /// The client gave up on the request this session serves: interrupt its statements,
    /// again and again until `finish()`, so that none started later runs either (an answer
    /// runs several statements, and one interrupt stops only those running at the time).
    public func cancel() {
        DispatchQueue.global().async {
            while true {
                self.lock.lock()
                let (engine, done) = (self.current, self.finished)
                self.lock.unlock()
                if done { return }
                engine?.interrupt()
                usleep(5_000)
            }
        }
    }

    /// The request this session serves has its answer: stop interrupting.
    public func finish() {
        lock.lock()
        finished = true
        lock.unlock()
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
        case .timedOut(let seconds):
            message = "error: " + QueryFailure.timedOutMessage(seconds)
                + " (the server stops every query after that long); narrow it, with a filter or a longer text term, and ask again"
        }
    }
}

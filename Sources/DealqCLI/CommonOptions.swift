import ArgumentParser
import DealqCore
import DealqLanguage
import DealqRender
import Foundation

/// Options every query command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).", valueName: "dir"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("The index file (default: CORPUS/.dealq/index.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(CommonOptions.formatHelp, valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).", valueName: "date"))
    var today: String?

    @Flag(name: .long, help: "Answer from the index as it is, without refreshing it first (warns when it is stale).")
    var noRefresh = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the answer to a file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Stop a query that runs longer than this many seconds (exit status 1). "
                                            + "Default: no limit; 10 in the shell.", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("min-n"), help: ArgumentHelp("Win-rate groups with fewer won + lost deals are marked as too small (table output).", valueName: "n"))
    var minimumGroupSize: Int = 10

    /// What `--format` takes, as help shows it: the command line sets it before
    /// parsing (`CommonOptions.formats(for:)`), since a report takes other formats.
    nonisolated(unsafe) static var formatHelp = "table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise)."

    /// The help of `--format` for the command the arguments name (`report`, or `help report`).
    static func formats(for arguments: [String]) -> String {
        let command = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
        return command == "report" ? "markdown or html (default: markdown)." : formatHelp
    }

    var corpusPath: String {
        CorpusLocator.corpus(explicit: corpus, environment: ProcessInfo.processInfo.environment,
                             currentDirectory: FileManager.default.currentDirectoryPath)
    }

    var databasePath: String {
        CorpusLocator.database(explicit: db, corpus: corpusPath, currentDirectory: FileManager.default.currentDirectoryPath)
    }

    func outputFormat() throws -> OutputFormat {
        guard let format else { return Output.stdoutIsTerminal && output == nil ? .table : .csv }
        do {
            return try OutputFormat(parsing: format)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `--timeout`, checked: nil when not given.
    func timeLimit() throws -> Double? {
        guard let timeout else { return nil }
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout takes a number of seconds greater than 0, e.g. --timeout 30")
        }
        return timeout
    }

    func todayDate() throws -> CalendarDate {
        let text = today ?? ProcessInfo.processInfo.environment["DEALQ_TODAY"]
        if let text, !text.isEmpty {
            guard let date = CalendarDate(text) else {
                throw ValidationError("--today (or DEALQ_TODAY) must be a day as YYYY-MM-DD, not '\(text)'")
            }
            return date
        }
        return CalendarDate.today()
    }

    /// Refreshes the index (or warns that it is stale), then opens it. The
    /// progress line shows only on a terminal, and never in batch mode. An
    /// index that cannot be written is answered from as it is, with a warning;
    /// a damaged one is moved aside and rebuilt (not with `--no-refresh`).
    /// `refreshed`: a watcher just brought the index up to date (the shell's).
    func openEngine(showProgress: Bool = true, refreshed: Bool = false) throws -> QueryEngine {
        try requireCorpus()
        let indexer = Indexer(corpus: corpusPath, database: databasePath)
        do {
            if refreshed {
                Self.trace("the watcher")
            } else if noRefresh {
                // Opened first: an index that cannot be read at all gets its error alone, not a staleness warning too.
                let engine = try QueryEngine(database: databasePath)
                if try indexer.looksStale() {
                    Output.err("warning: the index may be stale (files were added, removed or renamed, or dealq.yml changed, "
                               + "since it was built); answering from it as it is")
                }
                return engine
            } else if let sequence = WatchClient.sync(corpus: corpusPath, database: databasePath) {
                // A live `dealq watch` applied every change made so far: no need to look at the files.
                Self.trace("the watcher (sequence \(sequence))")
            } else {
                Self.trace("a look at every file")
                try refresh(indexer, showProgress: showProgress)
            }
            do {
                return try QueryEngine(database: databasePath)
            } catch .corrupt(_, let reason) where !noRefresh {
                return try heal(QueryEngine.damagedFile(databasePath, reason: reason))
            }
        } catch {
            Output.err(error.diagnosticLine)
            throw Exit(status: 1)
        }
    }

    /// Brings the index up to date before a query; one that cannot be written is used as it is.
    private func refresh(_ indexer: Indexer, showProgress: Bool) throws(IndexError) {
        let progress = showProgress && Output.stderrIsTerminal ? ProgressLine() : nil
        var callback: (@Sendable (IndexProgress) -> Void)?
        if let progress { callback = { progress.update($0) } }
        let report: IndexReport
        do {
            report = try indexer.run(progress: callback, waiting: Output.waitingForIndex)
        } catch .readOnly(let path, let reason) where FileManager.default.fileExists(atPath: path) {
            progress?.clear()
            Output.err("warning: cannot refresh the index '\(path)' (\(reason)); answering from it as it is, which may be stale")
            return
        } catch {
            progress?.clear()
            throw error
        }
        progress?.clear()
        Self.warnMovedAside(report, database: databasePath)
        for warning in report.folderWarnings { Output.err(warning.description) }
        if report.changedAnything && !report.rejected.isEmpty {
            Output.err("note: \(Format.plural(report.rejected.count, "file")) of the corpus rejected; 'dealq index' lists them")
        }
    }

    /// Moves a damaged index aside, builds a fresh one and opens it.
    private func heal(_ damaged: DamagedFile?) throws(IndexError) -> QueryEngine {
        let indexer = Indexer(corpus: corpusPath, database: databasePath)
        let report = try indexer.run(damagedFile: damaged, waiting: Output.waitingForIndex)
        Self.warnMovedAside(report, database: databasePath)
        return try QueryEngine(database: databasePath)
    }

    /// Runs `body` on the engine. When it finds the index damaged and this
    /// command refreshes (it is a writer), the index is moved aside and rebuilt,
    /// and `body` runs once more on the fresh one; otherwise the failure is printed.
    func healing<T>(_ engine: QueryEngine, text: String, _ body: (QueryEngine) throws(QueryFailure) -> T) throws -> T {
        do {
            return try body(engine)
        } catch {
            guard !noRefresh, let damage = engine.damage else { throw Self.fail(error, text: text) }
            let fresh: QueryEngine
            do {
                fresh = try heal(damage)
            } catch {
                Output.err(error.diagnosticLine)
                throw Exit(status: 1)
            }
            do {
                return try body(fresh)
            } catch {
                throw Self.fail(error, text: text)
            }
        }
    }

    /// The warning for a damaged index that a run moved aside.
    static func warnMovedAside(_ report: IndexReport, database: String) {
        guard let aside = report.movedAside else { return }
        Output.err("warning: the index '\(database)' was damaged (\(aside.reason)); it was moved to '\(aside.path)' "
                   + "and a fresh one was built from the corpus")
    }

    /// A query run far from any corpus would otherwise index the folder it
    /// was typed in (a home folder, say): ask where the corpus is instead.
    func requireCorpus() throws {
        let cwd = FileManager.default.currentDirectoryPath
        if corpus == nil, db == nil, (ProcessInfo.processInfo.environment["DEALQ_CORPUS"] ?? "").isEmpty,
           CorpusLocator.marked(from: cwd) == nil {
            Output.err("error: no corpus here: neither this folder nor its parents hold dealq.yml or .dealq/; "
                       + "run 'dealq index DIR' once, then ask from DIR, or pass --corpus DIR (or set DEALQ_CORPUS)")
            throw Exit(status: 1)
        }
    }

    /// `DEALQ_TRACE_REFRESH=1`: says on stderr how the index was brought up to date before the answer.
    static func trace(_ how: String) {
        if ProcessInfo.processInfo.environment["DEALQ_TRACE_REFRESH"] == "1" { Output.err("refresh: \(how)") }
    }

    func write(_ text: String) throws {
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                Output.err("error: cannot write '\(output)': \(error.localizedDescription)")
                throw Exit(status: 1)
            }
        } else {
            Output.out(text, terminator: "")
        }
    }

    /// Prints a failed query's diagnostics (with carets) and ends with its exit status.
    static func fail(_ failure: QueryFailure, text: String) -> Exit {
        Exit(status: Failures.print(failure, text: text))
    }

    /// Width and color for people when the answer goes to the terminal; neither when it goes to `-o FILE`.
    func renderOptions(spreadsheet: Bool = false) -> RenderOptions {
        let toTerminal = output == nil
        return RenderOptions(width: toTerminal ? Terminal.width : nil, color: toTerminal && Terminal.color, spreadsheet: spreadsheet)
    }
}

enum Terminal {
    /// The terminal's width, or nil when stdout is not a terminal.
    static var width: Int? {
        guard Output.stdoutIsTerminal else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    static var color: Bool {
        Output.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false
    }
}

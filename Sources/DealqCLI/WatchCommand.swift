import ArgumentParser
import DealqCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dealq watch`: keeps the index fresh in the foreground, so that one-shot
/// queries answer without looking at every file.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep the index fresh as files change, so that queries answer without looking at every file.",
        discussion: """
            Runs in the foreground (for systemd or tmux) until Ctrl-C or SIGTERM. Brings the index up to \
            date, then watches every folder of the corpus with inotify and applies each change as it \
            happens. A query first asks the watcher, through the socket INDEX.watch, to apply every change \
            made so far, and then answers from the index without looking at the files; with no live \
            watcher it looks at every file, as always. Prints one line per batch of changes (none with --quiet).
            Exit status: 0 stopped by SIGINT or SIGTERM; 1 the index could not be built, another watcher \
            serves this index, or the corpus cannot be watched (inotify's watch limit); 2 usage error.
            """)

    @Option(name: .long, help: ArgumentHelp("The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).", valueName: "dir"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("The index file (default: CORPUS/.dealq/index.sqlite).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Print only warnings and errors, not a line per batch of changes.")
    var quiet = false

    nonisolated(unsafe) private static var stopping: sig_atomic_t = 0

    mutating func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let environment = ProcessInfo.processInfo.environment
        if corpus == nil, db == nil, (environment["DEALQ_CORPUS"] ?? "").isEmpty, CorpusLocator.marked(from: cwd) == nil {
            Output.err("error: no corpus here: neither this folder nor its parents hold dealq.yml or .dealq/; "
                       + "run 'dealq index DIR' once, then watch from DIR, or pass --corpus DIR (or set DEALQ_CORPUS)")
            throw Exit(status: 1)
        }
        let corpusPath = CorpusLocator.corpus(explicit: corpus, environment: environment, currentDirectory: cwd)
        let dbPath = CorpusLocator.database(explicit: db, corpus: corpusPath, currentDirectory: cwd)
        Self.installSignals()
        let quiet = quiet
        do throws(WatchError) {
            let watcher = try CorpusWatcher(corpus: corpusPath, database: dbPath)
            let server = WatchServer(watcher: watcher)
            try server.open()
            defer { server.close() }
            let report = try watcher.start(waiting: Output.waitingForIndex)
            for warning in report.folderWarnings { Output.err(warning.description) }
            if !quiet {
                Output.out("watching \(corpusPath): \(Format.plural(report.deals, "deal")) in the index (\(Self.milliseconds(report.seconds)))")
            }
            try server.serve(shouldStop: { Self.stopping != 0 }, applied: { report in
                for warning in report.folderWarnings { Output.err(warning.description) }
                guard !quiet, report.changedAnything else { return }
                Output.out(Self.line(report))
            }, failed: { error in
                // Queries look at every file meanwhile (and show the same error); the next change tries again.
                Output.err(error.diagnosticLine)
            })
        } catch {
            Output.err(error.diagnosticLine)
            throw Exit(status: 1)
        }
    }

    /// One batch: `12:04:31 1 new, 2 changed, 0 removed: 12,000 deals (4 ms)`.
    static func line(_ report: IndexReport) -> String {
        let time = Date().formatted(.dateTime.hour(.twoDigits(amPM: .omitted)).minute(.twoDigits).second(.twoDigits))
        let what = report.rebuilt ? "rebuilt" : "\(report.new) new, \(report.changed) changed, \(report.removed) removed"
        return "\(time) \(what): \(Format.plural(report.deals, "deal")) (\(milliseconds(report.seconds)))"
    }

    static func milliseconds(_ seconds: Double) -> String { "\(Int((seconds * 1000).rounded())) ms" }

    /// SIGINT and SIGTERM end the serving loop (which then removes the socket); no restart, so `poll` returns at once.
    private static func installSignals() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in WatchCommand.stopping = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have started this process with them blocked.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

import ArgumentParser
import DealqCore
import Foundation

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or refresh the index of a corpus.",
        discussion: """
            Reads every deal summary under CORPUS into a SQLite index (default \
            CORPUS/.dealq/index.sqlite), re-reading only files that changed. Rejected files are \
            listed on stderr as path:line:col: error: message, one line for each problem found in the file.
            A folder that cannot be read (or whose name is not UTF-8) is listed as \
            path: warning: message and left out; the next run tries it again.
            Exit status: 0 nothing rejected; 1 some file rejected or folder left out (all others \
            indexed) or the index could not be written; 2 usage error.
            """)

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The corpus folder (default: --corpus, $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).")
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("The corpus folder.", valueName: "dir"))
    var corpusOption: String?

    @Option(name: .long, help: ArgumentHelp("The index file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Summary format: text or json.")
    var format: SummaryFormat = .text

    @Flag(name: .long, help: "Rebuild the whole index instead of refreshing it.")
    var rebuild = false

    mutating func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let corpusPath = CorpusLocator.corpus(explicit: corpus ?? corpusOption, environment: ProcessInfo.processInfo.environment,
                                              currentDirectory: cwd)
        let dbPath = CorpusLocator.database(explicit: db, corpus: corpusPath, currentDirectory: cwd)
        let indexer = Indexer(corpus: corpusPath, database: dbPath)
        let progress = Output.stderrIsTerminal ? ProgressLine() : nil
        let report: IndexReport
        do {
            var callback: (@Sendable (IndexProgress) -> Void)?
            if let progress { callback = { progress.update($0) } }
            if let files = Self.killAfterFiles { callback = Self.killing(after: files, then: callback) }
            report = try indexer.run(forceRebuild: rebuild, progress: callback, waiting: Output.waitingForIndex)
            progress?.clear()
        } catch {
            progress?.clear()
            Output.err(error.diagnosticLine)
            throw Exit(status: 1)
        }
        CommonOptions.warnMovedAside(report, database: dbPath)
        for warning in report.folderWarnings { Output.err(warning.description) }
        // Every rejected file is listed; warnings (files that were read, with a
        // remark) are summed up past the first few so they do not bury the errors.
        let shownWarnings = format == .json ? report.warnings.count : 10
        for warning in report.warnings.prefix(shownWarnings) { Output.err(warning.description) }
        if report.warnings.count > shownWarnings {
            Output.err("… and \(Format.plural(report.warnings.count - shownWarnings, "more warning")) (--format json lists them all)")
        }
        for rejected in report.rejected {
            for line in rejected.lines { Output.err(line) }
        }
        switch format {
        case .json: Output.out(IndexSummary.json(report, database: dbPath))
        case .text: Output.out(IndexSummary.text(report, database: dbPath, corpus: corpusPath))
        }
        if !report.rejected.isEmpty || !report.folderWarnings.isEmpty { throw Exit(status: 1) }
    }

    /// `DEALQ_TEST_KILL_AFTER_FILES=N`: tests stop the run with SIGKILL once N files
    /// are written and more are left, to show a killed run leaves the previous index.
    static var killAfterFiles: Int? {
        ProcessInfo.processInfo.environment["DEALQ_TEST_KILL_AFTER_FILES"].flatMap { Int($0) }
    }

    static func killing(after files: Int, then next: (@Sendable (IndexProgress) -> Void)?) -> @Sendable (IndexProgress) -> Void {
        { step in
            next?(step)
            if step.done >= files && step.done < step.total { kill(getpid(), SIGKILL) }
        }
    }
}

import DealqCore

/// The shell's watcher: it brings the index up to date once, then applies
/// changes in the background, so that no answer waits for a look at every file.
enum ShellWatcher {
    /// A started watcher; nil (after a warning) when the corpus cannot be watched: the shell then works as without one.
    static func start(_ options: CommonOptions) throws -> CorpusWatcher? {
        try options.requireCorpus()
        let progress = Output.stderrIsTerminal ? ProgressLine() : nil
        defer { progress?.clear() }
        var callback: (@Sendable (IndexProgress) -> Void)?
        if let progress { callback = { progress.update($0) } }
        do throws(WatchError) {
            let watcher = try CorpusWatcher(corpus: options.corpusPath, database: options.databasePath)
            let report = try watcher.start(progress: callback, waiting: Output.waitingForIndex)
            progress?.clear()
            for warning in report.folderWarnings { Output.err(warning.description) }
            if report.changedAnything && !report.rejected.isEmpty {
                Output.err("note: \(Format.plural(report.rejected.count, "file")) of the corpus rejected; 'dealq index' lists them")
            }
            return watcher
        } catch {
            progress?.clear()
            Output.err(error.diagnosticLine)
            if case .index = error { throw Exit(status: 1) }
            return nil
        }
    }
}

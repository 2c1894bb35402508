/// What one indexing run did, and the state of the index after it.
public struct IndexReport: Sendable, Equatable {
    /// Deals in the index after the run.
    public var deals = 0
    /// Files seen for the first time, changed since the last run, gone.
    public var new = 0
    public var changed = 0
    public var removed = 0
    public var unchanged = 0
    /// Markdown files that are not deals (no front matter).
    public var skipped = 0
    /// Every rejected file of the corpus (also those rejected in earlier runs and unchanged), in path order.
    public var rejected: [FileDiagnostic] = []
    /// Warnings about the files read in this run.
    public var warnings: [FileDiagnostic] = []
    /// Folders of the corpus that could not be walked, in path order; the next run tries them again.
    public var folderWarnings: [FolderWarning] = []
    /// True when the whole index was built anew (first run, `dealq.yml` changed, schema changed).
    public var rebuilt = false
    public var seconds = 0.0

    public init() {}

    /// Whether the run changed anything in the index.
    public var changedAnything: Bool { new + changed + removed > 0 || rebuilt }
}

/// Progress of a run, for a progress line.
public struct IndexProgress: Sendable {
    public var done: Int
    public var total: Int
    public var seconds: Double

    public var rate: Double { seconds > 0 ? Double(done) / seconds : 0 }
    public var remainingSeconds: Double? {
        guard done > 0, rate > 0 else { return nil }
        return Double(total - done) / rate
    }
}

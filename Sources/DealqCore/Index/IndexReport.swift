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
    /// A damaged index this run found, moved aside and rebuilt.
    public var movedAside: MovedAside?
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

/// A damaged index moved aside (`index.sqlite.damaged-TIMESTAMP`) before a fresh one took its place.
public struct MovedAside: Sendable, Equatable {
    /// Where the damaged file is now.
    public var path: String
    /// What was wrong with it, in words.
    public var reason: String
}

/// An index file a reader found damaged: which file, and what it met.
public struct DamagedFile: Sendable, Equatable {
    public var identity: FileIdentity
    public var reason: String

    public init(identity: FileIdentity, reason: String) {
        self.identity = identity
        self.reason = reason
    }
}

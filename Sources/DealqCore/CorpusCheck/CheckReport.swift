/// The corpus reader's verdict on a set of files, without an index.
public struct CheckReport: Sendable, Equatable {
    /// Corpus files looked at (deals, rejected files and non-deal markdown files).
    public var checked = 0
    /// Files that are valid deals.
    public var deals = 0
    /// Markdown files that are not deals (no front matter): not errors.
    public var skipped = 0
    /// Paths given that the corpus reader never reads (outside the corpus, hidden, not `*.md`).
    public var ignored: [String] = []
    /// Rejected files, in path order, as `dealq index` reports them.
    public var rejected: [FileDiagnostic] = []
    /// Warnings, in path order, as `dealq index` reports them.
    public var warnings: [FileDiagnostic] = []

    public init() {}
}

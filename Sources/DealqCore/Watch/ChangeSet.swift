/// What changed in a corpus since the index was last brought up to date, as a
/// watcher saw it: markdown files by path, and folders whose whole subtree is
/// compared again (created, deleted or moved folders).
struct ChangeSet: Sendable {
    /// Markdown files, relative to the corpus root.
    var files = Set<String>()
    /// Folders, relative to the corpus root (never the root itself: that is `full`).
    var trees = Set<String>()
    /// Everything must be looked at: `dealq.yml` changed, the event queue overflowed, or the root moved.
    var full = false
    /// Events behind these changes.
    var events = 0

    var isEmpty: Bool { files.isEmpty && trees.isEmpty && !full && events == 0 }

    /// Whether `path` is `folder` or inside it.
    static func path(_ path: String, isIn folder: String) -> Bool {
        path == folder || path.hasPrefix(folder + "/")
    }

    /// The trees with none inside another, and the files outside them.
    func simplified() -> ChangeSet {
        var result = self
        let sorted = trees.sorted { $0.utf8.count < $1.utf8.count }
        var kept: [String] = []
        for tree in sorted where !kept.contains(where: { Self.path(tree, isIn: $0) }) { kept.append(tree) }
        result.trees = Set(kept)
        result.files = files.filter { file in !kept.contains { Self.path(file, isIn: $0) } }
        return result
    }
}

/// Why a watcher cannot promise a fresh index; callers fall back to looking at every file.
public enum WatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// inotify cannot be used here.
    case unavailable(String)
    /// The user's inotify watch limit is reached: some folder of the corpus is not watched.
    case limit(folders: Int)
    /// Another `dealq watch` already serves this index.
    case alreadyWatched(pid: String)
    /// The watcher's socket cannot be made.
    case socket(path: String, reason: String)
    /// Bringing the index up to date failed.
    case index(IndexError)

    public var description: String {
        switch self {
        case .unavailable(let reason):
            return "cannot watch the corpus (\(reason)); queries look at every file before answering"
        case .limit(let folders):
            return "the inotify watch limit is reached after \(folders) folders (see /proc/sys/fs/inotify/max_user_watches); "
                + "the corpus is not watched and queries look at every file before answering. "
                + "Raise the limit, e.g. sudo sysctl fs.inotify.max_user_watches=524288"
        case .alreadyWatched(let pid):
            return "another dealq watch\(pid.isEmpty ? "" : " (pid \(pid))") already keeps this index fresh"
        case .socket(let path, let reason):
            return "cannot listen on '\(path)': \(reason)"
        case .index(let error):
            return error.description
        }
    }

    /// The line to print: `warning: …` when queries still answer (by looking at every file), `error: …` otherwise.
    public var diagnosticLine: String {
        switch self {
        case .index(let error): return error.diagnosticLine
        case .unavailable, .limit: return "warning: \(description)"
        case .alreadyWatched, .socket: return "error: \(description)"
        }
    }
}

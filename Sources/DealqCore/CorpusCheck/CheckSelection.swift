import Foundation

/// The files `dealq check` was asked about, as corpus-relative paths.
public struct CheckSelection: Sendable, Equatable {
    /// Nil: the whole corpus.
    public var paths: [String]?
    /// Given paths the corpus reader never reads (outside the corpus, hidden, not `*.md`, symbolic links).
    public var ignored: [String] = []

    public static let wholeCorpus = CheckSelection(paths: nil)

    public init(paths: [String]?, ignored: [String] = []) {
        self.paths = paths
        self.ignored = ignored
    }

    /// A path argument that names nothing on disk.
    public struct Missing: Error, Sendable, Equatable {
        public var argument: String
    }

    /// Resolves file and folder arguments against `corpus` (both made absolute from
    /// `currentDirectory`). Folders contribute their markdown files as the corpus
    /// walk finds them; a path inside a hidden folder, outside the corpus or not
    /// named `*.md` is ignored, as `dealq index` ignores it.
    public static func resolve(_ arguments: [String], corpus: String, currentDirectory: String) throws(Missing) -> CheckSelection {
        if arguments.isEmpty { return .wholeCorpus }
        let root = CorpusLocator.absolute(corpus, from: currentDirectory)
        var paths = Set<String>()
        var ignored: [String] = []
        for argument in arguments {
            let absolute = CorpusLocator.absolute(argument, from: currentDirectory)
            var info = stat()
            guard lstat(absolute, &info) == 0 else { throw Missing(argument: argument) }
            guard let relative = relativePath(absolute, root: root),
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else {
                ignored.append(argument)
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard let listing = try? CorpusWalker.listing(root: absolute) else { throw Missing(argument: argument) }
                for file in listing.files { paths.insert(relative.isEmpty ? file.path : relative + "/" + file.path) }
            case S_IFREG where relative.hasSuffix(".md"):
                paths.insert(relative)
            default:
                ignored.append(argument)
            }
        }
        return CheckSelection(paths: paths.sorted(by: CorpusWalker.precedes), ignored: ignored)
    }

    /// `path` relative to `root` with `/` (`""` for the root itself), nil when outside it.
    static func relativePath(_ path: String, root: String) -> String? {
        if path == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}

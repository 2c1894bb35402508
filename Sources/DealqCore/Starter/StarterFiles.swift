import Foundation

/// `dealq init`: the files that start a corpus. Never overwrites: when any of
/// them exists, nothing is written.
public enum StarterFiles {
    /// One file to write, relative to the corpus folder.
    public struct File: Sendable, Equatable {
        public var path: String
        public var contents: String
    }

    public static let files: [File] = [
        File(path: CorpusConfig.fileName, contents: StarterConfig.text + "\n"),
        File(path: ".templates/deal.md", contents: StarterTemplate.text + "\n"),
        File(path: SavedQueries.fileName, contents: StarterQueries.text + "\n"),
        File(path: ".gitignore", contents: ".dealq/\n"),
    ]

    public enum Failure: Error, Sendable, Equatable {
        /// These starter files already exist (paths relative to the folder); nothing was written.
        case exists([String])
        /// The file system refused (the path and its reason).
        case cannotWrite(path: String, reason: String)
    }

    /// The starter files already present in `folder`, in the order of `files`.
    public static func existing(in folder: String) -> [String] {
        files.map(\.path).filter { path in
            var info = stat()
            return lstat(folder + "/" + path, &info) == 0
        }
    }

    /// Writes every starter file into `folder` (created when missing) and returns
    /// their relative paths; throws `.exists` without writing anything when any is there.
    @discardableResult
    public static func write(into folder: String) throws(Failure) -> [String] {
        let present = existing(in: folder)
        guard present.isEmpty else { throw .exists(present) }
        let fm = FileManager.default
        for file in files {
            let path = folder + "/" + file.path
            do {
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                // withoutOverwriting: a file created meanwhile is never replaced.
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                throw .cannotWrite(path: file.path, reason: (error as NSError).localizedDescription)
            }
        }
        return files.map(\.path)
    }
}

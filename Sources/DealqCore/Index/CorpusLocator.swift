import Foundation

/// Where the corpus and its index are: `--corpus`, else `$DEALQ_CORPUS`, else
/// the current folder or its nearest ancestor holding `dealq.yml` or
/// `.dealq/` (as git finds its repository), else the current folder.
public enum CorpusLocator {
    public static func corpus(explicit: String?, environment: [String: String], currentDirectory: String) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit, from: currentDirectory) }
        if let env = environment["DEALQ_CORPUS"], !env.isEmpty { return absolute(env, from: currentDirectory) }
        return marked(from: currentDirectory) ?? currentDirectory
    }

    /// The current folder or its nearest ancestor holding `dealq.yml` or `.dealq/`, if any.
    public static func marked(from currentDirectory: String) -> String? {
        var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
        let fm = FileManager.default
        while true {
            if fm.fileExists(atPath: folder.appendingPathComponent(CorpusConfig.fileName).path)
                || fm.fileExists(atPath: folder.appendingPathComponent(".dealq").path) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// `--db`, else `.dealq/index.sqlite` in the corpus.
    public static func database(explicit: String?, corpus: String, currentDirectory: String) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit, from: currentDirectory) }
        return corpus + "/.dealq/index.sqlite"
    }

    public static func absolute(_ path: String, from base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        var result = url.standardizedFileURL.path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }
}

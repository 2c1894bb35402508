import Foundation

/// The deal files a corpus already has, found by the corpus reader: which
/// file holds which id, and every markdown path taken.
struct CorpusDeals {
    var config = CorpusConfig()
    /// Deal id → path relative to the root (the first by path when ids repeat, as the index keeps it).
    var pathOfID: [String: String] = [:]
    /// Every `*.md` path (deal or not), to never overwrite one.
    var paths: Set<String> = []

    /// Reads `root`; a folder that does not exist yet is an empty corpus.
    init(root: String) throws(ImportError) {
        guard FileManager.default.fileExists(atPath: root) else { return }
        config = try Self.config(root: root)
        let files: [FileStat]
        do {
            files = try CorpusWalker.files(root: root)
        } catch {
            throw .corpus("cannot read the corpus '\(root)': \(error.path): \(error.reason)")
        }
        // Read on all cores, as the indexer does: a corpus has up to hundreds of thousands of files.
        let ids = Slots<String?>(count: files.count)
        let config = self.config
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            // A file over the size limit is not read: the index rejects it, so it holds no id.
            guard case .bytes(let bytes) = CorpusFileRead.read(root + "/" + files[i].path, limit: config.maxFileSize) else {
                return ids.store(nil, at: i)
            }
            ids.store(Self.id(of: bytes, config: config), at: i)
        }
        for (file, id) in zip(files, ids.all()) {
            paths.insert(file.path)
            if let id, pathOfID[id] == nil { pathOfID[id] = file.path }
        }
    }

    /// The id of a file the corpus reader accepts as a deal. Only the front
    /// matter is read: the body (quotes, topics) never decides whether a file is one.
    static func id(of bytes: [UInt8], config: CorpusConfig) -> String? {
        guard case .deal(let file)? = try? DealFile.split(bytes) else { return nil }
        var frontMatter = FrontMatter(config: config)
        return try? frontMatter.read(file.frontMatter, body: "", fileSize: bytes.count).id
    }

    private static func config(root: String) throws(ImportError) -> CorpusConfig {
        let path = root + "/" + CorpusConfig.fileName
        guard FileManager.default.fileExists(atPath: path) else { return CorpusConfig() }
        guard let bytes = CorpusWalker.contents(of: path) else { throw .corpus("cannot read \(path)") }
        do {
            return try CorpusConfig.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw .corpus("\(error.path):\(error.line):\(error.column): error: \(error.message)")
        }
    }

    /// The body of a new deal: the corpus template's (`.templates/deal.md`,
    /// after its front matter), else the contract's recommended sections, empty.
    static func templateBody(root: String) throws(ImportError) -> String {
        let path = root + "/.templates/deal.md"
        guard FileManager.default.fileExists(atPath: path) else { return defaultBody }
        guard let bytes = CorpusWalker.contents(of: path) else { throw .template("cannot be read") }
        do {
            switch try DealFile.split(bytes) {
            case .deal(let file): return file.body
            case .notADeal:
                let text = String(decoding: bytes, as: UTF8.self)
                return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            }
        } catch {
            throw .template("\(error.position.line):\(error.position.column): \(error.message)")
        }
    }

    static let defaultBody = """

        ## Deal context

        ## CRM data

        ## Call intelligence

        ## Buyer interview

        ## Gaps

        """
}

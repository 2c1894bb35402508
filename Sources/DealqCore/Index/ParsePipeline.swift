import Dispatch
import Foundation

/// A corpus file after reading: its hash and what it parsed to.
struct ParsedItem: Sendable {
    var stat: FileStat
    var hash: String
    /// nil when the content hash equals the one already indexed, or when the file is gone.
    var parsed: ParsedFile?
    /// The file was deleted between the listing and the reading: it is simply not in the corpus.
    var vanished = false
    /// A deal's terms, counted here to spare the writer's thread.
    var terms: DealTerms?
}

/// Reads and parses files on all cores, a batch ahead of the writer.
struct ParsePipeline: Sendable {
    var corpus: String
    var config: CorpusConfig
    var batchSize = 512

    /// Calls `consume` on the calling thread with each batch, in file order,
    /// while the next batch is parsed in the background.
    func run(_ files: [FileStat], knownHashes: @escaping @Sendable (String) -> String?,
             consume: ([ParsedItem]) throws -> Void) throws {
        guard !files.isEmpty else { return }
        let batches = stride(from: 0, to: files.count, by: batchSize).map { Array(files[$0..<min($0 + batchSize, files.count)]) }
        var pending = start(batches[0], knownHashes: knownHashes)
        for index in batches.indices {
            let items = pending.wait()
            if index + 1 < batches.count { pending = start(batches[index + 1], knownHashes: knownHashes) }
            try consume(items)
        }
    }

    private func start(_ batch: [FileStat], knownHashes: @escaping @Sendable (String) -> String?) -> PendingBatch {
        let pending = PendingBatch(count: batch.count)
        let corpus = corpus, config = config
        DispatchQueue.global(qos: .userInitiated).async {
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                pending.store(Self.parse(batch[i], corpus: corpus, config: config, knownHash: knownHashes(batch[i].path)), at: i)
            }
            pending.done.signal()
        }
        return pending
    }

    static func parse(_ stat: FileStat, corpus: String, config: CorpusConfig, knownHash: String?) -> ParsedItem {
        if let victim = vanishBeforeRead, victim == stat.path { unlink(corpus + "/" + stat.path) }
        let bytes: [UInt8]
        switch CorpusFileRead.read(corpus + "/" + stat.path, limit: config.maxFileSize) {
        case .bytes(let read):
            bytes = read
        case .failed(let code):
            if code == ENOENT { return ParsedItem(stat: stat, hash: "", parsed: nil, vanished: true) }
            let diagnostic = FileDiagnostic(path: stat.path, line: 1, column: 1, message: "cannot read the file: \(String(cString: strerror(code)))")
            return ParsedItem(stat: stat, hash: "unreadable", parsed: .rejected(diagnostic))
        case .tooLarge(let size):
            let message = CorpusFileRead.tooLargeMessage(size: size, limit: config.maxFileSize)
            return ParsedItem(stat: stat, hash: "too-large", parsed: .rejected(FileDiagnostic(path: stat.path, line: 1, column: 1, message: message)))
        case .largeNonDeal:
            return ParsedItem(stat: stat, hash: "too-large", parsed: .notADeal)
        }
        let hash = Fingerprint.hex(bytes)
        if hash == knownHash { return ParsedItem(stat: stat, hash: hash, parsed: nil) }
        let parsed = DealParser.parse(bytes, path: stat.path, config: config)
        var item = ParsedItem(stat: stat, hash: hash, parsed: parsed)
        if case .deal(let deal, _) = parsed { item.terms = try? DealTerms(deal) }
        return item
    }
}

/// `DEALQ_TEST_VANISH_BEFORE_READ=PATH`: tests delete that corpus file after the
/// listing and just before it is read, to show a file deleted mid-run is simply gone.
private let vanishBeforeRead = ProcessInfo.processInfo.environment["DEALQ_TEST_VANISH_BEFORE_READ"]

/// Results of one batch, filled by many threads, and a signal when all are in.
private final class PendingBatch: @unchecked Sendable {
    private let items: Slots<ParsedItem>
    let done = DispatchSemaphore(value: 0)

    init(count: Int) { items = Slots(count: count) }

    func store(_ item: ParsedItem, at index: Int) { items.store(item, at: index) }

    func wait() -> [ParsedItem] {
        done.wait()
        return items.all()
    }
}

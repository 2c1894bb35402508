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

/// Reads and parses files on all cores, a few batches ahead of the writer.
///
/// The writer (the calling thread) is a build's longest path: it is busy from
/// the first batch to the last, and the parse threads fill what is left of the
/// cores. So the parse threads run at a lower priority (nice + 5), and the
/// writer, which on two cores otherwise shares them with two parse threads,
/// keeps a core of its own whenever it has work; and they parse up to `ahead`
/// batches ahead, so that they go on while the writer spends a second on
/// something else (a bulk load's grouped facet rows) instead of waiting for it.
struct ParsePipeline: Sendable {
    var corpus: String
    var config: CorpusConfig
    var batchSize = 512
    /// Batches parsed (or being parsed) ahead of the one the writer holds.
    var ahead = 3

    /// Calls `consume` on the calling thread with each batch, in file order,
    /// while the next batches are parsed in the background.
    func run(_ files: [FileStat], knownHashes: @escaping @Sendable (String) -> String?,
             consume: ([ParsedItem]) throws -> Void) throws {
        guard !files.isEmpty else { return }
        let work = ParseWork(files: files, batchSize: batchSize, ahead: ahead)
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), files.count)
        let finished = DispatchSemaphore(value: 0)
        let corpus = corpus, config = config
        for number in 0..<workers {
            let thread = Thread {
                // Linux keeps a nice value per thread; these threads end with the run.
                _ = nice(5)
                work.parseUntilDone { Self.parse($0, corpus: corpus, config: config, knownHash: knownHashes($0.path)) }
                finished.signal()
            }
            thread.name = "dealq-parse-\(number)"
            thread.start()
        }
        defer {
            work.stop()
            for _ in 0..<workers { finished.wait() }
        }
        for batch in 0..<work.batchCount {
            try consume(work.take(batch))
        }
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

/// The files of one run, handed out one at a time to the parse threads in
/// order, and their results in a ring of `ahead` batches: a parse thread takes
/// a file of batch `b` only once the writer has taken batch `b - ahead`.
private final class ParseWork: @unchecked Sendable {
    let files: [FileStat]
    let batchSize: Int
    let ahead: Int
    let batchCount: Int
    private let condition = NSCondition()
    /// The next file to hand out.
    private var next = 0
    /// Batches the writer has taken.
    private var taken = 0
    private var stopped = false
    /// Per ring place: the batch it holds, its results, and how many of its files are not parsed yet.
    private var batchAt: [Int]
    private var results: [Slots<ParsedItem>?]
    private var unparsed: [Int]

    init(files: [FileStat], batchSize: Int, ahead: Int) {
        self.files = files
        self.batchSize = max(1, batchSize)
        self.ahead = max(1, ahead)
        batchCount = (files.count + self.batchSize - 1) / self.batchSize
        batchAt = Array(repeating: -1, count: self.ahead)
        results = Array(repeating: nil, count: self.ahead)
        unparsed = Array(repeating: 0, count: self.ahead)
    }

    /// Parses files until there are none left or the run stopped.
    func parseUntilDone(_ parse: (FileStat) -> ParsedItem) {
        condition.lock()
        while true {
            guard !stopped, next < files.count else { break }
            let batch = next / batchSize
            guard batch < taken + ahead else {
                condition.wait()
                continue
            }
            let index = next
            next += 1
            let place = batch % ahead
            if index % batchSize == 0 {
                let count = min(batchSize, files.count - index)
                batchAt[place] = batch
                results[place] = Slots(count: count)
                unparsed[place] = count
            }
            let slots = results[place]!
            condition.unlock()
            slots.store(parse(files[index]), at: index % batchSize)
            condition.lock()
            unparsed[place] -= 1
            if unparsed[place] == 0 { condition.broadcast() }
        }
        condition.unlock()
    }

    /// Waits for batch `batch` (taken in order) to be parsed whole and takes its results.
    func take(_ batch: Int) -> [ParsedItem] {
        let place = batch % ahead
        condition.lock()
        defer { condition.unlock() }
        while batchAt[place] != batch || unparsed[place] != 0 { condition.wait() }
        let items = results[place]!.takeAll()
        results[place] = nil
        taken = batch + 1
        condition.broadcast()
        return items
    }

    /// Lets the parse threads end after the file each is parsing.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

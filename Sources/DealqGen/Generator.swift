import Foundation

/// Writes a whole corpus. Deals are independent (each has its own random
/// stream), so they are rendered and written in parallel chunks; the files
/// are the same whatever the number of threads.
struct Generator {
    let count: Int
    let seed: UInt64
    let root: String

    /// Target files per folder; large corpora add a bucket level under each quarter.
    static let filesPerFolder = 250

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    var idWidth: Int { max(5, String(count).count) }
    var buckets: Int { max(1, (count + 12 * Generator.filesPerFolder - 1) / (12 * Generator.filesPerFolder)) }

    /// The folder (relative to the root) of deal `index` closed on `date`.
    func folder(index: Int, date: CivilDate) -> String {
        var f = String(date.year) + "/Q" + String(date.quarter)
        if buckets > 1 {
            let b = index % buckets
            f += b < 10 ? "/p00" : b < 100 ? "/p0" : "/p"
            f += String(b)
        }
        return f
    }

    /// Renders deal `index` to its relative path and file contents.
    func render(index: Int) -> (path: String, text: String) {
        var rng = SplitMix64(seed: seed, stream: UInt64(index))
        let deal = DealFactory.make(index: index, rng: &rng, idWidth: idWidth)
        var s = ""
        s.reserveCapacity(4096)
        FrontMatter.write(deal, into: &s, &rng)
        var body = BodyWriter(deal, SplitMix64(seed: rng.next()))
        body.write(into: &s)
        // A few files look like they were last saved on Windows.
        let style = rng.below(1000)
        if style < 10 { s = withCRLF(s) }
        if style >= 10 && style < 15 { s = "\u{FEFF}" + s }
        return (folder(index: index, date: deal.closed) + "/" + deal.id + ".md", s)
    }

    func run() throws {
        try makeDirectory(root)

        // Pass 1: which folders are needed (the close date is the first draw of each stream).
        var folders = Set<String>()
        for i in 0..<count {
            var rng = SplitMix64(seed: seed, stream: UInt64(i))
            folders.insert(folder(index: i, date: closeDate(&rng)))
        }
        for f in folders.sorted() {
            try makeDirectory(root + "/" + f)
        }

        // Pass 2: render and write in parallel.
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = max(1, min(count, workers * 16))
        let failures = FailureBox()
        let me = self
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks
            let hi = count * (c + 1) / chunks
            for i in lo..<hi {
                if failures.hasFailed { return }
                let (path, text) = me.render(index: i)
                if let err = writeFile(me.root + "/" + path, text) {
                    failures.record(err)
                    return
                }
            }
        }
        if let f = failures.first { throw Failure(description: f) }

        try makeDirectory(root + "/guides")
        for (path, text) in [
            ("dealq.yml", CorpusFiles.dealqYML()),
            ("README.md", CorpusFiles.readme(count: count, seed: seed)),
            ("guides/interview-guide.md", CorpusFiles.interviewGuide),
        ] {
            if let err = writeFile(root + "/" + path, text) { throw Failure(description: err) }
        }
    }

    func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create folder \(path): \(error.localizedDescription)")
        }
    }
}

/// `text` with every LF turned into CR LF.
func withCRLF(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 200)
    for b in text.utf8 {
        if b == 10 { bytes.append(13) }
        bytes.append(b)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Writes `text` to `path` (created or truncated); returns an error message on failure.
func writeFile(_ path: String, _ text: String) -> String? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd < 0 { return "cannot write \(path): \(String(cString: strerror(errno)))" }
    defer { close(fd) }
    var text = text
    return text.withUTF8 { buf -> String? in
        var off = 0
        while off < buf.count {
            let n = write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                return "cannot write \(path): \(String(cString: strerror(errno)))"
            }
            off += n
        }
        return nil
    }
}

/// The first error seen by any worker.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?

    var hasFailed: Bool { lock.withLock { message != nil } }
    var first: String? { lock.withLock { message } }

    func record(_ m: String) {
        lock.withLock { if message == nil { message = m } }
    }
}

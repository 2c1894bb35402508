import Dispatch

/// `dealq check`: reads files by the corpus contract and reports what
/// `dealq index` would reject or warn about, without opening any index.
///
/// Ids are checked across the whole corpus, as indexing would: the files
/// given are compared with each other and with every other deal file of the
/// corpus. The other files are only scanned for their `id:` line; the few
/// that share an id with a checked file are then read in full, since only a
/// valid file holds an id. Of the valid files sharing an id, the one whose
/// path sorts first keeps it, exactly as in the index.
public struct CorpusChecker: Sendable {
    public var corpus: String

    public init(corpus: String) {
        self.corpus = corpus
    }

    public func run(_ selection: CheckSelection) throws(IndexError) -> CheckReport {
        let config = try Indexer(corpus: corpus, database: "").loadConfig()
        let listing: [FileStat]
        do {
            listing = try CorpusWalker.files(root: corpus)
        } catch {
            throw .corpus(path: error.path, reason: error.reason)
        }
        let targets = selection.paths ?? listing.map(\.path)
        var report = CheckReport()
        report.ignored = selection.ignored
        report.checked = targets.count
        var deals: [(path: String, deal: Deal)] = []
        for (path, parsed) in zip(targets, parse(targets, config: config)) {
            switch parsed {
            case .notADeal: report.skipped += 1
            case .rejected(let diagnostic): report.rejected.append(diagnostic)
            case .deal(let deal, let warnings):
                deals.append((path, deal))
                report.warnings += warnings
            }
        }
        var holders = deals
        if selection.paths != nil {
            let checked = Set(targets)
            let ids = Set(deals.map(\.deal.id))
            let others = declaring(ids, among: listing.map(\.path).filter { !checked.contains($0) }, limit: config.maxFileSize)
            for (path, parsed) in zip(others, parse(others, config: config)) {
                if case .deal(let deal, _) = parsed, ids.contains(deal.id) { holders.append((path, deal)) }
            }
        }
        let duplicates = Self.duplicates(holders)
        let targetSet = Set(targets)
        report.rejected += duplicates.filter { targetSet.contains($0.path) }
        report.deals = deals.count - duplicates.filter { targetSet.contains($0.path) }.count
        report.rejected.sort { CorpusWalker.precedes($0.path, $1.path) }
        return report
    }

    /// Parses files on all cores, results in the order given.
    private func parse(_ paths: [String], config: CorpusConfig) -> [ParsedFile] {
        let slots = Slots<ParsedFile>(count: paths.count)
        let corpus = corpus
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let stat = FileStat(path: paths[i], size: 0, mtimeNanoseconds: 0)
            slots.store(ParsePipeline.parse(stat, corpus: corpus, config: config, knownHash: nil).parsed ?? .notADeal, at: i)
        }
        return slots.all()
    }

    /// The files whose front matter has a top-level `id:` line naming one of `ids`
    /// (a quick look on all cores: a match is confirmed by reading the file in full).
    private func declaring(_ ids: Set<String>, among paths: [String], limit: Int) -> [String] {
        guard !ids.isEmpty, !paths.isEmpty else { return [] }
        let slots = Slots<Bool>(count: paths.count)
        let corpus = corpus
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let value = IDLine.value(atPath: corpus + "/" + paths[i], limit: limit)
            slots.store(value.map { v in ids.contains { v.contains($0) } } ?? false, at: i)
        }
        return zip(paths, slots.all()).filter(\.1).map(\.0)
    }

    /// The files that lose their id to a file whose path sorts first, with the index's message.
    static func duplicates(_ deals: [(path: String, deal: Deal)]) -> [FileDiagnostic] {
        var result: [FileDiagnostic] = []
        for group in Dictionary(grouping: deals, by: { $0.deal.id }).values where group.count > 1 {
            let sorted = group.sorted { CorpusWalker.precedes($0.path, $1.path) }
            guard let first = sorted.first else { continue }
            for other in sorted.dropFirst() {
                result.append(FileDiagnostic(path: other.path, line: other.deal.idLine, column: other.deal.idColumn,
                                             message: Session.duplicateMessage(id: other.deal.id, firstPath: first.path)))
            }
        }
        return result
    }
}

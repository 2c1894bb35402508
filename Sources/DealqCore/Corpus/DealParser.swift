/// What one corpus file turned out to be.
public enum ParsedFile: Sendable {
    /// A markdown file that does not open with `---`: not a deal, not an error.
    case notADeal
    case deal(Deal, warnings: [FileDiagnostic])
    case rejected(FileDiagnostic)
}

/// Reads one deal file by the corpus contract: pure, thread-safe, no I/O.
public enum DealParser {
    public static func parse(_ bytes: [UInt8], path: String, config: CorpusConfig) -> ParsedFile {
        let split: DealFile.Split
        do {
            split = try DealFile.split(bytes)
        } catch {
            return .rejected(Rejections([error]).diagnostic(path: path))
        }
        guard case .deal(let file) = split else { return .notADeal }
        var frontMatter = FrontMatter(config: config)
        var deal: Deal
        do {
            deal = try frontMatter.read(file.frontMatter, body: file.body, fileSize: bytes.count)
        } catch {
            return .rejected(error.diagnostic(path: path))
        }
        let body = Body.read(file.body, firstLine: file.bodyFirstLine)
        deal.quotes = body.quotes
        for i in deal.quotes.indices { deal.quotes[i].topics = config.topics(in: deal.quotes[i].text) }
        deal.topics = Array(Set(deal.topics + config.topics(in: file.body))).sorted()
        let inFileOrder = (frontMatter.warnings + body.warnings).enumerated().sorted {
            ($0.element.0.line, $0.element.0.column, $0.offset) < ($1.element.0.line, $1.element.0.column, $1.offset)
        }.map(\.element)
        let warnings = inFileOrder.map {
            FileDiagnostic(path: path, line: $0.0.line, column: $0.0.column, message: $0.1, severity: .warning)
        }
        return .deal(deal, warnings: warnings)
    }
}

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
        do {
            guard case .deal(let file) = try DealFile.split(bytes) else { return .notADeal }
            var frontMatter = FrontMatter(config: config)
            var deal = try frontMatter.read(file.frontMatter, body: file.body)
            deal.quotes = Body.quotes(in: file.body, firstLine: file.bodyFirstLine)
            for i in deal.quotes.indices { deal.quotes[i].topics = config.topics(in: deal.quotes[i].text) }
            deal.topics = Array(Set(deal.topics + config.topics(in: file.body))).sorted()
            let warnings = frontMatter.warnings.map {
                FileDiagnostic(path: path, line: $0.0.line, column: $0.0.column, message: $0.1, severity: .warning)
            }
            return .deal(deal, warnings: warnings)
        } catch {
            return .rejected(FileDiagnostic(path: path, line: error.position.line, column: error.position.column,
                                            message: error.message))
        }
    }
}

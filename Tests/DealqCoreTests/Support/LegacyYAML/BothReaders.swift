import Foundation
@testable import DealqCore

/// What a front-matter reader made of one file, as text that compares whole:
/// the deal and its warnings, or every rejection with its position.
enum FrontMatterOutcome: Equatable, CustomStringConvertible {
    case notADeal
    case deal(Deal, warnings: [String])
    case rejected([String])

    var description: String {
        switch self {
        case .notADeal: return "not a deal"
        case .deal(let deal, let warnings): return "deal \(deal.id) \(warnings)"
        case .rejected(let all): return "rejected \(all)"
        }
    }

    var isRejected: Bool {
        if case .rejected = self { return true }
        return false
    }
}

/// Reads one file's front matter with the reader over libyaml's events and with
/// the one over Yams' node tree.
func readBothWays(_ bytes: [UInt8], config: CorpusConfig = CorpusConfig()) -> (events: FrontMatterOutcome, yams: FrontMatterOutcome) {
    let file: DealFile
    do {
        guard case .deal(let split) = try DealFile.split(bytes) else { return (.notADeal, .notADeal) }
        file = split
    } catch {
        let both = FrontMatterOutcome.rejected(["\(error.position.line):\(error.position.column): \(error.message)"])
        return (both, both)
    }
    func shown(_ rejections: Rejections) -> FrontMatterOutcome {
        .rejected(rejections.all.map { "\($0.position.line):\($0.position.column): \($0.message)" })
    }
    func shown(_ warnings: [(Position, String)]) -> [String] {
        warnings.map { "\($0.0.line):\($0.0.column): \($0.1)" }
    }
    var reader = FrontMatter(config: config)
    let events: FrontMatterOutcome
    do {
        let deal = try reader.read(file.frontMatter, body: file.body, fileSize: bytes.count)
        events = .deal(deal, warnings: shown(reader.warnings))
    } catch {
        events = shown(error)
    }
    var legacy = LegacyFrontMatter(config: config)
    let yams: FrontMatterOutcome
    do {
        let deal = try legacy.read(file.frontMatter, body: file.body, fileSize: bytes.count)
        yams = .deal(deal, warnings: shown(legacy.warnings))
    } catch {
        yams = shown(error)
    }
    return (events, yams)
}

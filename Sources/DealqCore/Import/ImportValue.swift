/// A value read from an export cell, for one front-matter field.
enum ImportValue: Sendable, Equatable {
    case text(String)
    case acv(Double)
    case outcome(Outcome)
    case day(String)

    /// As written in the file.
    var yaml: String {
        switch self {
        case .text(let text): return YAMLScalar.text(text)
        case .acv(let value): return CRMValues.format(value)
        case .outcome(let outcome): return outcome.rawValue
        case .day(let day): return day
        }
    }

    /// As the corpus reader gives it back (competitor names through the corpus's aliases).
    func read(_ field: ImportField, config: CorpusConfig) -> String {
        switch self {
        case .text(let text):
            switch field {
            case .competitorPrimary, .competitorIncumbent, .competitorSelected, .crmCompetitor: return config.canonicalCompetitor(text)
            default: return text
            }
        case .acv(let value): return CRMValues.format(value)
        case .outcome(let outcome): return outcome.rawValue
        case .day(let day): return day
        }
    }

    /// A deal's current value of a field, as `read` gives it (nil: not known).
    static func current(_ field: ImportField, in deal: Deal) -> String? {
        switch field {
        case .id: return deal.id
        case .account: return deal.account
        case .outcome: return deal.outcome.rawValue
        case .closed: return deal.closed
        case .acv: return deal.acv.map(CRMValues.format)
        case .segment: return deal.segment
        case .region: return deal.region
        case .product: return deal.product
        case .rep: return deal.rep
        case .stage: return deal.stage
        case .competitorPrimary: return deal.competitors.primary
        case .competitorIncumbent: return deal.competitors.incumbent
        case .competitorSelected: return deal.competitors.selected
        case .lossReason: return deal.crm.lossReason
        case .winReason: return deal.crm.winReason
        case .crmCompetitor: return deal.crm.competitor
        }
    }
}

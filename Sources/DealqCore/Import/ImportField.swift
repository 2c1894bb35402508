/// A front-matter field the import writes, named as in `--map FIELD=COLUMN`.
public enum ImportField: String, CaseIterable, Sendable, Hashable {
    case id, account, outcome, closed, acv, segment, region, product, rep, stage
    case competitorPrimary = "competitors.primary"
    case competitorIncumbent = "competitors.incumbent"
    case competitorSelected = "competitors.selected"
    case lossReason = "crm.loss_reason"
    case winReason = "crm.win_reason"
    case crmCompetitor = "crm.competitor"

    /// The top-level key holding the value (`crm` for `crm.loss_reason`).
    public var parent: String? {
        let parts = rawValue.split(separator: ".")
        return parts.count == 2 ? String(parts[0]) : nil
    }

    /// The key on the value's own line (`loss_reason` for `crm.loss_reason`).
    public var key: String {
        String(rawValue.split(separator: ".").last ?? Substring(rawValue))
    }

    /// Export column names recognised without `--map`, matched ignoring case and
    /// surrounding spaces: a Salesforce opportunity report's and a HubSpot deals
    /// export's. The CRM's competitor is both the deal's primary competitor and
    /// what the rep logged (`crm.competitor`), which `mismatch` and
    /// `export crm-updates` compare with what buyers said.
    public var knownColumns: [String] {
        switch self {
        case .id: return ["Opportunity ID", "Record ID"]
        case .account: return ["Account Name", "Company name", "Associated Company"]
        case .outcome: return ["Stage", "Deal Stage"]
        case .closed: return ["Close Date"]
        case .acv: return ["Amount", "ACV", "Annual Contract Value"]
        case .segment: return ["Segment", "Type"]
        case .region: return ["Region", "Billing Country"]
        case .product: return ["Product"]
        case .rep: return ["Opportunity Owner", "Deal owner", "Owner"]
        case .lossReason: return ["Loss Reason"]
        case .winReason: return ["Win Reason"]
        case .competitorPrimary, .crmCompetitor: return ["Primary Competitor", "Competitor"]
        case .stage, .competitorIncumbent, .competitorSelected: return []
        }
    }

    /// How a message names the field.
    var label: String {
        switch self {
        case .outcome: return "stage (outcome)"
        case .closed: return "close date"
        default: return rawValue
        }
    }

    static let required: [ImportField] = [.id, .outcome, .closed]

    /// The order of keys in a new file, and where a missing key is inserted.
    static let fileOrder = ["id", "account", "outcome", "closed", "acv", "segment", "region", "product", "rep", "stage",
                            "competitors", "crm"]
}

/// The fixed world the generated deals live in: topics and their patterns,
/// competitors and their aliases, reps, regions, products, account names.
///
/// Phrase banks elsewhere are written so that a topic's words appear in a
/// deal's text only when the deal is about that topic; the patterns here are
/// the ones written to `dealq.yml`.

enum Topic: Int, CaseIterable {
    case implementation, pricing, security, integrations, reporting, support, onboarding, migration, performance

    var name: String {
        switch self {
        case .implementation: "implementation"
        case .pricing: "pricing"
        case .security: "security"
        case .integrations: "integrations"
        case .reporting: "reporting"
        case .support: "support"
        case .onboarding: "onboarding"
        case .migration: "migration"
        case .performance: "performance"
        }
    }

    /// PCRE2 patterns (matched caselessly by the indexer), as YAML single-quoted strings.
    var patterns: [String] {
        switch self {
        case .implementation: [#"\bimplement\w*"#, #"\bdeploy\w*"#, #"\brollout\b|\broll[- ]out\b"#, #"\bgo[- ]live\b"#]
        case .pricing: [#"\bpric(e|es|ed|ing)\b"#, #"\bdiscount\w*"#, #"\bbudget\w*"#, #"\bexpensive\b"#, #"\bcost(s|ly)?\b"#]
        case .security: [#"\bsecurity\b"#, #"\bSSO\b"#, #"\bSAML\b"#, #"\bSOC ?2\b"#, #"\bGDPR\b"#, #"\bpen(etration)? test"#]
        case .integrations: [#"\bintegrat\w*"#, #"\bAPIs?\b"#, #"\bconnectors?\b"#, #"\bwebhooks?\b"#, #"\bSalesforce\b"#, #"\bSnowflake\b"#]
        case .reporting: [#"\breport(s|ing)?\b"#, #"\bdashboards?\b"#, #"\bexports?\b"#]
        case .support: [#"\bsupport (team|tickets?|queue|desk)\b"#, #"\bcustomer success\b"#, #"\bescalat\w*"#, #"\bSLAs?\b"#, #"\bresponse times?\b"#]
        case .onboarding: [#"\bonboard\w*"#, #"time[- ]to[- ]value"#, #"\btraining\b"#, #"\bramp(ed|ing)? up\b"#]
        case .migration: [#"\bmigrat\w*"#, #"\blegacy\b"#, #"\bcut-?over\b"#, #"\bbackfill\w*"#]
        case .performance: [#"\bperformance\b"#, #"\blatency\b"#, #"\bslow(er|ness)?\b"#, #"\btimeouts?\b"#]
        }
    }

    /// How the topic shifts the odds of winning (added to the log-odds).
    var winEffect: Double {
        switch self {
        case .implementation: -0.75
        case .pricing: -0.35
        case .security: -0.6
        case .integrations: 0.7
        case .reporting: 0.35
        case .support: -0.25
        case .onboarding: 0.1
        case .migration: -0.45
        case .performance: -0.5
        }
    }

    /// How often a deal is about this topic, by segment (SMB, Mid-Market, Enterprise).
    var prevalence: [Double] {
        switch self {
        case .implementation: [0.18, 0.30, 0.42]
        case .pricing: [0.50, 0.38, 0.30]
        case .security: [0.08, 0.22, 0.45]
        case .integrations: [0.25, 0.34, 0.36]
        case .reporting: [0.34, 0.30, 0.24]
        case .support: [0.14, 0.14, 0.16]
        case .onboarding: [0.30, 0.20, 0.14]
        case .migration: [0.08, 0.14, 0.22]
        case .performance: [0.06, 0.10, 0.16]
        }
    }

    /// The driver category a topic turns into when it decides a deal.
    var driverCategory: String {
        switch self {
        case .implementation, .onboarding, .migration: "implementation"
        case .pricing: "pricing"
        case .security, .integrations, .reporting, .performance: "product"
        case .support: "relationship"
        }
    }
}

struct Competitor {
    let name: String
    let aliases: [String]
    /// Added to the log-odds of winning when this is the primary competitor.
    let edge: Double
    /// Extra edge per quarter since 2023 Q1 (a competitor getting stronger is negative).
    let drift: Double
    /// How often it is the primary competitor, by segment (SMB, Mid-Market, Enterprise).
    let presence: [Double]
    /// How buyers and reps describe it.
    let blurb: [String]
}

enum Vocabulary {
    static let competitors: [Competitor] = [
        Competitor(name: "Acme Analytics", aliases: ["Acme", "AcmeCo", "Acme Inc"], edge: -1.1, drift: 0,
                   presence: [0.6, 1.6, 2.2], blurb: ["the safe choice", "already on the approved vendor list", "the incumbent in the parent company"]),
        Competitor(name: "Lumen Insights", aliases: ["Lumen", "LumenIQ"], edge: -0.3, drift: 0,
                   presence: [0.9, 1.1, 0.8], blurb: ["slick in the demo", "aggressive on terms", "strong with finance teams"]),
        Competitor(name: "Northstar BI", aliases: ["Northstar", "North Star BI"], edge: -0.2, drift: 0,
                   presence: [0.5, 0.9, 1.2], blurb: ["a big-suite bundle", "the choice of their CIO's last company"]),
        Competitor(name: "Pivotal Metrics", aliases: ["Pivotal"], edge: 0.0, drift: 0,
                   presence: [0.8, 0.7, 0.3], blurb: ["cheap and quick to start", "a point tool"]),
        Competitor(name: "Clearview Data", aliases: ["Clearview", "CVD"], edge: 0.1, drift: 0,
                   presence: [0.4, 0.6, 0.5], blurb: ["good on paper", "new to the category"]),
        Competitor(name: "Brightline", aliases: ["Brightline.io"], edge: 0.3, drift: -0.11,
                   presence: [0.6, 0.8, 0.5], blurb: ["the new name everyone asks about", "moving fast with a fresh team"]),
        Competitor(name: "Quarry Labs", aliases: ["Quarry"], edge: 0.3, drift: 0,
                   presence: [0.4, 0.4, 0.2], blurb: ["a niche specialist", "open-source flavoured"]),
        Competitor(name: "Tessellate", aliases: ["Tessellate AI"], edge: -0.1, drift: 0.04,
                   presence: [0.3, 0.5, 0.4], blurb: ["the AI pitch", "big on vision, thin on detail"]),
        Competitor(name: "Helix Data", aliases: ["Helix"], edge: 0.2, drift: 0,
                   presence: [0.3, 0.4, 0.5], blurb: ["strong in regulated industries", "a consulting-heavy offer"]),
        Competitor(name: "Spreadsheets", aliases: ["Excel", "Google Sheets"], edge: 1.3, drift: 0,
                   presence: [2.2, 0.9, 0.3], blurb: ["what the team already knew", "free and good enough for now"]),
        Competitor(name: "Internal build", aliases: ["In-house build", "Homegrown"], edge: 0.4, drift: 0,
                   presence: [0.2, 0.6, 1.0], blurb: ["their own engineers' plan", "a side project of the data team"]),
        Competitor(name: "No decision", aliases: ["Status quo"], edge: -0.4, drift: 0,
                   presence: [0.9, 0.8, 0.7], blurb: ["doing nothing", "waiting another year"]),
    ]

    static let spreadsheets = 9
    static let internalBuild = 10
    static let noDecision = 11

    static let segments = ["SMB", "Mid-Market", "Enterprise"]
    static let segmentWeights = [0.46, 0.34, 0.20]
    static let segmentEdge = [0.35, 0.0, -0.35]
    /// log-ACV ranges (natural log of dollars) per segment: center and spread.
    static let acvLog: [(lo: Double, hi: Double)] = [
        (8.517, 10.82),   // $5K – $50K
        (10.31, 12.61),   // $30K – $300K
        (11.92, 14.51),   // $150K – $2M
    ]

    static let regions = ["North America", "EMEA", "APAC", "LATAM"]
    static let regionWeights = [0.48, 0.30, 0.14, 0.08]

    static let products = ["Analytics Suite", "Insights Cloud", "Forecasting", "Data Connect", "Team Edition"]
    /// Product weights by segment.
    static let productWeights: [[Double]] = [
        [0.25, 0.20, 0.10, 0.10, 0.35],
        [0.35, 0.25, 0.15, 0.15, 0.10],
        [0.40, 0.25, 0.20, 0.15, 0.00],
    ]
    static let productEdge = [0.0, 0.15, -0.2, 0.1, 0.2]

    struct Rep {
        let name: String
        let region: Int
        let edge: Double
    }

    static let reps: [Rep] = [
        Rep(name: "Dana Whitfield", region: 0, edge: 0.25),
        Rep(name: "Marcus Oyelaran", region: 0, edge: 0.05),
        Rep(name: "Priya Raman", region: 0, edge: 0.35),
        Rep(name: "Tom Gallagher", region: 0, edge: -0.2),
        Rep(name: "Keisha Brandt", region: 0, edge: 0.0),
        Rep(name: "Luis Ferreira", region: 0, edge: -0.1),
        Rep(name: "Sofia Lindqvist", region: 1, edge: 0.2),
        Rep(name: "Jonas Weber", region: 1, edge: -0.15),
        Rep(name: "Amélie Fontaine", region: 1, edge: 0.1),
        Rep(name: "Rory Callahan", region: 1, edge: -0.3),
        Rep(name: "Hiro Tanaka", region: 2, edge: 0.15),
        Rep(name: "Mei Chen", region: 2, edge: -0.05),
        Rep(name: "Arjun Mehta", region: 2, edge: 0.05),
        Rep(name: "Camila Rojas", region: 3, edge: 0.1),
        Rep(name: "Diego Salas", region: 3, edge: -0.1),
    ]
    static let repsByRegion: [[Int]] = (0..<4).map { r in reps.indices.filter { reps[$0].region == r } }

    static let accountFirst = [
        "Northwind", "Bluewater", "Cedar", "Granite", "Harbor", "Ironwood", "Juniper", "Keystone", "Lakeside",
        "Meridian", "Oakridge", "Pinecrest", "Quill", "Redstone", "Silverline", "Summit", "Tidewater", "Upland",
        "Vantage", "Westbrook", "Yellowpine", "Alder", "Birchwood", "Copperfield", "Driftwood", "Evergreen",
        "Foxglove", "Goldcrest", "Highland", "Ivory", "Jasper", "Kestrel", "Larkspur", "Maplewood", "Nimbus",
        "Orchard", "Peregrine", "Riverbend", "Sable", "Thornbury", "Umber", "Valley", "Willow", "Zephyr",
        "Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Garnet", "Halcyon", "Indigo", "Kingfisher",
        "Lumos", "Mosaic", "Nova", "Onyx", "Polaris", "Radiant", "Saffron", "Topaz", "Vireo", "Wren",
    ]
    static let accountSecond = [
        "Logistics", "Health", "Foods", "Freight", "Bank", "Credit Union", "Insurance", "Retail", "Outfitters",
        "Manufacturing", "Energy", "Utilities", "Pharma", "Biotech", "Media", "Publishing", "Hotels", "Travel",
        "Airlines", "Motors", "Robotics", "Software", "Telecom", "Networks", "Labs", "Clinics", "University",
        "Schools", "Capital", "Partners", "Realty", "Construction", "Mining", "Agritech", "Dairy", "Apparel",
        "Marine", "Aerospace", "Games", "Pet Supply",
    ]
    static let accountSuffix = ["", "", "", "", " Group", " Inc", " Ltd", " & Co", " Holdings", " GmbH", " SA", " Co"]

    /// People on the buyer's side (never a topic word).
    static let roles = [
        "VP Operations", "Director of IT", "Head of Finance", "CFO", "COO", "Data Engineering Lead",
        "Sales Ops Manager", "RevOps Lead", "Head of Data", "Procurement Manager", "VP Sales", "Analytics Manager",
        "Chief Data Officer", "BI Lead", "Controller", "VP Customer Experience", "Head of Product", "IT Manager",
    ]
    static let securityRoles = ["CISO", "Security Architect", "Head of InfoSec"]

    static let stagesLost = ["Discovery", "Demo", "Evaluation", "Proposal", "Negotiation", "Procurement"]
    static let stageLostWeights = [0.10, 0.14, 0.26, 0.22, 0.18, 0.10]

    static let tagsPool = ["deal-level", "short-term", "long-term", "competitive", "reference", "upsell-path", "exec-sponsor", "renewal-risk"]

    /// Insight areas per topic, plus general ones.
    static let insightAreas: [[String]] = [
        ["Implementation plan", "Admin setup", "Sandbox environments"],
        ["Seat-based pricing", "Usage tiers", "Annual prepay"],
        ["SSO", "SAML", "Audit log", "Data residency", "Role-based access"],
        ["Salesforce connector", "Snowflake sync", "REST API", "Webhooks", "HubSpot connector"],
        ["Dashboard sharing", "Scheduled exports", "Custom report builder", "Pivot tables"],
        ["Support hours", "Named CSM", "Escalation path"],
        ["Onboarding checklist", "In-app training", "Templates"],
        ["Data import", "Legacy schema mapping", "Historical backfill"],
        ["Query speed", "Large tenants", "Refresh latency"],
    ]
    static let generalAreas = ["Mobile app", "Forecast accuracy", "Alerts", "Permissions", "Embedded views", "Localization"]
}

/// Phrase banks. Each topic bank is indexed by `Topic.rawValue`.
///
/// Rule kept throughout: a topic's trigger words (see `Topic.patterns`) occur
/// only in that topic's phrases, so a deal's found topics are the topics its
/// story is about. Generic phrases avoid every trigger word.
enum Phrases {
    // MARK: Buyer quotes

    /// What a buyer says about a topic when it went against us.
    static let quoteAgainst: [[Template]] = [
        // implementation
        .init([
            "the implementation plan you showed us ran to {W} weeks, and {C} said they could be live in half that",
            "nobody on our side could own a {W}-week implementation this year",
            "the go-live date moved every time we asked about it",
            "your team wanted our engineers for the whole implementation, and we simply don't have them",
            "we pictured a phased rollout and got a plan where everything lands on the same day",
            "the deployment needed environments we don't run",
            "when we asked who would run the implementation, the answer was a partner we had never heard of",
            "we worried the rollout would stall the moment your consultants left",
            "the implementation estimate doubled between the first call and the proposal",
        ]),
        // pricing
        .init([
            "the price was about {D} percent above what {C} put in front of us",
            "we could not get the budget past finance once year two was included",
            "the discount showed up on the last day, and by then it felt like a tactic",
            "per-seat pricing punished us for wanting everyone in the tool",
            "{C} came in cheaper and the feature gap didn't justify the cost",
            "our budget was cut by a third halfway through the quarter",
            "the pricing page and the quote told two different stories",
            "it was simply too expensive for a team our size",
            "the renewal price jumped and nobody could explain why",
        ]),
        // security
        .init([
            "our security review flagged the missing SAML support, and that was the end of it",
            "procurement needed a SOC 2 Type II attestation before they would even open the file",
            "the security questionnaire came back with too many blanks",
            "SSO was only in the top tier, and we weren't going to change tiers for it",
            "our GDPR people wanted the data to stay in the EU, and you couldn't promise that",
            "the pen test findings took {W} weeks to get an answer",
            "our {B} would not sign without a proper security review, and it never got scheduled",
        ]),
        // integrations
        .init([
            "there was no native connector for our warehouse",
            "the API could not write anything back into our CRM",
            "the Salesforce integration only synced once a day",
            "we would have had to build the Snowflake integration ourselves",
            "webhooks were on the roadmap, not in the product",
            "{C} already had the integrations our ops people rely on",
            "every integration we asked about turned into a services quote",
        ]),
        // reporting
        .init([
            "the dashboards looked great in the demo and fell apart on our data",
            "our board pack needs exports to slides, and that wasn't there",
            "every custom report meant a ticket to your team",
            "the reporting was too rigid for how our finance people work",
            "we couldn't schedule a report to land in people's inboxes on Monday morning",
            "{C} let our analysts build their own dashboards on day one",
        ]),
        // support
        .init([
            "the support team took {N} days to answer a simple question during the trial",
            "every escalation went into a queue and stayed there",
            "the SLA on the standard plan was not something we could live with",
            "response times during the pilot worried our ops lead",
            "we were told a customer success manager only comes with the bigger package",
            "once we signed, the support desk felt like a different company",
        ]),
        // onboarding
        .init([
            "the onboarding was a folder of videos and not much else",
            "time-to-value was going to be a quarter at best",
            "training our regional teams would have taken longer than the pilot itself",
            "we couldn't see how our analysts would ramp up without weeks of hand-holding",
            "onboarding new hires was harder than with {I}",
        ]),
        // migration
        .init([
            "moving {K} legacy workbooks over was a project nobody wanted",
            "the migration plan assumed our old data was clean, and it isn't",
            "we couldn't risk a cutover during our busy season",
            "backfilling {N} years of history was quoted as a separate project",
            "{I} holds years of our history, and migrating all of it scared us",
        ]),
        // performance
        .init([
            "queries on our biggest tables were painfully slow",
            "we hit timeouts twice during the proof of concept",
            "latency on the live view was worse than what we have today",
            "performance with {K} people logged in at once was a question nobody answered",
            "it got slower every time we added a year of data",
        ]),
    ]

    /// What a buyer says about a topic when it worked for us.
    static let quoteFor: [[Template]] = [
        .init([
            "the implementation plan was realistic and you stuck to it",
            "the go-live came {W} weeks after signing, exactly as you promised",
            "your deployment team had done this at companies like ours",
            "the phased rollout meant nobody had to stop what they were doing",
            "{C} wanted six months to implement; you wanted six weeks",
        ]),
        .init([
            "the pricing was easy to explain to our CFO",
            "you came in under budget once we dropped the seats we didn't need",
            "the discount for a two-year term closed it for finance",
            "{C} was more expensive for less",
            "the cost per user made sense at our size",
        ]),
        .init([
            "your security documentation answered our questionnaire before we sent it",
            "SSO and SAML worked on the first try in the pilot",
            "having SOC 2 ready saved us a month of back and forth",
            "our {B} signed off after a single security review call",
        ]),
        .init([
            "the Salesforce connector worked out of the box",
            "your API let our engineers wire it into everything in a week",
            "integrations were the deciding factor, full stop",
            "the Snowflake integration meant no new pipelines",
            "webhooks let us push alerts into the tools we already use",
            "{C} couldn't match the integrations, and they knew it",
        ]),
        .init([
            "the dashboards were something our execs actually opened",
            "our analysts built their first report without asking anyone",
            "scheduled exports replaced a whole Monday-morning ritual",
            "the reporting finally matched how our board reads numbers",
        ]),
        .init([
            "your support team answered faster in the trial than {C} did for paying customers",
            "the escalation path was clear from day one",
            "the customer success manager felt like part of our team",
            "response times in the pilot set the tone for everything else",
        ]),
        .init([
            "onboarding took a week, not a quarter",
            "the training sessions were short and people actually showed up",
            "time-to-value was obvious by the second week",
            "our new hires ramp up on it without us",
        ]),
        .init([
            "you handled the migration from {I} end to end",
            "the cutover happened over one weekend and nobody noticed",
            "the legacy data came across cleaner than it went in",
        ]),
        .init([
            "performance on our largest tables was the best we tested",
            "no timeouts, even when the whole sales floor logged in on Monday",
            "the latency was low enough to use it live on customer calls",
        ]),
    ]

    /// Said without any topic in mind.
    static let quoteGeneral: [Template] = .init([
        "your rep was the most prepared of anyone we met",
        "we liked the people; that was never the issue",
        "it came down to who we trusted to still be around in three years",
        "the demo was built around our use case, and it showed",
        "our {B} had worked with {C} before, and that carried a lot of weight",
        "procurement took over in the last month and the whole conversation changed",
        "we honestly did not expect to switch anything this year",
        "nobody followed up after the second meeting, so we assumed you had moved on",
        "the reference call with a company our size sealed it",
        "you listened more than the others did",
        "the proposal arrived a week after we had asked for it",
        "we needed a yes from three departments, and only one of them was in the room",
    ])

    static let quoteAgainstGeneral: [Template] = .init([
        "nobody followed up after the second meeting, so we assumed you had moved on",
        "the proposal arrived a week after we had asked for it",
        "we needed a yes from three departments, and only one of them was in the room",
        "our {B} had worked with {C} before, and that carried a lot of weight",
        "it felt like your team was selling to a bigger company than ours",
        "when our champion left, the evaluation lost its owner",
    ])

    static let quoteForGeneral: [Template] = .init([
        "your rep was the most prepared of anyone we met",
        "the demo was built around our use case, and it showed",
        "the reference call with a company our size sealed it",
        "you listened more than the others did",
        "it felt like a partnership from the first call",
    ])

    static let openers = [
        "", "", "", "", "Honestly, ", "To be blunt, ", "Looking back, ", "In the end, ", "If I'm fair, ",
        "The short version is that ", "What stuck with me is that ", "For us, ", "Frankly, ", "I think ",
        "From where I sat, ", "The way I'd put it: ", "Truthfully, ", "My sense is that ",
    ]

    static let closers: [Template] = .init([
        "", "", "", "", "", " That was the whole story for us.", " It came up in every meeting after that.",
        " We said so more than once.", " The rest of the team felt the same.", " Our {B} said the same thing.",
        " I'd tell any peer the same.", " It wasn't close.",
    ])
    static let closersAgainst: [Template] = .init([
        " I doubt that surprises you.", " That's what I'd fix first.", " Everything else was fine.",
        " We gave you two chances to fix it.", " It's a shame, because we liked the team.",
    ])
    static let closersFor: [Template] = .init([
        " Nobody else came close on that.", " It made the internal case easy.", " That's what I tell peers about.",
        " We would choose the same way again.",
    ])

    static let joiners = [", and on top of that ", "; also, ", ". Separately, ", ", and ", ". Beyond that, "]

    static let mixedLead = ["The one sore point: ", "If I had one complaint, ", "Not everything was smooth: ", "The weak spot was that "]

    // MARK: Call intelligence

    /// Short labels for a topic, as a bullet would open.
    static let topicLabels: [[String]] = [
        ["Implementation timeline", "Implementation staffing", "The deployment plan", "Go-live date"],
        ["Pricing", "Budget", "Discount level", "Cost per seat"],
        ["Security review", "SSO", "SOC 2 evidence", "GDPR questions"],
        ["Salesforce integration", "API coverage", "Warehouse connectors", "Integration effort"],
        ["Reporting", "Dashboard flexibility", "Board-level reports", "Scheduled exports"],
        ["Support response times", "The SLA", "Escalation process", "Customer success coverage"],
        ["Onboarding", "Training for regional teams", "Time-to-value", "Onboarding plan"],
        ["Data migration", "Legacy workbook conversion", "Cutover timing", "History backfill"],
        ["Performance at volume", "Query latency", "Timeouts in the trial", "Performance on large tables"],
    ]

    /// `{L}` is replaced by a topic label before the template runs.
    static let topicBullets = [
        "{L} came up on {k} of {n} calls, first in the {O} meeting.",
        "{L} was raised by the {R} on the {O} call and again near the end.",
        "{L}: discussed at length on {k} calls; tone {s}.",
        "{L} was the main thread of the meeting with the {R} in {M}.",
        "{L} appeared in {k} email threads and on {k2} calls; tone {s}.",
        "{L} was the first question on the {O} call.",
    ]
    static let toneAgainst = ["negative", "wary", "skeptical", "mixed to negative", "cool"]
    static let toneFor = ["positive", "warm", "upbeat", "enthusiastic", "constructive"]

    static let competitorBullets: [Template] = .init([
        "{C} was first named on the {O} call.",
        "The {R} compared us with {C} on {N} calls.",
        "{C} entered late, after the {O} demo.",
        "{C} came up unprompted in {N} calls.",
        "The buyer asked how we differ from {C} twice in one meeting.",
    ])

    static let processAgainst: [Template] = .init([
        "Buyer email replies went from same-day to {N} days in the final month.",
        "The {B} joined only the last call.",
        "Next steps were left open at the end of {N} calls.",
        "A new stakeholder, the {B}, appeared in the final two weeks.",
        "Two scheduled calls were cancelled by the buyer in {M}.",
        "The rep spoke for most of the discovery call; the buyer asked few questions.",
    ])
    static let processFor: [Template] = .init([
        "The {R} answered emails within hours through the last month.",
        "Next steps were agreed at the end of every call.",
        "The {R} pulled in their own leadership by the {O} call.",
        "A mutual action plan was agreed in {M} and kept.",
        "The buyer shared internal notes ahead of the {O} meeting.",
    ])
    static let processNeutral: [Template] = .init([
        "{N} stakeholders joined at least one call.",
        "Talk time was roughly even between the rep and the buyer.",
        "The {R} was the main voice on the buyer's side.",
        "Calls were mostly with the {R}; procurement joined once.",
        "The {R} brought the {B} to the {O} call.",
    ])

    // MARK: Deal context

    static let contextOpen: [Template] = .init([
        "A {W}-week evaluation led by the {R}.",
        "{A} evaluated {P} over {W} weeks, with the {R} running the process.",
        "The {R} ran a {W}-week evaluation of {P}.",
        "Evaluation of {P} lasted about {W} weeks; the {R} owned it.",
        "{W} weeks from first call to decision, with the {R} in charge.",
    ])
    static let churnOpen: [Template] = .init([
        "Customer for {N} years on {P}; the renewal came up in {M}.",
        "{A} had run {P} for {N} years, latterly with the {R} as owner.",
        "A {N}-year customer. The {R} owned the account on their side.",
        "Renewal of {P} after {N} years; usage had been falling for two quarters.",
    ])
    static let churnTriggers: [Template] = .init([
        "a new leadership team reviewed every tool they pay for",
        "the team that bought it was reorganised",
        "their main power user left",
        "{C} offered them a free first year",
        "usage dropped to a handful of people",
        "a parent company standardised on {C}",
    ])
    static let churnTriggerLead = ["What changed: ", "The turn came when ", "It started when "]
    static let triggers: [Template] = .init([
        "a new CFO asked for one version of the truth",
        "their team doubled in a year",
        "a merger left them with two of everything",
        "the board asked for weekly pipeline numbers",
        "a key analyst left and took the know-how with them",
        "{I} broke down at quarter end",
        "a planning cycle went badly wrong",
        "leadership wanted forecasts they could trust",
        "a competitor of theirs started moving faster",
    ])
    static let triggerLead = ["They came to market after ", "The trigger: ", "What started it: ", "They started looking when "]
    static let procurement: [Template] = .init([
        "Procurement joined in the final two weeks.", "Procurement was involved from the first call.",
        "Procurement joined late, after the verbal yes.", "Procurement only handled the paperwork.",
        "Legal review added {N} weeks at the end.",
    ])
    static let incumbentLine: [Template] = .init([
        "They were running on {I} at the start.", "{I} was in place beside the current process.",
        "Before this they relied on {I}.", "The status quo was {I}.",
    ])
    static let seatsLine: [Template] = .init([
        "Roughly {S} people would use it.", "About {S} seats were in scope.", "Scope: {S} users across {N} teams.",
    ])
    static let sourceLine = [
        "Sourced by an inbound demo request.", "Sourced by an outbound sequence.", "Sourced through a partner.",
        "Sourced by a referral from an existing customer.", "Sourced from a conference conversation.",
        "Came in through the free trial.",
    ]
    static let dealTypeLine = [
        "new business": ["A new logo.", "First purchase for this account.", "Net-new account."],
        "expansion": ["An expansion of an existing account.", "Upsell into a second business unit.", "Expansion to more teams."],
        "renewal": ["A renewal that went to a competitive review.", "Renewal, reopened by the buyer.", "A renewal cycle."],
    ]

    // MARK: Interview

    static let interviewIntro: [Template] = .init([
        "Interview with the {R}, {N} weeks after the decision.",
        "Thirty-minute conversation with the {R}.",
        "Spoke with the {R}; they were candid and specific.",
        "Interview with the {R}, who led the evaluation.",
        "A short call with the {R}, arranged through the rep.",
    ])
    static let interviewWrapAgainst = [
        "They ranked {L} first and everything else a distant second.",
        "When asked what would have changed the outcome, they pointed to {L}.",
        "They would consider us again at renewal if {L} improves.",
        "Their advice: lead with {L} earlier next time.",
    ]
    static let interviewWrapFor = [
        "They ranked {L} as the main reason they chose us.",
        "Asked what nearly went the other way, they said very little did.",
        "They would be a reference, and named {L} as the reason.",
        "They said {L} made the internal decision easy.",
    ]

    // MARK: Gaps

    static let gapsByTopic: [[Template]] = [
        .init(["Would a shorter implementation plan have kept us in the race?", "Who on their side would have owned the deployment?"]),
        .init(["Was pricing the real reason, or the polite one?", "Would an earlier discount conversation have changed anything?"]),
        .init(["Would an earlier security review have changed the outcome?", "Which SSO requirement was the hard blocker?"]),
        .init(["Which integration mattered most, and is it on the roadmap?", "Did the API concerns come from the buyer or from {C}'s pitch?"]),
        .init(["Which report did the board actually need?", "Were the dashboard complaints about data or design?"]),
        .init(["What response times did they expect, and from whom?", "Was the SLA a blocker or a bargaining point?"]),
        .init(["How long did they expect onboarding to take?", "Would training for the regional teams have helped?"]),
        .init(["How much legacy data did they really need to bring over?", "Could a staged cutover have worked?"]),
        .init(["Which queries were slow, and on what data size?", "Were the timeouts ours or their network's?"]),
    ]
    static let gapsGeneral: [Template] = .init([
        "Who had final sign-off, and when did they join?",
        "What would have made this an easy yes?",
        "Did the buyer see a reference customer their size?",
        "How did {C} position against us in the final week?",
        "Was the decision made before the last demo?",
        "Does the rep's logged reason match what the buyer said?",
        "What brought them to market, in their own words?",
    ])
}

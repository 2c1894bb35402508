import DealqCore
import MCP

/// `report {audience, filters?, competitor?}`: a markdown report built from queries it lists.
struct ReportTool: DealqTool {
    static let definition = Tool(
        name: "report",
        title: "Write a win-loss report",
        description: """
            Write the markdown report for an audience, each section the answer of a query it names (so every number can \
            be reproduced with `query`). leadership: the trend, who we lose to, what losses cost, ACV won and lost. \
            product: areas, gaps in losses, advantages in wins with buyer quotes, requests, bugs, win rate by topic. \
            sales: head-to-head win rates, why we lose to each competitor, recent quotes (one competitor's page with \
            `competitor`). `filters` narrows every query, as in a query: "since:2025-01-01 segment:enterprise".
            """,
        inputSchema: Schema.object([
            "audience": Schema.enumeration(["leadership", "product", "sales"], "Who the report is for."),
            "filters": Schema.string("Filters every query of the report shares, e.g. \"since:2025-01-01\"."),
            "competitor": Schema.string("For the sales report: the competitor whose page to write."),
        ], required: ["audience"]),
        annotations: .init(readOnlyHint: true),
        outputSchema: Schema.object([
            "audience": Schema.string("The audience."),
            "markdown": Schema.string("The report."),
            "notes": Schema.array(Schema.string("A note"), "Notes on the report's queries."),
        ], required: ["audience", "markdown", "notes"]))

    static func call(_ arguments: ToolArguments, session: CorpusSession) throws -> CallTool.Result {
        let args = try arguments.only(["audience", "filters", "competitor"])
        let name = try args.string("audience")
        guard let audience = Report.Audience(rawValue: name) else {
            throw MCPError.invalidParams("report: audience must be leadership, product or sales, not '\(name)'")
        }
        let filters = try args.optionalString("filters") ?? ""
        let competitor = try args.optionalString("competitor")
        if competitor != nil && audience != .sales {
            throw ToolFailure("error: competitor applies to the sales report only")
        }
        let engine = try session.engine()
        let today = session.today
        do {
            // Check the shared filters once, so that errors point into what was given.
            _ = try engine.check("deals " + filters, today: today)
        } catch {
            throw ToolFailure(error, text: "deals " + filters)
        }
        let report: Report
        do {
            report = try engine.report(audience, filters: filters, competitor: competitor, today: today)
        } catch {
            throw ToolFailure(error, text: filters)
        }
        let markdown = report.markdown(generated: today)
        var text = markdown
        for note in report.notes { text += "\nnote: \(note)" }
        return ToolResult.success(text: text, structured: [
            "audience": .string(name), "markdown": .string(ToolResult.capped(markdown)),
            "notes": .array(report.notes.map { .string($0) }),
        ])
    }
}

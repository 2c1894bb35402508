import ArgumentParser
import DealqCore

/// `dealq report leadership|product|sales [FILTERS…] [--competitor X]`: a markdown brief.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a markdown report for leadership, product or sales, built from queries it lists.",
        discussion: """
            Filters narrow every query of the report, as in a query: dealq report leadership since:2025-01-01. \
            The sales report takes --competitor NAME for one competitor's page; without it, the head-to-head \
            table and a page for each of the three competitors in the most lost deals. Markdown by default; \
            --format html writes one self-contained page with charts (--format takes only these two here).
            """)

    enum Audience: String, ExpressibleByArgument, CaseIterable { case leadership, product, sales }

    @Argument(help: "leadership, product or sales.")
    var audience: Audience

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "For the sales report: the competitor whose page to write.")
    var competitor: String?

    @Argument(help: "Filters every query of the report shares.")
    var filters: [String] = []

    mutating func run() throws {
        let text = filters.joined(separator: " ")
        if let format = options.format, !["markdown", "html"].contains(format.lowercased()) {
            throw ValidationError("a report is written as markdown or html, not '\(format)'")
        }
        if competitor != nil && audience != .sales {
            throw ValidationError("--competitor applies to the sales report only (dealq report sales --competitor NAME)")
        }
        let today = try options.todayDate()
        let engine = try options.openEngine()
        do {
            // Check the shared filters once, so that errors point into what was typed.
            _ = try engine.check("deals " + text, today: today)
        } catch {
            throw CommonOptions.fail(error, text: "deals " + text)
        }
        do {
            let report = try engine.report(Report.Audience(rawValue: audience.rawValue)!, filters: text,
                                           competitor: competitor, today: today, minimumGroupSize: options.minimumGroupSize)
            for note in report.notes { Output.err("note: \(note)") }
            let page = options.format?.lowercased() == "html" ? report.html(generated: today) : report.markdown(generated: today)
            try options.write(page)
        } catch let failure as QueryFailure {
            throw CommonOptions.fail(failure, text: text)
        }
    }
}

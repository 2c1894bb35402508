import ArgumentParser
import DealqCore
import DealqRender

/// `dealq export crm-updates [FILTERS…]`: a file RevOps can import.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a file for another system: crm-updates (CRM fields the buyers' evidence disagrees with).",
        discussion: """
            crm-updates: one row per deal where the rep's CRM reason names another category than the \
            heaviest driver, or where a lost deal's buyer selected a competitor the CRM does not name. \
            Columns: \(QueryEngine.crmUpdateColumns.joined(separator: ", ")). CSV for spreadsheets unless --format \
            says otherwise: UTF-8 with a byte-order mark, CRLF line ends, and text that a spreadsheet would run \
            as a formula (starting with =, +, -, @) prefixed with '. \
            Filters narrow the deals, as in a query: dealq export crm-updates since:2025-01-01 segment:enterprise
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case crmUpdates = "crm-updates"
    }

    @Argument(help: "What to export: crm-updates.")
    var kind: Kind

    @OptionGroup var options: CommonOptions

    @Argument(help: "Filters that select the deals, as in a query.")
    var filters: [String] = []

    mutating func run() throws {
        let text = filters.joined(separator: " ")
        let format = options.format == nil ? OutputFormat.csv : try options.outputFormat()
        let today = try options.todayDate()
        let engine = try options.openEngine()
        let table: DealqRender.Table
        do {
            table = try engine.crmUpdates(text, today: today)
        } catch {
            throw CommonOptions.fail(error, text: "deals " + text)
        }
        try options.write(render(table, as: format, options: options.renderOptions(spreadsheet: true)))
    }
}

import ArgumentParser
import DealqCore
import Foundation

/// `dealq import crm FILE.csv`: deal files from a CRM export.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring deals in from another system: crm (a Salesforce or HubSpot export).",
        subcommands: [ImportCRMCommand.self])
}

struct ImportCRMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "Write a deal file for every closed row of a CRM export (CSV).",
        discussion: """
            Columns of a Salesforce opportunity report or a HubSpot deals export are recognised by name \
            (ignoring case): id (Opportunity ID, Record ID), account (Account Name, Company name, Associated \
            Company), outcome (Stage, Deal Stage), closed (Close Date), acv (Amount, ACV, Annual Contract \
            Value), segment (Segment, Type), region (Region, Billing Country), product (Product), rep \
            (Opportunity Owner, Deal owner, Owner), crm.loss_reason (Loss Reason), crm.win_reason (Win Reason), \
            and competitors.primary and crm.competitor (Primary Competitor, Competitor).
            A row whose stage is won, lost or churned (Closed Won, closed-lost, churn, …) updates the deal file \
            with its id, else becomes YYYY/ID.md with the body of .templates/deal.md (or the recommended empty \
            sections); other rows are skipped. Only the imported keys change; comments, other keys and the \
            body stay as they were, a file that would not change is not written, and no file is removed. An \
            empty cell never erases a value. --keep COLUMN writes a custom field named after the column in \
            lower case, spaces and punctuation as _ ("Lead Source" → lead_source).
            Changes and the summary go to stdout, skipped and malformed rows to stderr as FILE:LINE: message.
            Exit status: 0 all rows imported or skipped; 1 some row malformed (the others are imported) or \
            the corpus could not be written; 2 usage error (unknown field, missing file or column, a date \
            column that needs --date-format).
            """)

    @Argument(help: ArgumentHelp("The CRM export, CSV in UTF-8.", valueName: "file.csv"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).", valueName: "dir"))
    var corpus: String?

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Read FIELD from COLUMN (e.g. acv=\"Total Contract Value\"; an empty COLUMN leaves FIELD out).",
                               valueName: "field=column"))
    var map: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Carry COLUMN as a custom field.", valueName: "column"))
    var keep: [String] = []

    @Option(name: .customLong("date-format"),
            help: ArgumentHelp("How the close dates are written when the column does not show it: MM/DD/YYYY, DD/MM/YYYY or YYYY-MM-DD.",
                               valueName: "format"))
    var dateFormat: String?

    @Flag(name: .long, help: "Show what would change, and write nothing.")
    var dryRun = false

    mutating func run() throws {
        let corpusPath = CorpusLocator.corpus(explicit: corpus, environment: ProcessInfo.processInfo.environment,
                                              currentDirectory: FileManager.default.currentDirectoryPath)
        let importer = CRMImporter(corpus: corpusPath)
        let plan: ImportPlan
        do {
            var options = CRMImporter.Options(map: map, keep: keep)
            if let dateFormat { options.dateOrder = try DateOrder(option: dateFormat) }
            plan = try importer.plan(exportAt: file, options: options)
            if !dryRun { try importer.apply(plan) }
        } catch {
            Output.err("error: \(error.message)")
            throw Exit(status: error.status)
        }
        for issue in plan.issues { Output.err(issue.description(source: plan.source)) }
        for file in plan.files {
            switch file.kind {
            case .new: Output.out("\(file.path): new")
            case .updated: for change in file.changes { Output.out("\(file.path): \(change.description)") }
            case .unchanged: break
            }
        }
        Output.out(ImportSummary.text(plan, dryRun: dryRun))
        if plan.malformed > 0 { throw Exit(status: 1) }
    }
}

enum ImportSummary {
    /// `export.csv: 60 rows: 52 new, 0 updated, 0 unchanged, 6 skipped, 2 malformed`
    static func text(_ plan: ImportPlan, dryRun: Bool) -> String {
        let counts = "\(plan.count(.new)) new, \(plan.count(.updated)) updated, \(plan.count(.unchanged)) unchanged, "
            + "\(plan.skipped) skipped, \(plan.malformed) malformed"
        let line = "\(plan.source): \(Format.plural(plan.rows, "row")): \(counts)"
        return dryRun ? line + "\ndry run: nothing was written" : line
    }
}

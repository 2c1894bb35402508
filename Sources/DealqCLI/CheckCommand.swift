import ArgumentParser
import DealqCore
import Foundation

/// `dealq check [PATH …]`: the corpus reader's verdict on files, without an index.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check deal files as 'dealq index' would read them, without touching the index.",
        discussion: """
            Reads each PATH (a file, or a folder and the deal files under it; default: the \
            whole corpus) by the corpus format and prints what 'dealq index' would reject or \
            warn about, as path:line:col: error: message with paths relative to the corpus \
            root. Ids are checked against every other deal file of the corpus. Files the \
            index never reads (outside the corpus, hidden, not *.md) are ignored; markdown \
            files without front matter are not deals and not errors. Made for pre-commit hooks.
            Exit status: 0 nothing rejected; 1 some file rejected, or dealq.yml invalid; 2 usage \
            error (such as a path that does not exist).
            """)

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Files or folders to check (default: the whole corpus).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/ above the first PATH, else above the current folder).", valueName: "dir"))
    var corpus: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: SummaryFormat = .text

    mutating func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let root = corpusPath(cwd)
        let selection: CheckSelection
        do {
            selection = try CheckSelection.resolve(paths, corpus: root, currentDirectory: cwd)
        } catch {
            Output.err("error: no such file or folder: \(error.argument)")
            throw Exit(status: 2)
        }
        let report: CheckReport
        do {
            report = try CorpusChecker(corpus: root).run(selection)
        } catch {
            Output.err(error.diagnosticLine)
            throw Exit(status: 1)
        }
        for warning in report.warnings { Output.err(warning.description) }
        for rejected in report.rejected { for line in rejected.lines { Output.err(line) } }
        switch format {
        case .json:
            Output.out(DiagnosticJSON.encode([
                "checked": report.checked, "deals": report.deals, "skipped": report.skipped, "ignored": report.ignored,
                "rejected": DiagnosticJSON.rejections(report.rejected), "warnings": DiagnosticJSON.objects(report.warnings),
            ]))
        case .text:
            var line = "\(Format.plural(report.checked, "file")) checked: \(Format.plural(report.deals, "deal")), "
                + "\(Format.plural(report.skipped, "non-deal file")), \(Format.thousands(report.rejected.count)) rejected"
            if !report.ignored.isEmpty { line += "; \(Format.plural(report.ignored.count, "path")) ignored (outside the corpus, hidden or not *.md)" }
            Output.out(line)
        }
        if !report.rejected.isEmpty { throw Exit(status: 1) }
    }

    /// `--corpus`, `$DEALQ_CORPUS`, the marked folder above the first path, above the current folder, else the current folder.
    private func corpusPath(_ cwd: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        if corpus != nil || environment["DEALQ_CORPUS"].map({ !$0.isEmpty }) == true {
            return CorpusLocator.corpus(explicit: corpus, environment: environment, currentDirectory: cwd)
        }
        if let first = paths.first {
            let absolute = CorpusLocator.absolute(first, from: cwd)
            var isFolder: ObjCBool = false
            let start = FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) && isFolder.boolValue
                ? absolute : (absolute as NSString).deletingLastPathComponent
            if let marked = CorpusLocator.marked(from: start) { return marked }
        }
        return CorpusLocator.corpus(explicit: nil, environment: environment, currentDirectory: cwd)
    }
}

import ArgumentParser
import DealqCore
import Foundation

/// `dealq init [DIR]`: starts a corpus with a configuration, a deal template and saved queries.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a corpus: dealq.yml, a deal template, saved queries and a .gitignore.",
        discussion: """
            Writes dealq.yml (starter topics and aliases), .templates/deal.md (every front-matter \
            field and the recommended sections, with the questions that fill them), \
            dealq-queries.yml (saved questions for product, sales, leadership and RevOps) and \
            .gitignore (.dealq/) in DIR, created when missing. Never overwrites: when any of \
            these files exists, nothing is written.
            Exit status: 0 written; 1 some file exists (each is named) or cannot be written; 2 usage error.
            """)

    @Argument(help: "The folder to start the corpus in (default: the current folder).")
    var directory: String?

    mutating func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let folder = CorpusLocator.absolute(directory ?? ".", from: cwd)
        let shown = directory ?? "."
        let written: [String]
        do {
            written = try StarterFiles.write(into: folder)
        } catch {
            switch error {
            case .exists(let paths):
                for path in paths { Output.err("error: \(Self.join(shown, path)) already exists") }
                Output.err("nothing was written: dealq init never overwrites a file")
            case .cannotWrite(let path, let reason):
                Output.err("error: cannot write \(Self.join(shown, path)): \(reason)")
            }
            throw Exit(status: 1)
        }
        for path in written { Output.out("wrote \(Self.join(shown, path))") }
        var steps = ["", "Next steps:"]
        if let directory { steps.append("  cd \(Self.quoted(directory))") }
        steps += [
            "  dealq import crm FILE.csv              # start from a CRM export of closed deals",
            "  cp .templates/deal.md 2025/DEAL-ID.md  # or write a deal by hand: fill id, outcome and closed",
            "  dealq check                            # the files as the index will read them",
            "  dealq index                            # build the index",
            "  dealq \"winrate by quarter\"             # a first question; dealq queries lists the saved ones",
        ]
        Output.out(steps.joined(separator: "\n"))
    }

    static func join(_ folder: String, _ path: String) -> String {
        folder == "." ? path : (folder.hasSuffix("/") ? folder + path : folder + "/" + path)
    }

    static func quoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "/._-".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

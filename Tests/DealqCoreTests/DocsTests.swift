import Foundation
import Testing

/// The documentation in `docs/` and the README: links that stay inside the
/// repository, commands that run as written, and cookbook answers that are
/// what dealq prints today.
enum Docs {
    /// The repository's root folder.
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The "today" the cookbook's answers are made with (see docs/cookbook.md).
    static let today = "2025-12-31"

    /// The pages under `docs/`, as paths relative to the root.
    static let pages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/docs")) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    static func page(_ relative: String) throws -> MarkdownPage {
        try MarkdownPage(path: root + "/" + relative)
    }

    /// A fresh, indexed copy of the bundled corpus.
    static func corpusCopy() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let source = root + "/corpus"
        for item in try FileManager.default.contentsOfDirectory(atPath: source) where item != ".dealq" {
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: folder.path + "/" + item)
        }
        let index = try runDealq(["index"], in: folder.path)
        #expect(index.status == 0, "indexing the bundled corpus: \(index.stderr)")
        return folder
    }
}

@Suite struct DocsLinkTests {
    @Test func theDocumentationExists() {
        for page in ["docs/cookbook.md", "docs/corpus-format.md", "docs/getting-started.md", "docs/query-language.md"] {
            #expect(Docs.pages.contains(page), "\(page) is missing")
        }
    }

    /// Every relative link resolves to a file inside the repository, and a
    /// link to a heading of a page names a heading that page has.
    @Test(arguments: ["README.md"] + Docs.pages)
    func linksStayInTheRepository(_ relative: String) throws {
        let page = try Docs.page(relative)
        let directory = URL(fileURLWithPath: page.path).deletingLastPathComponent()
        let root = URL(fileURLWithPath: Docs.root).standardizedFileURL.path
        for link in page.links {
            let target = link.target
            if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let file = parts[0]
            let anchor = parts.count > 1 ? parts[1] : nil
            let resolved = file.isEmpty ? URL(fileURLWithPath: page.path) : directory.appendingPathComponent(file).standardizedFileURL
            #expect(resolved.path.hasPrefix(root + "/"), "\(relative):\(link.line): '\(target)' leaves the repository")
            #expect(FileManager.default.fileExists(atPath: resolved.path), "\(relative):\(link.line): '\(target)' does not exist")
            if let anchor, resolved.pathExtension == "md", FileManager.default.fileExists(atPath: resolved.path) {
                let anchors = try MarkdownPage(path: resolved.path).anchors
                #expect(anchors.contains(anchor), "\(relative):\(link.line): '\(target)' names no heading of that page")
            }
        }
    }

    @Test func linksAreFoundOutsideCodeOnly() {
        let page = MarkdownPage(path: "x.md", text: """
            # A `code` title
            See [the format](docs/corpus-format.md#a-complete-deal) and [`x`](y.md).
            ```sh
            echo "[not](a-link.md)"
            ```
            `[nor](this.md)`
            """)
        #expect(page.links == [MarkdownPage.Link(target: "docs/corpus-format.md#a-complete-deal", line: 2),
                               MarkdownPage.Link(target: "y.md", line: 2)])
        #expect(page.anchors == ["a-code-title"])
    }
}

@Suite struct DocsCommandTests {
    @Test func commandsFollowTheConvention() {
        let page = MarkdownPage(path: "/x/page.md", text: """
            ```dealq
            winrate by topic   # the comment goes
            deals "a # b"
            ```
            ```sh
            # a comment line
            dealq "count"
            dealq index
            cp a b   # needs: dealq init
            ```
            ```text
            dealq "not run"
            ```
            """)
        let commands = DocCommand.commands(in: page)
        #expect(commands.map(\.text) == ["winrate by topic", "deals \"a # b\"", "dealq \"count\"", "dealq index",
                                         "cp a b   # needs: dealq init"])
        #expect(commands.map(\.kind) == [.query, .query, .shell, .shell, .shell])
        #expect(commands.map(\.line) == [2, 3, 7, 8, 9])
        #expect(commands.map(\.skipped) == [nil, nil, nil, "changes files: dealq index", "# needs: dealq init"])
    }

    /// Every query and command the page shows runs on a copy of the bundled
    /// corpus with exit status 0, in the page's order (a file one command
    /// writes is there for the next).
    @Test(arguments: Docs.pages)
    func everyCommandRuns(_ relative: String) throws {
        let commands = DocCommand.commands(in: try Docs.page(relative))
        #expect(commands.contains { $0.skipped == nil }, "\(relative) shows no command to run")
        let corpus = try Docs.corpusCopy()
        for command in commands where command.skipped == nil {
            let result: CommandResult
            switch command.kind {
            case .query: result = try runDealq([command.text], in: corpus.path, environment: ["DEALQ_TODAY": Docs.today])
            case .shell: result = try runShell(command.text, in: corpus.path, today: Docs.today)
            }
            #expect(result.status == 0, "\(command) exited with \(result.status): \(result.stderr)")
        }
    }

    /// Skipped commands are few, and each says why.
    @Test func skippedCommandsAreFew() throws {
        let skipped = try Docs.pages.flatMap { DocCommand.commands(in: try Docs.page($0)) }.filter { $0.skipped != nil }
        #expect(skipped.count <= 12, "\(skipped.map(\.description))")
        #expect(skipped.allSatisfy { $0.page == "getting-started.md" }, "\(skipped.map(\.description))")
    }
}

@Suite struct CookbookTests {
    /// `scripts/cookbook.sh` regenerates every answer of docs/cookbook.md; the
    /// page must already hold what it writes.
    @Test func answersAreWhatDealqPrints() throws {
        let folder = TemporaryFolder()
        let regenerated = folder.path + "/cookbook.md"
        let run = try runProgram("/bin/bash", [Docs.root + "/scripts/cookbook.sh", regenerated],
                                 environment: ["DEALQ": dealqBinary])
        #expect(run.status == 0, "scripts/cookbook.sh: \(run.stderr)")
        let current = try String(contentsOfFile: Docs.root + "/docs/cookbook.md", encoding: .utf8)
        let fresh = try String(contentsOfFile: regenerated, encoding: .utf8)
        let differing = zip(current.split(separator: "\n", omittingEmptySubsequences: false),
                            fresh.split(separator: "\n", omittingEmptySubsequences: false)).enumerated()
            .first { $0.element.0 != $0.element.1 }
        let upToDate = current == fresh
        #expect(upToDate, """
            docs/cookbook.md is out of date (run bash scripts/cookbook.sh); first difference at line \
            \((differing?.offset ?? 0) + 1): \(differing.map { "'\($0.element.0)' vs '\($0.element.1)'" } ?? "length")
            """)
    }

    /// The page's answers are real answers: every ```sh block is followed by one.
    @Test func everyRecipeShowsItsAnswer() throws {
        let blocks = try Docs.page("docs/cookbook.md").codeBlocks
        for (index, block) in blocks.enumerated() where block.info == "sh" {
            let next = blocks.indices.contains(index + 1) ? blocks[index + 1] : nil
            #expect(next?.info == "text" && next?.lines.isEmpty == false, "cookbook.md:\(block.firstLine): no answer under \(block.lines)")
        }
    }
}

import DealqCore
import DealqLanguage
import DealqRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The interactive shell: reads queries and dot-commands until `.quit` or
/// Ctrl-D, answers them with the same engine and renderers as one-shot mode,
/// and never lets an error end it.
final class Shell {
    private var options: CommonOptions
    private var engine: QueryEngine
    /// Seconds a query may take: `--timeout`, else 10.
    private let timeLimit: Double
    private var source: IndexCompletionSource
    private var history = History()
    private var format: OutputFormat
    private var timer = false
    private var last: (query: String, table: DealqRender.Table)?
    private var deals: Int
    private let today: CalendarDate
    /// Keeps the index fresh in the background; nil with --no-refresh or when the corpus cannot be watched.
    private var watcher: CorpusWatcher?
    /// The watcher's sequence when the engine was last opened.
    private var seenSequence: Int64 = 0

    init(options: CommonOptions) throws {
        self.options = options
        format = try options.outputFormat()
        today = try options.todayDate()
        timeLimit = try options.timeLimit() ?? QueryEngine.interactiveTimeLimit
        Interrupts.install()
        watcher = options.noRefresh ? nil : try ShellWatcher.start(options)
        engine = try options.openEngine(refreshed: watcher != nil)
        seenSequence = watcher?.sequence ?? 0
        watcher?.applyInBackground()
        deals = engine.dealCount()
        source = IndexCompletionSource(engine: engine)
        let corpus = options.corpusPath
        source = IndexCompletionSource(engine: engine, savedQueries: { Shell.savedOutlines(corpus: corpus) })
    }

    /// The corpus as the prompt and banner name it: its folder's name.
    private var corpusName: String {
        let name = URL(fileURLWithPath: options.corpusPath).standardizedFileURL.lastPathComponent
        return name.isEmpty ? options.corpusPath : name
    }

    private var prompt: String { "\(corpusName) (\(Format.plural(deals, "deal")))> " }

    func run() {
        LineEditor.completer = Completer(source: source)
        LineEditor.setUp()
        for entry in history.load() { LineEditor.addHistory(entry) }
        Output.out("dealq \(DealqVersion.string) — \(Format.plural(deals, "deal")) in \(corpusName)/. Type .help for examples, .quit to leave.")
        var pending: [String] = []
        while true {
            let continuation = String(repeating: " ", count: max(0, prompt.count - 4)) + "..> "
            switch LineEditor.read(prompt: pending.isEmpty ? prompt : continuation) {
            case .end:
                Output.out("")
                return
            case .interrupted:
                pending = []
                continue
            case .line(let line):
                // A trailing `\` continues the query on the next line.
                if line.hasSuffix("\\") {
                    pending.append(String(line.dropLast()))
                    continue
                }
                pending.append(line)
                let text = pending.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
                pending = []
                guard !text.isEmpty else { continue }
                LineEditor.addHistory(text)
                history.append(text)
                if execute(text) == .quit { return }
            }
        }
    }

    enum Outcome { case proceed, quit }

    /// Runs one query or dot-command.
    func execute(_ text: String) -> Outcome {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(".") { return dotCommand(trimmed) }
        if let command = Shell.bareCommand(trimmed) { return dotCommand(command) }
        query(trimmed)
        return .proceed
    }

    /// `help`, `help TOPIC`, `exit` and `quit` typed without the dot: the dot-command they
    /// mean. `help` with a word that is no help topic stays a query (and its hint says so).
    static func bareCommand(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        switch words.first {
        case "exit"?, "quit"? where words.count == 1: return ".quit"
        case "help"? where words.count == 1: return ".help"
        case "help"? where words.count == 2 && ShellVocabulary.helpTopics.contains(words[1]): return ".help " + words[1]
        default: return nil
        }
    }

    // MARK: - Queries

    private func query(_ text: String) {
        let started = DispatchTime.now()
        catchUp()
        let slow = ProcessInfo.processInfo.environment["DEALQ_TEST_SLOW_QUERY"] == text
        if slow { engine.slowDownForTesting(milliseconds: 20, steps: 10) }
        defer { if slow { engine.slowDownForTesting(milliseconds: 0) } }
        let limit = Paging.defaultLimit(for: format)
        let minimumGroupSize = options.minimumGroupSize
        let (result, interrupted) = Interrupts.running(engine) { () -> Result<Answer, QueryFailure> in
            // Tests wait for this line: from here on, Ctrl-C stops the query.
            if slow { Output.err("slow query running") }
            do throws(QueryFailure) {
                return .success(try engine.answer(text, today: today, defaultLimit: limit, minimumGroupSize: minimumGroupSize,
                                                  timeLimit: timeLimit))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let answer):
            for note in answer.notes { Output.err("note: \(note.message)") }
            last = (text, answer.table)
            show(answer.table)
        case .failure(let failure):
            if interrupted, case .runtime = failure {
                Output.err("interrupted")
                return
            }
            Failures.print(failure, text: text)
        }
        if timer { Output.err("time: \(Shell.milliseconds(since: started))") }
    }

    private func show(_ table: DealqRender.Table) {
        Output.out(render(table, as: format, options: RenderOptions(width: Terminal.width, color: Terminal.color)), terminator: "")
    }

    static func milliseconds(since start: DispatchTime) -> String {
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return ms < 10 ? String(format: "%.1f ms", ms) : "\(Int(ms.rounded())) ms"
    }

    // MARK: - Dot-commands

    private func dotCommand(_ text: String) -> Outcome {
        let command = String(text.prefix { !$0.isWhitespace })
        let rest = String(text.dropFirst(command.count)).trimmingCharacters(in: .whitespaces)
        let words = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let dot = DotCommand.named(command) else {
            var message = "error: unknown command '\(command)'"
            if let close = Suggest.closest(to: command, among: DotCommand.suggestible) {
                message += " (did you mean '\(close)'?)"
            }
            Output.err(message + "; .help lists the commands")
            return .proceed
        }
        switch dot.action {
        case .quit:
            return .quit
        case .help:
            Output.out(ShellHelp.text(topic: words.first))
        case .facets:
            facets(words.first)
        case .format:
            guard let name = words.first else {
                Output.out("format: \(format.rawValue)")
                break
            }
            do throws(OutputFormatError) {
                format = try OutputFormat(parsing: name)
            } catch {
                Output.err("error: \(error.description)")
            }
        case .timer:
            switch words.first?.lowercased() {
            case "on": timer = true
            case "off": timer = false
            case nil: Output.out("timer: \(timer ? "on" : "off")")
            default: Output.err("error: .timer takes on or off")
            }
        case .explain:
            explain(rest)
        case .refresh:
            refresh()
        case .save:
            save(rest)
        case .queries:
            listSaved()
        case .run:
            runSaved(words)
        case .export:
            export(rest)
        }
        return .proceed
    }

    /// Applies what changed since the last answer (most of it is already applied in the background).
    private func catchUp() {
        guard let current = watcher else { return }
        do throws(WatchError) {
            let report = try current.sync()
            for warning in report?.folderWarnings ?? [] { Output.err(warning.description) }
            // Changes applied in the background count too: a rebuild replaced the file the engine reads.
            if current.sequence != seenSequence {
                seenSequence = current.sequence
                reopen()
            }
        } catch {
            // From now on, as without a watcher: .refresh looks at every file.
            Output.err(error.diagnosticLine)
            watcher = nil
        }
    }

    /// A new engine on the index as it is now (a rebuild replaces the file).
    private func reopen() {
        guard let reopened = try? QueryEngine(database: options.databasePath) else { return }
        engine = reopened
        deals = reopened.dealCount()
        let corpus = options.corpusPath
        source = IndexCompletionSource(engine: reopened, savedQueries: { Shell.savedOutlines(corpus: corpus) })
        LineEditor.completer = Completer(source: source)
    }

    private func facets(_ name: String?) {
        catchUp()
        let listing: [(facet: Catalog.Facet, values: [(String, Int)])]
        do throws(QueryFailure) {
            listing = try engine.facets(only: name, top: Listings.valuesShown(only: name))
        } catch {
            Failures.print(error, text: name ?? "")
            return
        }
        show(Listings.facets(listing))
    }

    private func explain(_ text: String) {
        guard !text.isEmpty else {
            Output.err("error: .explain takes a query, e.g. .explain winrate by topic")
            return
        }
        catchUp()
        do throws(QueryFailure) {
            Output.out(try engine.explain(text, today: today, defaultLimit: Paging.defaultLimit(for: format)), terminator: "")
        } catch {
            Failures.print(error, text: text)
        }
    }

    private func refresh() {
        let started = DispatchTime.now()
        var fresh = options
        fresh.noRefresh = false
        do {
            let reopened = try fresh.openEngine()
            engine = reopened
            deals = reopened.dealCount()
            let corpus = options.corpusPath
            source = IndexCompletionSource(engine: reopened, savedQueries: { Shell.savedOutlines(corpus: corpus) })
            LineEditor.completer = Completer(source: source)
            Output.err("\(Format.plural(deals, "deal")) in the index (\(Shell.milliseconds(since: started)))")
        } catch {
            // openEngine printed the error.
        }
    }

    // MARK: - Saved queries

    static func savedOutlines(corpus: String) -> [SavedQueryOutline] {
        ((try? SavedQueries.load(corpus: corpus)) ?? []).map {
            SavedQueryOutline(name: $0.name, parameters: $0.parameters.map(\.name))
        }
    }

    private func save(_ rest: String) {
        let name = String(rest.prefix { !$0.isWhitespace })
        let query = String(rest.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !query.isEmpty else {
            Output.err("error: .save takes a name and a query, e.g. .save acme quotes competitor:\"Acme Analytics\"")
            return
        }
        do throws(SavedQueryError) {
            let saved = try SavedQueries.save(name: name, query: query, corpus: options.corpusPath)
            var note = "saved '\(saved.name)' in \(SavedQueries.fileName)"
            if !saved.parameters.isEmpty { note += " (parameters: \(saved.parameters.map(\.name).joined(separator: ", ")))" }
            Output.err(note)
        } catch {
            Failures.print(error)
        }
    }

    private func listSaved() {
        let queries: [SavedQuery]
        do throws(SavedQueryError) {
            queries = try SavedQueries.load(corpus: options.corpusPath)
        } catch {
            Failures.print(error)
            return
        }
        guard !queries.isEmpty else {
            Output.err("no saved queries yet; .save NAME QUERY adds one to \(SavedQueries.fileName)")
            return
        }
        show(Listings.savedQueries(queries))
    }

    private func runSaved(_ words: [String]) {
        guard let name = words.first else {
            Output.err("error: .run takes a saved query's name, e.g. .run NAME k=v (.queries lists them)")
            return
        }
        let text: String
        do throws(SavedQueryError) {
            let arguments = try SavedQuery.arguments(from: Array(words.dropFirst()))
            text = try SavedQueries.resolve(name, arguments: arguments, corpus: options.corpusPath)
        } catch {
            Failures.print(error)
            return
        }
        Output.err("-- \(text)")
        query(text)
    }

    // MARK: - Export

    private func export(_ path: String) {
        guard !path.isEmpty else {
            Output.err("error: .export takes a file name ending in .csv, .md, .json or .jsonl")
            return
        }
        guard let last else {
            Output.err("error: nothing to export yet; run a query first")
            return
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let exportFormat: OutputFormat
        switch ext {
        case "csv": exportFormat = .csv
        case "md", "markdown": exportFormat = .markdown
        case "json": exportFormat = .json
        case "jsonl", "ndjson": exportFormat = .jsonl
        default:
            Output.err("error: cannot tell the format of '\(path)'; end the name in .csv, .md, .json or .jsonl")
            return
        }
        let expanded = (path as NSString).expandingTildeInPath
        let text = render(last.table, as: exportFormat, options: RenderOptions())
        do {
            try text.write(toFile: expanded, atomically: true, encoding: .utf8)
            Output.err("wrote \(Format.plural(last.table.rows.count, "row")) of '\(last.query)' to \(path)")
        } catch {
            Output.err("error: cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}

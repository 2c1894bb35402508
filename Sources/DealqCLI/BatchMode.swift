import ArgumentParser
import DealqCore
import DealqLanguage
import DealqRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `--file` and `--bail` of the default command.
struct BatchOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .long],
            help: ArgumentHelp("Run the queries in a file, one per line ('-' for standard input).", valueName: "file"),
            completion: .file())
    var file: String?

    @Flag(name: .long, help: "In batch mode, stop at the first query that fails.")
    var bail = false
}

/// Batch mode: one query per line, from a file or standard input, answered in
/// order from one refreshed index, with no banner, prompt or progress.
///
/// Blank lines and lines starting with `#` are skipped. Answers go to stdout:
///
/// - `table`, `markdown`: each answer under a `# QUERY` line (a heading in
///   markdown, so followed by a blank line), answers separated by a blank line;
/// - `csv`: the tables, each with its header line, separated by a blank line;
/// - `json`: one array with an object per query, in order:
///   `{"line": N, "query": "…", "rows": [ … ]}`, or for a failed query
///   `{"line": N, "query": "…", "error": "…"}`;
/// - `jsonl`: one object per answer row, `{"line": N, "query": "…", "row": {…}}`,
///   and `{"line": N, "query": "…", "error": "…"}` for a failed query.
///
/// A failed query writes nothing else to stdout. Standard input with nothing
/// at all on it is a usage error ("no query given"), as with no input. Errors and notes go to stderr
/// after `line N: ` (`FILE:N: ` with `--file`). Exit status 1 when any query
/// failed (`--bail` stops at the first), 2 for a usage error, else 0.
enum BatchMode {
    enum Source {
        case standardInput
        case file(String)
    }

    static var stdinIsTerminal: Bool { isatty(0) == 1 }

    static func run(_ source: Source, options: CommonOptions, bail: Bool) throws {
        let format = try options.outputFormat()
        let today = try options.todayDate()
        let lines: AnyIterator<String>
        let prefix: (Int) -> String
        switch source {
        case .standardInput, .file("-"):
            lines = AnyIterator { readLine(strippingNewline: true) }
            prefix = { "line \($0): " }
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                Output.err("error: cannot read '\(path)'")
                throw Exit(status: 1)
            }
            var all = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            if all.last == "" { all.removeLast() }
            lines = AnyIterator(all.makeIterator())
            prefix = { "\(path):\($0): " }
        }

        // Nothing at all on standard input: not batch input, but a command without a query.
        var first = lines.next()
        if first == nil, case .standardInput = source {
            throw ValidationError("no query given; try: dealq \"winrate by topic\" (dealq --help lists the commands)")
        }
        let timeLimit = try options.timeLimit()
        var writer = Writer(options: options, format: format)
        var engine: QueryEngine?
        var failed = false
        var number = 0
        writer.begin()
        while let line = first ?? lines.next() {
            first = nil
            number += 1
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            if engine == nil {
                do {
                    engine = try options.openEngine(showProgress: false)
                } catch {
                    writer.end()
                    try writer.flush()
                    throw error
                }
            }
            do {
                let answer = try engine!.answer(text, today: today, defaultLimit: Paging.defaultLimit(for: format),
                                                minimumGroupSize: options.minimumGroupSize, timeLimit: timeLimit)
                for note in answer.notes { Output.err(prefix(number) + "note: \(note.message)") }
                writer.answer(answer.table, query: text, line: number)
            } catch {
                failed = true
                Failures.print(error, text: text, prefix: prefix(number))
                writer.failure(Failures.summary(error), query: text, line: number)
                if bail { break }
            }
        }
        writer.end()
        try writer.flush()
        if failed { throw Exit(status: 1) }
    }

    /// Writes the answers in the batch layout of a format: straight to stdout,
    /// or gathered for `-o FILE`.
    struct Writer {
        let options: CommonOptions
        let format: OutputFormat
        private var gathered = ""
        private var answers = 0
        private var entries = 0

        init(options: CommonOptions, format: OutputFormat) {
            self.options = options
            self.format = format
        }

        mutating func begin() {
            if format == .json { emit("[") }
        }

        mutating func answer(_ table: DealqRender.Table, query: String, line: Int) {
            let rendered = render(table, as: format, options: options.renderOptions())
            switch format {
            case .table:
                emit((answers > 0 ? "\n" : "") + "# \(query)\n" + rendered)
            case .markdown:
                emit((answers > 0 ? "\n" : "") + "# \(query)\n\n" + rendered)
            case .csv:
                emit((answers > 0 ? "\n" : "") + rendered)
            case .json:
                var rows = rendered
                while rows.hasSuffix("\n") { rows.removeLast() }
                entry("{\"line\":\(line),\"query\":\(Self.json(query)),\"rows\":\(rows)}")
            case .jsonl:
                var out = ""
                for row in rendered.split(separator: "\n") where !row.isEmpty {
                    out += "{\"line\":\(line),\"query\":\(Self.json(query)),\"row\":\(row)}\n"
                }
                emit(out)
            }
            answers += 1
        }

        mutating func failure(_ message: String, query: String, line: Int) {
            let object = "{\"line\":\(line),\"query\":\(Self.json(query)),\"error\":\(Self.json(message))}"
            switch format {
            case .json: entry(object)
            case .jsonl: emit(object + "\n")
            case .table, .markdown, .csv: break
            }
        }

        mutating func end() {
            if format == .json { emit(entries > 0 ? "\n]\n" : "]\n") }
        }

        func flush() throws {
            if options.output != nil { try options.write(gathered) }
        }

        private mutating func entry(_ object: String) {
            emit((entries > 0 ? ",\n" : "\n") + object)
            entries += 1
        }

        private mutating func emit(_ text: String) {
            if options.output != nil { gathered += text } else { Output.out(text, terminator: "") }
        }

        /// A JSON string literal.
        static func json(_ text: String) -> String { jsonStringLiteral(text) }
    }
}

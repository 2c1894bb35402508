import CFuzzerDriver
import DealqCore
import DealqLanguage
import Foundation

// libFuzzer's entry point: every input is read as a query (invalid UTF-8 replaced),
// lexed, parsed, printed and parsed again, then checked against the catalog of the
// bundled corpus, planned, and its every statement prepared by SQLite. A crash, a
// trap, a sanitizer report, or a broken property below is a finding.

/// Today, fixed, for relative dates (`since:90d`): the bundled corpus's last close day.
let today = CalendarDate("2025-12-31")!

/// The bundled corpus, copied and indexed once per process (`DEALQ_FUZZ_CORPUS` overrides it).
let engine: QueryEngine = {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let corpus = ProcessInfo.processInfo.environment["DEALQ_FUZZ_CORPUS"] ?? repository.appendingPathComponent("corpus").path
    let folder = NSTemporaryDirectory() + "dealq-fuzz-\(getpid())"
    let manager = FileManager.default
    try? manager.removeItem(atPath: folder)
    do {
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for item in try manager.contentsOfDirectory(atPath: corpus) where item != ".dealq" {
            try manager.copyItem(atPath: corpus + "/" + item, toPath: folder + "/" + item)
        }
        let database = folder + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: folder, database: database).run()
        return try QueryEngine(database: database)
    } catch {
        fatalError("cannot index \(corpus) for the fuzzer: \(error)")
    }
}()

/// Indexes the corpus before the first input, so that no input's time includes it.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?,
                           _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = engine.catalog
    return 0
}

/// The program's entry point. SwiftPM links an executable with its `main` set to
/// `<module>_main`, which takes the place of libFuzzer's `main`: this one hands
/// the command line to libFuzzer's driver, as libFuzzer's `main` does.
@_cdecl("QueryFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    checkSyntax(text)
    checkPipeline(text)
    return 0
}

/// A parse's printed text parses to the same query; a syntax error points inside the text.
func checkSyntax(_ text: String) {
    do {
        let query = try parseQuery(text)
        let printed = Printer.print(query)
        guard let again = try? parseQuery(printed), again.isEquivalent(to: query) else {
            fatalError("the printed query does not parse back to the same query\nquery: \(text.debugDescription)\nprinted: \(printed.debugDescription)")
        }
    } catch {
        expectWithin(error, text)
    }
}

/// The query is answered (every statement prepares) or rejected with diagnostics inside the text.
func checkPipeline(_ text: String) {
    do {
        _ = try engine.prepare(text, today: today)
    } catch {
        switch error {
        case .query(let diagnostics):
            if diagnostics.isEmpty { fatalError("a query rejected without a diagnostic: \(text.debugDescription)") }
            for diagnostic in diagnostics { expectWithin(diagnostic, text) }
        case .runtime(let message):
            fatalError("SQLite refused a planned statement: \(message)\nquery: \(text.debugDescription)")
        case .timedOut(let seconds):
            fatalError("preparing took longer than \(seconds) s\nquery: \(text.debugDescription)")
        }
    }
}

func expectWithin(_ diagnostic: Diagnostic, _ text: String) {
    let range = diagnostic.range
    guard range.lowerBound >= 0, range.upperBound <= text.utf8.count else {
        fatalError("diagnostic range \(range) outside the query (\(text.utf8.count) bytes): \(diagnostic.message)\nquery: \(text.debugDescription)")
    }
    _ = diagnostic.render(in: text)
    _ = diagnostic.location(in: text)
}

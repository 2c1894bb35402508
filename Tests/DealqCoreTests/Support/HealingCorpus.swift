import Foundation
import GRDB
@testable import DealqCore

/// A small corpus for the crash, concurrency and damage tests: `count` deals
/// under `c/` in three year folders, whose bodies and quotes say which
/// `version` of the corpus they belong to.
func writeHealingCorpus(_ folder: TemporaryFolder, count: Int, version: Int, from first: Int = 0) {
    let outcomes = ["won", "lost", "churned"]
    for i in first..<first + count {
        let year = 2023 + i % 3
        let body = """
            Version\(version) notes for deal \(i): pricing came up, then the security review.

            > We chose on version\(version) terms, deal \(i).
            > — Buyer, interview, \(year)-05-01

            """
        folder.write("c/\(year)/D-\(i).md", dealText("acv: \(1000 + i * 10)", id: "D-\(i)", outcome: outcomes[i % 3],
                                                        closed: "\(year)-06-\(10 + i % 18)", body: body))
    }
}

/// The questions whose answers stand for an index: counts, every deal, every
/// quote, and text matches of both versions, as JSON, each with its exit status.
let healingQueries = ["count by outcome", "deals limit:all sort:id", "quotes limit:all", "count version1", "count version2"]

/// The answers to `healingQueries` from the index as it is (`--no-refresh`), or after a refresh.
func healingAnswers(corpus: String, db: String? = nil, refresh: Bool = false) throws -> String {
    var out = ""
    for query in healingQueries {
        var arguments = ["--corpus", corpus, "--format", "json", "--today", "2026-01-01"]
        if let db { arguments += ["--db", db] }
        if !refresh { arguments.append("--no-refresh") }
        let r = try runDealq(arguments + [query])
        out += "## \(query) -> \(r.status)\n\(r.stdout)\n"
    }
    return out
}

/// Every file of a folder with its bytes, to show a command left it as it was.
func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for case let name as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.DirectoryEnumerator() {
        if name.hasPrefix(".dealq") { continue }
        if let data = FileManager.default.contents(atPath: folder + "/" + name) { files[name] = data }
    }
    return files
}

/// The names in a folder starting with `prefix`.
func files(in folder: String, startingWith prefix: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
}

/// `PRAGMA quick_check` of an index: "ok" when SQLite finds every page sound.
func quickCheck(_ path: String) throws -> String {
    let queue = try DatabaseQueue(path: path, configuration: IndexStore.readOnlyConfiguration())
    defer { try? queue.close() }
    return try queue.read { try String.fetchOne($0, sql: "PRAGMA quick_check") } ?? ""
}

import DealqLanguage
import DealqRender
import Foundation
import Testing
@testable import DealqCore

/// `quotes` with a limit looks up only the quotes dated on or after the page's
/// last date (`QuotesVerb`'s `cut`). Every page must still be the first rows of
/// the whole answer, in the documented order: newest first, undated last, then
/// by deal id and place in the deal. The corpus has many quotes on the same
/// days, undated quotes, and deals whose ids sort against their file order.
@Suite struct QuotesPageTests {
    static let today = CalendarDate("2025-12-31")!
    let folder: TemporaryFolder
    let engine: QueryEngine
    /// Every quote as written: (deal id, place in the deal, date, outcome, text).
    let written: [(deal: String, ord: Int, date: String?, outcome: String, text: String)]

    init() throws {
        folder = TemporaryFolder()
        folder.write("dealq.yml", "topics:\n  pricing: ['\\bpric\\w*']\n")
        var random = SeededGenerator(seed: 11)
        var written: [(deal: String, ord: Int, date: String?, outcome: String, text: String)] = []
        let days = ["2025-03-01", "2025-03-02", "2025-03-02", "2025-04-10", "2025-04-10", "2025-04-10"]
        for n in 0..<40 {
            // Ids do not sort as the files do: the tie on a day is broken by id, not by rowid.
            let id = "Q-\((n * 17) % 40 + 100)"
            let outcome = random.pick(["won", "lost"])
            var body = "## Buyer interview\n\n"
            for ord in 0..<(1 + random.below(3)) {
                let date: String? = random.below(4) == 0 ? nil : random.pick(days)
                let text = "Quote \(ord) of \(id): the \(random.pick(["pricing", "rollout", "support"])) mattered."
                body += "> \"\(text)\"\n> — Buyer, interview\(date.map { ", \($0)" } ?? "")\n\n"
                written.append((id, ord, date, outcome, text))
            }
            folder.write("2025/\(n).md", dealText(id: id, outcome: outcome, closed: "2025-0\(1 + n % 9)-15", body: body))
        }
        self.written = written
        let db = folder.path + "/.dealq/index.sqlite"
        _ = try Indexer(corpus: folder.path, database: db).run()
        engine = try QueryEngine(database: db)
    }

    func answer(_ query: String) throws -> DealqRender.Table {
        try engine.answer(query, today: Self.today, defaultLimit: 20).table
    }

    static func texts(_ table: DealqRender.Table) -> [String] {
        table.rows.map { row in
            if case .text(let s) = row[0] { return s }
            return "?"
        }
    }

    /// The written quotes that pass `keep`, in the documented order, worked out here in Swift.
    func expected(_ keep: (String, String) -> Bool) -> [String] {
        written.filter { keep($0.outcome, $0.text) }.sorted { a, b in
            if (a.date == nil) != (b.date == nil) { return b.date == nil }
            if let x = a.date, let y = b.date, x != y { return x > y }
            if a.deal != b.deal { return a.deal < b.deal }
            return a.ord < b.ord
        }.map(\.text)
    }

    @Test func everyPageIsTheHeadOfTheWholeAnswer() throws {
        let all = expected { _, _ in true }
        #expect(all.count > 40)
        #expect(Self.texts(try answer("quotes limit:all")) == all)
        for n in 1...(all.count + 1) {
            let page = try answer("quotes limit:\(n)")
            #expect(Self.texts(page) == Array(all.prefix(n)), "limit:\(n)")
            #expect(page.totalRows == (n < all.count ? all.count : nil), "limit:\(n)")
        }
    }

    @Test func pagesOfFilteredQuotes() throws {
        let lost = expected { outcome, _ in outcome == "lost" }
        let pricing = expected { _, text in text.contains("pricing") }
        for n in [1, 2, 5, 9, 20] {
            #expect(Self.texts(try answer("quotes outcome:lost limit:\(n)")) == Array(lost.prefix(n)), "lost, limit:\(n)")
            #expect(Self.texts(try answer("quotes topic:pricing limit:\(n)")) == Array(pricing.prefix(n)), "pricing, limit:\(n)")
            #expect(Self.texts(try answer("quotes pricing limit:\(n)")) == Array(pricing.prefix(n)), "text pricing, limit:\(n)")
        }
        #expect(try answer("quotes outcome:lost limit:1").totalRows == lost.count)
    }

    @Test func aSortedPageStillSortsEveryQuote() throws {
        func ids(_ query: String) throws -> [String] {
            try answer(query).rows.map { row -> String in
                if case .text(let s) = row[5] { return s }
                return "?"
            }
        }
        let sorted = written.map(\.deal).sorted()
        #expect(try ids("quotes sort:deal-asc limit:5") == Array(sorted.prefix(5)))
        #expect(try ids("quotes sort:deal limit:5") == Array(sorted.reversed().prefix(5)))
        #expect(try answer("quotes sort:deal limit:5").totalRows == written.count)
    }
}

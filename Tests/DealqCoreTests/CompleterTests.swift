import DealqLanguage
import Testing
@testable import DealqCore

/// Completion of the shell's line, from an in-memory source.
@Suite struct CompleterTests {
    let completer = Completer(source: StaticCompletionSource(
        facetNames: Catalog(customFields: [("deal_type", .text)]).names,
        facetValues: [
            "competitor": ["Acme Analytics", "Borealis", "acme-lite", "Northwind BI", "Acme"],
            "segment": ["enterprise", "mid-market", "smb"],
            "crm.loss_reason": ["Price", "Missing SSO, SCIM", "Lost to incumbent"],
        ],
        savedQueries: [SavedQueryOutline(name: "acme-quotes", parameters: ["competitor", "since"]),
                       SavedQueryOutline(name: "trend")]))

    /// The line with the first candidate put in place of the completed text.
    func first(_ line: String) -> String? {
        let c = completer.complete(line)
        guard let candidate = c.candidates.first else { return nil }
        return String(decoding: Array(line.utf8)[..<c.start], as: UTF8.self) + candidate
    }

    func candidates(_ line: String) -> [String] { completer.complete(line).candidates }

    @Test func verbsAtTheStart() {
        #expect(candidates("win") == ["winrate"])
        #expect(candidates("d") == ["deals", "drivers", "driver:", "deal_type:"])
        #expect(candidates("")[..<6] == ["deals", "quotes", "count", "winrate", "drivers", "insights"])
        // A verb only at the start.
        #expect(!candidates("quotes d").contains("deals"))
    }

    @Test func weightByACV() {
        #expect(first("winrate by segment wei") == "winrate by segment weight:")
        #expect(candidates("drivers weight:") == ["acv"])
    }

    @Test func facetNamesWithColon() {
        #expect(first("quotes comp") == "quotes competitor:")
        #expect(candidates("quotes competitor.")
                == ["competitor.primary:", "competitor.incumbent:", "competitor.selected:"])
        #expect(candidates("seg") == ["segment:"])
        #expect(first("deals -seg") == "deals -segment:")
        #expect(first("deals (seg") == "deals (segment:")
        #expect(candidates("count deal_") == ["deal_type:"])
        // A close spelling when nothing starts with the text.
        #expect(candidates("count competiter") == ["competitor:"])
    }

    @Test func exactMatchFirst() {
        // `competitor` is exact; the role facets only start with it.
        #expect(candidates("quotes competitor").first == "competitor:")
        #expect(candidates("competitor:acme").first == "Acme")
        #expect(candidates("winrate by competitor").first == "competitor")
    }

    @Test func valuesOfTheFacetBeingTyped() {
        #expect(first("quotes competitor:Ac") == "quotes competitor:\"Acme Analytics\"")
        #expect(candidates("quotes competitor:Ac") == ["\"Acme Analytics\"", "acme-lite", "Acme"])
        #expect(candidates("quotes competitor:ac") == candidates("quotes competitor:AC"))
        #expect(first("segment:ent") == "segment:enterprise")
        #expect(first("segment:enterprise,m") == "segment:enterprise,mid-market")
        #expect(first("quotes competitor:\"acme a") == "quotes competitor:\"Acme Analytics\"")
        #expect(first("-competitor!=bor") == "-competitor!=Borealis")
        // A later word of a value matches after the prefix matches.
        #expect(candidates("competitor:north") == ["\"Northwind BI\""])
        #expect(candidates("competitor:bi") == ["\"Northwind BI\""])
        // Commas inside a value need quotes too.
        #expect(candidates("crm.loss_reason:miss") == ["\"Missing SSO, SCIM\""])
        #expect(candidates("region:x").isEmpty)
        #expect(candidates("nosuch:x").isEmpty)
    }

    @Test func commonStartOfValuesThatNeedQuotes() {
        // "Acme Analytics", acme-lite and Acme share "acme": Tab puts `"Acme` in place.
        #expect(completer.complete("quotes competitor:Ac").common == "\"Acme")
        #expect(completer.complete("quotes competitor:\"Acme").common == nil)
        #expect(completer.complete("quotes competitor:b").common == nil)
        #expect(completer.complete("segment:").common == nil)
    }

    @Test func completionStartsWhereTheValueStarts() {
        let line = "quotes competitor:Ac"
        #expect(completer.complete(line).start == "quotes competitor:".utf8.count)
        let quoted = "quotes competitor:\"Acme A"
        #expect(completer.complete(quoted).start == "quotes competitor:".utf8.count)
        let unicode = "deals «é» competitor:Bo"
        #expect(completer.complete(unicode).start == "deals «é» competitor:".utf8.count)
        // In the middle of the line: only the text before the cursor counts.
        let middle = "quotes competitor:Bo since:90d"
        #expect(completer.complete(middle, cursor: "quotes competitor:Bo".utf8.count).candidates == ["Borealis"])
    }

    @Test func options() {
        #expect(candidates("deals so") == ["source:", "sort:"])
        #expect(candidates("deals sort:a") == ["account", "acv"])
        #expect(candidates("deals sort:acv") == ["acv", "acv-asc"])
        #expect(candidates("winrate by topic sort:w") == ["won", "winrate"])
        #expect(candidates("winrate by topic sort:to") == ["topic"])
        #expect(candidates("deals limit:") == ["all"])
        #expect(candidates("deals has:seg") == ["segment"])
        #expect(candidates("quotes since:9") == ["90d"])
    }

    @Test func facetsAfterBy() {
        #expect(candidates("winrate b") == ["by", "before:"])
        #expect(candidates("winrate by qu") == ["quarter"])
        #expect(first("winrate by topic,comp") == "winrate by topic,competitor")
        #expect(first("winrate by topic, comp") == "winrate by topic, competitor")
        #expect(first("winrate by topic ,comp") == "winrate by topic ,competitor")
        #expect(!candidates("winrate by topic,t").contains("topic"))
        // After the list, facets again take a colon.
        #expect(candidates("winrate by topic seg") == ["segment:"])
        #expect(!candidates("deals b").contains("by"))
    }

    @Test func dotCommands() {
        #expect(candidates(".") == ShellVocabulary.dotCommands)
        #expect(candidates(".f") == [".facets", ".format"])
        #expect(candidates(".format j") == ["json", "jsonl"])
        #expect(candidates(".timer o") == ["on", "off"])
        #expect(candidates(".facets comp").first == "competitor")
        #expect(candidates(".help win") == ["winrate"])
        #expect(first(".explain quotes competitor:Ac") == ".explain quotes competitor:\"Acme Analytics\"")
        #expect(first(".save mine winrate by qu") == ".save mine winrate by quarter")
        #expect(candidates(".save mi").isEmpty)
    }

    @Test func savedQueriesAndParameters() {
        #expect(candidates(".run ") == ["acme-quotes", "trend"])
        #expect(first(".run ac") == ".run acme-quotes")
        #expect(candidates(".run acme-quotes ") == ["competitor=", "since="])
        #expect(candidates(".run acme-quotes competitor=x s") == ["since="])
        #expect(candidates(".run acme-quotes competitor=x ") == ["since="])
        #expect(candidates(".run trend ").isEmpty)
        #expect(candidates(".run nosuch ").isEmpty)
    }

    @Test func nothingForPhrasesAndUnknownText() {
        #expect(candidates("deals \"secur").isEmpty)
        #expect(candidates("deals zzz").isEmpty)
    }
}

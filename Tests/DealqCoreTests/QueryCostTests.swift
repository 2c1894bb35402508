import Foundation
import Testing

/// What keeps one query's cost bounded: prefix terms that stand for too many
/// words are query errors with a caret, a query of 25,000 words is refused
/// before any SQL, and snippets come for every deal of a long answer.
@Suite struct QueryCostTests {
    /// A corpus with one deal holding `count` different words that start with "ax".
    func corpus(words count: Int) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("dealq.yml", "")
        let words = (0..<count).map { "ax\($0)" }.joined(separator: " ")
        folder.write("2025/D-1.md", dealText(id: "D-1", body: "Pricing notes. \(words).\n"))
        folder.write("2025/D-2.md", dealText(id: "D-2", body: "Axles and pricing.\n"))
        return folder
    }

    @Test func aPrefixStandingForTooManyWordsIsAQueryErrorWithACaret() throws {
        let folder = corpus(words: 1_100)
        let result = try runDealq(["--corpus", folder.path, "--format", "csv", "deals pricing a*"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            error: 'a*' stands for more than 1000 different words of the corpus: write more of the word
              deals pricing a*
                            ^^

            """)
    }

    @Test func aNarrowerPrefixIsAnswered() throws {
        let folder = corpus(words: 1_100)
        // ax1, ax10…ax19, ax100…ax199, ax1000…ax1099: 211 words.
        let result = try runDealq(["--corpus", folder.path, "--format", "csv", "count ax1*"])
        #expect(result.status == 0)
        #expect(result.stdout == "deals\n1\n")
        let negated = try runDealq(["--corpus", folder.path, "--format", "csv", "deals -a*"])
        #expect(negated.status == 2)
    }

    @Test func aQueryOf25000WordsIsRefusedBeforeAnySQL() throws {
        let folder = corpus(words: 3)
        let query = "deals " + Array(repeating: "pricing", count: 25_000).joined(separator: " ")
        let result = try runDealq(["--corpus", folder.path, "--format", "csv"], stdin: query + "\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: too many filters joined by 'and' (at most 200)"))
        #expect(result.stderr.contains("error: too many filters in one query (at most 500)"))
    }

    @Test func aPhraseOf25000WordsIsAnswered() throws {
        let folder = corpus(words: 3)
        let phrase = Array(repeating: "pricing notes", count: 12_500).joined(separator: " ")
        let result = try runDealq(["--corpus", folder.path, "--format", "csv"],
                                  stdin: "count \"\(phrase)\"\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("\n0\n"))
    }

    @Test func everyDealOfALongAnswerHasItsSnippet() throws {
        let folder = TemporaryFolder()
        folder.write("dealq.yml", "")
        for i in 0..<1_200 {
            folder.write("2025/D-\(i).md", dealText(id: "D-\(i)", body: "Deal \(i) stalled on pricing for weeks.\n"))
        }
        let result = try runDealq(["--corpus", folder.path, "--format", "jsonl", "deals pricing"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1_200)
        #expect(lines.allSatisfy { $0.contains("stalled on pricing for weeks") })
    }
}

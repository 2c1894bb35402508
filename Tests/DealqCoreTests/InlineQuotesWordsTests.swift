import Testing
@testable import DealqCore

/// `InlineQuotes.lastWords` reads words from the end; they must be the last
/// ones a forward split into runs of letters gives.
@Suite struct InlineQuotesWordsTests {
    @Test func lastWordsAreTheSplitsLast() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["said", "told", " ", ", ", "us", "İ", "é", "e\u{301}", "ß", "😀", "-", "\t", "2", "Ünïcode", "ǅ", ":", "“", "a"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined().lowercased()
            let split = text.split { !$0.isLetter }.map(String.init)
            #expect(InlineQuotes.lastWords(text, 2) == Array(split.suffix(2).reversed()), "\(text.debugDescription)")
        }
        #expect(InlineQuotes.introducesSpeech("As the VP of Finance told us"))
        #expect(InlineQuotes.introducesSpeech("- "))
        #expect(!InlineQuotes.introducesSpeech("We shipped the release"))
    }
}

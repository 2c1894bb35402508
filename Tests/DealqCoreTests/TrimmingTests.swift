import Foundation
import Testing
@testable import DealqCore

/// The corpus reader's trimming agrees with Foundation's on every kind of space.
@Suite struct TrimmingTests {
    static let alphabet: [String] = ["a", "é", "“", "”", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}",
                                     "\u{2003}", "\u{3000}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{FEFF}", "x y", "\r\n"]

    @Test func agreesWithFoundationOnRandomStrings() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(Self.alphabet.count))
        }
        for _ in 0..<5_000 {
            let text = (0..<(next() % 8)).map { _ in Self.alphabet[next()] }.joined()
            #expect(Trimming.trimmed(text, newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            #expect(Trimming.trimmed(text, newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func plainTextIsReturnedAsIs() {
        #expect(Trimming.trimmed("Acme", newlines: false) == "Acme")
        #expect(Trimming.trimmed("   ", newlines: false) == "")
        #expect(Trimming.trimmed("\u{A0}“Quote”\u{3000}", newlines: false) == "“Quote”")
    }
}

import Foundation
import Testing
@testable import DealqCore

/// A topic pattern is passed over when the text cannot hold the literal its
/// every match begins with; it must answer exactly as running PCRE2 does.
@Suite struct PatternPrefilterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func literals(_ source: String) -> [String]? {
        Pattern.leadingLiterals(of: source).map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func leadingLiterals() {
        #expect(Self.literals(#"\bimplement\w*"#) == ["implement"])
        #expect(Self.literals(#"\bAPIs?\b"#) == ["api"])
        #expect(Self.literals(#"\bpen(etration)? test"#) == ["pen"])
        #expect(Self.literals("time[- ]to[- ]value") == ["time"])
        #expect(Self.literals(#"\bcustomer success\b"#) == ["customer success"])
        #expect(Self.literals("SOC2{1,2}") == ["soc"])
        #expect(Self.literals(#"\bSOC ?2\b"#) == ["soc"])
        // A branch inside a group leaves the run before it; each top-level branch has its own.
        #expect(Self.literals(#"\bpric(e|es|ed|ing)\b"#) == ["pric"])
        #expect(Self.literals(#"\bsupport (team|tickets?|queue|desk)\b"#) == ["support "])
        #expect(Self.literals(#"\brollout\b|\broll[- ]out\b"#) == ["rollout", "roll"])
        // `|` in a class and an escaped bracket do not split or nest.
        #expect(Self.literals(#"\bsla[|]x|abc\(|def"#) == ["sla", "abc", "def"])
        // None: a branch without one, a short run, options or verbs, quoting, a POSIX class, unbalanced.
        #expect(Self.literals(#"\bgo[- ]live\b"#) == nil)
        #expect(Self.literals(#"\brollout\b|\bgo\b"#) == nil)
        #expect(Self.literals("(?-i)Security") == nil)
        #expect(Self.literals("abc(?x)|def ghi") == nil)
        #expect(Self.literals("(*UCP)abc") == nil)
        #expect(Self.literals(#"\Qsecurity\E"#) == nil)
        #expect(Self.literals("abc[[:alpha:]]") == nil)
        #expect(Self.literals("abc(def") == nil)
        #expect(Self.literals("ab") == nil)
    }

    /// Characters that match an ASCII letter when case is ignored without being one.
    @Test func kelvinSignAndLongSAreNeverPassedOver() throws {
        let security = try Pattern(#"\bsecurity\b"#)
        #expect(security.matches("our \u{17F}ecurity review"))
        #expect(security.matches("SECURITY"))
        #expect(!security.matches("secure"))
        let kpi = try Pattern(#"\bkpis\b"#)
        #expect(kpi.matches("the \u{212A}PIS dashboard"))
        #expect(kpi.matches("the KPIs dashboard"))
    }

    /// Every topic pattern of the bundled corpus and of `dealq init` against every body and
    /// quote of the bundled corpus, as written and with case, Kelvin signs and long s mixed in.
    @Test func agreesWithPCRE2OnTheBundledCorpus() throws {
        let configs = [try String(contentsOfFile: Self.root + "/corpus/dealq.yml", encoding: .utf8), StarterConfig.text]
        let patterns = try configs.flatMap { try CorpusConfig.parse($0).topics.flatMap(\.patterns) }
        #expect(patterns.contains { $0.leadingLiterals != nil } && patterns.contains { $0.leadingLiterals == nil })
        var texts: [String] = []
        let files = FileManager.default.enumerator(atPath: Self.root + "/corpus")!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        for file in files.sorted() {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Self.root + "/corpus/" + file)))
            guard case .deal(let deal, _) = DealParser.parse(bytes, path: file, config: CorpusConfig()) else { continue }
            texts.append(deal.body)
            texts += deal.quotes.map(\.text)
        }
        #expect(texts.count > 300)
        var rng = SystemRandomNumberGenerator()
        var passedOver = 0
        for text in texts {
            var upper = text.uppercased()
            if Bool.random(using: &rng) { upper = upper.replacingOccurrences(of: "S", with: "\u{17F}") }
            let kelvin = text.replacingOccurrences(of: "k", with: "\u{212A}")
            for variant in [text, upper, kelvin] {
                let prepared = PatternText(variant)
                for pattern in patterns {
                    let expected = pattern.matchesEveryText(variant)
                    #expect(pattern.matches(prepared) == expected, "\(pattern.source) on \(variant.prefix(80))")
                    if let literals = pattern.leadingLiterals, !literals.contains(where: prepared.mayHold) { passedOver += 1 }
                }
            }
        }
        // The prefilter does pass patterns over (it is not vacuous).
        #expect(passedOver > 1000)
    }
}

/// `PatternText`'s own parts against plain Swift: lower-casing eight bytes at a
/// time, and finding a literal by its rarest byte.
@Suite struct PatternTextTests {
    @Test func mayHoldIsContainsInTheLowerCasedText() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aAbBkKsSzZ@[`{ 09é—\u{212A}\u{17F}xyzXYZ".unicodeScalars)
        for _ in 0..<3_000 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
            let lowered = Array(text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let folds = text.unicodeScalars.contains { $0 == "\u{212A}" || $0 == "\u{17F}" }
            let prepared = PatternText(text)
            for length in 1...4 {
                let literal = (0..<length).map { _ in Array("abkszxy 09".utf8).randomElement(using: &rng)! }
                let naive = lowered.count >= literal.count
                    && (0...(lowered.count - literal.count)).contains { Array(lowered[$0..<($0 + literal.count)]) == literal }
                #expect(prepared.mayHold(literal) == (folds || naive), "\(text.debugDescription) \(literal)")
                #expect(PatternText.find(literal, in: lowered) == naive)
            }
        }
    }
}

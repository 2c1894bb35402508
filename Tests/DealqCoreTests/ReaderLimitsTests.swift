import Foundation
import Testing
@testable import DealqCore

/// The reader's limits on one front matter: keys, and what aliases repeat.
@Suite struct ReaderLimitsTests {
    static let tooManyKeys = "the front matter has more than 1,000 keys (counting the keys of every mapping in it); this key is past the limit"

    /// A deal with `count` keys in all: `id`, `outcome`, `closed`, then `k4`, `k5`…,
    /// key N on line N + 1. `variant` picks how the reader gets to count them.
    static func text(keys count: Int, variant: String) -> String {
        var lines = (4...count).map { "k\($0): \($0)" }
        switch variant {
        case "alias":  // an alias in the file: counted on the YAML's events
            lines[0] = "k4: &four 4"
            lines[1] = "k5: *four"
        case "long":  // 64 KB or more: counted on the events too
            lines[0] = "k4: " + String(repeating: "x", count: 70_000)
        default:  // short and plain: counted on the composed nodes
            break
        }
        return dealText(lines.joined(separator: "\n"))
    }

    @Test(arguments: ["plain", "alias", "long"])
    func aThousandKeysAreReadAndTheNextIsRejectedWhereItIs(variant: String) {
        #expect(rejection(Self.text(keys: 1_000, variant: variant)) == "accepted")
        #expect(rejection(Self.text(keys: 1_001, variant: variant)) == "1002:1: \(Self.tooManyKeys)")
    }

    @Test(arguments: ["plain", "alias"])
    func keysOfNestedAndFlowMappingsCount(variant: String) {
        // 3 required keys, `nested` (4), 994 keys inside it (998), `drivers` (999),
        // then a driver's `category` (1,000) and `weight` (1,001) in a flow mapping.
        var lines = ["nested:"] + (5...998).map { "  n\($0): \($0)" }
        lines += ["drivers:", "  - {category: pricing, weight: 1}"]
        if variant == "alias" { lines[1] = "  n5: &five 5"; lines[2] = "  n6: *five" }
        let text = dealText(lines.joined(separator: "\n"))
        let line = 5 + lines.count - 1
        #expect(rejection(text) == "\(line):25: \(Self.tooManyKeys)")
        let fewer = dealText(lines.dropLast().joined(separator: "\n") + "\n  - {category: pricing}")
        #expect(rejection(fewer) == "accepted")
    }

    @Test func keysRepeatedThroughAnAliasAreNotCountedAgain() {
        // 600 keys written in one mapping and aliased once more: 605 keys written in all, 1,205 read.
        let inner = (1...600).map { "  i\($0): \($0)" }.joined(separator: "\n")
        #expect(rejection(dealText("first: &m\n\(inner)\nsecond: *m")) == "accepted")
    }

    @Test func aHundredThousandKeysAreRejectedAtTheThousandAndFirstQuickly() {
        let text = dealText((4...100_000).map { "k\($0): \($0)" }.joined(separator: "\n"))
        let started = ContinuousClock.now
        #expect(rejection(text) == "1002:1: \(Self.tooManyKeys)")
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    // MARK: - Aliases

    @Test func aliasesMayRepeatTenTimesTheFileSize() {
        // `big` is 999 bytes: each alias of it repeats 1,000 (a value counts its bytes plus one).
        let value = String(repeating: "v", count: 999)
        var outcomes = Set<Bool>()
        for count in 1...16 {
            let text = dealText((["big: &big \(value)"] + (1...count).map { "a\($0): *big" }).joined(separator: "\n"))
            let size = text.utf8.count
            let firstOver = (1...count).first { $0 * 1_000 > 10 * size }
            outcomes.insert(firstOver == nil)
            if let firstOver {
                let message = "aliases repeat more than 10 times the file's size (\(ByteSize.grouped(size)) bytes) of values; "
                    + "alias '*big' is past the limit (write the values out instead)"
                #expect(rejection(text) == "\(5 + firstOver):\("a\(firstOver): ".count + 1): \(message)", "\(count) aliases")
            } else {
                #expect(rejection(text) == "accepted", "\(count) aliases")
            }
        }
        #expect(outcomes == [true, false], "both sides of the limit are tried")
    }

    @Test func theMessageNamesTheAliasAndTheFileSize() {
        let value = String(repeating: "v", count: 999)
        let text = dealText((["big: &big \(value)"] + (1...12).map { "a\($0): *big" }).joined(separator: "\n"))
        #expect(text.utf8.count == 1_180)
        #expect(rejection(text) == "17:6: aliases repeat more than 10 times the file's size (1,180 bytes) of values; "
                    + "alias '*big' is past the limit (write the values out instead)")
    }

    @Test func nestedAliasesAreCountedExpandedAndStoppedEarly() {
        // Ten levels of ten: 10¹⁰ values if expanded, and the last alias is a key,
        // which YAML readers hash whole. Stopped at the third level.
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines += ["? *l9", ": boom"]
        let started = ContinuousClock.now
        let result = rejection(dealText(lines.joined(separator: "\n")))
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(result.hasPrefix("8:"), "\(result)")
        #expect(result.contains("alias '*l2' is past the limit"), "\(result)")
    }

    @Test func aFewAnchorsAndAliasesReadAsWritten() throws {
        let text = dealText("""
            competitors:
              primary: &acme Acme Analytics
            crm:
              competitor: *acme
            tags: &labels [strategic, renewal]
            sources: *labels
            drivers:
              - &pricing {category: pricing, driver: price, weight: 0.5}
              - category: product
                weight: 0.5
            note: *acme
            """)
        let d = try #require(deal(text))
        #expect(d.competitors.primary == "Acme Analytics")
        #expect(d.crm.competitor == "Acme Analytics")
        #expect(d.tags == ["strategic", "renewal"])
        #expect(d.sources == ["strategic", "renewal"])
        #expect(d.drivers.map(\.category) == ["pricing", "product"])
        #expect(d.custom.first { $0.name == "note" }?.value == .text("Acme Analytics"))
    }

    @Test func anUndefinedAliasIsStillTheYAMLReadersError() {
        #expect(rejection(dealText("x: *nowhere")) == "5:4: invalid YAML: found undefined alias")
    }

    @Test func nestingPastLibyamlsLimitIsSaidPlainly() {
        let text = dealText("x: " + String(repeating: "[", count: 1_500) + String(repeating: "]", count: 1_500))
        let result = rejection(text)
        #expect(result.hasSuffix(": invalid YAML: lists and mappings nested more than 1,000 levels deep"), "\(result)")
        #expect(result.hasPrefix("5:"), "\(result)")
    }
}

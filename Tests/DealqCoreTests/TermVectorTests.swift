import Testing

@testable import DealqCore

/// A deal's term vector is written in (stem, spelling) order, which `sortedByTerm`
/// reaches by sorting packed integers; it must be the order the tuples give.
@Suite struct TermVectorTests {
    static func byTuples(_ entries: [TermVector.Entry]) -> [TermVector.Entry] {
        entries.sorted { ($0.stem, $0.spelling) < ($1.stem, $1.spelling) }
    }

    @Test func packedOrderIsTheTuplesOrder() {
        var generator = SystemRandomNumberGenerator()
        // Around the edges of the 64-bit packing too (ids below 2^24, counts below 2^16).
        let extremes: [Int32] = [.min, -1, 0, 1, 127, 128, (1 << 24) - 1, 1 << 24, .max - 1, .max]
        let counts: [Int32] = [1, 2, 9, (1 << 16) - 1, 1 << 16]
        for round in 0..<500 {
            var seen = Set<[Int32]>()
            var entries: [TermVector.Entry] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                func pick() -> Int32 {
                    switch round % 3 {
                    case 0: return extremes.randomElement(using: &generator)!
                    case 1: return Int32.random(in: (1 << 24) - 40...(1 << 24) + 40, using: &generator)
                    default: return Int32.random(in: 0...40, using: &generator)
                    }
                }
                let stem = pick(), spelling = pick()
                // One entry per spelling, as a deal has.
                guard seen.insert([stem, spelling]).inserted else { continue }
                entries.append(TermVector.Entry(stem: stem, spelling: spelling, count: round % 2 == 0 ? counts.randomElement(using: &generator)!
                                                                                               : Int32.random(in: 1...9, using: &generator)))
            }
            #expect(TermVector.sortedByTerm(entries) == Self.byTuples(entries))
        }
    }

    @Test func encodedVectorsReadBack() {
        let entries = [TermVector.Entry(stem: 9, spelling: 3, count: 2), TermVector.Entry(stem: 2, spelling: 7, count: 300),
                       TermVector.Entry(stem: 9, spelling: 1, count: 1), TermVector.Entry(stem: 200_000, spelling: 5, count: 4)]
        let bytes = TermVector.encode(entries)
        var read: [TermVector.Entry] = []
        var firsts: [Bool] = []
        let ok = bytes.withUnsafeBytes { buffer in
            TermVector.decode(buffer) { stem, spelling, count, first in
                read.append(TermVector.Entry(stem: stem, spelling: spelling, count: count))
                firsts.append(first)
            }
        }
        #expect(ok)
        #expect(read == Self.byTuples(entries))
        #expect(firsts == [true, true, false, true])
    }
}

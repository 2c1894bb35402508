import Testing
@testable import DealqCore

/// `DealFile.firstInvalidUTF8` reads eight ASCII bytes at a time; it must name
/// the same first bad byte as reading one byte at a time does.
@Suite struct UTF8ValidationTests {
    /// One byte at a time, as the reader did before.
    static func reference(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= bytes.count, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    @Test func sameFirstBadByteAsOneAtATime() {
        var rng = SystemRandomNumberGenerator()
        let valid = Array("plain text, é, —, 😀, \u{FFFD} and more plain text".utf8)
        for _ in 0..<20_000 {
            var bytes = (0..<Int.random(in: 0...6, using: &rng)).flatMap { _ in valid.shuffled(using: &rng).prefix(Int.random(in: 0...40, using: &rng)) }
            for _ in 0..<Int.random(in: 0...2, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            let start = bytes.isEmpty ? 0 : Int.random(in: 0...min(3, bytes.count), using: &rng)
            #expect(DealFile.firstInvalidUTF8(bytes, from: start) == Self.reference(bytes, from: start))
        }
        #expect(DealFile.firstInvalidUTF8(Array("0123456789abcdef\u{E9}".utf8) + [0xFF], from: 0) == 18)
    }
}

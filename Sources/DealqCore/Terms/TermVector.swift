/// One deal's term counts as the index stores them (`deal_quote_terms.terms`,
/// `deal_body_terms.terms`): entries ordered by stem id, then spelling id,
/// each three unsigned LEB128 varints — the stem id minus the previous entry's
/// (0: the same stem, written another way), the spelling id, the count.
enum TermVector {
    struct Entry: Equatable {
        var stem: Int32
        var spelling: Int32
        var count: Int32
    }

    static func encode(_ entries: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 4)
        var previous: Int32 = 0
        for entry in sortedByTerm(entries) {
            append(UInt32(entry.stem - previous), to: &bytes)
            append(UInt32(entry.spelling), to: &bytes)
            append(UInt32(entry.count), to: &bytes)
            previous = entry.stem
        }
        return bytes
    }

    /// The entries ordered by stem, then spelling: each packed into one integer whose
    /// order is theirs, so the sort compares integers instead of calling a closure.
    /// (A deal has one entry per spelling, so no two entries tie.)
    static func sortedByTerm(_ entries: [Entry]) -> [Entry] {
        // Ids below 2^24 and counts below 2^16 (the usual case) pack into 64 bits, which sort faster.
        if entries.allSatisfy({ UInt32(bitPattern: $0.stem) < 1 << 24 && UInt32(bitPattern: $0.spelling) < 1 << 24
                                && UInt32(bitPattern: $0.count) < 1 << 16 }) {
            var keys = entries.map { UInt64($0.stem) << 40 | UInt64($0.spelling) << 16 | UInt64($0.count) }
            keys.sort()
            return keys.map { Entry(stem: Int32($0 >> 40), spelling: Int32(($0 >> 16) & 0xFF_FFFF), count: Int32($0 & 0xFFFF)) }
        }
        @inline(__always) func ordered(_ n: Int32) -> UInt128 { UInt128(UInt32(bitPattern: n) ^ 0x8000_0000) }
        var keys = entries.map { ordered($0.stem) << 64 | ordered($0.spelling) << 32 | ordered($0.count) }
        keys.sort()
        @inline(__always) func value(_ key: UInt128, _ shift: Int) -> Int32 {
            Int32(bitPattern: UInt32(truncatingIfNeeded: key >> shift) ^ 0x8000_0000)
        }
        return keys.map { Entry(stem: value($0, 64), spelling: value($0, 32), count: value($0, 0)) }
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Calls `entry(stem, spelling, count, firstOfStem)` for each entry; false when the bytes are not a vector.
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, _ entry: (Int32, Int32, Int32, Bool) -> Void) -> Bool {
        var i = 0
        let n = bytes.count
        @inline(__always) func next() -> UInt32? {
            var value: UInt32 = 0, shift: UInt32 = 0
            while i < n {
                let byte = bytes[i]
                i += 1
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
                if shift > 28 { return nil }
            }
            return nil
        }
        var stem: Int32 = 0
        while i < n {
            guard let delta = next(), let spelling = next(), let count = next() else { return false }
            stem &+= Int32(truncatingIfNeeded: delta)
            entry(stem, Int32(truncatingIfNeeded: spelling), Int32(truncatingIfNeeded: count), delta != 0)
        }
        return true
    }
}

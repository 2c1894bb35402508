/// Open-addressing hash tables for the term counter's hot loop: keys are the
/// bytes of a word (no `String` made to look one up) or a pair of term ids,
/// values are term ids. Capacities are powers of two, at most half full.

/// Byte strings → ids; the keys' bytes are kept in one arena.
struct ByteKeyTable {
    private var slots: [Slot]
    private var arena: [UInt8] = []
    private var mask: Int
    private(set) var count = 0

    private struct Slot {
        var hash: UInt64 = 0
        var offset: Int32 = 0
        var length: Int32 = -1
        var value: Int32 = 0
    }

    init(capacity: Int = 1 << 14) {
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
    }

    /// A byte as a key holds it: ASCII letters lower-cased when `folding`.
    @inline(__always)
    static func fold(_ byte: UInt8, _ folding: Bool) -> UInt8 {
        folding && byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// FNV-1a over the key's bytes.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer, folding: Bool) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { h = (h ^ UInt64(fold(byte, folding))) &* 0x0000_0100_0000_01B3 }
        return h
    }

    func value(for key: UnsafeRawBufferPointer, hash: UInt64, folding: Bool) -> Int32? {
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot.length < 0 { return nil }
            if slot.hash == hash && Int(slot.length) == key.count {
                let same = arena.withUnsafeBytes { arena in
                    var j = 0
                    let stored = Int(slot.offset)
                    while j < key.count && arena[stored + j] == Self.fold(key[j], folding) { j += 1 }
                    return j == key.count
                }
                if same { return slot.value }
            }
            i = (i + 1) & mask
        }
    }

    /// Adds a key that `value(for:hash:folding:)` did not find.
    mutating func insert(_ key: UnsafeRawBufferPointer, hash: UInt64, folding: Bool, value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].length >= 0 { i = (i + 1) & mask }
        slots[i] = Slot(hash: hash, offset: Int32(arena.count), length: Int32(key.count), value: value)
        for byte in key { arena.append(Self.fold(byte, folding)) }
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.length >= 0 {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i].length >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

/// Pairs of term ids → the id of the two-word term.
struct PairTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0
    /// No pair of ids is all ones: term ids are below `Int32.max`.
    private static let empty = UInt64.max

    init(capacity: Int = 1 << 15) {
        keys = Array(repeating: Self.empty, count: capacity)
        values = Array(repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    @inline(__always)
    static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    @inline(__always)
    private func start(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    func value(for key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var i = start(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = start(key)
        while keys[i] != Self.empty { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty { insert(key, value: value) }
    }
}

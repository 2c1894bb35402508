/// A fast, stable 64-bit content hash (FNV-1a) for change detection; not for security.
public enum Fingerprint {
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let s = String(of(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

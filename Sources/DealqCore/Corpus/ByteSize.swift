/// Sizes in bytes as `dealq.yml` writes them (`5MB`, `512 KB`, `1048576`) and
/// as messages show them. A KB is 1,024 bytes, an MB 1,024 KB, a GB 1,024 MB.
enum ByteSize {
    static let units: [(name: String, bytes: Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)]

    /// A whole number of bytes, or a number (decimals allowed) and a unit:
    /// `B`, `KB`, `MB` or `GB` (any case, `KiB`, `MiB`, `GiB` too), with or
    /// without a space. Nil for anything else, and for sizes under one byte.
    static func parse(_ text: String) -> Int? {
        let t = Trimming.trimmed(text, newlines: false)
        let digits = t.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = Trimming.trimmed(String(t.dropFirst(digits.count)), newlines: false).uppercased()
        guard !digits.isEmpty, digits.first != ".", digits.last != ".", digits.filter({ $0 == "." }).count <= 1,
              let number = Double(digits) else { return nil }
        let scale: Int
        switch unit {
        case "", "B", "BYTE", "BYTES": scale = 1
        case "K", "KB", "KIB": scale = 1 << 10
        case "M", "MB", "MIB": scale = 1 << 20
        case "G", "GB", "GIB": scale = 1 << 30
        default: return nil
        }
        if scale == 1, digits.contains(".") { return nil }
        let bytes = (number * Double(scale)).rounded(.down)
        guard bytes >= 1, bytes < 0x1p62 else { return nil }
        return Int(bytes)
    }

    /// `5 MB`, `1.5 MB`, `512 KB`, `100 bytes`: the largest unit the size
    /// reaches, with at most one decimal (dropped when it is 0).
    static func shown(_ bytes: Int) -> String {
        for unit in units where bytes >= unit.bytes {
            let tenths = (bytes * 10 + unit.bytes / 2) / unit.bytes
            let whole = tenths / 10, decimal = tenths % 10
            return decimal == 0 ? "\(grouped(whole)) \(unit.name)" : "\(grouped(whole)).\(decimal) \(unit.name)"
        }
        return bytes == 1 ? "1 byte" : "\(grouped(bytes)) bytes"
    }

    /// The number with its thousands set off by commas, as messages show counts: `1,000`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}

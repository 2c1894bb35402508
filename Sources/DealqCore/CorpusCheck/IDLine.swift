/// A quick look at a deal file's top-level `id:` line, without parsing its YAML:
/// enough to tell which files may share an id with another (they are then read in full).
enum IDLine {
    /// The text after `id:` on the first such line of the front matter, nil when the
    /// file has no front matter or no such line.
    static func value(in bytes: [UInt8]) -> Substring? {
        var start = bytes.starts(with: DealFile.bom) ? 3 : 0
        var first = true
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if first {
                guard line.elementsEqual("---".utf8) else { return nil }
                first = false
            } else if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                return nil
            } else if line.starts(with: "id:".utf8) {
                return Substring(String(decoding: line.dropFirst(3), as: UTF8.self))
            }
            start = end + 1
        }
        return nil
    }
}

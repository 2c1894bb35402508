#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A quick look at a deal file's top-level `id:` line, without parsing its YAML:
/// enough to tell which files may share an id with another (they are then read in full).
enum IDLine {
    /// What the first bytes of a file say about its id.
    enum Scan: Equatable {
        /// The text after `id:` on the first such line of the front matter.
        case found(Substring)
        /// No front matter, or front matter without an `id:` line.
        case none
        /// The bytes end inside the front matter before any `id:` line.
        case truncated
    }

    /// The value of the `id:` line of the file at `path`: its first 4 KiB are read,
    /// the whole file only when its front matter runs past them without one and
    /// the file is within `limit` bytes (a larger one is rejected unread, so holds no id).
    static func value(atPath path: String, limit: Int = CorpusConfig.defaultMaxFileSize) -> Substring? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        var head = [UInt8](repeating: 0, count: 4096)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard n > 0 else { return nil }
        switch scan(head[..<n]) {
        case .found(let value): return value
        case .none: return nil
        case .truncated:
            guard n == head.count, case .bytes(let bytes) = CorpusFileRead.read(path, limit: limit),
                  case .found(let value) = scan(bytes[...]) else { return nil }
            return value
        }
    }

    static func scan(_ bytes: ArraySlice<UInt8>) -> Scan {
        var start = bytes.starts(with: DealFile.bom) ? bytes.startIndex + 3 : bytes.startIndex
        var first = true
        while start < bytes.endIndex {
            var end = start
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if first {
                guard line.elementsEqual("---".utf8) else { return .none }
                first = false
            } else if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                return .none
            } else if line.starts(with: "id:".utf8), end < bytes.endIndex {
                return .found(Substring(String(decoding: line.dropFirst(3), as: UTF8.self)))
            }
            start = end + 1
        }
        return first ? .none : .truncated
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One corpus file read under the size limit. The size comes from the open
/// file's own stat, so a file over the limit is never read into memory: only
/// its first bytes, to tell a deal from another markdown file.
enum CorpusFileRead {
    case bytes([UInt8])
    /// Over the limit and opening with `---`: a deal too large to read.
    case tooLarge(size: Int)
    /// Over the limit and not opening with `---`: not a deal, skipped like any other.
    case largeNonDeal
    case failed(errno: Int32)

    static func read(_ path: String, limit: Int) -> CorpusFileRead {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failed(errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(errno: errno) }
        let size = Int(info.st_size)
        if size > limit {
            // A BOM, `---` and CRLF fit in 8 bytes.
            let start = fill(fd, count: 8)
            guard case .bytes(let head) = start else { return start }
            return DealFile.opensFrontMatter(head, whole: head.count < 8) ? .tooLarge(size: size) : .largeNonDeal
        }
        return fill(fd, count: size, growing: true)
    }

    /// Up to `count` bytes from `fd`; with `growing`, on to the end of the file
    /// if it has grown since its size was taken.
    private static func fill(_ fd: Int32, count: Int, growing: Bool = false) -> CorpusFileRead {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard growing else { break }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096))
            }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(fd, base + filled, buffer.count - filled)
            }
            if n < 0 { return .failed(errno: errno) }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return .bytes(bytes)
    }

    /// `path:1:1: error: …` for a deal over the limit: its size, the limit, and how to raise it.
    static func tooLargeMessage(size: Int, limit: Int) -> String {
        "file is too large to read: \(ByteSize.grouped(size)) bytes, over the limit of \(ByteSize.grouped(limit)) bytes "
            + "(\(ByteSize.shown(limit))); raise 'max_file_size' in dealq.yml to read it"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A corpus file found on disk, before it is read.
struct FileStat: Sendable {
    /// Relative to the corpus root, with `/`.
    var path: String
    var size: Int64
    var mtimeNanoseconds: Int64
}

/// Finds the `*.md` files of a corpus: names starting with `.` skipped,
/// symbolic links not followed, sorted by the UTF-8 bytes of their paths.
enum CorpusWalker {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static func files(root: String) throws(Failure) -> [FileStat] {
        var isDir = stat()
        guard stat(root, &isDir) == 0 else { throw Failure(path: root, reason: String(cString: strerror(errno))) }
        guard (isDir.st_mode & S_IFMT) == S_IFDIR else { throw Failure(path: root, reason: "not a folder") }
        var result: [FileStat] = []
        try walk(root: root, relative: "", into: &result)
        result.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return result
    }

    private static func walk(root: String, relative: String, into result: inout [FileStat]) throws(Failure) {
        let dirPath = relative.isEmpty ? root : root + "/" + relative
        guard let dir = opendir(dirPath) else {
            throw Failure(path: relative.isEmpty ? "." : relative, reason: String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var subfolders: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            var info = stat()
            let full = root + "/" + rel
            if type == UInt8(DT_UNKNOWN) {
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = UInt8(DT_DIR)
                case S_IFREG: type = UInt8(DT_REG)
                default: type = UInt8(DT_LNK)
                }
            }
            if type == UInt8(DT_DIR) {
                subfolders.append(rel)
            } else if type == UInt8(DT_REG), name.hasSuffix(".md") {
                guard lstat(full, &info) == 0 else { continue }
                let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                result.append(FileStat(path: rel, size: Int64(info.st_size), mtimeNanoseconds: mtime))
            }
        }
        for folder in subfolders { try walk(root: root, relative: folder, into: &result) }
    }

    /// The whole file, or nil when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 { return nil }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}

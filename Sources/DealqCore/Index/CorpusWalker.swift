import Dispatch
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
    /// The file's inode: a file replaced by another of the same size and mtime (a copy that keeps
    /// times, an editor's rename) is another inode.
    var inode: Int64 = 0
}

extension FileStat {
    /// The file as `stat` (or `lstat`) found it.
    init(path: String, _ info: stat) {
        self.init(path: path, size: Int64(info.st_size), mtimeNanoseconds: info.st_mtim.nanoseconds,
                  inode: Int64(bitPattern: UInt64(info.st_ino)))
    }

    /// Whether the file must be read again, against what the index recorded for it: its size, mtime
    /// or inode changed, or its recorded mtime is at or after `racyAfter` (just before the last scan
    /// began: an edit in that moment may have left the mtime as it was).
    func differs(size: Int64, mtime: Int64, inode: Int64, racyAfter: Int64) -> Bool {
        size != self.size || mtime != mtimeNanoseconds || inode != self.inode || mtime >= racyAfter
    }
}

/// A folder of the corpus and its mtime: adding, removing or renaming a file
/// in it changes the mtime, which a quick staleness check compares.
struct FolderStat: Sendable, Equatable {
    /// Relative to the corpus root (`""` for the root itself).
    var path: String
    var mtimeNanoseconds: Int64
}

/// What a walk found.
struct Listing: Sendable {
    var files: [FileStat] = []
    var folders: [FolderStat] = []
    /// Folders left out (unreadable, gone, or named in bytes that are not UTF-8), in path order.
    var folderWarnings: [FolderWarning] = []
    /// Markdown files whose names are not UTF-8: rejected, never read.
    var badNames: [FileDiagnostic] = []

    mutating func add(_ other: Listing) {
        files += other.files
        folders += other.folders
        folderWarnings += other.folderWarnings
        badNames += other.badNames
    }
}

/// Finds the `*.md` files of a corpus: names starting with `.` skipped,
/// symbolic links not followed, sorted by the UTF-8 bytes of their paths.
/// Runs before every query (to refresh the index), so it avoids building
/// strings for entries it skips and stats files relative to their folder.
enum CorpusWalker {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static func files(root: String) throws(Failure) -> [FileStat] {
        try listing(root: root).files
    }

    static func listing(root: String) throws(Failure) -> Listing {
        var info = stat()
        guard stat(root, &info) == 0 else { throw Failure(path: root, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure(path: root, reason: "not a folder") }
        // List the top two levels here, then walk the subtrees on all cores:
        // stat calls are kernel work, and a corpus has hundreds of thousands.
        var result = Listing()
        var units: [String] = []
        try walk(path: root, relative: "", into: &result, recurse: false, folders: &units)
        if units.count < 16 {
            var deeper: [String] = []
            for unit in units { try walk(path: root + "/" + unit, relative: unit, into: &result, recurse: false, folders: &deeper) }
            units = deeper
        }
        let parts = Slots<Result<Listing, Failure>>(count: units.count)
        let rootPath = root, subtrees = units
        DispatchQueue.concurrentPerform(iterations: subtrees.count) { i in
            var files = Listing()
            var unused: [String] = []
            do throws(Failure) {
                try walk(path: rootPath + "/" + subtrees[i], relative: subtrees[i], into: &files, recurse: true, folders: &unused)
                parts.store(.success(files), at: i)
            } catch {
                parts.store(.failure(error), at: i)
            }
        }
        for part in parts.all() {
            switch part {
            case .success(let listing): result.add(listing)
            case .failure(let error): throw error
            }
        }
        result.files.sort { precedes($0.path, $1.path) }
        result.folders.sort { precedes($0.path, $1.path) }
        result.folderWarnings.sort { precedes($0.path, $1.path) }
        result.badNames.sort { precedes($0.path, $1.path) }
        return result
    }

    /// The folders directly inside `relative` (a folder of the corpus at `root`), as paths relative to
    /// `root`, hidden ones left out as the walk leaves them; none when it cannot be read.
    static func subfolders(root: String, relative: String) -> [String] {
        var unused = Listing()
        var folders: [String] = []
        try? walk(path: relative.isEmpty ? root : root + "/" + relative, relative: relative, into: &unused, recurse: false,
                  folders: &folders)
        return folders
    }

    /// Byte order of UTF-8 paths (what SQLite's BINARY collation uses).
    static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    static func compare(_ a: String, _ b: String) -> Int32 {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int32 in
                let n = min(x.count, y.count)
                if n > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let c = memcmp(px, py, n)
                    if c != 0 { return c }
                }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
        if let result = fast ?? nil { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a == b ? 0 : 1)
    }

    /// Lists one folder: its markdown files into `result`; its subfolders are
    /// walked too when `recurse`, else returned in `folders`.
    private static func walk(path: String, relative: String, into result: inout Listing, recurse: Bool,
                             folders: inout [String]) throws(Failure) {
        WalkTestHook.beforeOpening(relative, at: path)
        guard let dir = opendir(path) else {
            let reason = String(cString: strerror(errno))
            if relative.isEmpty { throw Failure(path: ".", reason: reason) }
            // One folder that cannot be read does not stop the walk.
            result.folderWarnings.append(FolderWarning(path: relative, message: "cannot read the folder (\(reason)); its files are not indexed"))
            return
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var folderInfo = stat()
        if fstat(fd, &folderInfo) == 0 {
            result.folders.append(FolderStat(path: relative, mtimeNanoseconds: folderInfo.st_mtim.nanoseconds))
        }
        var subfolders: [String] = []
        var markdown: [(name: String, path: String)] = []
        while let entry = readdir(dir) {
            let found: (isDir: Bool, isMarkdown: Bool, name: String?, escaped: String)? = withUnsafePointer(to: &entry.pointee.d_name) { raw in
                raw.withMemoryRebound(to: UInt8.self, capacity: 256) { name in
                    if name[0] == 0x2E { return nil }  // "." and hidden names
                    let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    var type = entry.pointee.d_type
                    if type == UInt8(DT_UNKNOWN) {
                        var info = stat()
                        guard fstatat(fd, UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
                        switch info.st_mode & S_IFMT {
                        case S_IFDIR: type = UInt8(DT_DIR)
                        case S_IFREG: type = UInt8(DT_REG)
                        default: type = UInt8(DT_LNK)
                        }
                    }
                    let isMarkdown = type == UInt8(DT_REG) && length >= 3
                        && name[length - 3] == 0x2E && name[length - 2] == 0x6D && name[length - 1] == 0x64  // ".md"
                    let isDir = type == UInt8(DT_DIR)
                    guard isDir || isMarkdown else { return nil }
                    let bytes = UnsafeBufferPointer(start: name, count: length)
                    guard let text = FileName.text(bytes) else { return (isDir, isMarkdown, nil, FileName.escaped(bytes)) }
                    return (isDir, isMarkdown, text, text)
                }
            }
            guard let found else { continue }
            guard let foundName = found.name else {
                let shown = relative.isEmpty ? found.escaped : relative + "/" + found.escaped
                if found.isDir {
                    result.folderWarnings.append(FolderWarning(path: shown, message: "the folder name is not valid UTF-8; its files are not indexed (rename the folder)"))
                } else {
                    result.badNames.append(FileDiagnostic(path: shown, line: 1, column: 1,
                                                          message: "the file name is not valid UTF-8; the file is not indexed (rename it)"))
                }
                continue
            }
            let rel = relative.isEmpty ? foundName : relative + "/" + foundName
            if found.isDir {
                subfolders.append(rel)
                continue
            }
            markdown.append((foundName, rel))
        }
        result.files += statFiles(markdown, in: fd)
        guard recurse else {
            folders += subfolders
            return
        }
        // Cut in bytes: a character count is off for names such as "café".
        let root = relative.isEmpty ? path : String(decoding: path.utf8.dropLast(relative.utf8.count + 1), as: UTF8.self)
        for folder in subfolders { try walk(path: root + "/" + folder, relative: folder, into: &result, recurse: true, folders: &folders) }
    }

    /// Stats a folder's markdown files; a big folder (all files in one place)
    /// on all cores, as a tree's subfolders are walked on all cores.
    private static func statFiles(_ entries: [(name: String, path: String)], in fd: Int32) -> [FileStat] {
        @Sendable func stats(_ range: Range<Int>) -> [FileStat] {
            var found: [FileStat] = []
            found.reserveCapacity(range.count)
            for entry in entries[range] {
                var info = stat()
                guard fstatat(fd, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                found.append(FileStat(path: entry.path, info))
            }
            return found
        }
        let chunk = 2048
        guard entries.count > 2 * chunk else { return stats(0..<entries.count) }
        let chunks = (entries.count + chunk - 1) / chunk
        let parts = Slots<[FileStat]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { i in
            parts.store(stats(i * chunk..<min(entries.count, (i + 1) * chunk)), at: i)
        }
        return parts.all().flatMap { $0 }
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


extension timespec {
    /// The time as nanoseconds since 1970, as file mtimes are kept in the index.
    var nanoseconds: Int64 { Int64(tv_sec) * 1_000_000_000 + Int64(tv_nsec) }
}

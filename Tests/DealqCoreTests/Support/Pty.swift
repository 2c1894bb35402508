import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct PtyError: Error, CustomStringConvertible {
    var description: String
}

/// A program running on a pseudo-terminal of its own, as on a person's
/// terminal: it is the session leader with the terminal as its controlling
/// terminal, so `\u{3}` written to it is Ctrl-C (SIGINT) and `\u{4}` is Ctrl-D.
/// Everything it prints is kept, escape sequences included; tests wait for
/// text with a timeout instead of sleeping.
final class PtyProcess {
    let pid: pid_t
    private let master: Int32
    /// Everything read so far.
    private(set) var output = [UInt8]()
    /// Where the next `waitFor` starts looking.
    private var mark = 0
    private(set) var exitStatus: Int32?

    init(_ executable: String, _ arguments: [String], environment: [String: String], columns: UInt16 = 100, rows: UInt16 = 40) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, LibC.grantpt(master) == 0, LibC.unlockpt(master) == 0, let name = LibC.ptsname(master) else {
            throw PtyError(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(cString: name)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // posix_spawn: a new session (POSIX_SPAWN_SETSID) whose first terminal opened,
        // the slave as stdin, becomes its controlling terminal.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(LibC.spawnSetsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGQUIT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child = pid_t()
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw PtyError(description: "cannot start \(executable): \(String(cString: strerror(rc)))") }
        pid = child
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Everything printed so far, as text.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Types `keys` (`\r` is Enter, `\t` Tab, `\u{3}` Ctrl-C, `\u{4}` Ctrl-D).
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 { offset += n } else if errno != EINTR && errno != EAGAIN { return } else { usleep(1000) }
        }
    }

    /// Reads until the output after the last match contains `needle`; returns the
    /// output in between. Throws with the output so far after `timeout` seconds.
    @discardableResult
    func waitFor(_ needle: String, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let pattern = Array(needle.utf8)
        while true {
            if let range = find(pattern, from: mark) {
                let between = String(decoding: output[mark..<range], as: UTF8.self)
                FrameworkText.check(between, stream: "terminal output", command: ["the shell, before \(needle.debugDescription)"])
                mark = range + pattern.count
                return between
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                throw PtyError(description: "timed out waiting for \(needle.debugDescription); output after the last match:\n"
                               + String(decoding: output[mark...], as: UTF8.self).debugDescription)
            }
            if !pump(milliseconds: Int32(min(left, 0.2) * 1000)) && exitStatus != nil {
                throw PtyError(description: "the program ended (status \(exitStatus!)) before \(needle.debugDescription); output:\n"
                               + String(decoding: output[mark...], as: UTF8.self).debugDescription)
            }
        }
    }

    /// Waits for the program to end; its exit status, or nil after `timeout` seconds.
    func waitForExit(timeout: Double = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil && Date() < deadline {
            _ = pump(milliseconds: 50)
        }
        return exitStatus
    }

    /// Reads what is there (waiting up to `milliseconds`); false when nothing came.
    private func pump(milliseconds: Int32) -> Bool {
        reap()
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else {
            // EIO: the child closed the terminal (it ended).
            usleep(10_000)
            reap()
            return false
        }
        output += buffer[..<n]
        return true
    }

    private func reap() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        }
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, output.count - start >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= output.count {
            if output[i] == pattern[0] && Array(output[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }
}

/// glibc functions and flags that Swift's Glibc module leaves out (they sit
/// behind _XOPEN_SOURCE / _GNU_SOURCE in the headers).
private enum LibC {
    typealias IntOfFD = @convention(c) (Int32) -> Int32
    typealias NameOfFD = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    static func symbol<T>(_ name: String, as type: T.Type) -> T {
        guard let pointer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("no \(name) in libc") }
        return unsafeBitCast(pointer, to: type)
    }

    static let grantpt = symbol("grantpt", as: IntOfFD.self)
    static let unlockpt = symbol("unlockpt", as: IntOfFD.self)
    static let ptsname = symbol("ptsname", as: NameOfFD.self)
    /// POSIX_SPAWN_SETSID (glibc 2.26+).
    static let spawnSetsid: Int32 = 0x80
}

#if canImport(Glibc)
import Glibc
#endif

/// Writes to stdout and stderr; a closed pipe ends the process quietly.
enum Output {
    static func out(_ text: String, terminator: String = "\n") { write(1, text + terminator) }
    static func err(_ text: String, terminator: String = "\n") { write(2, text + terminator) }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Another dealq holds the index lock: say why nothing happens yet (on a terminal).
    static func waitingForIndex() {
        if stderrIsTerminal { err("waiting for another dealq to finish with the index…") }
    }

    private static func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { Glibc.exit(0) }
                    return
                }
                offset += n
            }
        }
    }
}

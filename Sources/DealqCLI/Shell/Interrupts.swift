import DealqCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C in the shell. The SIGINT handler only writes a byte to a pipe; a
/// watcher thread reads it and either stops the running query
/// (`QueryEngine.interrupt`, i.e. `sqlite3_interrupt`, repeated until the
/// query has returned, so that no later statement of the same answer starts)
/// or, at the prompt, passes it on to the line editor, which drops the line.
enum Interrupts {
    nonisolated(unsafe) private static var signalFDs: [Int32] = [-1, -1]
    nonisolated(unsafe) private static var promptFDs: [Int32] = [-1, -1]
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: QueryEngine?
    nonisolated(unsafe) private static var generation = 0
    nonisolated(unsafe) private static var hit = false

    /// The end of the pipe the line editor waits on.
    static var promptFD: Int32 { promptFDs[0] }

    static func install() {
        guard signalFDs[0] < 0 else { return }
        _ = pipe(&signalFDs)
        _ = pipe(&promptFDs)
        for fd in signalFDs + promptFDs { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(signalFDs[1], F_SETFL, O_NONBLOCK)
        _ = fcntl(promptFDs[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(promptFDs[1], F_SETFL, O_NONBLOCK)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            let saved = errno
            _ = Glibc.write(Interrupts.signalFDs[1], &byte, 1)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        let thread = Thread { watch() }
        thread.name = "dealq-interrupts"
        thread.start()
    }

    /// Runs `body` with Ctrl-C stopping `engine`'s query; tells whether Ctrl-C came meanwhile.
    static func running<T>(_ engine: QueryEngine, _ body: () throws -> T) rethrows -> (T, interrupted: Bool) {
        lock.lock()
        current = engine
        generation += 1
        hit = false
        lock.unlock()
        defer {
            lock.lock()
            current = nil
            lock.unlock()
        }
        let value = try body()
        lock.lock()
        let interrupted = hit
        lock.unlock()
        return (value, interrupted)
    }

    /// Whether Ctrl-C came while the current query ran.
    static var wasHit: Bool {
        lock.lock()
        defer { lock.unlock() }
        return hit
    }

    static func drainPrompt() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while Glibc.read(promptFDs[0], &buffer, buffer.count) > 0 {}
    }

    private static func watch() {
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(signalFDs[0], &byte, 1)
            if n < 0 && errno == EINTR { continue }
            guard n == 1 else { return }
            lock.lock()
            let engine = current
            let query = generation
            if engine != nil { hit = true }
            lock.unlock()
            guard let engine else {
                var one: UInt8 = 1
                _ = Glibc.write(promptFDs[1], &one, 1)
                continue
            }
            // Until the query has returned: a statement that starts after one
            // interrupt (the checker's look-ups come before the main query) is stopped too.
            // Each interrupt is sent under the lock, and only while that same query runs:
            // sent after a wait without looking, it could stop the next query typed.
            while true {
                lock.lock()
                let still = current != nil && generation == query
                if still { engine.interrupt() }
                lock.unlock()
                if !still { break }
                usleep(5_000)
            }
        }
    }
}

import Foundation

/// A time limit on one answer. When it passes while the answer runs, a timer
/// interrupts the engine's connections (`sqlite3_interrupt`), again every few
/// milliseconds until the answer returns, so that no statement started later
/// runs on either. An answer that returns after its limit has passed is a
/// timeout even if it finished meanwhile: it did take longer.
final class TimeLimit: @unchecked Sendable {
    let seconds: Double
    private let lock = NSLock()
    private var running = true
    private var passed = false

    init(seconds: Double, interrupt: @escaping @Sendable () -> Void) {
        self.seconds = seconds
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in stop(interrupt) }
    }

    private func stop(_ interrupt: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return }
        passed = true
        interrupt()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(5)) { [self] in stop(interrupt) }
    }

    /// Ends the watch; true when the limit passed before.
    func finish() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        running = false
        return passed
    }

    /// `10 s`, `0.5 s`.
    static func describe(_ seconds: Double) -> String {
        (seconds == seconds.rounded() && seconds < 1e9 ? String(Int(seconds)) : String(seconds)) + " s"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A test-only failure point, in debug builds only: `DEALQ_TEST_FAIL_AFTER_ROWS=N`
/// makes the writer kill its own process (SIGKILL, as `kill -9` would) right
/// after it wrote its Nth deal row, in a full build or a refresh alike, so that
/// tests stop a run at an exact point instead of racing it with a timer.
enum FailurePoint {
    #if DEBUG
    nonisolated(unsafe) private static var rows = 0
    private static let limit = ProcessInfo.processInfo.environment["DEALQ_TEST_FAIL_AFTER_ROWS"].flatMap { Int($0) }

    /// Called by the writer after each deal row (on the writing thread only).
    static func dealRowWritten() {
        guard let limit else { return }
        rows += 1
        if rows >= limit { kill(getpid(), SIGKILL) }
    }
    #else
    @inline(__always) static func dealRowWritten() {}
    #endif
}

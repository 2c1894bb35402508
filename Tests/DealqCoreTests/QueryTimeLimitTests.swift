import DealqLanguage
import Foundation
import Testing
@testable import DealqCore

/// A query's time limit: past it the query is stopped (`sqlite3_interrupt`)
/// and fails in words, exit status 1. The slowed queries sleep inside SQLite
/// (`slowDownForTesting`, or `DEALQ_TEST_SLOW_QUERY` for the binary): 20 ms
/// every 10 steps, so any of them takes far longer than the limits used here.
@Suite struct QueryTimeLimitTests {
    static let today = CalendarDate("2025-06-30")!

    func engine() throws -> (TemporaryFolder, QueryEngine) { try indexedFixture("semantics") }

    @Test func aSlowQueryStopsAtItsLimitAndTheEngineGoesOn() throws {
        let (_, engine) = try engine()
        engine.slowDownForTesting(milliseconds: 20, steps: 10)
        let started = Date()
        do {
            _ = try engine.answer("deals pricing", today: Self.today, defaultLimit: 20, timeLimit: 0.05)
            Issue.record("the slowed query was answered")
        } catch {
            guard case QueryFailure.timedOut(let seconds)? = error as? QueryFailure else {
                Issue.record("not a timeout: \(error)")
                return
            }
            #expect(seconds == 0.05)
        }
        // Stopped, not run to its end (unslowed it would take well over a minute of sleeps).
        #expect(Date().timeIntervalSince(started) < 30)
        engine.slowDownForTesting(milliseconds: 0)
        let answer = try engine.answer("deals pricing", today: Self.today, defaultLimit: 20, timeLimit: 60)
        #expect(!answer.table.rows.isEmpty)
    }

    @Test func withoutALimitAQueryRunsToItsEnd() throws {
        let (_, engine) = try engine()
        let answer = try engine.answer("count", today: Self.today, defaultLimit: nil)
        #expect(answer.table.rows.first?.first == .integer(6))
    }

    @Test func oneShotTimeoutStopsTheQueryWithExitStatusOne() throws {
        let folder = try fixtureCopy("semantics")
        let result = try runDealq(["--corpus", folder.path, "--today", "2025-06-30", "--timeout", "0.05", "deals pricing"],
                                  environment: ["DEALQ_TEST_SLOW_QUERY": "deals pricing"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: the query took longer than 0.05 s and was stopped; --timeout SECONDS sets another limit\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func oneShotTimeoutThatIsNotPassedChangesNothing() throws {
        let folder = try fixtureCopy("semantics")
        let plain = try runDealq(["--corpus", folder.path, "--today", "2025-06-30", "winrate by segment"])
        let limited = try runDealq(["--corpus", folder.path, "--today", "2025-06-30", "--timeout", "120", "winrate by segment"])
        #expect(limited.status == 0)
        #expect(limited.stdout == plain.stdout)
    }

    @Test(arguments: ["0", "-1", "nan", "inf", "soon"])
    func aTimeoutThatIsNoPositiveNumberIsAUsageError(_ value: String) throws {
        let folder = try fixtureCopy("semantics")
        let result = try runDealq(["--corpus", folder.path, "--timeout", value, "count"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--timeout"))
    }

    @Test func theGuardFindsFrameworkText() {
        #expect(FrameworkText.find(in: "error: The operation could not be completed. (Error Domain=NSCocoaErrorDomain Code=4)") != nil)
        #expect(FrameworkText.find(in: "SQLite error 9: interrupted - while executing `SELECT 1`") != nil)
        #expect(FrameworkText.find(in: "error: the query took longer than 10 s and was stopped") == nil)
    }
}

import Dispatch
import Foundation
import Testing
@testable import DealqCore

/// A writer, a rebuild and four readers on one index at once, for a bounded time.
@Suite struct IndexConcurrencyTests {
    /// The writer edits a deal and refreshes; the rebuild rebuilds again and
    /// again; two readers answer from the index as it is and two refresh first.
    /// No query fails, no rebuild fails, every answer counts every deal, and
    /// the final index equals a fresh build.
    @Test func aWriterARebuildAndFourReadersAllSucceed() throws {
        let folder = TemporaryFolder()
        let deals = 60
        writeHealingCorpus(folder, count: deals, version: 1)
        let corpus = folder.path + "/c"
        #expect(try runDealq(["index", corpus]).status == 0)
        let until = Date(timeIntervalSinceNow: 12)
        let failures = Slots<[String]>(count: 6)
        let runs = Slots<Int>(count: 6)
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            var failed: [String] = []
            var count = 0
            repeat {
                count += 1
                let result: CommandResult?
                switch worker {
                case 0:
                    // Edits one deal's body (same id), then refreshes.
                    let i = count % deals
                    let text = dealText("acv: \(1000 + i * 10)", id: "D-\(i)", outcome: ["won", "lost", "churned"][i % 3],
                                                                     closed: "\(2023 + i % 3)-06-\(10 + i % 18)", body: "Edited \(count) times.\n")
                    try? Data(text.utf8).write(to: URL(fileURLWithPath: corpus + "/\(2023 + i % 3)/D-\(i).md"))
                    result = try? runDealq(["index", corpus])
                case 1:
                    result = try? runDealq(["index", "--rebuild", corpus])
                default:
                    let refresh = worker >= 4
                    result = try? runDealq(["--corpus", corpus, "--format", "csv"] + (refresh ? [] : ["--no-refresh"]) + ["count"])
                    if let result, result.status == 0, result.stdout != "deals\n\(deals)\n" {
                        failed.append("worker \(worker): answered \(result.stdout)")
                    }
                }
                if let result {
                    // A reader that does not refresh may warn that the index is stale; nothing else is expected.
                    let stderr = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning: the index may be stale") }
                    if result.status != 0 || !stderr.isEmpty {
                        failed.append("worker \(worker): exit \(result.status): \(result.stderr)")
                    }
                } else {
                    failed.append("worker \(worker): did not run")
                }
            } while Date() < until || count < 3
            failures.store(failed, at: worker)
            runs.store(count, at: worker)
        }
        let all = failures.all().flatMap { $0 }
        #expect(all.isEmpty, "\(all.prefix(5))")
        #expect(runs.all().allSatisfy { $0 >= 3 }, "\(runs.all())")
        let last = try runDealq(["index", corpus])
        #expect(last.status == 0, "\(last.stderr)")
        let fresh = folder.path + "/fresh.sqlite"
        #expect(try runDealq(["index", corpus, "--db", fresh]).status == 0)
        #expect(try dumpIndex(corpus + "/.dealq/index.sqlite") == dumpIndex(fresh))
        #expect(files(in: corpus + "/.dealq", startingWith: "index.sqlite.building-").isEmpty)
        #expect(files(in: corpus + "/.dealq", startingWith: "index.sqlite.damaged-").isEmpty)
    }

    /// `--rebuild` waits for another writer's lock instead of failing.
    @Test func aRebuildWaitsForTheLock() throws {
        let folder = TemporaryFolder()
        writeHealingCorpus(folder, count: 5, version: 1)
        let corpus = folder.path + "/c"
        #expect(try runDealq(["index", corpus]).status == 0)
        let lock = IndexLock(database: corpus + "/.dealq/index.sqlite")
        #expect(lock.tryAcquire())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dealqBinary)
        process.arguments = ["index", "--rebuild", corpus]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Whatever the machine's speed, the rebuild cannot finish while the lock is held.
        Thread.sleep(forTimeInterval: 1)
        #expect(process.isRunning)
        lock.release()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

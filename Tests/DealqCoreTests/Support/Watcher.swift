import Foundation
import GRDB
@testable import DealqCore

/// A `dealq watch` running in the background for a test, its output in files.
final class WatcherProcess {
    let process = Process()
    let database: String
    let output: String

    init(corpus: String, environment: [String: String] = [:]) throws {
        database = corpus + "/.dealq/index.sqlite"
        output = NSTemporaryDirectory() + "dealq-watch-" + UUID().uuidString
        FileManager.default.createFile(atPath: output + ".out", contents: nil)
        FileManager.default.createFile(atPath: output + ".err", contents: nil)
        process.executableURL = URL(fileURLWithPath: dealqBinary)
        process.arguments = ["watch", "--corpus", corpus]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DEALQ_CORPUS")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: output + ".out")
        process.standardError = FileHandle(forWritingAtPath: output + ".err")
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: output + ".out")
        try? FileManager.default.removeItem(atPath: output + ".err")
    }

    var stdout: String { (try? String(contentsOfFile: output + ".out", encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: output + ".err", encoding: .utf8)) ?? "" }

    /// Waits until the watcher published its pid in the index (it watches every folder by then); false on timeout or exit.
    func waitUntilReady(timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && process.isRunning {
            if let pid = try? Self.meta("watch_pid", database: database), pid == String(process.processIdentifier) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Waits for the process to end; its exit status, or nil on timeout.
    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !process.isRunning { return process.terminationStatus }
            usleep(20_000)
        }
        return nil
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// A row of the index's `meta`, read without changing the file.
    static func meta(_ key: String, database: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: database) else { return nil }
        let queue = try DatabaseQueue(path: database, configuration: IndexStore.readOnlyConfiguration())
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }
}

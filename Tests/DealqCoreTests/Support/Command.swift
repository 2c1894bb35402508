import Foundation

/// The result of running the built `dealq` binary.
struct CommandResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// The `dealq` executable built next to the test bundle.
let dealqBinary: String = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<3 {
        let candidate = dir.appendingPathComponent("dealq").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/dealq").path
}()

/// Runs `dealq` with arguments, stdout and stderr captured (never a terminal).
@discardableResult
func runDealq(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
              stdin: String? = nil) throws -> CommandResult {
    try runProgram(dealqBinary, arguments, in: directory, environment: environment, stdin: stdin)
}

/// Runs a program as `runDealq` runs `dealq`: no color, no `DEALQ_CORPUS` or
/// `DEALQ_TODAY` from the caller's environment unless given.
func runProgram(_ executable: String, _ arguments: [String], in directory: String? = nil,
                environment: [String: String] = [:], stdin: String? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "DEALQ_CORPUS")
    env.removeValue(forKey: "DEALQ_TODAY")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so that a full pipe never blocks the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    let result = CommandResult(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                               status: process.terminationStatus)
    let command = [URL(fileURLWithPath: executable).lastPathComponent] + arguments
    FrameworkText.check(result.stdout, stream: "stdout", command: command)
    FrameworkText.check(result.stderr, stream: "stderr", command: command)
    return result
}

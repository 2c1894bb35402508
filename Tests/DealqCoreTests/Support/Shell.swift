import Foundation

/// Runs one command line with bash, as a reader would type it, with the
/// built `dealq` first on the PATH and "today" fixed to `today`.
@discardableResult
func runShell(_ line: String, in directory: String, today: String) throws -> CommandResult {
    let binaries = URL(fileURLWithPath: dealqBinary).deletingLastPathComponent().path
    let path = binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    return try runProgram("/bin/bash", ["-o", "pipefail", "-c", line], in: directory,
                          environment: ["PATH": path, "DEALQ_TODAY": today])
}

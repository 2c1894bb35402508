import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program's result with what it cost: its peak memory and wall time.
struct MeasuredResult {
    var result: CommandResult
    /// Peak resident memory of the process, in bytes (from `wait4`).
    var peakMemory: Int
    var seconds: Double
}

private struct SpawnError: Error { var what: String }

/// Runs a program as `runProgram` does (no color, no `DEALQ_CORPUS` or
/// `DEALQ_TODAY` unless given), output captured in files, and measures it:
/// `wait4` gives the peak memory of that one child.
func runMeasured(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> MeasuredResult {
    let folder = TemporaryFolder()
    let outPath = folder.path + "/stdout", errPath = folder.path + "/stderr"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "DEALQ_CORPUS")
    env.removeValue(forKey: "DEALQ_TODAY")
    for (k, v) in environment { env[k] = v }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in argv + envp { free(p) } }
    let started = Date()
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw SpawnError(what: "posix_spawn: \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw SpawnError(what: "wait4: \(String(cString: strerror(errno)))") }
    }
    let seconds = Date().timeIntervalSince(started)
    let exited = status & 0x7F == 0
    let result = CommandResult(
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
        status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
    // Linux gives ru_maxrss in kilobytes.
    return MeasuredResult(result: result, peakMemory: Int(usage.ru_maxrss) * 1024, seconds: seconds)
}

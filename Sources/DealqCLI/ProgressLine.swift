import DealqCore
import Foundation

/// A one-line progress display on a terminal's stderr: files, rate, time left.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    func update(_ p: IndexProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || p.done == p.total else { return }
        lastDraw = now
        var line = "indexing \(Format.thousands(p.done)) of \(Format.thousands(p.total)) files"
        if p.rate > 0 { line += " · \(Format.thousands(Int(p.rate))) files/s" }
        if let left = p.remainingSeconds, p.done < p.total { line += " · about \(Format.duration(left)) left" }
        Output.err("\r\u{1B}[K" + line, terminator: "")
        drawn = true
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { Output.err("\r\u{1B}[K", terminator: "") }
    }
}

enum Format {
    static func thousands(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        if seconds < 90 { return "\(Int(seconds.rounded())) s" }
        return "\(Int((seconds / 60).rounded())) min"
    }

    static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(thousands(n)) \(n == 1 ? word : plural ?? word + "s")"
    }
}

import CPCRE2
import Glibc

/// A compiled PCRE2 pattern, matched case-insensitively over UTF-8 text with
/// Unicode properties (CASELESS, UTF, UCP), JIT-compiled when possible.
/// The compiled code is read-only after creation and shared across threads.
public final class Pattern: @unchecked Sendable {
    public let source: String
    private let code: OpaquePointer

    public struct CompileError: Error, Sendable {
        public var message: String
        /// Offset in the pattern, in bytes.
        public var offset: Int
    }

    /// For each top-level branch, the letters, digits and spaces its every match
    /// begins with, lower-cased (at least three): a text that holds none of
    /// them, in any case, cannot match (`PatternText.mayHold`). Nil when some
    /// branch has no such literal.
    let leadingLiterals: [[UInt8]]?

    public init(_ source: String) throws(CompileError) {
        self.source = source
        leadingLiterals = Self.leadingLiterals(of: source)
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let options = UInt32(PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP)
        let compiled = source.withCString { ptr in
            ptr.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count) {
                pcre2_compile_8($0, source.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var buffer = [UInt8](repeating: 0, count: 256)
            let n = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
            let message = n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "error \(errorCode)"
            throw CompileError(message: message, offset: errorOffset)
        }
        code = compiled
        _ = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
    }

    deinit { pcre2_code_free_8(code) }

    /// The literal each top-level branch's every match begins with (see
    /// `leadingLiteral(ofBranch:)`), or nil when a branch has none or the
    /// pattern is not read plainly enough to be sure where its branches are:
    /// it sets options or verbs inside (`(?x)` would make spaces mean
    /// nothing), quotes with `\Q`, or has a POSIX class or unbalanced brackets.
    static func leadingLiterals(of source: String) -> [[UInt8]]? {
        let bytes = Array(source.utf8)
        var branches: [ArraySlice<UInt8>] = []
        var depth = 0, start = 0, i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"):
                guard i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "Q") else { return nil }
                i += 1
            case UInt8(ascii: "["):
                // A class: to its first `]` that is not its first member; escapes inside are skipped.
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "^") { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1 }
                while i < bytes.count, bytes[i] != UInt8(ascii: "]") {
                    if bytes[i] == UInt8(ascii: "[") { return nil }
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                guard i < bytes.count else { return nil }
            case UInt8(ascii: "("):
                guard i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "?"), bytes[i + 1] != UInt8(ascii: "*") else { return nil }
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                guard depth >= 0 else { return nil }
            case UInt8(ascii: "|") where depth == 0:
                branches.append(bytes[start..<i])
                start = i + 1
            default:
                break
            }
            i += 1
        }
        guard depth == 0 else { return nil }
        branches.append(bytes[start..<bytes.count])
        var literals: [[UInt8]] = []
        for branch in branches {
            guard let literal = leadingLiteral(ofBranch: Array(branch)) else { return nil }
            literals.append(literal)
        }
        return literals
    }

    /// After an optional leading `\b`, the longest run of ASCII letters, digits
    /// and spaces, less its last character when a quantifier follows (`\bSOC ?2`
    /// begins with `soc`), lower-cased; nil for a run under three characters.
    static func leadingLiteral(ofBranch branch: [UInt8]) -> [UInt8]? {
        var bytes = branch[...]
        if bytes.starts(with: Array(#"\b"#.utf8)) { bytes = bytes.dropFirst(2) }
        func literal(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x20
        }
        var run = Array(bytes.prefix(while: literal))
        let next = bytes.index(bytes.startIndex, offsetBy: run.count)
        if next < bytes.endIndex, [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{")].contains(bytes[next]) {
            run.removeLast()
        }
        guard run.count >= 3 else { return nil }
        return run.map(PatternText.lower)
    }

    /// True when the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        leadingLiterals == nil ? matchesEveryText(text) : matches(PatternText(text))
    }

    /// True when the pattern matches anywhere in the text: not tried when the text
    /// can hold none of the pattern's leading literals.
    func matches(_ text: PatternText) -> Bool {
        if let leadingLiterals, !leadingLiterals.contains(where: text.mayHold) { return false }
        return matchesEveryText(text.text)
    }

    /// PCRE2 over the whole text, whatever it holds.
    func matchesEveryText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            let matchData = pcre2_match_data_create_from_pattern_8(code, nil)
            defer { pcre2_match_data_free_8(matchData) }
            let rc = pcre2_match_8(code, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count, 0,
                                   UInt32(PCRE2_NO_UTF_CHECK), matchData, nil)
            return rc >= 0
        }
    }
}

/// A text to match several patterns against, with what lets a pattern be
/// passed over without running it: the text's bytes with ASCII letters
/// lower-cased.
struct PatternText {
    let text: String
    private let lowered: [UInt8]
    /// The text holds a character that matches an ASCII letter without being
    /// one when case is ignored: the Kelvin sign (k) or the long s (s). Then
    /// no pattern is passed over.
    private let foldsToASCII: Bool

    init(_ text: String) {
        self.text = text
        var bytes = Array(text.utf8)
        var seen: UInt64 = 0
        bytes.withUnsafeMutableBytes { raw in
            // Eight bytes at a time: a byte of 0x41...0x5A (below 0x80) gets 0x20 added.
            var i = 0
            while i + 8 <= raw.count {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let h = x & 0x7F7F_7F7F_7F7F_7F7F
                let upper = ((h &+ 0x3F3F_3F3F_3F3F_3F3F) ^ (h &+ 0x2525_2525_2525_2525)) & ~x & 0x8080_8080_8080_8080
                raw.storeBytes(of: x | (upper >> 2), toByteOffset: i, as: UInt64.self)
                seen |= x
                i += 8
            }
            while i < raw.count {
                raw[i] = Self.lower(raw[i])
                seen |= UInt64(raw[i])
                i += 1
            }
        }
        lowered = bytes
        let other = seen & 0x8080_8080_8080_8080 != 0
        foldsToASCII = other && (Self.find([0xE2, 0x84, 0xAA], in: bytes) || Self.find([0xC5, 0xBF], in: bytes))
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// False only when no match of a pattern beginning with `literal` (lower-cased) can be in the text.
    func mayHold(_ literal: [UInt8]) -> Bool {
        foldsToASCII || Self.find(literal, in: lowered)
    }

    /// How common a byte is in English text (higher: more common): the needle is
    /// looked for by its rarest byte, so fewer places are compared.
    private static let commonness: [UInt8] = {
        var rank = [UInt8](repeating: 0, count: 256)
        for (i, letter) in "zqxjkvbpygfwmucldrhsnioate".utf8.enumerated() { rank[Int(letter)] = UInt8(i + 2) }
        for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { rank[Int(digit)] = 1 }
        rank[0x20] = 40
        return rank
    }()

    /// Whether `needle` (not empty) is in `haystack`: each place its rarest byte is
    /// found (`memchr`), the whole needle compared around it.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                guard let base = h.baseAddress, !n.isEmpty, n.count <= h.count else { return false }
                var anchor = 0
                for k in 1..<n.count where commonness[Int(n[k])] < commonness[Int(n[anchor])] { anchor = k }
                let byte = Int32(n[anchor])
                // The anchor byte's place in the haystack runs from `anchor` to `lastAnchor`.
                let lastAnchor = h.count - n.count + anchor
                var i = anchor
                while i <= lastAnchor {
                    guard let hit = memchr(base + i, byte, lastAnchor - i + 1) else { return false }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + (at - anchor), n.baseAddress!, n.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }
}

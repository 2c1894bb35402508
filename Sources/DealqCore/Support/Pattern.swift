import CPCRE2

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

    public init(_ source: String) throws(CompileError) {
        self.source = source
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

    /// True when the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
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

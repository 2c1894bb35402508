@preconcurrency import CEditLine
import DealqCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The shell's line editing on libedit's readline interface: the prompt,
/// Tab completion through a `Completer`, and Ctrl-C at the prompt.
///
/// libedit reads keys through `rl_getc_function`, which waits on the
/// terminal and on a pipe that the Ctrl-C watcher writes to: Ctrl-C at the
/// prompt ends the line early and `read` reports it as `.interrupted`. The
/// function also decodes UTF-8, because libedit takes what it returns as one
/// character.
enum LineEditor {
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line typed so far is dropped.
        case interrupted
        /// Ctrl-D on an empty line, or the end of the input.
        case end
    }

    nonisolated(unsafe) static var completer: Completer?
    /// Set by the SIGWINCH handler; the key loop then tells libedit the new width.
    nonisolated(unsafe) private static var resized: sig_atomic_t = 0
    nonisolated(unsafe) private static var interruptedAtPrompt = false
    nonisolated(unsafe) private static var ready = false

    static func setUp() {
        guard !ready else { return }
        ready = true
        // libedit draws characters beyond ASCII only in a UTF-8 locale.
        let locale = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if !locale.lowercased().contains("utf") { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        rl_readline_name = UnsafePointer(strdup("dealq"))
        // Keep our own SIGINT handling (`Interrupts`); libedit's would re-raise the signal.
        rl_catch_signals = 0
        rl_getc_function = { _ in LineEditor.nextCharacter() }
        // A resized terminal interrupts the wait for a key (no SA_RESTART), and the key
        // loop redraws the line at the new width; libedit's own handler is off with the others.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in LineEditor.resized = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGWINCH, &action, nil)
        rl_attempted_completion_function = { text, _, end in LineEditor.complete(text, end: Int(end)) }
        // Words break only at blanks: completion reads the line itself (quotes, operators).
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n"))
        rl_completer_word_break_characters = strdup(" \t\n")
        rl_completion_append_character = 0
        rl_sort_completion_matches = 0
        rl_completion_query_items = 200
        stifle_history(2000)
        rl_initialize()
    }

    /// Reads one line.
    static func read(prompt: String) -> Input {
        setUp()
        Interrupts.drainPrompt()
        interruptedAtPrompt = false
        // Raw mode before the prompt shows (libedit would set it only at the first
        // key): keys typed right after the prompt appears are neither echoed by
        // the terminal nor, for Ctrl-D, turned into an end of line.
        if isatty(0) == 1 { rl_prep_terminal(1) }
        guard let raw = readline(prompt) else {
            if interruptedAtPrompt { return .interrupted }
            return .end
        }
        defer { free(raw) }
        if interruptedAtPrompt {
            interruptedAtPrompt = false
            return .interrupted
        }
        return .line(String(cString: raw))
    }

    static func addHistory(_ entry: String) {
        _ = add_history(entry)
    }

    // MARK: - Keys

    /// The next character for libedit: a Unicode scalar value, -1 at the end
    /// of the input, or a newline after Ctrl-C (with `interruptedAtPrompt` set).
    private static func nextCharacter() -> Int32 {
        while true {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: Interrupts.promptFD, events: Int16(POLLIN), revents: 0)]
            let n = poll(&fds, nfds_t(fds.count), -1)
            if resized != 0 {
                resized = 0
                rl_resize_terminal()
            }
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                Interrupts.drainPrompt()
                interruptedAtPrompt = true
                return 10
            }
            if fds[0].revents != 0 {
                guard let lead = readByte() else { return -1 }
                return Int32(decode(lead))
            }
        }
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(0, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// The scalar that starts with `lead`, reading its continuation bytes.
    private static func decode(_ lead: UInt8) -> UInt32 {
        let length: Int
        switch lead {
        case 0..<0x80: return UInt32(lead)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return 0xFFFD
        }
        var bytes = [lead]
        for _ in 1..<length {
            guard let b = readByte() else { break }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
    }

    // MARK: - Completion

    /// Matches for libedit: it replaces `text` (the line from the last blank
    /// to the cursor) with the first entry, and lists the others.
    private static func complete(_ text: UnsafePointer<CChar>?, end: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1
        guard let completer, let text, let buffer = rl_line_buffer else { return nil }
        let word = Array(String(cString: text).utf8)
        let line = Array(String(cString: buffer).utf8)
        // libedit counts `end` in characters; find the cursor's byte offset.
        var cursor = line.count
        let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        if end >= 0 && end <= scalars.count {
            cursor = scalars[..<end].reduce(0) { $0 + UTF8.width($1) }
        }
        if cursor < word.count || Array(line[(cursor - word.count)..<cursor]) != word { cursor = line.count }
        guard cursor >= word.count, Array(line[(cursor - word.count)..<cursor]) == word else { return nil }
        let wordStart = cursor - word.count
        let completion = completer.complete(String(decoding: line, as: UTF8.self), cursor: cursor)
        let matches = Self.relative(completion, line: line, wordStart: wordStart)
        guard !matches.isEmpty else { return nil }
        // A space after a finished word (a verb, a value), none after `facet:` or `name=`.
        rl_completion_append_character = matches.count == 1 && Completion.endsWord(matches[0]) ? 32 : 0
        var entries = matches
        if matches.count > 1 {
            var common = commonPrefix(matches)
            if let better = completion.common,
               let relative = Self.relative(Completion(start: completion.start, candidates: [better]), line: line, wordStart: wordStart).first,
               relative.utf8.count > common.utf8.count {
                common = relative
            }
            if !common.utf8.starts(with: word) && common.utf8.count <= word.count { common = String(decoding: word, as: UTF8.self) }
            entries.insert(common, at: 0)
        }
        // Two NULLs at the end: libedit looks at matches[2] to tell a single match (which gets the append character).
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: entries.count + 2)
        for (i, entry) in entries.enumerated() { array[i] = strdup(entry) }
        array[entries.count] = nil
        array[entries.count + 1] = nil
        return array
    }

    /// The candidates rewritten to replace the text from `wordStart` instead of `completion.start`.
    static func relative(_ completion: Completion, line: [UInt8], wordStart: Int) -> [String] {
        let start = min(completion.start, line.count)
        if start >= wordStart {
            let head = String(decoding: line[wordStart..<start], as: UTF8.self)
            return completion.candidates.map { head + $0 }
        }
        let typed = Array(line[start..<wordStart])
        return completion.candidates.compactMap { candidate in
            let bytes = Array(candidate.utf8)
            guard bytes.starts(with: typed) else { return nil }
            return String(decoding: bytes[typed.count...], as: UTF8.self)
        }
    }

    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for s in strings.dropFirst() {
            let other = Array(s.unicodeScalars)
            var n = 0
            while n < prefix.count && n < other.count && prefix[n] == other[n] { n += 1 }
            prefix = Array(prefix[..<n])
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: prefix)
        return String(view)
    }
}

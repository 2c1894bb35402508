// Word wrapping of styled text for the card layouts of `table` output.

/// One word for wrapping: kept on one line unless it is wider than a line or holds East
/// Asian wide characters (see `wrap(_:toWidth:first:rest:)`).
struct WrapWord: Equatable {
    var runs: [StyledText.Run]
    /// Whether the space before the word (when it shares a line with the previous word)
    /// is highlighted: inside a highlighted phrase it is, so the phrase stays one run.
    var spaceHighlighted: Bool

    init(runs: [StyledText.Run], spaceHighlighted: Bool = false) {
        self.runs = runs.filter { !$0.text.isEmpty }
        self.spaceHighlighted = spaceHighlighted
    }

    init(plain text: String) { self.init(runs: [StyledText.Run(text: text, highlighted: false)]) }

    var width: Int { runs.reduce(0) { $0 + displayWidth($1.text) } }

    /// The word with plain `text` before its first character.
    func prepending(_ text: String) -> WrapWord {
        WrapWord(runs: [StyledText.Run(text: text, highlighted: false)] + runs, spaceHighlighted: spaceHighlighted)
    }

    /// The word with plain `text` after its last character.
    func appending(_ text: String) -> WrapWord {
        WrapWord(runs: runs + [StyledText.Run(text: text, highlighted: false)], spaceHighlighted: spaceHighlighted)
    }
}

extension StyledText {
    /// The words of the text, split at spaces; runs of spaces count as one.
    var words: [WrapWord] {
        var words: [WrapWord] = []
        var current: [Run] = []
        var currentSpace = false
        var separator: Bool? = nil
        func endWord() {
            if !current.isEmpty { words.append(WrapWord(runs: current, spaceHighlighted: currentSpace)) }
            current = []
        }
        for run in runs {
            for character in run.text {
                if character == " " {
                    endWord()
                    if separator == nil { separator = run.highlighted }
                    continue
                }
                if current.isEmpty {
                    currentSpace = separator ?? false
                    separator = nil
                }
                if let last = current.last, last.highlighted == run.highlighted {
                    current[current.count - 1].text.append(character)
                } else {
                    current.append(Run(text: String(character), highlighted: run.highlighted))
                }
            }
        }
        endWord()
        return words
    }
}

/// One wrapped line: its prefix (indent, or the start of a card line) and its text.
struct WrappedLine: Equatable {
    var prefix: String
    var text: StyledText

    /// The line for a terminal: highlights in bold yellow with color; with `dim`, everything
    /// after the leading spaces dimmed (with color only).
    func terminalText(color: Bool, dim: Bool = false) -> String {
        let line = prefix + text.terminalText(color: color)
        guard color, dim else { return trimmingTrailingSpaces(line) }
        let indent = line.prefix { $0 == " " }
        let body = trimmingTrailingSpaces(String(line.dropFirst(indent.count)))
        guard !body.isEmpty else { return "" }
        return indent + ANSI.dim + body + ANSI.reset
    }
}

/// Words on lines of at most `width` columns, each line starting with a prefix: `first`
/// on the first line, `rest` on the others (a prefix that leaves no room is left out).
/// No words: no lines.
///
/// Lines break at spaces. A word wider than a line, or with East Asian wide characters
/// (Chinese, Japanese and Korean text breaks between characters), is broken between
/// grapheme clusters, never so that a line starts with closing punctuation (`、` `。` `」` …)
/// when the character before it can move along.
func wrap(_ words: [WrapWord], toWidth width: Int, first: String = "", rest: String = "") -> [WrappedLine] {
    let width = max(1, width)
    func fitted(_ prefix: String) -> String { displayWidth(prefix) < width ? prefix : "" }
    let first = fitted(first), rest = fitted(rest)
    var lines: [WrappedLine] = []
    var runs: [StyledText.Run] = []
    var used = 0
    var prefix: String { lines.isEmpty ? first : rest }
    var available: Int { width - displayWidth(prefix) }
    func append(_ run: StyledText.Run) {
        if let last = runs.last, last.highlighted == run.highlighted {
            runs[runs.count - 1].text += run.text
        } else {
            runs.append(run)
        }
        used += displayWidth(run.text)
    }
    func endLine() {
        lines.append(WrappedLine(prefix: prefix, text: StyledText(runs: runs)))
        runs = []
        used = 0
    }
    /// Takes the line's last character off, when it is not all the line holds.
    func takeLast() -> StyledText.Run? {
        guard let last = runs.last, let character = last.text.last, character != " ",
              !noLineStart.contains(character), runs.count > 1 || last.text.count > 1 else { return nil }
        runs[runs.count - 1].text.removeLast()
        if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
        used -= displayWidth(of: character)
        return StyledText.Run(text: String(character), highlighted: last.highlighted)
    }
    for word in words {
        let wordWidth = word.width
        let breaksAnywhere = word.runs.contains { $0.text.contains { isWide($0.unicodeScalars.first?.value ?? 0) } }
        if used > 0 {
            if used + 1 + wordWidth <= available {
                append(StyledText.Run(text: " ", highlighted: word.spaceHighlighted))
                word.runs.forEach(append)
                continue
            }
            let firstWidth = word.runs.first?.text.first.map { displayWidth(of: $0) } ?? 0
            if breaksAnywhere && used + 1 + firstWidth <= available {
                append(StyledText.Run(text: " ", highlighted: word.spaceHighlighted))
            } else {
                endLine()
            }
        }
        if !breaksAnywhere && wordWidth <= available {
            word.runs.forEach(append)
            continue
        }
        for run in word.runs {
            for character in run.text {
                let characterWidth = displayWidth(of: character)
                if used > 0 && used + characterWidth > available {
                    let carried = noLineStart.contains(character) ? takeLast() : nil
                    endLine()
                    if let carried { append(carried) }
                }
                append(StyledText.Run(text: String(character), highlighted: run.highlighted))
            }
        }
    }
    if used > 0 || !runs.isEmpty { endLine() }
    return lines
}

/// Closing punctuation that should not start a line.
let noLineStart: Set<Character> = [
    "、", "。", "，", "．", "・", "：", "；", "！", "？", "」", "』", "）", "］", "｝", "〕", "〉", "》", "】",
    "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ",
    ",", ".", ":", ";", "!", "?", ")", "]", "}", "”", "’", "…",
]

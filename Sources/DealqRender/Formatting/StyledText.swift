/// Cell text for people: runs of plain and highlighted text on one line.
///
/// Built from a cell's text with line breaks and tabs turned into spaces and other
/// control characters removed, so that widths and alignment hold.
struct StyledText: Equatable {
    struct Run: Equatable {
        var text: String
        var highlighted: Bool
    }

    var runs: [Run]

    init(runs: [Run]) { self.runs = runs.filter { !$0.text.isEmpty } }

    /// Text without highlights.
    init(plain text: String) {
        self.init(runs: [Run(text: oneLine(text), highlighted: false)])
    }

    /// Snippet text with highlights between `Cell.highlightStart` and `Cell.highlightEnd`.
    /// Unbalanced markers are tolerated: a start turns highlighting on, an end turns it off.
    init(snippet text: String) {
        var runs: [Run] = []
        var current = ""
        var highlighted = false
        for character in text {
            if character == Cell.highlightStart || character == Cell.highlightEnd {
                let on = character == Cell.highlightStart
                if on != highlighted {
                    runs.append(Run(text: oneLine(current), highlighted: highlighted))
                    current = ""
                    highlighted = on
                }
            } else {
                current.append(character)
            }
        }
        runs.append(Run(text: oneLine(current), highlighted: highlighted))
        self.init(runs: runs)
    }

    var plain: String { runs.map(\.text).joined() }

    var width: Int { runs.reduce(0) { $0 + displayWidth($1.text) } }

    /// At most `width` columns; when cut, ends in `…` (plain).
    func truncated(toWidth limit: Int) -> StyledText {
        guard width > limit else { return self }
        guard limit > 0 else { return StyledText(runs: []) }
        var budget = limit - 1
        var kept: [Run] = []
        outer: for run in runs {
            var text = ""
            for character in run.text {
                let w = displayWidth(of: character)
                if w > budget { kept.append(Run(text: text, highlighted: run.highlighted)); break outer }
                budget -= w
                text.append(character)
            }
            kept.append(Run(text: text, highlighted: run.highlighted))
        }
        // Don't leave a space right before the ellipsis.
        while let last = kept.last, last.text.last == " " {
            kept[kept.count - 1].text.removeLast()
            if kept[kept.count - 1].text.isEmpty { kept.removeLast() }
        }
        kept.append(Run(text: "…", highlighted: false))
        return StyledText(runs: kept)
    }

    /// The text with highlights as ANSI bold yellow, or plain without color.
    func terminalText(color: Bool) -> String {
        guard color else { return plain }
        return runs.map { $0.highlighted ? ANSI.highlight + $0.text + ANSI.reset : $0.text }.joined()
    }
}

enum ANSI {
    static let highlight = "\u{1B}[1;33m"
    static let dim = "\u{1B}[2m"
    static let reset = "\u{1B}[0m"
}

/// Line breaks and tabs become spaces; other control characters (and highlight markers) go.
func oneLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
    var out = ""
    for character in text {
        if character == "\r\n" || character == "\n" || character == "\r" || character == "\t" {
            out.append(" ")
        } else if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                  scalar.value < 0x20 || scalar.value == 0x7F {
            continue
        } else {
            out.append(character)
        }
    }
    return out
}

/// Snippet text without highlight markers.
func removingHighlightMarkers(_ text: String) -> String {
    guard text.contains(Cell.highlightStart) || text.contains(Cell.highlightEnd) else { return text }
    return String(text.filter { $0 != Cell.highlightStart && $0 != Cell.highlightEnd })
}

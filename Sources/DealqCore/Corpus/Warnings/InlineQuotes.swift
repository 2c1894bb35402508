/// Buyer words written inline (`Priya said: "…"`, `- "…" (Priya)`) in a
/// section about an interview or a call that has no block quote: by the
/// contract only block quotes are quotes, so these words are searchable text
/// but never show up in `quotes` queries.
enum InlineQuotes {
    static let message = "quoted speech outside a block quote is not a buyer quote; "
        + "write it as a block quote ('> \"…\"') with '> — Speaker, source, YYYY-MM-DD' under it"

    /// Whether a section heading names an interview, a call or a conversation with the buyer.
    static func isConversationSection(_ heading: String) -> Bool {
        // Words of ASCII letters (other bytes of UTF-8 letters kept inside words), compared as bytes: headings are many.
        let words = heading.lowercased().utf8.split { !(($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80) }.map { String(Substring($0)) }
        if words.contains(where: conversationWords.contains) { return true }
        return conversationPhrases.contains { phrase in
            words.count >= phrase.count && (0...(words.count - phrase.count)).contains { words[$0..<($0 + phrase.count)].elementsEqual(phrase) }
        }
    }

    static let conversationWords: Set<String> = [
        "interview", "interviews", "call", "calls", "conversation", "conversations", "debrief", "quotes", "transcript", "voc",
    ]

    static let conversationPhrases: [[String]] = [
        ["voice", "of", "the", "customer"], ["voice", "of", "customer"], ["in", "their", "words"], ["in", "their", "own", "words"],
    ]

    /// Words that, right before a quoted passage, say it is someone's speech.
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "asked", "added", "wrote", "explained", "noted", "replied", "answered",
        "commented", "admitted", "complained", "insisted", "stated", "remarked", "put",
    ]

    /// The column (counted from 1, in Unicode scalars) of the opening mark of
    /// the first passage of speech on `line`, or nil. Speech is at least three
    /// words in straight or curly double quotes that open the line (after a
    /// list marker), follow a colon, or follow a speech verb (`said "…"`,
    /// `told us "…"`); a phrase quoted inside a sentence (`described as "the
    /// safe choice"`) is not speech.
    static func speechColumn(in line: Substring) -> Int? {
        guard hasQuoteMark(line.utf8) else { return nil }
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "\"" || scalars[i] == "\u{201C}" else { i += 1; continue }
            guard let close = scalars[(i + 1)...].firstIndex(where: { $0 == "\"" || $0 == "\u{201D}" }) else { return nil }
            let inside = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            let before = String(String.UnicodeScalarView(scalars[..<i]))
            if inside.split(whereSeparator: \.isWhitespace).count >= 3, introducesSpeech(before) { return i + 1 }
            i = close + 1
        }
        return nil
    }

    /// Whether a line holds `"` or `“` (E2 80 9C in UTF-8), looked for in its bytes.
    static func hasQuoteMark(_ bytes: Substring.UTF8View) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            if byte == 0x22 || (byte == 0x9C && previous == (0xE2, 0x80)) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Whether the text before a quoted passage makes it speech: nothing but a
    /// list marker, a colon, or a speech verb (with `us`, `me`, `it` or a comma after it).
    static func introducesSpeech(_ before: String) -> Bool {
        var text = Substring(before).drop { $0 == " " || $0 == "\t" }
        if let marker = text.first, "-*+".contains(marker) { text = text.dropFirst() } else {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == "." || after == ")" {
                text = text.dropFirst(digits.count + 1)
            }
        }
        let trimmed = text.trimmingSuffix { $0 == " " || $0 == "\t" }
        if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) || trimmed.hasSuffix(":") { return true }
        // Only the last two words (runs of letters) decide: they are read from the end, so a
        // long paragraph before a quote is not split into words.
        let lower = trimmed.lowercased()
        let words = lastWords(lower, 2)
        var last = words.first
        if let word = last, ["us", "me", "it", "them", "that"].contains(word) { last = words.count > 1 ? words[1] : nil }
        return last.map(speechVerbs.contains) ?? false
    }

    /// Up to `count` last runs of letters of `text`, the last first (as `split { !$0.isLetter }` has them).
    static func lastWords(_ text: String, _ count: Int) -> [String] {
        var words: [String] = []
        var i = text.endIndex
        while words.count < count {
            while i > text.startIndex, !text[text.index(before: i)].isLetter { i = text.index(before: i) }
            guard i > text.startIndex else { break }
            let end = i
            while i > text.startIndex, text[text.index(before: i)].isLetter { i = text.index(before: i) }
            words.append(String(text[i..<end]))
        }
        return words
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, predicate(last) { s = s.dropLast() }
        return s
    }
}

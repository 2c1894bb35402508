import Foundation
import GRDB
import GRDBSQLite

/// `dealq_snippet(deal_fts, column, open, close, ellipsis, tokens)`: the
/// snippet FTS5's own `snippet()` makes (the same window, the same text, byte
/// for byte) in time linear in the size of the deal.
///
/// FTS5's `snippet()` scores a window at each phrase instance, and at the start
/// of the sentence around it, by reading every instance of the row again, and
/// finds that sentence by reading every sentence start again: for a deal with
/// n instances and s sentences, n × (n + s) steps (a 4 MB deal mentioning its
/// term every few lines: 13 s). Instances come in position order, so the
/// instances inside a window that slides forward are a range that slides
/// forward too: here every window's score comes from counts kept up to date as
/// the range moves, and the sentence start from a pointer that only moves
/// forward. The highlighting pass stops after the window.
enum SnippetFunction {
    static let name = "dealq_snippet"

    /// Registers the function on the connection, unless it already has it.
    static func register(_ db: Database) {
        var probe: OpaquePointer?
        let code = sqlite3_prepare_v2(db.sqliteConnection, "SELECT \(name)(deal_fts, 0, '', '', '', 1) FROM deal_fts WHERE 0",
                                      -1, &probe, nil)
        sqlite3_finalize(probe)
        guard code != SQLITE_OK else { return }
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, snippetFunction, nil)
    }
}

/// The instances of the row's phrases in one column, in FTS5's order, and the
/// size of each phrase in tokens.
private struct Instances {
    var phrases: [Int] = []
    var offsets: [Int] = []
    var phraseSizes: [Int] = []

    var isSorted: Bool { zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 } }
    var count: Int { offsets.count }
    /// The token after the instance's last one.
    func end(_ i: Int) -> Int { offsets[i] + phraseSizes[phrases[i]] }
}

/// The instances inside the window `[start, start + tokens)` as the window
/// moves forward: a range of instance indexes, and how many of each phrase.
private struct SlidingWindow {
    let instances: Instances
    let tokens: Int
    var low = 0
    var high = 0
    var perPhrase: [Int]
    var distinct = 0

    init(_ instances: Instances, tokens: Int) {
        self.instances = instances
        self.tokens = tokens
        perPhrase = Array(repeating: 0, count: instances.phraseSizes.count)
    }

    /// FTS5's score of the window starting at `start` (never before the last
    /// start), and where its snippet starts once centred on its instances.
    mutating func score(at start: Int, documentSize: Int) -> (score: Int, adjusted: Int) {
        let end = start + tokens
        while high < instances.count, instances.offsets[high] < end {
            add(high, 1)
            high += 1
        }
        while low < high, instances.offsets[low] < start {
            add(low, -1)
            low += 1
        }
        let count = high - low
        let score = 1000 * distinct + (count - distinct)
        let first = count > 0 ? instances.offsets[low] : -1
        let last = count > 0 ? instances.end(high - 1) : 0
        var adjusted = first - (tokens - (last - first)) / 2
        if adjusted + tokens > documentSize { adjusted = documentSize - tokens }
        return (score, max(adjusted, 0))
    }

    private mutating func add(_ i: Int, _ delta: Int) {
        let phrase = instances.phrases[i]
        if perPhrase[phrase] == 0 { distinct += 1 }
        perPhrase[phrase] += delta
        if perPhrase[phrase] == 0 { distinct -= 1 }
    }
}

/// FTS5's window score read the slow way, for instances out of position order.
private func directScore(_ instances: Instances, start: Int, tokens: Int, documentSize: Int) -> (score: Int, adjusted: Int) {
    var seen = Set<Int>()
    var score = 0, first = -1, last = 0
    for i in 0..<instances.count where instances.offsets[i] >= start && instances.offsets[i] < start + tokens {
        score += seen.insert(instances.phrases[i]).inserted ? 1000 : 1
        if first < 0 { first = instances.offsets[i] }
        last = instances.end(i)
    }
    var adjusted = first - (tokens - (last - first)) / 2
    if adjusted + tokens > documentSize { adjusted = documentSize - tokens }
    return (score, max(adjusted, 0))
}

/// Tokens whose position starts a sentence (after `.` or `:` and white space), as FTS5 finds them.
private final class SentenceFinder {
    let text: UnsafePointer<CChar>
    var position = 0
    var firsts: [Int] = []
    init(_ text: UnsafePointer<CChar>) { self.text = text }
}

private let sentenceCallback: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32 = {
    context, flags, _, _, start, _ in
    guard let context else { return SQLITE_ERROR }
    if flags & FTS5_TOKEN_COLOCATED != 0 { return SQLITE_OK }
    let finder = Unmanaged<SentenceFinder>.fromOpaque(context).takeUnretainedValue()
    if finder.position > 0 {
        var i = Int(start) - 1
        var c: CChar = 0
        while i >= 0 {
            c = finder.text[i]
            if c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { break }
            i -= 1
        }
        if i != Int(start) - 1 && (c == 0x2E || c == 0x3A) { finder.firsts.append(finder.position) }
    } else {
        finder.firsts.append(0)
    }
    finder.position += 1
    return SQLITE_OK
}

/// The highlighting pass over the window: FTS5's highlight callback, which
/// copies the window's text and marks the (coalesced) phrase instances.
private final class Highlighter {
    let text: UnsafePointer<CChar>
    let open: [UInt8]
    let close: [UInt8]
    let instances: Instances
    var rangeStart = 0
    var rangeEnd = -1
    var offset = 0
    var position = 0
    var out: [UInt8] = []
    /// The coalesced instance the pass is at (start -1: none left).
    var next = 0
    var start = -1
    var end = -1

    init(text: UnsafePointer<CChar>, open: [UInt8], close: [UInt8], instances: Instances) {
        self.text = text
        self.open = open
        self.close = close
        self.instances = instances
        advance()
    }

    /// The next run of overlapping instances.
    func advance() {
        start = -1
        end = -1
        while next < instances.count {
            let io = instances.offsets[next]
            let last = instances.end(next) - 1
            if start < 0 {
                start = io
                end = last
            } else if io <= end {
                end = max(end, last)
            } else {
                break
            }
            next += 1
        }
    }

    /// Appends text bytes as `%.*s` does: up to the first NUL.
    func append(_ from: Int, _ to: Int) {
        guard to > from else { return }
        let buffer = UnsafeRawBufferPointer(start: text + from, count: to - from)
        if let nul = buffer.firstIndex(of: 0) {
            out.append(contentsOf: buffer[..<nul])
        } else {
            out.append(contentsOf: buffer)
        }
    }

    func token(start tokenStart: Int, end tokenEnd: Int) -> Int32 {
        let here = position
        position += 1
        if rangeEnd > 0 {
            if here < rangeStart { return SQLITE_OK }
            if here > rangeEnd { return SQLITE_DONE }
            if rangeStart != 0 && here == rangeStart { offset = tokenStart }
        }
        if here == start {
            append(offset, tokenStart)
            out += open
            offset = tokenStart
        }
        if here == end {
            if rangeEnd != 0 && start < rangeStart { out += open }
            append(offset, tokenEnd)
            out += close
            offset = tokenEnd
            advance()
        }
        if rangeEnd > 0 && here == rangeEnd {
            append(offset, tokenEnd)
            offset = tokenEnd
            if here >= start && here < end { out += close }
        }
        return SQLITE_OK
    }
}

private let highlightCallback: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32 = {
    context, flags, _, _, start, end in
    guard let context else { return SQLITE_ERROR }
    if flags & FTS5_TOKEN_COLOCATED != 0 { return SQLITE_OK }
    return Unmanaged<Highlighter>.fromOpaque(context).takeUnretainedValue().token(start: Int(start), end: Int(end))
}

private func textArgument(_ value: OpaquePointer?) -> [UInt8] {
    guard let text = sqlite3_value_text(value) else { return [] }
    return Array(UnsafeBufferPointer(start: text, count: Int(strlen(text))))
}

private let snippetFunction: fts5_extension_function = { apiPointer, fts, context, count, values in
    guard let api = apiPointer?.pointee, let values, count == 5 else {
        sqlite3_result_error(context, "wrong number of arguments to function snippet()", -1)
        return
    }
    let code = makeSnippet(api, fts, column: Int(sqlite3_value_int(values[0])), open: textArgument(values[1]),
                           close: textArgument(values[2]), ellipsis: textArgument(values[3]),
                           tokens: Int(sqlite3_value_int(values[4])), context: context)
    if code != SQLITE_OK { sqlite3_result_error_code(context, code) }
}

private func makeSnippet(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?, column: Int, open: [UInt8], close: [UInt8],
                         ellipsis: [UInt8], tokens: Int, context: OpaquePointer?) -> Int32 {
    guard let xInstCount = api.xInstCount, let xInst = api.xInst, let xPhraseCount = api.xPhraseCount,
          let xPhraseSize = api.xPhraseSize, let xColumnText = api.xColumnText, let xColumnSize = api.xColumnSize,
          let xTokenize = api.xTokenize else { return SQLITE_ERROR }
    var rc = SQLITE_OK
    var instanceCount: Int32 = 0
    rc = xInstCount(fts, &instanceCount)
    guard rc == SQLITE_OK else { return rc }
    var instances = Instances()
    instances.phraseSizes = (0..<xPhraseCount(fts)).map { Int(xPhraseSize(fts, $0)) }
    for i in 0..<instanceCount {
        var phrase: Int32 = 0, instanceColumn: Int32 = 0, offset: Int32 = 0
        rc = xInst(fts, i, &phrase, &instanceColumn, &offset)
        guard rc == SQLITE_OK else { return rc }
        if Int(instanceColumn) == column {
            instances.phrases.append(Int(phrase))
            instances.offsets.append(Int(offset))
        }
    }

    var text: UnsafePointer<CChar>?
    var textSize: Int32 = 0
    rc = xColumnText(fts, Int32(column), &text, &textSize)
    guard rc == SQLITE_OK else { return rc }
    guard let text else {
        sqlite3_result_text(context, "", 0, nil)
        return SQLITE_OK
    }
    let finder = SentenceFinder(text)
    rc = xTokenize(fts, text, textSize, Unmanaged.passUnretained(finder).toOpaque(), sentenceCallback)
    guard rc == SQLITE_OK else { return rc }
    var documentSize: Int32 = 0
    rc = xColumnSize(fts, Int32(column), &documentSize)
    guard rc == SQLITE_OK else { return rc }
    let size = Int(documentSize)

    // The best window: FTS5's candidates in FTS5's order, the first best kept.
    var bestScore = 0
    var bestStart = 0
    let sorted = instances.isSorted
    var atInstance = SlidingWindow(instances, tokens: tokens)
    var atSentence = SlidingWindow(instances, tokens: tokens)
    var sentence = 0
    let firsts = finder.firsts
    for i in 0..<instances.count {
        let offset = instances.offsets[i]
        if offset > size { return SQLITE_CORRUPT | (1 << 8) }
        let (score, adjusted) = sorted ? atInstance.score(at: offset, documentSize: size)
            : directScore(instances, start: offset, tokens: tokens, documentSize: size)
        if score > bestScore {
            bestScore = score
            bestStart = adjusted
        }
        guard !firsts.isEmpty, size > tokens else { continue }
        if !sorted { sentence = 0 }
        while sentence < firsts.count - 1, firsts[sentence + 1] <= offset { sentence += 1 }
        let first = firsts[sentence]
        guard first < offset else { continue }
        var (sentenceScore, _) = sorted ? atSentence.score(at: first, documentSize: size)
            : directScore(instances, start: first, tokens: tokens, documentSize: size)
        sentenceScore += first == 0 ? 120 : 100
        if sentenceScore > bestScore {
            bestScore = sentenceScore
            bestStart = first
        }
    }

    let highlighter = Highlighter(text: text, open: open, close: close, instances: instances)
    highlighter.rangeStart = bestStart
    highlighter.rangeEnd = bestStart + tokens - 1
    if bestStart > 0 { highlighter.out += ellipsis }
    while highlighter.start >= 0 && highlighter.start < bestStart { highlighter.advance() }
    rc = xTokenize(fts, text, textSize, Unmanaged.passUnretained(highlighter).toOpaque(), highlightCallback)
    guard rc == SQLITE_OK || rc == SQLITE_DONE else { return rc }
    if highlighter.rangeEnd >= size - 1 {
        highlighter.append(highlighter.offset, Int(textSize))
    } else {
        highlighter.out += ellipsis
    }
    var out = highlighter.out
    out.append(0)
    out.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { characters in
            // Length -1: up to the first NUL, as FTS5 returns its text.
            sqlite3_result_text(context, characters.baseAddress, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }
    return SQLITE_OK
}

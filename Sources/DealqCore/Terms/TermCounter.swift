import Foundation
import GRDB

/// Counts a deal's terms over the UTF-8 bytes of its text, as `TermTokenizer`
/// splits and stems them, without a `String` per word: words already met are
/// looked up by their bytes; strings are made once for each new spelling and
/// each new pair, and the index's tokenizer runs only on new words and on
/// runs of text that hold non-ASCII characters.
///
/// The index's tokenizer (unicode61) treats every ASCII character but a
/// letter or a digit as a separator, and stems each token on its own
/// (porter). So a run of ASCII letters and digits between separators is one
/// token whose spelling is its lower-case bytes and whose stem depends on
/// nothing else; other runs between ASCII separators go to the tokenizer,
/// which gives the same tokens as it does in the whole text.
struct TermCounter {
    private let stopStems: Set<String>
    /// Word keys → term ids: an ASCII word's lower-case bytes; otherwise its
    /// bytes as written, 0xFF (never in UTF-8) and its stem.
    private var words = ByteKeyTable()
    /// Pairs of neighbouring term ids → the id of the two-word term.
    private var pairs = PairTable()
    /// Each term once, whatever the keys that lead to it.
    private var ids: [DealTerms.Spelling: Int32] = [:]
    private var terms: [DealTerms.Spelling] = []
    private var isStop: [Bool] = []
    /// The counts of the texts being counted, by term id, and the ids counted, in order.
    private var counts: [Int32] = []
    private var counted: [Int32] = []
    /// The term before the current one, -1 at the start of a text or after a stop word.
    private var previous: Int32 = -1

    /// Past this many terms (words and pairs) learnt, the tables start afresh:
    /// a bound on memory for a corpus of many distinct words.
    private let limit: Int

    /// This counter's numbering of terms, different from every other counter's
    /// (and from its own after it starts afresh).
    private(set) var source: Int

    init(stopStems: Set<String>, limit: Int = 1 << 20) {
        self.stopStems = stopStems
        self.limit = limit
        source = Self.newSource()
    }

    nonisolated(unsafe) private static var sources = 0
    private static let lock = NSLock()

    private static func newSource() -> Int {
        lock.lock()
        defer { lock.unlock() }
        sources += 1
        return sources
    }

    /// How many terms (words and pairs) the tables hold.
    var learnt: Int { terms.count }

    /// The terms of `texts`, each text on its own (a pair never spans two),
    /// counted together, in the order they first occur.
    mutating func count(_ texts: [String], porter: any FTS5Tokenizer) -> [DealTerms.Count] {
        if terms.count > limit { self = TermCounter(stopStems: stopStems, limit: limit) }
        for text in texts {
            previous = -1
            var text = text
            text.withUTF8 { scan(UnsafeRawBufferPointer($0), porter) }
        }
        var result: [DealTerms.Count] = []
        result.reserveCapacity(counted.count)
        for id in counted {
            result.append(DealTerms.Count(term: terms[Int(id)], count: counts[Int(id)], local: id))
            counts[Int(id)] = 0
        }
        counted.removeAll(keepingCapacity: true)
        return result
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    private mutating func scan(_ text: UnsafeRawBufferPointer, _ porter: any FTS5Tokenizer) {
        let n = text.count
        var i = 0
        while i < n {
            let byte = text[i]
            if byte < 0x80 && !Self.isWordByte(byte) { i += 1; continue }
            let start = i
            var ascii = true
            while i < n {
                let byte = text[i]
                if byte >= 0x80 { ascii = false } else if !Self.isWordByte(byte) { break }
                i += 1
            }
            let run = UnsafeRawBufferPointer(rebasing: text[start..<i])
            if ascii, let id = words.value(for: run, hash: ByteKeyTable.hash(run, folding: true), folding: true) {
                add(id)
            } else {
                tokenize(run, porter)
            }
        }
    }

    /// Counts the tokens the index's tokenizer finds in `run`.
    private mutating func tokenize(_ run: UnsafeRawBufferPointer, _ porter: any FTS5Tokenizer) {
        TermTokenizer.tokenize(porter, run) { stem, iStart, iEnd in
            let start = max(0, min(iStart, run.count)), end = max(start, min(iEnd, run.count))
            add(id(written: UnsafeRawBufferPointer(rebasing: run[start..<end]), stem: stem))
        }
    }

    /// The id of a token written as `written`, learnt when new.
    private mutating func id(written: UnsafeRawBufferPointer, stem: UnsafeRawBufferPointer) -> Int32 {
        if written.allSatisfy({ $0 < 0x80 }) {
            let hash = ByteKeyTable.hash(written, folding: true)
            if let id = words.value(for: written, hash: hash, folding: true) { return id }
            let id = learn(DealTerms.Spelling(spelling: Spelling.lowercased(written), stem: String(decoding: stem, as: UTF8.self)))
            words.insert(written, hash: hash, folding: true, value: id)
            return id
        }
        var key = Array(written)
        key.append(0xFF)
        key.append(contentsOf: stem)
        return key.withUnsafeBytes { key in
            let hash = ByteKeyTable.hash(key, folding: false)
            if let id = words.value(for: key, hash: hash, folding: false) { return id }
            let id = learn(DealTerms.Spelling(spelling: Spelling.lowercased(written), stem: String(decoding: stem, as: UTF8.self)))
            words.insert(key, hash: hash, folding: false, value: id)
            return id
        }
    }

    private mutating func learn(_ term: DealTerms.Spelling) -> Int32 {
        if let id = ids[term] { return id }
        let id = newTerm(term, stop: stopStems.contains(term.stem))
        ids[term] = id
        return id
    }

    private mutating func newTerm(_ term: DealTerms.Spelling, stop: Bool) -> Int32 {
        terms.append(term)
        isStop.append(stop)
        counts.append(0)
        return Int32(terms.count - 1)
    }

    @inline(__always)
    private mutating func add(_ id: Int32) {
        guard !isStop[Int(id)] else { previous = -1; return }
        bump(id)
        if previous >= 0 {
            let key = PairTable.key(previous, id)
            if let pair = pairs.value(for: key) {
                bump(pair)
            } else {
                let (first, second) = (terms[Int(previous)], terms[Int(id)])
                let pair = newTerm(DealTerms.Spelling(spelling: first.spelling + " " + second.spelling,
                                                      stem: first.stem + " " + second.stem), stop: false)
                pairs.insert(key, value: pair)
                bump(pair)
            }
        }
        previous = id
    }

    @inline(__always)
    private mutating func bump(_ id: Int32) {
        if counts[Int(id)] == 0 { counted.append(id) }
        counts[Int(id)] += 1
    }
}

/// "Did you mean …?" for facet names, column names and values.
///
/// Candidates are compared case-insensitively by Damerau–Levenshtein distance
/// (insertions, deletions, substitutions and transpositions of adjacent
/// Characters, each costing 1). A candidate is close when its distance is at
/// most ``threshold(for:)``, or when it starts with the typed text (at least
/// two characters typed), so `comp` finds `competitor`.
public enum Suggest {
    /// The largest distance still worth suggesting for a typed word: 1 up to
    /// 4 characters, 2 up to 8, then 3.
    public static func threshold(for word: String) -> Int {
        switch word.count {
        case ...4: return 1
        case ...8: return 2
        default: return 3
        }
    }

    /// The single best candidate for `word`, or nil when none is close.
    /// An exact case-insensitive match is returned as is.
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String?
    where S.Element == String {
        matches(for: word, among: candidates, limit: 1).first
    }

    /// Close candidates, best first: exact (case-insensitive) matches, then by
    /// distance, with prefix matches ranked as distance 1; ties go to prefix
    /// matches, then shorter candidates, then code-point order. Duplicates
    /// are dropped.
    public static func matches<S: Sequence>(for word: String, among candidates: S, limit: Int = 3) -> [String]
    where S.Element == String {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty, limit > 0 else { return [] }
        let maximum = threshold(for: word)
        var scored: [(score: Int, isPrefix: Bool, candidate: String)] = []
        var seen: Set<String> = []
        for candidate in candidates where seen.insert(candidate).inserted {
            let lowered = Array(candidate.lowercased())
            var score = Int.max
            let isPrefix = typed.count >= 2 && lowered.starts(with: typed)
            if lowered == typed {
                score = 0
            } else {
                let d = distance(typed, lowered, atMost: maximum)
                if d <= maximum { score = d }
                if isPrefix { score = min(score, 1) }
            }
            if score != Int.max { scored.append((score, isPrefix, candidate)) }
        }
        scored.sort { a, b in
            if a.score != b.score { return a.score < b.score }
            if a.isPrefix != b.isPrefix { return a.isPrefix }
            if a.candidate.count != b.candidate.count { return a.candidate.count < b.candidate.count }
            return a.candidate.unicodeScalars.lexicographicallyPrecedes(b.candidate.unicodeScalars)
        }
        return scored.prefix(limit).map(\.candidate)
    }

    /// Damerau–Levenshtein distance between two strings, case-insensitive.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased()), Array(b.lowercased()), atMost: Int.max)
    }

    /// Unrestricted Damerau–Levenshtein (Lowrance–Wagner); stops early and
    /// returns a value above `bound` when the length gap already exceeds it.
    static func distance(_ a: [Character], _ b: [Character], atMost bound: Int) -> Int {
        if abs(a.count - b.count) > bound { return bound == Int.max ? abs(a.count - b.count) : bound + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let infinity = a.count + b.count
        let width = b.count + 2
        var d = [Int](repeating: 0, count: (a.count + 2) * width)
        d[0] = infinity
        for i in 0...a.count {
            d[(i + 1) * width] = infinity
            d[(i + 1) * width + 1] = i
        }
        for j in 0...b.count {
            d[j + 1] = infinity
            d[width + j + 1] = j
        }
        var lastRow: [Character: Int] = [:]
        for i in 1...a.count {
            var lastMatchColumn = 0
            for j in 1...b.count {
                let i1 = lastRow[b[j - 1]] ?? 0
                let j1 = lastMatchColumn
                let cost: Int
                if a[i - 1] == b[j - 1] {
                    cost = 0
                    lastMatchColumn = j
                } else {
                    cost = 1
                }
                d[(i + 1) * width + j + 1] = min(
                    d[i * width + j] + cost,
                    d[(i + 1) * width + j] + 1,
                    d[i * width + j + 1] + 1,
                    d[i1 * width + j1] + (i - i1 - 1) + 1 + (j - j1 - 1))
            }
            lastRow[a[i - 1]] = i
        }
        return d[(a.count + 1) * width + b.count + 1]
    }
}

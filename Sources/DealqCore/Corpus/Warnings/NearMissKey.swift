import DealqLanguage
import Foundation

/// Warnings for keys that look like built-in ones but are not: a custom
/// top-level key such as `amount`, `competitor_selected` or `outcom` is
/// indexed as a custom field, and an unknown key inside `competitors`, `crm`,
/// a driver or an insight is ignored. Either way the value the writer meant
/// is not where queries look for it.
enum NearMissKey {
    /// The warning for a custom top-level key that looks like a built-in field, or nil.
    static func warning(key: String) -> String? {
        guard let builtin = answers.builtin(near: key) else { return nil }
        return "custom key '\(key)' looks like a built-in field; write it as \(builtin.advice)"
    }

    /// The warning for a key under a built-in mapping or list item that the
    /// reader does not know (so it is ignored), or nil for a known key.
    static func nestedWarning(key: String, under parent: String) -> String? {
        guard let known = BuiltinKey.nestedKeys[parent], !known.contains(key) else { return nil }
        let normalized = KeySynonyms.normalized(key)
        let meant = KeySynonyms.nested[parent]?[normalized] ?? closest(to: normalized, among: known)
        if let meant {
            return "key '\(key)' under '\(parent)' is ignored; write it as '\(meant):'"
        }
        let list = known.map { "'\($0)'" }.joined(separator: ", ")
        return "key '\(key)' under '\(parent)' is ignored (the keys read there are \(list))"
    }

    /// The built-in field a custom key most likely means: a known synonym or
    /// column name, else a built-in key or column name within the
    /// suggestion distance (case and separators ignored), else a synonym one
    /// edit away.
    static func builtin(near key: String) -> BuiltinKey? {
        let normalized = KeySynonyms.normalized(key)
        if let builtin = KeySynonyms.topLevel[normalized] { return builtin }
        let spellings = BuiltinKey.spellings
        if let name = closest(to: normalized, among: spellings.map(\.0)),
           let builtin = spellings.first(where: { $0.0 == name })?.1 {
            return builtin
        }
        guard normalized.count >= 5 else { return nil }
        let synonym = KeySynonyms.sortedNames.first { abs($0.count - normalized.count) <= 1 && Suggest.distance(normalized, $0) <= 1 }
        return synonym.flatMap { KeySynonyms.topLevel[$0] }
    }

    /// The candidate nearest to `word` within the suggestion distance for its
    /// length (ties to the earlier candidate), or nil.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = Suggest.threshold(for: word)
        var best: (distance: Int, name: String)?
        for candidate in candidates where abs(candidate.count - word.count) <= limit {
            let d = Suggest.distance(word, candidate)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (d, candidate) }
        }
        return best?.name
    }

    /// The answers for the custom keys seen so far: a corpus repeats a few
    /// custom keys in every file, and files are read on many threads.
    private static let answers = Answers()

    private final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: BuiltinKey?] = [:]

        func builtin(near key: String) -> BuiltinKey? {
            if let answer = lock.withLock({ known[key] }) { return answer }
            let answer = NearMissKey.builtin(near: key)
            lock.withLock { if known.count < 10_000 { known[key] = answer } }
            return answer
        }
    }
}

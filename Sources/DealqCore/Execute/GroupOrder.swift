/// The contract's group order: time facets oldest first; other facets most
/// deals first, ties by value in code-point order; `(none)` always last.
enum GroupOrder {
    /// Sorts group keys given each group's size and its display value.
    static func sorted(_ keys: [String?], isTime: Bool, size: (String?) -> Int, display: (String?) -> String) -> [String?] {
        keys.sorted { a, b in
            if a == nil || b == nil { return b == nil && a != nil }
            if isTime { return a!.utf8.lexicographicallyPrecedes(b!.utf8) }
            let sa = size(a), sb = size(b)
            if sa != sb { return sa > sb }
            return display(a).unicodeScalars.lexicographicallyPrecedes(display(b).unicodeScalars)
        }
    }
}

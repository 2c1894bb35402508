/// The rejection of a mapping that has the same key more than once.
enum DuplicateKeys {
    /// Names every key written more than once, sorted, at the first of them
    /// in key order (where it is first written); nil when all keys differ.
    static func rejection(_ pairs: [YAMLPair], lineOffset: Int) -> Rejection? {
        guard pairs.count > 1 else { return nil }
        let firsts = duplicatedFirsts(pairs)
        guard var shown = firsts.first else { return nil }
        for key in firsts.dropFirst() where key.keyPrecedes(shown) { shown = key }
        let names = firsts.map(\.keyName).sorted().map { "'\($0)'" }.joined(separator: ", ")
        return Rejection(position: Position(line: shown.line + lineOffset, column: shown.column),
                         message: "invalid YAML: duplicate key \(names)")
    }

    /// The first writing of each key written more than once, in mapping order.
    private static func duplicatedFirsts(_ pairs: [YAMLPair]) -> [YAMLNode] {
        if pairs.count <= 24 {
            var firsts: [Int] = []
            for index in 1..<pairs.count {
                guard let first = (0..<index).first(where: { pairs[$0].key.sameKey(as: pairs[index].key) }) else { continue }
                if !firsts.contains(first) { firsts.append(first) }
            }
            return firsts.sorted().map { pairs[$0].key }
        }
        // Long mappings: keys are nearly always distinct scalars: bucket them by text, and
        // compare whole nodes only within a bucket.
        var buckets: [String: [Int]] = [:]
        buckets.reserveCapacity(pairs.count)
        var firsts: [Int] = []
        for (index, pair) in pairs.enumerated() {
            let bucket = pair.key.text ?? "\u{0}"
            let earlier = buckets[bucket, default: []]
            if let first = earlier.first(where: { pairs[$0].key.sameKey(as: pair.key) }) {
                if !firsts.contains(first) { firsts.append(first) }
            } else {
                buckets[bucket, default: []].append(index)
            }
        }
        return firsts.sorted().map { pairs[$0].key }
    }
}

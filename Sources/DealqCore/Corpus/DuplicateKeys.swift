/// The rejection of a mapping that has the same key more than once.
enum DuplicateKeys {
    /// Names every key written more than once, sorted, at the first of them
    /// in key order (where it is first written); nil when all keys differ.
    static func rejection(_ pairs: [YAMLPair], lineOffset: Int) -> Rejection? {
        guard pairs.count > 1, !distinctUntaggedScalars(pairs) else { return nil }
        let firsts = duplicatedFirsts(pairs)
        guard var shown = firsts.first else { return nil }
        for key in firsts.dropFirst() where key.keyPrecedes(shown) { shown = key }
        let names = firsts.map(\.keyName).sorted().map { "'\($0)'" }.joined(separator: ", ")
        return Rejection(position: Position(line: shown.line + lineOffset, column: shown.column),
                         message: "invalid YAML: duplicate key \(names)")
    }

    /// True when every key is a scalar without an explicit tag and no two have the
    /// same text: then no two keys are the same key (`sameKey`), and a mapping as
    /// front matters write them is passed over without comparing nodes.
    private static func distinctUntaggedScalars(_ pairs: [YAMLPair]) -> Bool {
        var texts: [String] = []
        texts.reserveCapacity(pairs.count)
        for pair in pairs {
            guard pair.key.tag == nil, case .scalar(let text, _) = pair.key.content else { return false }
            texts.append(text)
        }
        if texts.count <= 24 {
            for i in 1..<texts.count where texts[..<i].contains(texts[i]) { return false }
            return true
        }
        return Set(texts).count == texts.count
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

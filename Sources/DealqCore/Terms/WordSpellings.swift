/// The distinct lower-case spellings of each term's words, numbered in the
/// order they are first seen. Lower-casing is done on bytes for ASCII words
/// and by Swift's full Unicode lower-casing otherwise.
struct WordSpellings {
    private var variants: [Int32: [[UInt8]]] = [:]
    private var buffer: [UInt8] = []

    /// The number of the word's lower-case spelling among the term's.
    mutating func variant(of term: Int32, _ word: ArraySlice<UInt8>) -> Int32 {
        buffer.removeAll(keepingCapacity: true)
        if word.allSatisfy({ $0 < 0x80 }) {
            for byte in word { buffer.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        } else {
            buffer.append(contentsOf: String(decoding: word, as: UTF8.self).lowercased().utf8)
        }
        if let index = variants[term, default: []].firstIndex(of: buffer) { return Int32(index) }
        variants[term, default: []].append(buffer)
        return Int32(variants[term]!.count - 1)
    }

    /// The text of a numbered spelling.
    func text(of term: Int32, _ variant: Int32) -> String {
        String(decoding: variants[term]?[Int(variant)] ?? [], as: UTF8.self)
    }
}

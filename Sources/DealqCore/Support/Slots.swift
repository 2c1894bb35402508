/// A fixed number of slots that many threads fill at distinct indices: a
/// buffer allocated once, so that no thread touches an `Array` another is
/// writing (`Array.withUnsafeMutableBufferPointer` swaps the array out while
/// it runs, which is not safe from several threads).
final class Slots<Element>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    /// Fills slot `index`; each index from one thread only.
    func store(_ element: Element, at index: Int) {
        buffer[index] = element
    }

    /// Every slot, once all are filled.
    func all() -> [Element] { buffer.map { $0! } }

    /// Every slot, once all are filled, moved out (the slots are left empty).
    func takeAll() -> [Element] { buffer.indices.map { buffer[$0].take()! } }
}

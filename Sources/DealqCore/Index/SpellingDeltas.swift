/// The change in the number of deals (won, lost) per facet spelling, each
/// spelling with a slot number that stands for it (a bulk load's waiting
/// facet rows keep the slot, not the strings).
struct SpellingDeltas {
    private var slots: [FacetRows.Row: Int] = [:]
    private var rows: [FacetRows.Row] = []
    private var counts: [OutcomeCounts] = []
    /// Per slot, `deal_facets.value`: NULL (nil) when the spelling is its key byte for byte.
    private var storedValues: [String?] = []

    /// Adds `delta` to the spelling's count; returns its slot.
    @discardableResult
    mutating func add(_ row: FacetRows.Row, _ delta: OutcomeCounts) -> Int {
        let slot = self.slot(row)
        counts[slot] += delta
        return slot
    }

    mutating func subtract(_ row: FacetRows.Row, _ delta: OutcomeCounts) {
        counts[slot(row)] -= delta
    }

    func row(_ slot: Int) -> FacetRows.Row { rows[slot] }

    /// The number of spellings (slots) seen.
    var count: Int { rows.count }

    /// What `deal_facets.value` holds for the slot's spelling (worked out once per spelling).
    func storedValue(_ slot: Int) -> String? { storedValues[slot] }

    /// `value` as `deal_facets` stores it: NULL when it is the key byte for byte (read back as `coalesce(value, key)`).
    private static func storedValue(_ row: FacetRows.Row) -> String? {
        row.value.utf8.elementsEqual(row.key.utf8) ? nil : row.value
    }

    /// Every spelling with its change, in the order first seen.
    var all: Zip2Sequence<[FacetRows.Row], [OutcomeCounts]> { zip(rows, counts) }

    private mutating func slot(_ row: FacetRows.Row) -> Int {
        if let slot = slots[row] { return slot }
        let slot = rows.count
        slots[row] = slot
        rows.append(row)
        counts.append(OutcomeCounts())
        storedValues.append(Self.storedValue(row))
        return slot
    }
}

/// A facet row of a bulk load waiting to be inserted: its spelling by slot
/// (`SpellingDeltas`) and the columns of `deal_facets` it carries.
struct PendingFacet {
    var slot: Int32
    /// The facet's number (`FacetNames`).
    var facet: Int32
    var deal: Int64
    var closed: Int64
    var outcome: Int64
    var first: Bool
}

import GRDB

/// `dealq_sum(x)`: the sum of the non-NULL numbers of a group, correctly
/// rounded (NULL when there are none). SQLite's `sum` adds in the order rows
/// arrive, so the last bits of a sum of weights such as 0.35 and 1/3 changed
/// with the plan; this one is the same whatever the order, and equal to the
/// value when a group has one row. The partials are Shewchuk's, as in
/// Python's `math.fsum`.
struct ExactSum: DatabaseAggregate {
    static let name = "dealq_sum"
    static let function = DatabaseFunction(name, argumentCount: 1, pure: true, aggregate: ExactSum.self)

    /// Non-overlapping partial sums, smallest magnitude first: their exact sum is the sum so far.
    private(set) var partials: [Double] = []
    private var any = false

    init() {}

    mutating func step(_ dbValues: [DatabaseValue]) {
        guard let x = Double.fromDatabaseValue(dbValues[0]) else { return }
        any = true
        add(x)
    }

    func finalize() -> (any DatabaseValueConvertible)? {
        any ? value : nil
    }

    mutating func add(_ value: Double) {
        var x = value
        var i = 0
        for j in partials.indices {
            var y = partials[j]
            if abs(x) < abs(y) { swap(&x, &y) }
            let hi = x + y
            let lo = y - (hi - x)
            if lo != 0 {
                partials[i] = lo
                i += 1
            }
            x = hi
        }
        partials.removeSubrange(i...)
        partials.append(x)
    }

    /// The exact sum of the partials, rounded once (half-way cases to even, as `math.fsum`).
    var value: Double {
        var n = partials.count
        guard n > 0 else { return 0 }
        n -= 1
        var hi = partials[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            lo = y - (hi - x)
            if lo != 0 { break }
        }
        if n > 0, (lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }
}

import GRDB
import GRDBSQLite

/// `dealq_sum(x)`: the sum of the non-NULL numbers of a group, correctly
/// rounded (NULL when there are none). SQLite's `sum` adds in the order rows
/// arrive, so the last bits of a sum of weights such as 0.35 and 1/3 changed
/// with the plan; this one is the same whatever the order, and equal to the
/// value when a group has one row. The partials are Shewchuk's, as in
/// Python's `math.fsum`. Registered through SQLite's C interface: it runs once
/// per driver row, and GRDB's aggregates box every call's arguments.
struct ExactSum {
    static let name = "dealq_sum"

    /// Non-overlapping partial sums, smallest magnitude first: their exact sum is the sum so far.
    /// Doubles span about 2,100 bits, so at most 40 such partials can be needed.
    static let capacity = 48

    private(set) var partials: [Double] = []

    init() {}

    mutating func add(_ value: Double) {
        var count = partials.count
        partials.append(0)
        partials.withUnsafeMutableBufferPointer { p in count = Self.add(value, to: p.baseAddress!, count: count) }
        partials.removeSubrange(count...)
    }

    var value: Double {
        partials.withUnsafeBufferPointer { Self.value(of: $0.baseAddress!, count: $0.count) }
    }

    /// Adds `value` to the `count` partials at `p` (room for one more); returns their new count.
    static func add(_ value: Double, to p: UnsafeMutablePointer<Double>, count: Int) -> Int {
        var x = value
        var i = 0
        for j in 0..<count {
            var y = p[j]
            if abs(x) < abs(y) { swap(&x, &y) }
            let hi = x + y
            let lo = y - (hi - x)
            if lo != 0 {
                p[i] = lo
                i += 1
            }
            x = hi
        }
        p[i] = x
        return i + 1
    }

    /// The exact sum of the partials, rounded once (half-way cases to even, as `math.fsum`).
    static func value(of p: UnsafePointer<Double>, count: Int) -> Double {
        var n = count
        guard n > 0 else { return 0 }
        n -= 1
        var hi = p[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = p[n]
            hi = x + y
            lo = y - (hi - x)
            if lo != 0 { break }
        }
        if n > 0, (lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }

    /// The aggregate's state in SQLite's per-group memory (zeroed when a group starts):
    /// no partials until a number comes, at least one after.
    private struct State {
        var count: Int
        var partials: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
                       Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
                       Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
                       Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double)
    }

    private static func state(_ context: OpaquePointer?) -> UnsafeMutablePointer<State>? {
        sqlite3_aggregate_context(context, Int32(MemoryLayout<State>.size))?.assumingMemoryBound(to: State.self)
    }

    private static func withPartials<R>(_ state: UnsafeMutablePointer<State>, _ body: (UnsafeMutablePointer<Double>) -> R) -> R {
        withUnsafeMutablePointer(to: &state.pointee.partials) { tuple in
            tuple.withMemoryRebound(to: Double.self, capacity: capacity, body)
        }
    }

    /// Registers `dealq_sum` on the connection.
    static func register(_ db: Database) {
        let step: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, arguments in
            guard let argument = arguments?[0], sqlite3_value_type(argument) != SQLITE_NULL,
                  let state = ExactSum.state(context) else { return }
            let x = sqlite3_value_double(argument)
            // Full only if the numbers defy the bound above: then fold the partials into one.
            if state.pointee.count == ExactSum.capacity {
                let sum = ExactSum.withPartials(state) { ExactSum.value(of: $0, count: ExactSum.capacity) }
                ExactSum.withPartials(state) { $0[0] = sum }
                state.pointee.count = 1
            }
            let count = state.pointee.count
            state.pointee.count = ExactSum.withPartials(state) { ExactSum.add(x, to: $0, count: count) }
        }
        let final: @convention(c) (OpaquePointer?) -> Void = { context in
            guard let state = ExactSum.state(context), state.pointee.count > 0 else {
                sqlite3_result_null(context)
                return
            }
            let count = state.pointee.count
            sqlite3_result_double(context, ExactSum.withPartials(state) { ExactSum.value(of: $0, count: count) })
        }
        sqlite3_create_function_v2(db.sqliteConnection, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, nil, step, final, nil)
    }
}

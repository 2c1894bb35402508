/// A small, portable, seeded random source (SplitMix64).
///
/// Every deal gets its own stream derived from the run seed and the deal's
/// index, so deals can be generated in any order, on any number of threads,
/// and still come out byte-identical. Only integer arithmetic and basic
/// floating-point operations are used (no libm), so the output does not
/// depend on the platform's math library.
struct SplitMix64 {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The stream for one item of a run: mixes the run seed with the index.
    init(seed: UInt64, stream: UInt64) {
        var s = SplitMix64(seed: seed ^ 0xD1B5_4A32_D192_ED03)
        let a = s.next()
        var t = SplitMix64(seed: a &+ stream &* 0x9E37_79B9_7F4A_7C15)
        state = t.next() ^ (stream &* 0xBF58_476D_1CE4_E5B9)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Uniform integer in `0..<n` (n > 0), without modulo bias worth noticing.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let m = next().multipliedFullWidth(by: UInt64(n))
        return Int(m.high)
    }

    /// Uniform integer in the closed range.
    mutating func int(_ r: ClosedRange<Int>) -> Int {
        r.lowerBound + below(r.upperBound - r.lowerBound + 1)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn in proportion to `weights` (all ≥ 0, not all 0).
    mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// Approximately standard normal (Irwin–Hall with 6 uniforms, rescaled).
    mutating func normal() -> Double {
        var s = 0.0
        for _ in 0..<6 { s += unit() }
        return (s - 3.0) * 1.414_213_562_373_095  // variance 6/12 → 1
    }

    /// `k` distinct indices from `0..<n`, in drawing order.
    mutating func sample(_ n: Int, _ k: Int) -> [Int] {
        var pool = Array(0..<n)
        let k = min(k, n)
        for i in 0..<k {
            let j = i + below(n - i)
            pool.swapAt(i, j)
        }
        return Array(pool[0..<k])
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}

/// e^x using only basic arithmetic, so results are identical everywhere.
func portableExp(_ x: Double) -> Double {
    if x > 700 { return .infinity }
    if x < -700 { return 0 }
    let ln2 = 0.693_147_180_559_945_3
    let k = (x / ln2).rounded(.toNearestOrEven)
    let r = x - k * ln2  // |r| ≤ ln2/2
    var term = 1.0
    var sum = 1.0
    for n in 1...20 {
        term *= r / Double(n)
        sum += term
    }
    var scale = 1.0
    let ki = Int(k)
    if ki >= 0 { for _ in 0..<ki { scale *= 2 } } else { for _ in 0..<(-ki) { scale *= 0.5 } }
    return sum * scale
}

/// The logistic function 1 / (1 + e^-x).
func logistic(_ x: Double) -> Double { 1.0 / (1.0 + portableExp(-x)) }

/// The 95% Wilson score interval of a proportion.
enum Wilson {
    static let z = 1.959964

    /// Nil when there are no trials.
    static func interval(successes: Int, trials: Int) -> (low: Double, high: Double)? {
        guard trials > 0 else { return nil }
        return interval(proportion: Double(successes) / Double(trials), size: Double(trials))
    }

    /// The interval of `proportion` observed on `size` trials; `size` may be an
    /// effective number of trials (see `effectiveSize`). Nil when `size` is not positive.
    static func interval(proportion p: Double, size n: Double) -> (low: Double, high: Double)? {
        guard n > 0, p.isFinite else { return nil }
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z * (max(0, p * (1 - p)) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return (max(0, center - half), min(1, center + half))
    }

    /// Kish's effective number of trials of a weighted proportion: (Σw)² ÷ Σw².
    /// Equal weights give the plain count; one heavy weight among light ones
    /// gives little more than one. Nil when there is no weight.
    static func effectiveSize(sum: Double, sumOfSquares: Double) -> Double? {
        guard sum > 0, sumOfSquares > 0 else { return nil }
        return sum * sum / sumOfSquares
    }
}

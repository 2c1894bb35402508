import Foundation

/// The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
/// and Quinn, 2008) of one term between the matching text (a) and the other
/// text (b), and its z-score.
struct LogOdds: Equatable {
    var delta: Double
    var z: Double

    /// The prior's total weight, α0.
    static let priorWeight = 1000.0
    /// The two-sided 95% normal quantile: rows need z above it.
    static let threshold = 1.959964

    /// - Parameters:
    ///   - ya: the term's occurrences in the matching text; `yb` in the other text.
    ///   - na: every term's occurrences in the matching text; `nb` in the other text.
    init(ya: Int, yb: Int, na: Int, nb: Int) {
        let a0 = Self.priorWeight
        let (ya, yb, na, nb) = (Double(ya), Double(yb), Double(na), Double(nb))
        let alpha = a0 * (ya + yb) / (na + nb)
        delta = log((ya + alpha) / (na + a0 - ya - alpha)) - log((yb + alpha) / (nb + a0 - yb - alpha))
        z = delta / (1 / (ya + alpha) + 1 / (yb + alpha)).squareRoot()
    }
}

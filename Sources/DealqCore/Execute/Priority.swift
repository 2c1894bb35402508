import DealqLanguage
import DealqRender
import Foundation

/// Which deals to interview next, and why. A deal is a candidate when no
/// interview is among its sources. Its score, between 0 and 1, is
///
///     uncertainty × (0.5 + 0.5 × value) × (0.5 + 0.5 × recency)
///
/// - uncertainty: the larger of 1 − confidence (0.5 when confidence is not
///   given) and how flat the driver weights are (their entropy over its
///   maximum: 1 when all are equal, 0 for a single driver; 1 with no drivers);
/// - value: log10(ACV) ÷ log10($2M), between 0 and 1 (0.3 when ACV is not known);
/// - recency: exp(−days since close ÷ 180), so a deal closed half a year ago counts a bit over a third.
enum Priority {
    struct Candidate: Sendable {
        var acv: Double?
        var closed: String
        var confidence: Double?
        /// Category and weight of each driver.
        var drivers: [(category: String, weight: Double)]

        init(acv: Double?, closed: String, confidence: Double?, drivers: [(category: String, weight: Double)]) {
            self.acv = acv
            self.closed = closed
            self.confidence = confidence
            self.drivers = drivers
        }
    }

    /// 1 when the weights are all equal, 0 for one driver; 1 with none (nothing is known).
    static func flatness(_ weights: [Double]) -> Double {
        guard weights.count > 1 else { return weights.isEmpty ? 1 : 0 }
        let total = weights.reduce(0, +)
        guard total > 0 else { return 1 }
        let entropy = weights.map { $0 / total }.filter { $0 > 0 }.reduce(0) { $0 - $1 * log($1) }
        return entropy / log(Double(weights.count))
    }

    static func score(_ c: Candidate, today: CalendarDate) -> (score: Double, reason: String) {
        let flat = flatness(c.drivers.map(\.weight))
        let uncertainty = max(c.confidence.map { 1 - $0 } ?? 0.5, flat)
        let value = c.acv.map { min(1, max(0, log10(max($0, 1)) / log10(2_000_000))) } ?? 0.3
        let age = CalendarDate(c.closed).map { max(0, today.daysSinceEpoch - $0.daysSinceEpoch) } ?? 365
        let recency = exp(-Double(age) / 180)
        let score = uncertainty * (0.5 + 0.5 * value) * (0.5 + 0.5 * recency)

        var reasons: [String] = []
        if let confidence = c.confidence, confidence < 0.6 { reasons.append("confidence \(String(format: "%.2f", confidence))") }
        if c.drivers.isEmpty {
            reasons.append("no drivers recorded")
        } else if c.drivers.count > 1 && flat >= 0.8 {
            let shares = c.drivers.enumerated().sorted { $0.element.weight != $1.element.weight ? $0.element.weight > $1.element.weight : $0.offset < $1.offset }
                .map { "\($0.element.category) \(Int(($0.element.weight * 100).rounded()))%" }.joined(separator: ", ")
            reasons.append("drivers nearly even (\(shares))")
        }
        if c.confidence == nil { reasons.append("no confidence given") }
        if let acv = c.acv { reasons.append(formatMoney(acv)) }
        reasons.append(age == 0 ? "closed today" : "closed \(age) days ago")
        return (score, reasons.joined(separator: "; "))
    }
}

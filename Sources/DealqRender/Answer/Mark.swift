/// A remark on one row of a win-rate answer, for people: why its rate should be
/// read with care. Renderers word it (`n<10`, `▲ above (all)`); CSV and JSON omit it.
public enum Mark: Sendable, Equatable {
    /// The rate rests on fewer than `minimum` won + lost (or effective) deals.
    case tooFew(minimum: Int)
    /// The group's 95% interval lies above the `(all)` rate.
    case above
    /// The group's 95% interval lies below the `(all)` rate.
    case below
}

/// A line under a marked answer saying what its marks mean.
public enum Footnote: Sendable, Equatable {
    /// Some groups' intervals exclude the `(all)` rate; chance alone would put
    /// about `expected` of these `groups` outside it.
    case outsideInterval(expected: Double, groups: Int)
    /// No group's interval excludes the `(all)` rate.
    case mayAllBeChance
    /// Rates on fewer than `minimum` deals are marked; `weighted` when the deals
    /// are the effective number of an ACV-weighted rate.
    case tooFew(minimum: Int, weighted: Bool)
    /// `terms`: no topic of `dealq.yml` covers some terms; `name: [pattern]` would add one.
    case termAsTopic(name: String, pattern: String)
}

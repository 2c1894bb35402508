/// The words for marks and footnotes: as a row's note (tables, markdown, HTML)
/// and as a cell of a time grid, where a row is a cell.
enum Wording {
    /// The `note` column's text for a row's mark.
    static func note(_ mark: Mark?) -> String {
        switch mark {
        case .tooFew(let minimum)?: return "n<\(minimum)"
        case .above?: return "▲ above (all)"
        case .below?: return "▼ below (all)"
        case nil: return ""
        }
    }

    /// A footnote under rows (`inGrid` false) or under a grid of cells.
    static func footnote(_ footnote: Footnote, inGrid: Bool = false) -> String {
        let group = inGrid ? "cell" : "group"
        switch footnote {
        case .outsideInterval(let expected, let groups):
            return "▲▼ the \(group)'s 95% interval excludes the (all) rate. Chance alone puts about 1 \(group) in 20 "
                + "outside it: expect about \(expected) such \(group)s among these \(groups)."
        case .mayAllBeChance:
            return "No \(group)'s 95% interval excludes the (all) rate: the differences between these \(group)s may all be chance."
        case .tooFew(let minimum, let weighted):
            let head = inGrid ? "(…) in parentheses" : "n<\(minimum)"
            return weighted
                ? "\(head): fewer than \(minimum) effective deals ((ΣACV)² ÷ ΣACV²: a few big deals count as few); too few to read a rate from."
                : "\(head): fewer than \(minimum) won + lost deals; too few to read a rate from."
        case .termAsTopic(let name, let pattern):
            return "\(TermsView.noTopic): no topic of dealq.yml covers the term yet. To follow one, add a line under "
                + "'topics:' in dealq.yml, as in:  \(name): ['\(pattern)']"
        }
    }
}

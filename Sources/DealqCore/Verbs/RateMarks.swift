import DealqRender

/// Honest numbers for people: each group's rate is marked when it rests on
/// fewer than `minimumGroupSize` won + lost (or effective) deals, or when its
/// 95% interval excludes the baseline; the footnotes say what the marks mean
/// and how many such differences chance alone would give.
struct RateMarks {
    var minimumGroupSize: Int
    /// ACV-weighted rates rest on their effective number of deals.
    var weighted: Bool

    func mark(_ table: inout Table, baseline: Double?) {
        guard table.rows.count > 1, let deals = table.column(weighted ? .effectiveDeals : .deals) else { return }
        let low = table.column(.ciLow), high = table.column(.ciHigh)
        var marks: [Mark?] = [nil]
        var small = 0, apart = 0
        for row in table.rows.dropFirst() {
            let n: Double
            switch row[deals] {
            case .integer(let count): n = Double(count)
            case .number(let count): n = count
            default: n = 0
            }
            if n < Double(minimumGroupSize) {
                marks.append(.tooFew(minimum: minimumGroupSize))
                small += 1
            } else if let baseline, let low, let high, case .number(let lo) = row[low], case .number(let hi) = row[high],
                      lo > baseline || hi < baseline {
                marks.append(lo > baseline ? .above : .below)
                apart += 1
            } else {
                marks.append(nil)
            }
        }
        let groups = table.rows.count - 1
        table.marks = marks
        if apart > 0 {
            table.footnotes.append(.outsideInterval(expected: (Double(groups) * 0.05 * 10).rounded() / 10, groups: groups))
        } else if groups - small > 0 && baseline != nil {
            // Nothing stands out: say so, before a reader ranks the groups by their rates.
            table.footnotes.append(.mayAllBeChance)
        }
        if small > 0 { table.footnotes.append(.tooFew(minimum: minimumGroupSize, weighted: weighted)) }
    }
}

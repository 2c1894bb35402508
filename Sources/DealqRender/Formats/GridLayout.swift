/// Column widths for `table` output fitted to a terminal width.
///
/// Fitting, in order, until the lines fit:
/// 1. Drop whole columns from the right, except the first column, snippets and the bar
///    chart's time and value columns, while even the narrowest form of the table is too
///    wide (text shrunk to `textFloor`, snippets to `snippetFloor`, numbers never cut).
///    Dropped columns are named in a footer line.
/// 2. From the natural widths, take one column at a time off the widest free-text
///    column (cells cut with `…`) down to its floor.
/// 3. Only if that is not enough (very narrow terminals): free text below its floor.
/// A bar chart takes what is left, between `barMin` and `barMax` columns.
struct GridLayout: Equatable {
    static let gap = 2
    static let textFloor = 8
    static let snippetFloor = 24
    static let barMin = 10
    static let barMax = 40
    /// Bar width when no terminal width is given.
    static let barUnlimited = 30

    /// Indices of the columns shown, in order.
    var visible: [Int]
    /// Width of every column (by index; hidden ones keep their natural width).
    var widths: [Int]
    /// Width of the bar column; nil when no bars are drawn.
    var barWidth: Int?
    /// Indices of the columns left out for width.
    var hidden: [Int] { widths.indices.filter { !visible.contains($0) } }

    /// - Parameters:
    ///   - natural: each column's widest cell or header
    ///   - floors: how narrow each column may get before columns are dropped
    ///     (its natural width for numbers)
    ///   - droppable: which columns may be left out
    ///   - bar: whether a bar column is wanted
    ///   - width: the terminal width (nil: no limit)
    init(natural: [Int], floors: [Int], droppable: [Bool], bar: Bool, width: Int?) {
        let shrinkable = natural.indices.map { floors[$0] < natural[$0] }
        guard let width else {
            visible = Array(natural.indices)
            widths = natural
            barWidth = bar ? GridLayout.barUnlimited : nil
            return
        }
        func total(_ columns: [Int], _ widths: [Int], bar: Bool) -> Int {
            columns.reduce(0) { $0 + widths[$1] } + GridLayout.gap * max(0, columns.count - 1)
                + (bar ? (columns.isEmpty ? 0 : GridLayout.gap) + GridLayout.barMin : 0)
        }
        // Step 1: keep the bar when the key columns leave room for it, else give it up first.
        let keys = natural.indices.filter { !droppable[$0] }
        let withBar = bar && total(keys, floors, bar: true) <= width
        var visible = Array(natural.indices)
        while total(visible, floors, bar: withBar) > width,
              let drop = visible.last(where: { droppable[$0] }) {
            visible.removeAll { $0 == drop }
        }
        // Steps 2 and 3.
        var widths = natural
        for floor in [floors, natural.indices.map { shrinkable[$0] ? 1 : natural[$0] }] {
            while total(visible, widths, bar: withBar) > width {
                let candidates = visible.filter { widths[$0] > floor[$0] }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] || (widths[$0] == widths[$1] && $0 < $1) })
                else { break }
                widths[widest] -= 1
            }
        }
        self.visible = visible
        self.widths = widths
        if withBar {
            let used = total(visible, widths, bar: false) + (visible.isEmpty ? 0 : GridLayout.gap)
            barWidth = max(GridLayout.barMin, min(GridLayout.barMax, width - used))
        } else {
            barWidth = nil
        }
    }
}

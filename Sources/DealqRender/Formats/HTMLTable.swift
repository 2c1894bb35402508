/// A table as an HTML `<table>` for a self-contained page: values formatted
/// for people (as in table output, the interval as one `95% CI` column), text
/// escaped, numbers right-aligned, the bar column (`Table.barColumn`) drawn as
/// CSS bars in an extra column, and the marks (`n<10`, `▲`) in a `note` column.
public func htmlTable(_ table: Table) -> String {
    // The same cells as table and markdown output: formatted values, one `95% CI` column.
    let human = HumanTable(table, maxRows: nil)
    let marked = table.marks.contains { $0 != nil }
    var out = "<table>\n<thead><tr>"
    for column in human.columns {
        out += "<th\(column.alignRight ? " class=\"num\"" : "")>\(htmlEscaped(column.header))</th>"
    }
    let bars = table.barColumn
    if bars != nil { out += "<th></th>" }
    if marked { out += "<th>note</th>" }
    out += "</tr></thead>\n<tbody>\n"
    let largest = bars.map { index in table.rows.compactMap { barValue($0[index]) }.max() ?? 0 } ?? 0
    for (number, row) in human.rows.enumerated() {
        out += "<tr>"
        for (index, column) in human.columns.enumerated() {
            let text = row[index].map { removingHighlightMarkers($0.plain) } ?? nullText
            out += "<td\(column.alignRight ? " class=\"num\"" : "")>\(htmlEscaped(text))</td>"
        }
        if let bars {
            let value = barValue(human.sourceRows[number][bars]) ?? 0
            let scale = table.columns[bars].kind == .rate ? 1 : max(largest, 1e-9)
            let width = max(0, min(100, value / scale * 100))
            out += "<td class=\"bar\"><div style=\"width:\(Int(width.rounded()))%\"></div></td>"
        }
        if marked { out += "<td class=\"mark\">\(htmlEscaped(Wording.note(number < table.marks.count ? table.marks[number] : nil)))</td>" }
        out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n"
    for footnote in table.footnotes { out += "<p class=\"note\">\(htmlEscaped(Wording.footnote(footnote)))</p>\n" }
    return out
}

/// Text safe inside HTML elements and attribute values.
public func htmlEscaped(_ text: String) -> String {
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case Cell.highlightStart, Cell.highlightEnd: break
        default: out.append(c)
        }
    }
    return out
}

private func barValue(_ cell: Cell) -> Double? {
    switch cell {
    case .integer(let i): return Double(i)
    case .number(let d): return d.isFinite ? d : nil
    default: return nil
    }
}

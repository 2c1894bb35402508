import Testing
@testable import DealqRender

/// Tables in HTML reports read as in table output.
@Suite struct HTMLTableTests {
    @Test func cellsAsPeopleReadThemWithOneIntervalColumnAndNotes() {
        var table = Samples.winrateByTopic
        table.marks = [nil, .below, nil, .tooFew(minimum: 10)]
        table.footnotes = [.tooFew(minimum: 10, weighted: false)]
        let html = htmlTable(table)
        #expect(html.hasPrefix("<table>\n<thead><tr><th>topic</th><th class=\"num\">deals</th><th class=\"num\">won</th>"
                               + "<th class=\"num\">lost</th><th class=\"num\">winrate</th><th class=\"num\">lift</th>"
                               + "<th class=\"num\">95% CI</th><th>note</th></tr></thead>\n"))
        #expect(html.contains("<tr><td>security review</td><td class=\"num\">212</td><td class=\"num\">66</td><td class=\"num\">146</td>"
                              + "<td class=\"num\">31.1%</td><td class=\"num\">-11.0 pts</td><td class=\"num\">25.3–37.7%</td>"
                              + "<td class=\"mark\">▼ below (all)</td></tr>"))
        // Every row has its note cell, empty when unmarked; absent values read —.
        #expect(html.components(separatedBy: "<td class=\"mark\">").count - 1 == 4)
        #expect(html.contains("<td class=\"num\">—</td><td class=\"mark\">n&lt;10</td></tr>"))
        #expect(html.hasSuffix("</table>\n<p class=\"note\">n&lt;10: fewer than 10 won + lost deals; too few to read a rate from.</p>\n"))
    }

    @Test func noNoteColumnWithoutMarks() {
        #expect(!htmlTable(Samples.winrateByTopic).contains("note"))
    }
}

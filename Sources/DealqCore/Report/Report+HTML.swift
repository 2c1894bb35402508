import DealqLanguage
import DealqRender

extension Report {
    /// A table with its measure drawn as bars: time groups already are; a table by
    /// one group (or of driver categories) gets bars of its share, win rate or count.
    static func charted(_ table: DealqRender.Table) -> DealqRender.Table {
        guard table.barColumn == nil, table.groupColumns <= 1, table.rows.count > 1 else { return table }
        var charted = table
        charted.barColumn = ([.share, .winrate, .deals] as [Field]).lazy.compactMap(table.column).first
        return charted
    }

    /// The report as one self-contained HTML page (inline style, no scripts,
    /// nothing fetched): each section's question and reading, its answer as a
    /// table (time groups with bars), and the query that reproduces it.
    public func html(generated today: CalendarDate) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(htmlEscaped(title))</title>
            <style>
            body { font: 15px/1.5 system-ui, sans-serif; max-width: 66rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; margin: .5rem 0; font-size: 14px; }
            th, td { padding: .2rem .6rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; white-space: nowrap; }
            th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.bar { width: 10rem; min-width: 6rem; } td.bar div { background: #4a7bd0; height: .8rem; border-radius: 2px; }
            td.mark, p.note { color: #666; font-size: 13px; }
            code { background: #f4f4f4; padding: 0 .25rem; }
            blockquote { margin: .8rem 0; padding: 0 1rem; border-left: 3px solid #4a7bd0; }
            blockquote p { margin: 0; } blockquote footer { color: #666; font-size: 13px; }
            </style>
            </head>
            <body>
            <h1>\(htmlEscaped(title))</h1>
            <p><em>\(htmlEscaped(filters.isEmpty ? "All deals" : "Deals matching \(filters)")), as of \(today).</em></p>

            """
        for section in sections {
            out += "<h2>\(htmlEscaped(section.title))</h2>\n<p>\(htmlEscaped(Self.lead(section)))</p>\n"
            out += section.table.rows.isEmpty ? "<p><em>\(Self.empty(section))</em></p>\n"
                : htmlQuotes(section.table) ?? htmlTable(Self.charted(section.table))
            out += "<p>Query: <code>\(htmlEscaped(section.query))</code></p>\n"
        }
        out += "<h2>Reproduce these numbers</h2>\n<ul>\n"
        for section in sections { out += "<li><code>dealq \(htmlEscaped(Self.shellQuoted(section.query)))</code></li>\n" }
        out += "</ul>\n</body>\n</html>\n"
        return out
    }
}

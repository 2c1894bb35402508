import DealqLanguage
import CCmarkGFM

/// Reads the CommonMark body: its buyer quotes, each with its attribution and
/// section, and warnings about quotes written in ways the contract does not read.
enum Body {
    static func quotes(in markdown: String, firstLine: Int) -> [Quote] {
        read(markdown, firstLine: firstLine).quotes
    }

    static func read(_ markdown: String, firstLine: Int) -> (quotes: [Quote], warnings: [(Position, String)]) {
        var markdown = markdown
        let document: OpaquePointer? = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let document else { return ([], []) }
        defer { cmark_node_free(document) }

        var quotes: [Quote] = []
        var warnings = BodyWarnings(markdown: markdown, firstLine: firstLine)
        var section: String?
        var node = cmark_node_first_child(document)
        while let current = node {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_HEADING where cmark_node_get_heading_level(current) >= 2:
                section = inlineText(current)
                warnings.startSection(section)
            case CMARK_NODE_BLOCK_QUOTE:
                var lines: [String] = []
                collectLines(current, into: &lines)
                if let quote = makeQuote(lines: lines, section: section,
                                         line: Int(cmark_node_get_start_line(current)) + firstLine - 1) {
                    quotes.append(quote)
                }
                warnings.blockQuote(lastLine: Int(cmark_node_get_end_line(current)))
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_LIST:
                warnings.text(lines: Int(cmark_node_get_start_line(current))...Int(cmark_node_get_end_line(current)))
            default:
                break
            }
            node = cmark_node_next(current)
        }
        return (quotes, warnings.finish())
    }

    /// Builds a quote from its plain-text lines: the attribution is the last
    /// line when it starts with an em dash, an en dash or `--`.
    static func makeQuote(lines rawLines: [String], section: String?, line: Int) -> Quote? {
        var lines = rawLines.map(trim).filter { !$0.isEmpty }
        var quote = Quote(text: "", section: section, line: line)
        if let last = lines.last, let attribution = attributionText(last) {
            lines.removeLast()
            readAttribution(attribution, into: &quote)
        }
        var text = lines.joined(separator: " ")
        if let first = text.first, first == "\"" || first == "\u{201C}" || first == "\u{201D}" { text.removeFirst() }
        if let last = text.last, last == "\"" || last == "\u{201C}" || last == "\u{201D}" { text.removeLast() }
        quote.text = trim(text)
        if quote.text.isEmpty && quote.speaker == nil && quote.date == nil { return nil }
        return quote
    }

    /// The attribution without its leading dash, when `line` is one.
    static func attributionText(_ line: String) -> Substring? {
        if line.hasPrefix("\u{2014}") || line.hasPrefix("\u{2013}") { return line.dropFirst() }
        if line.hasPrefix("--") { return line.dropFirst(2) }
        return nil
    }

    /// `Speaker, source, YYYY-MM-DD`: the first valid date wherever it stands;
    /// of the other non-empty parts, the first is the speaker, the second the source.
    static func readAttribution(_ text: Substring, into quote: inout Quote) {
        var others: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let p = trim(String(part))
            if p.isEmpty { continue }
            if CalendarDate.isValid(p) {
                if quote.date == nil { quote.date = p }
            } else {
                others.append(p)
            }
        }
        quote.speaker = others.first
        quote.source = others.count > 1 ? others[1] : nil
    }

    static func trim(_ s: String) -> String {
        Trimming.trimmed(s, newlines: true)
    }

    /// The plain text of a block's lines: soft and hard breaks and block
    /// boundaries end a line; inline markup is reduced to its text.
    private static func collectLines(_ block: OpaquePointer, into lines: inout [String]) {
        var child = cmark_node_first_child(block)
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                var current = ""
                appendInline(node, to: &current, lines: &lines)
                lines.append(current)
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                if let literal = cmark_node_get_literal(node) {
                    lines.append(contentsOf: String(cString: literal).split(separator: "\n").map(String.init))
                }
            case CMARK_NODE_THEMATIC_BREAK:
                break
            default:
                collectLines(node, into: &lines)
            }
            child = cmark_node_next(node)
        }
    }

    private static func appendInline(_ parent: OpaquePointer, to current: inout String, lines: inout [String]) {
        var child = cmark_node_first_child(parent)
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(node) { current += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                lines.append(current)
                current = ""
            default:
                appendInline(node, to: &current, lines: &lines)
            }
            child = cmark_node_next(node)
        }
    }

    private static func inlineText(_ node: OpaquePointer) -> String {
        var lines: [String] = []
        var current = ""
        appendInline(node, to: &current, lines: &lines)
        lines.append(current)
        return trim(lines.joined(separator: " "))
    }
}

import Foundation

// The front-matter reader as it was on Yams' node tree, kept to test that the
// reader over libyaml's events gives the same deals and the same rejections.
@testable import DealqCore
import Yams

/// Typed reads of YAML nodes with positions in the file, throwing the
/// contract's rejection messages. `lineOffset` turns YAML lines into file lines.
struct LegacyYAMLReading {
    var lineOffset: Int

    func position(_ node: Node) -> Position {
        guard let mark = node.mark else { return .start }
        return Position(line: mark.line + lineOffset, column: mark.column)
    }

    func reject(_ node: Node, _ message: String) -> Rejection {
        Rejection(position: position(node), message: message)
    }

    /// A plain `null`, `~` or empty scalar: "not known".
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A scalar's text, nil for null; mappings and lists are rejected.
    func string(_ node: Node?, _ key: String) throws(Rejection) -> String? {
        guard let node, !Self.isNull(node) else { return nil }
        guard case .scalar(let s) = node else { throw reject(node, "'\(key)' must be a string") }
        return s.string
    }

    /// A number (plain or quoted) or a percentage (`60%`, `"12.5 %"`: the number ÷ 100), nil for null.
    func number(_ node: Node?, _ key: String, expected: String = "a number") throws(Rejection) -> Double? {
        guard let node, !Self.isNull(node) else { return nil }
        guard case .scalar(let s) = node, let value = Self.number(s.string) ?? Self.percentage(s.string) else {
            let hint = Self.isPercentage(node) ? " (a percentage is a number followed by %, as in 60%)" : ""
            throw reject(node, "'\(key)' must be \(expected)\(Self.shown(node))\(hint)")
        }
        return value
    }

    /// `60%`, `12.5 %` → 0.6, 0.125; nil when the text before `%` is not a number.
    static func percentage(_ text: String) -> Double? {
        let t = Trimming.trimmed(text, newlines: false)
        guard t.hasSuffix("%"), let value = number(String(t.dropLast())) else { return nil }
        return value / 100
    }

    /// Whether a scalar is written as a percentage (its text ends with `%`).
    static func isPercentage(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return Trimming.trimmed(s.string, newlines: false).hasSuffix("%")
    }

    /// A number as the message shows it: a percentage as written, else the value.
    static func written(_ node: Node, _ value: Double) -> String {
        guard case .scalar(let s) = node, isPercentage(node) else { return LegacyFrontMatter.format(value) }
        return Trimming.trimmed(s.string, newlines: false)
    }

    /// A list of strings; a single string counts as a one-item list. Null items are dropped.
    func strings(_ node: Node?, _ key: String) throws(Rejection) -> [String] {
        guard let node, !Self.isNull(node) else { return [] }
        switch node {
        case .scalar(let s):
            return [s.string]
        case .sequence(let seq):
            var result: [String] = []
            for item in seq where !Self.isNull(item) {
                guard case .scalar(let s) = item else { throw reject(item, "'\(key)' must be a list of strings") }
                result.append(s.string)
            }
            return result
        default:
            throw reject(node, "'\(key)' must be a list of strings")
        }
    }

    func mapping(_ node: Node?, _ key: String) throws(Rejection) -> Node.Mapping? {
        guard let node, !Self.isNull(node) else { return nil }
        guard case .mapping(let m) = node else { throw reject(node, "'\(key)' must be a mapping") }
        return m
    }

    func sequence(_ node: Node?, _ key: String, of what: String) throws(Rejection) -> [Node] {
        guard let node, !Self.isNull(node) else { return [] }
        guard case .sequence(let s) = node else { throw reject(node, "'\(key)' must be a list of \(what)") }
        return Array(s)
    }

    /// ` ('abc')` after a type error, so the message shows what was found.
    static func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return ", not '\(s.string)'"
        case .mapping: return ", not a mapping"
        case .sequence: return ", not a list"
        case .alias: return ""
        }
    }

    /// YAML-style decimal numbers: `12`, `-3`, `0.75`, `.5`, `1e3`.
    static func number(_ text: String) -> Double? {
        let t = Trimming.trimmed(text, newlines: false)
        guard !t.isEmpty, t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
              t.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard let value = Double(t), value.isFinite else { return nil }
        return value
    }
}

extension Node.Mapping {
    /// Value for a string key, compared exactly.
    func legacyValue(_ key: String) -> Node? {
        for (k, v) in self {
            if case .scalar(let s) = k, s.string == key { return v }
        }
        return nil
    }
}

import Foundation

/// A phrase with slots, parsed once: `"{C} came in cheaper"`.
///
/// Slots: `{C}` competitor, `{I}` incumbent, `{X}` another competitor,
/// `{R}` buyer role (the main voice), `{B}` another buyer role, `{A}` account, `{P}` product, `{M}` month of the close,
/// `{W}` weeks, `{N}` a small count, `{K}` a larger count, `{D}` a percentage,
/// `{S}` seats, `{O}` an ordinal (second, third, …).
struct Template: Sendable {
    enum Part: Sendable {
        case text(String)
        case slot(UInt8)
    }

    let parts: [Part]

    init(_ source: String) {
        var parts: [Part] = []
        var literal = ""
        var it = source.makeIterator()
        while let ch = it.next() {
            if ch == "{" {
                let key = it.next()!
                let close = it.next()
                precondition(close == "}", "bad template: \(source)")
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.slot(key.asciiValue!))
            } else {
                literal.append(ch)
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.parts = parts
    }

    func render(into out: inout String, _ fill: Fill, _ rng: inout SplitMix64) {
        for part in parts {
            switch part {
            case .text(let s): out += s
            case .slot(let k): fill.append(slot: k, to: &out, &rng)
            }
        }
    }

    func render(_ fill: Fill, _ rng: inout SplitMix64) -> String {
        var s = ""
        render(into: &s, fill, &rng)
        return s
    }
}

/// The values a deal puts into its phrases.
struct Fill {
    var competitor = "another vendor"
    var incumbent = "the old system"
    var other = "another vendor"
    var role = "VP Operations"
    var account = ""
    var product = ""
    var month = ""
    var seats = 100
    var otherRole = "Head of Finance"

    static let ordinals = ["second", "third", "fourth", "fifth"]

    func append(slot: UInt8, to out: inout String, _ rng: inout SplitMix64) {
        switch slot {
        case UInt8(ascii: "C"): out += competitor
        case UInt8(ascii: "I"): out += incumbent
        case UInt8(ascii: "X"): out += other
        case UInt8(ascii: "R"): out += role
        case UInt8(ascii: "B"): out += otherRole
        case UInt8(ascii: "A"): out += account
        case UInt8(ascii: "P"): out += product
        case UInt8(ascii: "M"): out += month
        case UInt8(ascii: "W"): out += String(rng.int(3...14))
        case UInt8(ascii: "N"): out += String(rng.int(2...6))
        case UInt8(ascii: "K"): out += String(rng.int(12...400))
        case UInt8(ascii: "D"): out += String(rng.int(3...8) * 5)
        case UInt8(ascii: "S"): out += String(seats)
        case UInt8(ascii: "O"): out += rng.pick(Fill.ordinals)
        default: preconditionFailure("unknown slot")
        }
    }
}

extension Array where Element == Template {
    init(_ sources: [String]) { self = sources.map(Template.init) }
}

/// Upper-cases the first letter of `s` (ASCII only; others are left alone).
func capitalizedFirst(_ s: String) -> String {
    guard let f = s.utf8.first, f >= 97, f <= 122 else { return s }
    return String(Character(Unicode.Scalar(f - 32))) + s.dropFirst()
}

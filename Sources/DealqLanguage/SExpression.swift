/// Prints queries as S-expressions: every part of the tree except ranges.
///
/// The same form is printed by `grammar/check.py --sexp` from the formal
/// grammar's parse, so the two parsers can be compared; it also serves to
/// show what a query became (`explain`).
///
///     (query VERB (filters F...) (by "facet"...) [(sort "field" asc|desc)] [(limit V)] [(weight V)] [(in V)])
///     F = (word "t") | (phrase "t") | (prefix "stem")
///       | (one-of "facet" V...) | (range "facet" V|nil V|nil) | (compare "facet" OP V)
///       | (has "facet") | (since V) | (before V)
///       | (not F) | (and F F...) | (or F F...)
///     V = "text" | (quoted "text")
public enum SExpression {
    /// The S-expression of a query.
    public static func print(_ query: Query) -> String {
        var parts = ["query", query.verb.rawValue]
        parts.append(list(["filters"] + query.filters.map(print)))
        parts.append(list(["by"] + query.groupBy.map { quote($0.name) }))
        if let sort = query.options.sort {
            parts.append(list(["sort", quote(sort.field), sort.ascending ? "asc" : "desc"]))
        }
        if let limit = query.options.limit {
            parts.append(list(["limit", print(limit.value)]))
        }
        if let weight = query.options.weight {
            parts.append(list(["weight", print(weight.value)]))
        }
        if let compared = query.options.compared {
            parts.append(list(["in", print(compared.value)]))
        }
        return list(parts)
    }

    /// The S-expression of a filter.
    public static func print(_ filter: Filter) -> String {
        switch filter {
        case .text(let term):
            return list([term.kind.rawValue, quote(term.text)])
        case .facet(let f):
            let name = quote(f.facet.name)
            switch f.test {
            case .oneOf(let values):
                return list(["one-of", name] + values.map(print))
            case .range(let lower, let upper):
                return list(["range", name, lower.map(print) ?? "nil", upper.map(print) ?? "nil"])
            case .compare(let op, let value):
                return list(["compare", name, op.rawValue, print(value)])
            }
        case .has(let facet, _):
            return list(["has", quote(facet.name)])
        case .since(let value, _):
            return list(["since", print(value)])
        case .before(let value, _):
            return list(["before", print(value)])
        case .not(let operand, _):
            return list(["not", print(operand)])
        case .and(let terms, _):
            return list(["and"] + terms.map(print))
        case .or(let terms, _):
            return list(["or"] + terms.map(print))
        }
    }

    private static func print(_ value: Value) -> String {
        value.isQuoted ? list(["quoted", quote(value.text)]) : quote(value.text)
    }

    private static func list(_ items: [String]) -> String {
        "(" + items.joined(separator: " ") + ")"
    }

    /// A string atom: `"` and `\` escaped, `\n` `\r` `\t`, other controls as `\xHH`.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Query {
    /// The query as an S-expression (see ``SExpression``).
    public var sExpression: String { SExpression.print(self) }
}

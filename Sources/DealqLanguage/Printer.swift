/// Prints queries back as text, in one canonical spelling.
///
/// The text re-parses to an equal query (ranges aside): the verb is always
/// written, then the filters, `by`, `sort:`, `limit:`; negation is `-`;
/// `or` groups and `and` groups get parentheses where needed.
public enum Printer {
    /// The canonical text of a query.
    public static func print(_ query: Query) -> String {
        var parts = [query.verb.rawValue]
        parts += query.filters.map { print($0, in: .top) }
        if !query.groupBy.isEmpty {
            parts.append("by " + query.groupBy.map(\.name).joined(separator: ", "))
        }
        if let sort = query.options.sort {
            parts.append("sort:" + sort.field + (sort.ascending ? "-asc" : ""))
        }
        if let limit = query.options.limit {
            parts.append("limit:" + print(limit.value))
        }
        if let weight = query.options.weight {
            parts.append("weight:" + print(weight.value))
        }
        if let compared = query.options.compared {
            parts.append("in:" + print(compared.value))
        }
        return parts.joined(separator: " ")
    }

    /// The canonical text of one filter, as it would stand among the top-level filters.
    public static func print(_ filter: Filter) -> String {
        print(filter, in: .top)
    }

    private enum Context { case top, andOperand, orOperand, notOperand }

    private static func print(_ filter: Filter, in context: Context) -> String {
        switch filter {
        case .text(let term):
            switch term.kind {
            case .word: return term.text
            case .prefix: return term.text + "*"
            case .phrase: return "\"" + term.text + "\""
            }
        case .facet(let f):
            let name = f.facet.name
            switch f.test {
            case .oneOf(let values):
                return name + ":" + values.map(print).joined(separator: ",")
            case .range(let lower, let upper):
                return name + ":" + (lower.map(print) ?? "") + ".." + (upper.map(print) ?? "")
            case .compare(let op, let value):
                return name + op.rawValue + print(value)
            }
        case .has(let facet, _):
            return "has:" + facet.name
        case .since(let value, _):
            return "since:" + print(value)
        case .before(let value, _):
            return "before:" + print(value)
        case .not(let operand, _):
            return "-" + print(operand, in: .notOperand)
        case .and(let terms, _):
            return "(" + terms.map { print($0, in: .andOperand) }.joined(separator: " ") + ")"
        case .or(let terms, _):
            let text = terms.map { print($0, in: .orOperand) }.joined(separator: " or ")
            return context == .top || context == .andOperand ? text : "(" + text + ")"
        }
    }

    private static func print(_ value: Value) -> String {
        value.isQuoted ? "\"" + value.text + "\"" : value.text
    }
}

extension Query {
    /// The canonical query text (see ``Printer``).
    public var canonicalText: String { Printer.print(self) }
}

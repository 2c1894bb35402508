import DealqLanguage

/// How big a query may be. Checked before any SQL is built, so that a large
/// query is a query error with a caret, never one of SQLite's own limits
/// (an expression tree at most 1000 deep, a bounded number of arguments)
/// reached while answering.
///
/// Each filter adds at most one level to the SQL condition's depth along a
/// run of filters joined by `and` or `or`, and each negation one more; with at
/// most ``filters`` filters nested at most ``nesting`` levels, the condition
/// stays well under SQLite's 1000.
enum QueryLimits {
    /// Filters joined at one level: by `or`, or by `and` (written or implied).
    static let joined = 200
    /// Filters in the whole query, at every level.
    static let filters = 500
    /// Values after facet operators in the whole query (each one an SQL argument).
    static let values = 1_000
    /// Negations, `or`s and parenthesized groups inside one another. Each one
    /// nests the SQL condition in parentheses, and SQLite's parser holds at most
    /// 100 of them at once (a query of 18 levels of `(a or -(…))` overflows it).
    static let nesting = 16
    /// Different words of the index one prefix term (`implement*`) may stand
    /// for: FTS5 reads and merges the deal list of each of them, so a prefix
    /// of one or two letters costs as much as reading a large part of the index.
    static let prefixWords = 1_000

    /// Reports the first place where each limit is passed.
    static func check(_ filters: [Filter], into context: inout Context) {
        var walk = Walk()
        walk.group(filters, keyword: "and")
        context.errors += walk.problems
    }

    private struct Walk {
        var filterCount = 0
        var valueCount = 0
        var problems: [CheckProblem] = []
        var reportedFilters = false
        var reportedValues = false
        var reportedNesting = false
        var level = 0

        mutating func group(_ parts: [Filter], keyword: String) {
            if parts.count > QueryLimits.joined {
                let error: CheckError = keyword == "or" ? .tooManyAlternatives(limit: QueryLimits.joined)
                    : .tooManyJoined(limit: QueryLimits.joined)
                problems.append(CheckProblem(error: error, range: parts[QueryLimits.joined].range))
            }
            for part in parts { visit(part) }
        }

        mutating func visit(_ filter: Filter) {
            if !filter.children.isEmpty {
                level += 1
                defer { level -= 1 }
                if level > QueryLimits.nesting {
                    if !reportedNesting {
                        reportedNesting = true
                        problems.append(CheckProblem(error: .nestedTooDeeply(limit: QueryLimits.nesting), range: filter.range))
                    }
                    return
                }
                visitInside(filter)
            } else {
                visitInside(filter)
            }
        }

        mutating func visitInside(_ filter: Filter) {
            switch filter {
            case .not(let inner, _):
                visit(inner)
            case .and(let parts, _):
                group(parts, keyword: "and")
            case .or(let parts, _):
                group(parts, keyword: "or")
            case .text, .has, .since, .before, .facet:
                filterCount += 1
                if filterCount > QueryLimits.filters, !reportedFilters {
                    reportedFilters = true
                    problems.append(CheckProblem(error: .tooManyFilters(limit: QueryLimits.filters), range: filter.range))
                }
                for value in Self.values(of: filter) {
                    valueCount += 1
                    if valueCount > QueryLimits.values, !reportedValues {
                        reportedValues = true
                        problems.append(CheckProblem(error: .tooManyValues(limit: QueryLimits.values), range: value.range))
                    }
                }
            }
        }

        static func values(of filter: Filter) -> [Value] {
            switch filter {
            case .since(let value, _), .before(let value, _): return [value]
            case .facet(let f):
                switch f.test {
                case .oneOf(let values): return values
                case .range(let lower, let upper): return [lower, upper].compactMap { $0 }
                case .compare(_, let value): return [value]
                }
            default: return []
            }
        }
    }
}

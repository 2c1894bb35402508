import DealqLanguage

/// What the checker found wrong with a query, one case per kind of error; the
/// range (in `CheckProblem`) says where. `message` is the one place they are worded.
enum CheckError: Sendable, Equatable {
    case unknownFacet(String)
    case nothingToSearch(term: String)
    case notADate(text: String, facet: String)
    case notANumber(text: String, facet: String)
    case emptyNumberRange(lower: String, upper: String)
    case emptyDateRange(lower: String, upper: String)
    case rangeOnText(facet: String, isList: Bool)
    case comparisonOnText(operator: String, facet: String, isList: Bool)
    case quotesAndDealsMixed
    case groupingNotTaken(verb: Verb)
    case tooManyGroups
    case groupByMeasure(facet: String, kind: String)
    case groupedTwice(facet: String)
    case driversByCategory
    case groupNamesColumn(verb: Verb, facet: String)
    case weightNotACV(text: String)
    case weightNotTaken(verb: Verb)
    case unknownSortColumn(verb: Verb, text: String, columns: [String])
    case badLimit(text: String)
    case termsWithoutFilter
    case comparedTextUnknown(text: String)
    case comparedTextNotTaken(verb: Verb)
    case tooManyAlternatives(limit: Int)
    case tooManyJoined(limit: Int)
    case tooManyFilters(limit: Int)
    case tooManyValues(limit: Int)
    case nestedTooDeeply(limit: Int)
    case prefixTooBroad(term: String, limit: Int)

    var message: String {
        switch self {
        case .unknownFacet(let name):
            return "unknown facet '\(name)'"
        case .nothingToSearch(let term):
            return "'\(term)' has no letters or digits to search for"
        case .notADate(let text, let facet):
            return "'\(text)' is not a date: \(facet) takes a day (2025-03-14), month (2025-03), quarter (2025-Q3), year (2025) "
                + "or span (90d, 12w, 6m, 1y)"
        case .notANumber(let text, let facet):
            return "'\(text)' is not a number: \(facet) takes numbers like 120000, $120K or 1.2M"
        case .emptyNumberRange(let lower, let upper):
            return "empty range: \(lower) is more than \(upper)"
        case .emptyDateRange(let lower, let upper):
            return "empty range: \(lower) is after \(upper)"
        case .rangeOnText(let facet, let isList):
            return "'\(facet)' is \(isList ? "a list" : "text"): ranges need a number or date facet"
        case .comparisonOnText(let op, let facet, let isList):
            return "'\(op)' needs a number or date facet; '\(facet)' is \(isList ? "a list" : "text")"
        case .quotesAndDealsMixed:
            return "text terms and topic: select quotes while other filters select deals: they cannot be mixed inside one 'or' "
                + "or under one negation"
        case .groupingNotTaken(.terms):
            return "'by' does not work with terms: it compares the matching deals with all the others; filter instead, "
                + "as in 'terms outcome:lost'"
        case .groupingNotTaken(let verb):
            return "'by' works with count, winrate and drivers, not with \(verb.rawValue)"
        case .tooManyGroups:
            return "'by' takes at most two facets"
        case .groupByMeasure(let facet, let kind):
            return "cannot group by '\(facet)', a \(kind); group by month, quarter or year, or filter with a range"
        case .groupedTwice(let facet):
            return "'\(facet)' is grouped by twice"
        case .driversByCategory:
            return "drivers already gives one row per category: group by another facet ('by driver' groups the drivers)"
        case .groupNamesColumn(let verb, let facet):
            return "cannot group \(verb.rawValue) by '\(facet)': its answer already has a column named '\(facet)'"
        case .weightNotACV(let text):
            return "weight takes 'acv' (win rates and drivers weighed by ACV), not '\(text)'"
        case .weightNotTaken(let verb):
            return "'weight:acv' works with winrate and drivers, not with \(verb.rawValue)"
        case .unknownSortColumn(let verb, let text, let columns):
            return "cannot sort \(verb.rawValue) by '\(text)': its columns are \(columns.joined(separator: ", "))"
        case .badLimit(let text):
            return "limit takes a whole number of rows (1 or more) or 'all', not '\(text)'"
        case .termsWithoutFilter:
            return "terms needs a filter: it compares what the buyers of the matching deals say with the others' words, "
                + "as in 'terms outcome:lost'"
        case .comparedTextUnknown(let text):
            return "in takes 'quotes' (the buyers' quotes) or 'bodies' (whole deal write-ups), not '\(text)'"
        case .comparedTextNotTaken(let verb):
            return "'in:' works with terms, not with \(verb.rawValue)"
        case .tooManyAlternatives(let limit):
            return "too many alternatives joined by 'or' (at most \(limit))"
        case .tooManyJoined(let limit):
            return "too many filters joined by 'and' (at most \(limit))"
        case .tooManyFilters(let limit):
            return "too many filters in one query (at most \(limit))"
        case .tooManyValues(let limit):
            return "too many values in one query (at most \(limit))"
        case .nestedTooDeeply(let limit):
            return "filters nested too deeply (at most \(limit) levels)"
        case .prefixTooBroad(let term, let limit):
            return "'\(term)*' stands for more than \(limit) different words of the corpus: write more of the word"
        }
    }
}

/// A checker error and where it is.
struct CheckProblem: Sendable, Equatable {
    var error: CheckError
    var range: SourceRange
    /// A close name the person may have meant.
    var suggestion: String?

    var diagnostic: Diagnostic {
        Diagnostic(.error, message: error.message, range: range, suggestion: suggestion)
    }
}

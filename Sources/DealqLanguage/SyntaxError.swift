/// Every syntax error the lexer and parser report. The cases carry the text
/// they are about; `message` is the one place their wording lives.
enum SyntaxError: Hashable, Sendable {
    case unterminatedQuote
    case emptyQuotes
    case danglingMinus
    case operatorWithoutFacet(String)
    case misplacedStar
    case misplacedComma
    case missingFilterAfter(String)
    case missingFilterBefore(String)
    case unmatchedRightParen
    case unclosedLeftParen
    case emptyParentheses
    case missingValue(after: String)
    case missingOptionValue(String)
    case missingFacetName(after: String)
    case comparisonWithList(String)
    case comparisonWithRange(String)
    case rangeInList
    case tooManyRangeEnds
    case reservedNeedsColon(String)
    case hasNeedsFacetName
    case takesOneValue(String)
    case optionTakesOneValue(String)
    case optionNotAtTopLevel(String)
    case byNotAtTopLevel
    case duplicateOption(String)
    case nestedTooDeeply

    var message: String {
        switch self {
        case .unterminatedQuote:
            return "unterminated quote: add a closing '\"'"
        case .emptyQuotes:
            return "empty quotes"
        case .danglingMinus:
            return "'-' must be followed directly by the filter it negates, as in '-outcome:won'"
        case .operatorWithoutFacet(let op):
            let example = op == ":" ? "outcome:won" : "acv\(op)100k"
            return "'\(op)' must follow a facet name with no space, as in '\(example)'"
        case .misplacedStar:
            return "'*' must end a word, as in 'implement*'"
        case .misplacedComma:
            return "',' must join values with no space, as in 'outcome:won,lost'"
        case .missingFilterAfter(let word):
            return "expected a filter after '\(word)'"
        case .missingFilterBefore(let word):
            return "expected a filter before '\(word)'"
        case .unmatchedRightParen:
            return "unmatched ')'"
        case .unclosedLeftParen:
            return "unclosed '(': add a ')'"
        case .emptyParentheses:
            return "empty parentheses"
        case .missingValue(let after):
            return "expected a value after '\(after)'"
        case .missingOptionValue(let name):
            switch name {
            case "sort": return "expected a column after 'sort:', as in 'sort:acv' or 'sort:acv-asc'"
            case "limit": return "expected a number or 'all' after 'limit:', as in 'limit:10'"
            case "in": return "expected the text to compare after 'in:', as in 'in:quotes' or 'in:bodies'"
            default: return "expected what to weigh by after 'weight:', as in 'weight:acv'"
            }
        case .missingFacetName(let after):
            return "expected a facet name after '\(after)'"
        case .comparisonWithList(let op):
            return "'\(op)' takes one value; write a list with ':', as in 'outcome:won,lost'"
        case .comparisonWithRange(let op):
            return "'\(op)' takes one value; write a range with ':', as in 'acv:100k..500k'"
        case .rangeInList:
            return "a list of values cannot hold a range"
        case .tooManyRangeEnds:
            return "a range has two ends at most"
        case .reservedNeedsColon(let name):
            return "'\(name)' is written with ':', as in '\(Self.example(name))'"
        case .hasNeedsFacetName:
            return "'has:' takes one facet name, as in 'has:competitor'"
        case .takesOneValue(let name):
            return "'\(name):' takes one value, as in '\(Self.example(name))'"
        case .optionTakesOneValue(let name):
            return "'\(name):' takes one bare value, as in '\(Self.example(name))'"
        case .optionNotAtTopLevel(let name):
            return "option '\(name):' must stand on its own, outside parentheses and operators"
        case .byNotAtTopLevel:
            return "'by' must stand on its own, outside parentheses and operators"
        case .duplicateOption(let name):
            return "'\(name):' is given twice"
        case .nestedTooDeeply:
            return "the query is nested too deeply"
        }
    }

    private static func example(_ reserved: String) -> String {
        switch reserved.lowercased() {
        case "has": return "has:competitor"
        case "since": return "since:2025-01-01"
        case "before": return "before:2025-Q3"
        case "sort": return "sort:acv"
        case "limit": return "limit:10"
        case "weight": return "weight:acv"
        case "in": return "in:bodies"
        default: return reserved + ":value"
        }
    }

    /// The diagnostic for this error at `range`.
    func at(_ range: SourceRange) -> Diagnostic {
        Diagnostic(.error, message: message, range: range)
    }
}

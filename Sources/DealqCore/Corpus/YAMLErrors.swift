import CYaml
import Yams

/// Rejections for YAML that cannot be read, worded as libyaml and Yams word
/// them (through Yams' descriptions where the message is theirs whole).
enum YAMLErrors {
    /// `invalid YAML: <context>, <problem>` at a position in the YAML (lines
    /// and columns from 1); `lineOffset` turns YAML lines into file lines.
    static func syntax(context: String?, problem: String, line: Int, column: Int, lineOffset: Int) -> Rejection {
        let position = Position(line: line + lineOffset, column: column)
        // libyaml names its own setting here; say what it means for the file.
        if problem.hasPrefix("Maximum nesting level reached") {
            return Rejection(position: position, message: "invalid YAML: lists and mappings nested more than 1,000 levels deep")
        }
        let text = context.map { "\($0), " } ?? ""
        return Rejection(position: position, message: "invalid YAML: \(text)\(problem)")
    }

    /// The error a libyaml parser stopped at.
    static func rejection(for parser: yaml_parser_t, yaml: String, lineOffset: Int) -> Rejection {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            return syntax(context: parser.context.map { String(cString: $0) }, problem: problem,
                          line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1, lineOffset: lineOffset)
        case YAML_READER_ERROR:
            // Where the reader stopped, in characters, as Yams counts it for its description.
            let offset = yaml.utf8.index(yaml.utf8.startIndex, offsetBy: parser.problem_offset, limitedBy: yaml.utf8.endIndex)?
                .samePosition(in: yaml)
                .map { yaml.distance(from: yaml.startIndex, to: $0) }
            return unreadable(YamlError.reader(problem: problem, offset: offset, value: parser.problem_value, yaml: yaml))
        case YAML_MEMORY_ERROR:
            return memory()
        default:
            return Rejection(position: .start, message: "invalid YAML in front matter")
        }
    }

    static func memory() -> Rejection { unreadable(.memory) }

    /// An error without a position of its own, as Yams describes it.
    static func unreadable(_ error: YamlError) -> Rejection {
        Rejection(position: .start, message: "invalid YAML: \(error)")
    }
}

import Foundation
import MCP

/// Prompts: instructions for a common piece of work, with the queries to run for it.
enum Prompts {
    static let list = [
        Prompt(name: "competitor-brief", title: "Brief on a competitor",
               description: "How we do against one competitor, why we lose to them, and what buyers said recently.",
               arguments: [.init(name: "competitor", description: "The competitor, as `facets competitor` lists it", required: true)]),
        Prompt(name: "topic-deep-dive", title: "Deep dive on a topic",
               description: "How a topic (implementation, pricing, security, …) moves the win rate, where, and in the buyers' words.",
               arguments: [.init(name: "topic", description: "The topic, as `facets topic` lists it", required: true)]),
        Prompt(name: "leadership-brief", title: "Leadership brief",
               description: "The win-rate trend, who we lose to, and what losses cost, for a leadership update."),
    ]

    /// The queries a prompt asks to run, in order.
    static func queries(_ name: String, arguments: [String: String]) throws -> [String] {
        switch name {
        case "competitor-brief":
            let c = try quoted(arguments, "competitor", prompt: name)
            return ["winrate by competitor", "winrate competitor:\(c) by quarter", "drivers outcome:lost competitor:\(c)",
                    "quotes competitor:\(c) since:180d", "deals competitor:\(c) outcome:lost sort:acv limit:10"]
        case "topic-deep-dive":
            let t = try quoted(arguments, "topic", prompt: name)
            return ["winrate by topic", "winrate topic:\(t) by segment", "drivers topic:\(t) outcome:lost",
                    "quotes topic:\(t) acv>100k", "quotes topic:\(t) outcome:won"]
        case "leadership-brief":
            return ["winrate by quarter since:2y", "count by competitor.selected outcome:lost",
                    "drivers outcome:lost weight:acv", "winrate by segment weight:acv"]
        default:
            throw MCPError.invalidParams("unknown prompt '\(name)'; the prompts are: \(list.map(\.name).joined(separator: ", "))")
        }
    }

    static func get(_ name: String, arguments: [String: String]) throws -> GetPrompt.Result {
        let queries = try queries(name, arguments: arguments)
        let subject: String
        switch name {
        case "competitor-brief": subject = "a brief for a sales rep about deals against \(arguments["competitor"] ?? "")"
        case "topic-deep-dive": subject = "a deep dive for product management on the topic \(arguments["topic"] ?? "")"
        default: subject = "a brief for leadership on the win-loss program"
        }
        let text = """
            Write \(subject), from the dealq corpus only. Run each of these queries with the `query` tool, in order:

            \(queries.map { "- `\($0)`" }.joined(separator: "\n"))

            Then write the brief. Rules:
            - Every number you state comes from one of these answers (or another query you run); name the query beside it.
            - Give win rates with their 95% interval and number of deals; call a group of fewer than 10 won + lost deals too small to conclude from.
            - Quote buyers word for word from `quotes` answers, with the deal id; read a whole deal with the `deal` tool when needed.
            - If a query answers with an error, fix it (the message shows where and suggests a spelling) and run it again.
            """
        return .init(description: subject, messages: [.user(.text(text: text))])
    }

    /// A prompt argument as a quoted query value (the language has no escapes: double quotes are dropped).
    private static func quoted(_ arguments: [String: String], _ key: String, prompt: String) throws -> String {
        let value = (arguments[key] ?? "").replacingOccurrences(of: "\"", with: "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw MCPError.invalidParams("prompt \(prompt): argument '\(key)' is required") }
        return "\"\(value)\""
    }
}

import MCP

/// A tool call's arguments, read with their types checked: a missing required argument
/// or a value of the wrong type is a protocol error (invalid params), not a tool result.
struct ToolArguments: Sendable {
    let tool: String
    let values: [String: Value]

    init(tool: String, _ values: [String: Value]?) {
        self.tool = tool
        self.values = values ?? [:]
    }

    /// Rejects arguments the tool does not take, so a misspelt name is not silently ignored.
    func only(_ names: Set<String>) throws -> ToolArguments {
        let unknown = values.keys.filter { !names.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let accepted = names.isEmpty ? "none" : names.sorted().joined(separator: ", ")
            throw MCPError.invalidParams("\(tool): unknown argument '\(unknown.joined(separator: "', '"))' (it takes: \(accepted))")
        }
        return self
    }

    func string(_ name: String) throws -> String {
        guard let text = try optionalString(name) else {
            throw MCPError.invalidParams("\(tool): argument '\(name)' is required (a string)")
        }
        return text
    }

    func optionalString(_ name: String) throws -> String? {
        guard let value = values[name], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw MCPError.invalidParams("\(tool): argument '\(name)' must be a string, not \(kind(of: value))")
        }
        return text
    }

    /// A positive integer (a float with no fraction is accepted, as JSON has one number type).
    func optionalPositiveInt(_ name: String) throws -> Int? {
        guard let value = values[name], value != .null else { return nil }
        var number: Int?
        if let n = value.intValue { number = n }
        if let d = value.doubleValue, d.rounded() == d, abs(d) < 1e15 { number = Int(d) }
        guard let number, number >= 1 else {
            throw MCPError.invalidParams("\(tool): argument '\(name)' must be a positive integer, not \(value)")
        }
        return number
    }

    /// An object of string values (numbers and booleans are taken as their text).
    func stringMap(_ name: String) throws -> [String: String] {
        guard let value = values[name], value != .null else { return [:] }
        guard let object = value.objectValue else {
            throw MCPError.invalidParams("\(tool): argument '\(name)' must be an object of parameter values, not \(kind(of: value))")
        }
        var out: [String: String] = [:]
        for (key, item) in object {
            switch item {
            case .string(let s): out[key] = s
            case .int(let n): out[key] = String(n)
            case .double(let d): out[key] = String(d)
            case .bool(let b): out[key] = String(b)
            default:
                throw MCPError.invalidParams("\(tool): parameter '\(key)' must be a string, not \(kind(of: item))")
            }
        }
        return out
    }

    private func kind(of value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .data: "data"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

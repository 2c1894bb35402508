import Foundation

/// A rejected file's errors after the first, as `files.more` stores them:
/// a JSON array of `{"line", "column", "message"}` (NULL when there are none).
enum MoreErrors {
    private struct Entry: Codable {
        var line: Int
        var column: Int
        var message: String
    }

    static func encode(_ more: [FileDiagnostic]) -> String? {
        guard !more.isEmpty else { return nil }
        let entries = more.map { Entry(line: $0.line, column: $0.column, message: $0.message) }
        guard let data = try? JSONEncoder().encode(entries) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?, path: String) -> [FileDiagnostic] {
        guard let text, let entries = try? JSONDecoder().decode([Entry].self, from: Data(text.utf8)) else { return [] }
        return entries.map { FileDiagnostic(path: path, line: $0.line, column: $0.column, message: $0.message) }
    }
}

import Testing

/// Texts that only a framework or SQLite writes: an error that reaches a user
/// must say in words what went wrong instead. Every program output a test
/// reads goes through `FrameworkText.check`.
enum FrameworkText {
    static let markers = [
        "NSCocoaErrorDomain", "NSPOSIXErrorDomain", "Error Domain=", "UserInfo=", "SQLite error", "SQLITE_",
        "sqlite3_", "DatabaseError", "GRDB", "Fatal error", "_GenericObjCError", "DecodingError",
        "no such table", "no such column", "no such function", "too many SQL variables", "database disk image is malformed",
        "LIKE or GLOB pattern too complex", "Expression tree is too large", "parser stack overflow", "fts5: ",
    ]

    /// The first marker found in `text`, if any.
    static func find(in text: String) -> String? {
        markers.first { text.contains($0) }
    }

    /// Records a test issue naming the command when its output holds a marker.
    static func check(_ output: String, stream: String, command: [String]) {
        if let marker = find(in: output) {
            Issue.record("\(stream) of \(command.joined(separator: " ")) holds framework text \(marker.debugDescription):\n\(output)")
        }
    }
}

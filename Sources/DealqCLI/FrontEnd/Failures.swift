import DealqCore

/// How every mode (one-shot, batch, shell, run, report, export) tells a failure:
/// the diagnostics with a caret under the problem, or the runtime error, on
/// stderr, and the exit status it means (2 a query or usage error, 1 a runtime error).
enum Failures {
    /// Prints the failure (each line after `prefix`, e.g. `file:3: ` in batch mode) and gives its exit status.
    @discardableResult
    static func print(_ failure: QueryFailure, text: String, prefix: String = "") -> Int32 {
        switch failure {
        case .query(let diagnostics):
            for d in diagnostics { Output.err(prefix + d.render(in: text)) }
            return 2
        case .runtime(let message):
            Output.err(prefix + "error: \(message)")
            return 1
        case .timedOut:
            Output.err(prefix + "error: " + summary(failure))
            return 1
        }
    }

    /// Prints a saved-query problem and gives its exit status.
    @discardableResult
    static func print(_ error: SavedQueryError) -> Int32 {
        Output.err(error.description)
        return error.isQueryError ? 2 : 1
    }

    /// The failure on one line, for machine-readable output.
    static func summary(_ failure: QueryFailure) -> String {
        switch failure {
        case .query(let diagnostics): return diagnostics.map(\.fullMessage).joined(separator: "; ")
        case .runtime(let detail): return detail
        case .timedOut(let seconds):
            return QueryFailure.timedOutMessage(seconds) + "; --timeout SECONDS sets another limit"
        }
    }
}

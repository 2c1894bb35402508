import DealqRender

/// The one default-limit rule: table output (for people) shows a page of 20
/// deals, quotes or prioritized deals; the other formats give every row.
enum Paging {
    static func defaultLimit(for format: OutputFormat) -> Int? {
        format == .table ? 20 : nil
    }
}

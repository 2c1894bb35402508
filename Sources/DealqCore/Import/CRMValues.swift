/// Readings of CRM cells: stages, amounts.
enum CRMValues {
    /// The outcome a stage names: the corpus contract's spellings (`won`,
    /// `Closed Won`, `closed-won`, `closed_won`, the same for lost, `churned`,
    /// `churn`), ignoring case, and HubSpot's internal stage names (`closedwon`,
    /// `closedlost`), which some of its exports carry. Nil for an open stage.
    static func outcome(stage: String) -> Outcome? {
        switch Trimming.trimmed(stage, newlines: true).lowercased() {
        case "won", "closed won", "closed-won", "closed_won", "closedwon": return .won
        case "lost", "closed lost", "closed-lost", "closed_lost", "closedlost": return .lost
        case "churned", "churn": return .churned
        default: return nil
        }
    }

    /// An amount as exports write it: `120000`, `$120,000`, `USD 120,000.00`,
    /// `120,000.00 EUR`, `€95,000`, `£80K`. A currency code or symbol is dropped
    /// (the corpus has one currency); the rest is read as the corpus reads `acv`.
    static func amount(_ raw: String) -> Money.Reading {
        var text = Trimming.trimmed(raw, newlines: true)
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        func isCode(_ word: Substring) -> Bool { word.count == 3 && word.allSatisfy { $0.isASCII && $0.isUppercase } }
        if words.count == 2, isCode(words[0]) { text = String(words[1]) }
        else if words.count == 2, isCode(words[1]) { text = String(words[0]) }
        else if let first = words.first, words.count == 1, first.count > 3, isCode(first.prefix(3)) { text = String(first.dropFirst(3)) }
        text.removeAll { $0 == "€" || $0 == "£" }
        return Money.read(text)
    }

    /// An amount as the file writes it: `120000`, `120000.5`.
    static func format(_ value: Double) -> String {
        FrontMatter.format(value)
    }
}

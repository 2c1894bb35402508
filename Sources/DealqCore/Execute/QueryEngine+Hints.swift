import DealqLanguage
import DealqRender
import GRDB

extension QueryEngine {
    /// The hints on an answered query, as notes: those read off its words, then
    /// those that ask the index (a text term naming a topic: two counts, the first
    /// read off the answer when it is one; an empty answer under date filters: the
    /// corpus's close dates). Nothing is asked of the index unless the query has
    /// such a term or such an answer.
    /// An empty answer gets no date hint when the checker's notes already say why (a value no deal has).
    func hints(_ text: String, checked: CheckedQuery, notes: [Diagnostic], table: DealqRender.Table) -> [(QueryHint, SourceRange)] {
        guard let parsed = try? parseQuery(text) else { return [] }
        var hints = QueryHints.of(parsed).map { ($0.hint, $0.range) }
        let lookup = IndexValues(queue: queue)
        let topicTerm = QueryHints.positiveTextTerms(parsed.filters).first { term in
            term.kind == .word && lookup.hasValue(facet: "topic", key: term.text.lowercased())
        }
        if let term = topicTerm, let hint = try? topicHint(term, checked: checked, table: table) {
            hints.append((hint, term.range))
        }
        if notes.isEmpty, Self.isEmpty(table, verb: checked.verb), Self.hasDateFilter(checked.filter),
           let (oldest, newest) = try? queue.read({ db in
               try Row.fetchOne(db, sql: "SELECT min(closed), max(closed) FROM deals").flatMap { row -> (String, String)? in
                   guard let oldest = row[0] as String?, let newest = row[1] as String? else { return nil }
                   return (oldest, newest)
               }
           }) {
            hints.append((.emptyUnderDates(oldest: oldest, newest: newest), parsed.range))
        }
        return hints
    }

    /// How many deals (quotes for `quotes`) the query matches with the word as text, and as `topic:`.
    private func topicHint(_ term: TextTerm, checked: CheckedQuery, table: DealqRender.Table) throws -> QueryHint? {
        guard let phrase = FullText.phrase(term.text), let topicFacet = catalog.facet("topic") else { return nil }
        let topic = Predicate.facet(topicFacet, .anyOf([.text(term.text.lowercased())]))
        var asTopic = checked
        let isQuotes = checked.verb == .quotes
        if isQuotes {
            guard let filter = checked.quoteFilter, let replaced = Self.replacing(.text(phrase), with: topic, in: filter) else { return nil }
            asTopic.quoteFilter = replaced
        } else {
            guard let filter = checked.filter, let replaced = Self.replacing(.text(phrase), with: topic, in: filter) else { return nil }
            asTopic.filter = replaced
        }
        let textCount = try Self.matchesAnswered(checked, table) ?? matches(checked)
        let topicCount = try matches(asTopic)
        guard textCount != topicCount else { return nil }
        return .topicAsText(word: term.text, topic: term.text.lowercased(), asText: textCount, asTopic: topicCount,
                            unit: isQuotes ? "quotes" : "deals")
    }

    /// The deals a query matches, read off its own answer when that says it:
    /// the rows of `deals` and how many more there are, the number of `count`
    /// without groups. Nil for other answers.
    static func matchesAnswered(_ query: CheckedQuery, _ table: DealqRender.Table) -> Int? {
        switch query.verb {
        case .deals:
            return max(table.totalRows ?? 0, table.rows.count)
        case .count where query.groupBy.isEmpty && table.rows.count == 1:
            if case .integer(let n)? = table.rows[0].first { return n }
            return nil
        default:
            return nil
        }
    }

    /// The quotes (for `quotes`) or deals a query matches, whatever its verb, groups and limit.
    private func matches(_ query: CheckedQuery) throws -> Int {
        if query.verb != .quotes, let merged = try queue.read({ db in try MergedCount.deals(query.filter, db) }) {
            return merged
        }
        var counted = query
        counted.groupBy = []
        counted.sort = nil
        counted.rankTerms = []
        counted.weighByACV = false
        if query.verb == .quotes {
            counted.limit = .rows(1)
        } else {
            counted.verb = .count
            counted.limit = nil
        }
        let plan = Planner.plan(counted, defaultLimit: nil)
        return try queue.read { db in
            var executor = Executor(db: db, catalog: catalog)
            let table = try executor.run(plan)
            if query.verb == .quotes { return table.totalRows ?? table.rows.count }
            if case .integer(let n)? = table.rows.first?.first { return n }
            return 0
        }
    }

    /// The filter with one top-level conjunct replaced, or nil when it is not there.
    static func replacing(_ old: Predicate, with new: Predicate, in filter: Predicate) -> Predicate? {
        if filter == old { return new }
        guard case .and(var parts) = filter, let index = parts.firstIndex(of: old) else { return nil }
        parts[index] = new
        return .and(parts)
    }

    /// No rows, or a count of zero.
    static func isEmpty(_ table: DealqRender.Table, verb: Verb) -> Bool {
        if table.rows.isEmpty { return true }
        if verb == .count, table.rows.count == 1, table.columns.count == 1, case .integer(0)? = table.rows[0].first { return true }
        return false
    }

    /// Whether the filter tests when deals closed (`since:`, `before:`, `closed`, `month`, `quarter`, `year`).
    static func hasDateFilter(_ filter: Predicate?) -> Bool {
        switch filter {
        case nil: return false
        case .text?: return false
        case .facet(let facet, _)?: return facet.name == "closed" || facet.isTime
        case .not(let inner)?: return hasDateFilter(inner)
        case .and(let parts)?, .or(let parts)?: return parts.contains { hasDateFilter($0) }
        }
    }
}

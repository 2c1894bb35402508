/// Completion from an open index: facet names from its catalog, values from
/// `facet_spellings` (read once per facet and kept), saved queries from a closure.
public final class IndexCompletionSource: CompletionSource {
    public let engine: QueryEngine
    private var cache: [String: [String]] = [:]
    private let saved: () -> [SavedQueryOutline]

    public init(engine: QueryEngine, savedQueries: @escaping () -> [SavedQueryOutline] = { [] }) {
        self.engine = engine
        self.saved = savedQueries
    }

    public var facetNames: [String] { engine.catalog.names }

    public func values(of facet: String) -> [String] {
        if let values = cache[facet] { return values }
        let values = engine.facetValues(facet)
        cache[facet] = values
        return values
    }

    public var savedQueries: [SavedQueryOutline] { saved() }

    /// Forgets the values read so far (after the index was refreshed).
    public func reset() { cache = [:] }
}

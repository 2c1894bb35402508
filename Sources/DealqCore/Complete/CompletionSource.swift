/// What completion may offer beyond the language itself: the facets of the
/// index, their values, and the saved queries. The shell reads them from the
/// index; tests give them in memory.
public protocol CompletionSource {
    /// Facet names in catalog order (lower case).
    var facetNames: [String] { get }
    /// The values of a facet as the corpus spells them, most common first.
    func values(of facet: String) -> [String]
    /// Saved queries: names and the names of their parameters.
    var savedQueries: [SavedQueryOutline] { get }
}

/// A saved query as completion sees it.
public struct SavedQueryOutline: Sendable, Equatable {
    public var name: String
    public var parameters: [String]

    public init(name: String, parameters: [String] = []) {
        self.name = name
        self.parameters = parameters
    }
}

/// A completion source held in memory.
public struct StaticCompletionSource: CompletionSource, Sendable {
    public var facetNames: [String]
    public var facetValues: [String: [String]]
    public var savedQueries: [SavedQueryOutline]

    public init(facetNames: [String] = Catalog().names, facetValues: [String: [String]] = [:],
                savedQueries: [SavedQueryOutline] = []) {
        self.facetNames = facetNames
        self.facetValues = facetValues
        self.savedQueries = savedQueries
    }

    public func values(of facet: String) -> [String] { facetValues[facet] ?? [] }
}

@testable import DealqCore

/// The bound argument that stands for a built-in facet in `deal_facets.facet`.
func facetID(_ name: String) -> SQLValue {
    .number(Double(FacetNames.id(builtIn: name)))
}

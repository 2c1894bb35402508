import GRDB

/// How `drivers … by driver` keys a driver row by its own text: the key the
/// `driver` facet's rows use (the text lower-cased as Swift lower-cases it,
/// so non-ASCII letters fold too), computed in SQL by a function every read
/// connection registers. A driver without text falls in `(none)`.
enum DriverKey {
    static let name = "dealq_facet_key"

    /// The group key expression over the driver row `x`.
    static let sql = "\(name)(x.driver)"

    static func isDriver(_ facet: Catalog.Facet) -> Bool { facet.name == "driver" }

    /// `dealq_facet_key(text)`: the facet key of a value, NULL for NULL or empty text.
    static let function = DatabaseFunction(name, argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]), !text.isEmpty else { return nil }
        return text.lowercased()
    }
}

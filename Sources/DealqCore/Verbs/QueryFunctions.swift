import GRDB

/// The SQL functions dealq's statements call (`dealq_facet_key`, `dealq_sum`),
/// registered on every connection that prepares or runs them.
enum QueryFunctions {
    static func register(_ db: Database) {
        db.add(function: DriverKey.function)
        ExactSum.register(db)
    }
}

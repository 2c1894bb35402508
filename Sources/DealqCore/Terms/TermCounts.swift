import GRDB
import GRDBSQLite

/// Which text `terms` compares: the buyers' quotes, or whole deal bodies.
enum ComparedText: Sendable, Equatable {
    case quotes, bodies

    /// The `fts5vocab` instance table of its full-text table: every token's term, document and offset.
    var instances: String { self == .quotes ? "quote_vocab" : "deal_vocab" }
    /// The `fts5vocab` row table: every term with its number of tokens (`cnt`), in the same term order.
    var terms: String { self == .quotes ? "quote_terms" : "deal_terms" }
}

/// How often every term (a stem, or two consecutive stems where neither is a
/// stop word) occurs in the matching text (side a) and in the other text
/// (side b), counted from the positions the full-text index keeps: the text
/// is not read again.
struct TermCounts {
    struct Tally: Equatable {
        var a = 0
        var b = 0
        /// Matching deals whose compared text has the term.
        var deals = 0
        /// The last matching deal counted in `deals`.
        fileprivate var lastDeal: Int32 = 0
    }

    /// Term id → stem, and whether it is a stop word's stem.
    private(set) var stems: [String] = []
    private(set) var isStop: [Bool] = []
    private(set) var unigrams: [Tally] = []
    /// Two term ids (first << 32 | second) → tally.
    private(set) var bigrams: [UInt64: Tally] = [:]
    /// Every term's occurrences on each side (single stems and phrases).
    private(set) var na = 0
    private(set) var nb = 0
    /// The token sequence of every document (quote or deal body), by position.
    private(set) var positions = DocumentPositions()
    /// The matching documents, in deal order, each with its deal.
    private(set) var matching: [(doc: Int32, deal: Int32)] = []

    /// - Parameters:
    ///   - matchingDocuments: `(document rowid, deal rowid)` of the matching side, ordered by deal.
    ///   - stopStems: the stems of the stop words.
    init(_ db: Database, text: ComparedText, matchingDocuments: [(doc: Int32, deal: Int32)], stopStems: Set<String>) throws {
        matching = matchingDocuments
        try readPositions(db, text: text)
        isStop = stems.map(stopStems.contains)
        unigrams = Array(repeating: Tally(), count: stems.count)
        var isMatching = [Bool](repeating: false, count: positions.documentCount)
        for (doc, deal) in matching where Int(doc) < isMatching.count {
            isMatching[Int(doc)] = true
            count(document: doc, deal: deal, matching: true)
        }
        for doc in 0..<positions.documentCount where !isMatching[doc] {
            count(document: Int32(doc), deal: 0, matching: false)
        }
    }

    /// Reads the document and offset of every token. The instance table lists
    /// tokens term by term, in the order of the row table, which gives each term's
    /// number of tokens: so the term's text is read once per term, not once per
    /// token (reading it per token costs three times the rest).
    private mutating func readPositions(_ db: Database, text: ComparedText) throws {
        var runs: [Int] = []
        try Self.step(db, "SELECT term, cnt FROM \(text.terms)") { statement in
            stems.append(String(cString: sqlite3_column_text(statement, 0)))
            runs.append(Int(sqlite3_column_int64(statement, 1)))
        }
        var terms: [Int32] = [], docs: [Int32] = [], offsets: [Int32] = []
        terms.reserveCapacity(runs.reduce(0, +))
        docs.reserveCapacity(terms.capacity)
        offsets.reserveCapacity(terms.capacity)
        for (id, run) in runs.enumerated() { terms.append(contentsOf: repeatElement(Int32(id), count: run)) }
        try Self.step(db, "SELECT doc, offset FROM \(text.instances)") { statement in
            docs.append(Int32(sqlite3_column_int64(statement, 0)))
            offsets.append(Int32(sqlite3_column_int(statement, 1)))
        }
        guard docs.count == terms.count else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "\(text.instances) and \(text.terms) disagree on the number of tokens")
        }
        positions = DocumentPositions(terms: terms, docs: docs, offsets: offsets)
    }

    /// Runs a statement with no arguments, calling `row` for each row.
    private static func step(_ db: Database, _ sql: String, _ row: (OpaquePointer) throws -> Void) throws {
        var statement: OpaquePointer?
        let connection = db.sqliteConnection
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_errcode(connection)),
                                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        defer { sqlite3_finalize(statement) }
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
            }
            try row(statement)
        }
    }

    private mutating func count(document doc: Int32, deal: Int32, matching: Bool) {
        let sequence = positions.sequence(of: doc)
        var previous: Int32 = -1
        for term in sequence {
            guard term >= 0, !isStop[Int(term)] else { previous = -1; continue }
            Self.tally(&unigrams[Int(term)], deal: deal, matching: matching)
            var occurrences = 1
            if previous >= 0 {
                Self.tally(&bigrams[Self.bigramKey(previous, term), default: Tally()], deal: deal, matching: matching)
                occurrences += 1
            }
            if matching { na += occurrences } else { nb += occurrences }
            previous = term
        }
    }

    private static func tally(_ t: inout Tally, deal: Int32, matching: Bool) {
        if matching {
            t.a += 1
            if t.lastDeal != deal { t.lastDeal = deal; t.deals += 1 }
        } else {
            t.b += 1
        }
    }

    static func bigramKey(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(first)) << 32 | UInt64(UInt32(second))
    }

    static func bigramParts(_ key: UInt64) -> (Int32, Int32) {
        (Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
    }
}

/// Every document's tokens in position order, laid out in one array
/// (a counting sort of the index's rows, which come ordered by term).
struct DocumentPositions {
    private var start: [Int] = [0]
    private var tokens: [Int32] = []

    init() {}

    init(terms: [Int32], docs: [Int32], offsets: [Int32]) {
        let documents = (docs.max().map(Int.init) ?? -1) + 1
        var length = [Int](repeating: 0, count: documents)
        for (doc, offset) in zip(docs, offsets) { length[Int(doc)] = max(length[Int(doc)], Int(offset) + 1) }
        start = [Int](repeating: 0, count: documents + 1)
        for d in 0..<documents { start[d + 1] = start[d] + length[d] }
        tokens = [Int32](repeating: -1, count: start[documents])
        for i in terms.indices { tokens[start[Int(docs[i])] + Int(offsets[i])] = terms[i] }
    }

    var documentCount: Int { start.count - 1 }

    /// The term ids of a document by position (-1 where the index has no token).
    func sequence(of doc: Int32) -> ArraySlice<Int32> {
        let d = Int(doc)
        guard d >= 0, d < documentCount else { return [] }
        return tokens[start[d]..<start[d + 1]]
    }
}

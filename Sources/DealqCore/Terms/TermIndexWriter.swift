import Foundation
import GRDB
import GRDBSQLite

/// Keeps the index's term tables in step with its deals, inside the writer's
/// transaction: the dictionary (`term_stems`, `term_spellings`), one vector of
/// counts per deal and text (`deal_quote_terms`, `deal_body_terms`), and the
/// totals of every stem and of all terms (`term_totals`), changed by each deal
/// added or removed and written at the end.
final class TermIndexWriter {
    private let db: Database
    private let insertVector: [ComparedText: Statement]
    private let deleteVector: [ComparedText: Statement]
    private let readVector: [ComparedText: Statement]
    /// The dictionary as far as this run has used it.
    private var stemIDs: [String: Int32] = [:]
    /// By `key(of:)`.
    private var spellingIDs: [String: (id: Int32, stem: Int32)] = [:]
    /// Rows to add to the dictionary at the end.
    private var newStems: [(id: Int32, stem: String)] = []
    private var newSpellings: [(id: Int32, stem: Int32, spelling: String)] = []
    private var nextStemID: Int32
    private var nextSpellingID: Int32
    /// Whether the dictionary had rows before this run: only then can a miss be in the table.
    private let dictionaryWasEmpty: Bool
    /// For each counter's numbering (`DealTerms.source`), its terms' ids in the
    /// dictionary by their local number; a stem id of -1: not looked up yet.
    private var byLocal: [Int: [(id: Int32, stem: Int32)]] = [:]
    /// Stem id → change in its occurrences in quotes and in bodies; and in all terms' occurrences.
    private var quoteDeltas: [Int] = []
    private var bodyDeltas: [Int] = []
    private var totalDeltas: [ComparedText: Int] = [.quotes: 0, .bodies: 0]

    private func add(_ delta: Int, stem: Int32, _ text: ComparedText) {
        if text == .quotes { Self.add(delta, stem: stem, to: &quoteDeltas) } else { Self.add(delta, stem: stem, to: &bodyDeltas) }
    }

    /// Adds `delta` to the stem's place in `deltas`, growing it when the stem is new.
    private static func add(_ delta: Int, stem: Int32, to deltas: inout [Int]) {
        let i = Int(stem)
        if i >= deltas.count { deltas.append(contentsOf: repeatElement(0, count: i + 1 - deltas.count + 1024)) }
        deltas[i] += delta
    }

    init(_ db: Database) throws {
        self.db = db
        var insert: [ComparedText: Statement] = [:]
        var delete: [ComparedText: Statement] = [:]
        var read: [ComparedText: Statement] = [:]
        for text in [ComparedText.quotes, .bodies] {
            insert[text] = try db.makeStatement(sql: "INSERT INTO \(text.vectors) (deal, terms) VALUES (?, ?)")
            delete[text] = try db.makeStatement(sql: "DELETE FROM \(text.vectors) WHERE deal = ?")
            read[text] = try db.makeStatement(sql: "SELECT terms FROM \(text.vectors) WHERE deal = ?")
        }
        insertVector = insert
        deleteVector = delete
        readVector = read
        nextStemID = Int32(try Int.fetchOne(db, sql: "SELECT max(id) FROM term_stems") ?? 0) + 1
        nextSpellingID = Int32(try Int.fetchOne(db, sql: "SELECT max(id) FROM term_spellings") ?? 0) + 1
        dictionaryWasEmpty = nextStemID == 1
    }

    func insert(deal: Int64, terms: DealTerms) throws {
        var local = byLocal.removeValue(forKey: terms.source) ?? []
        defer { if terms.source != 0 { byLocal[terms.source] = local } }
        try insert(deal: deal, text: .quotes, counts: terms.quotes, local: &local)
        try insert(deal: deal, text: .bodies, counts: terms.body, local: &local)
    }

    private func insert(deal: Int64, text: ComparedText, counts: [DealTerms.Count],
                        local: inout [(id: Int32, stem: Int32)]) throws {
        guard !counts.isEmpty else { return }
        // The text's deltas are taken out of `self` for the loop and put back after it:
        // a local array is not checked for exclusive access on every entry, a property is.
        var deltas: [Int] = []
        if text == .quotes { swap(&deltas, &quoteDeltas) } else { swap(&deltas, &bodyDeltas) }
        defer { if text == .quotes { swap(&deltas, &quoteDeltas) } else { swap(&deltas, &bodyDeltas) } }
        var entries: [TermVector.Entry] = []
        entries.reserveCapacity(counts.count)
        var total = 0
        for entry in counts {
            let count = entry.count
            let ids: (id: Int32, stem: Int32)
            let n = Int(entry.local)
            if n >= 0, n < local.count, local[n].stem >= 0 {
                ids = local[n]
            } else {
                ids = try id(of: entry.term)
                if n >= 0 {
                    if n >= local.count { local.append(contentsOf: repeatElement((id: Int32(-1), stem: Int32(-1)), count: n + 1 - local.count)) }
                    local[n] = ids
                }
            }
            entries.append(TermVector.Entry(stem: ids.stem, spelling: ids.id, count: count))
            Self.add(Int(count), stem: ids.stem, to: &deltas)
            total += Int(count)
        }
        totalDeltas[text]! += total
        let bytes = TermVector.encode(entries)
        guard let statement = insertVector[text]?.sqliteStatement else { return }
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, deal)
        bytes.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(statement, 2, buffer.baseAddress, Int32(buffer.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        let rc = sqlite3_step(statement)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Takes a deal's vectors out, and their counts out of the totals.
    func delete(deal: Int64) throws {
        for text in [ComparedText.quotes, .bodies] {
            guard let read = readVector[text], let delete = deleteVector[text] else { continue }
            if let blob = try Data.fetchOne(read, arguments: [deal]) {
                var total = 0
                let valid = blob.withUnsafeBytes { bytes in
                    TermVector.decode(bytes) { stem, _, count, _ in
                        self.add(-Int(count), stem: stem, text)
                        total += Int(count)
                    }
                }
                guard valid else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a term vector of \(text.vectors) is damaged") }
                totalDeltas[text]! -= total
            }
            delete.setUncheckedArguments([deal])
            try delete.execute()
        }
    }

    /// An ASCII spelling is its own key: the tokenizer only lower-cases ASCII
    /// words, so the spelling is the token and gives the stem. Other spellings
    /// are keyed with their stem too.
    private static func key(of spelling: DealTerms.Spelling) -> String {
        spelling.spelling.utf8.allSatisfy { $0 < 0x80 } ? spelling.spelling : spelling.spelling + "\u{0}" + spelling.stem
    }

    /// The spelling's id and its stem's, added to the dictionary when new.
    private func id(of spelling: DealTerms.Spelling) throws -> (id: Int32, stem: Int32) {
        let key = Self.key(of: spelling)
        if let known = spellingIDs[key] { return known }
        let stem = try stemID(spelling.stem)
        var id: Int32?
        if !dictionaryWasEmpty {
            id = try Int.fetchOne(db, sql: "SELECT id FROM term_spellings WHERE stem = ? AND spelling = ?",
                                  arguments: [stem, spelling.spelling]).map(Int32.init)
        }
        let found = id ?? {
            defer { nextSpellingID += 1 }
            newSpellings.append((nextSpellingID, stem, spelling.spelling))
            return nextSpellingID
        }()
        spellingIDs[key] = (found, stem)
        return (found, stem)
    }

    private func stemID(_ stem: String) throws -> Int32 {
        if let known = stemIDs[stem] { return known }
        var id: Int32?
        if !dictionaryWasEmpty {
            id = try Int.fetchOne(db, sql: "SELECT id FROM term_stems WHERE stem = ?", arguments: [stem]).map(Int32.init)
        }
        let found = id ?? {
            defer { nextStemID += 1 }
            newStems.append((nextStemID, stem))
            return nextStemID
        }()
        stemIDs[stem] = found
        return found
    }

    /// The stem's delta, left at zero.
    private static func take(stem: Int32, from deltas: inout [Int]) -> Int {
        let i = Int(stem)
        guard i < deltas.count else { return 0 }
        defer { deltas[i] = 0 }
        return deltas[i]
    }

    /// Writes the new dictionary rows and the changed totals.
    func applyCounts() throws {
        // A new stem goes in with its counts; only stems already in the table are updated.
        let addStem = try FastStatement(db, "INSERT INTO term_stems (id, stem, quotes, bodies) VALUES (?, ?, ?, ?)")
        for (id, stem) in newStems {
            try addStem.run(.int(Int64(id)), .text(stem), .int(Self.take(stem: id, from: &quoteDeltas)),
                            .int(Self.take(stem: id, from: &bodyDeltas)))
        }
        let addSpelling = try FastStatement(db, "INSERT INTO term_spellings (id, stem, spelling) VALUES (?, ?, ?)")
        for (id, stem, spelling) in newSpellings {
            try addSpelling.run(.int(Int64(id)), .int(Int64(stem)), .text(spelling))
        }
        newStems = []
        newSpellings = []
        defer { quoteDeltas = []; bodyDeltas = [] }
        for text in [ComparedText.quotes, .bodies] {
            let column = text == .quotes ? "quotes" : "bodies"
            let update = try FastStatement(db, "UPDATE term_stems SET \(column) = \(column) + ? WHERE id = ?")
            for (stem, delta) in (text == .quotes ? quoteDeltas : bodyDeltas).enumerated() where delta != 0 {
                try update.run(.int(delta), .int(stem))
            }
            try db.execute(sql: """
                INSERT INTO term_totals (text, occurrences) VALUES (?, ?)
                ON CONFLICT (text) DO UPDATE SET occurrences = occurrences + excluded.occurrences
                """, arguments: [column, totalDeltas[text]!])
            totalDeltas[text] = 0
        }
    }
}

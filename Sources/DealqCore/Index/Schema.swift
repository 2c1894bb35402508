/// The SQLite schema of the index. Documented for `sqlite3` users in README.md
/// ("The index"); keep the two in step. Bump `version` on any change: an index
/// with another version is rebuilt from the corpus.
public enum Schema {
    public static let version = 12
    /// `PRAGMA application_id`: marks a file as a dealq index ("dlq1").
    public static let applicationID: Int32 = 0x646C_7131

    /// A `YYYY-MM-DD` day as the integer `deal_facets.closed` holds (20251002), or nil.
    static func dayNumber(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]) else { return nil }
        return y * 10_000 + m * 100 + d
    }

    /// The whole schema: tables, then the secondary indexes that serve the queries.
    public static let create = tables + "\n" + indexes

    /// The secondary indexes. A fresh index creates them after its rows are in
    /// (one sort each, pages filled), an empty one before any row.
    public static let indexes = """
    CREATE INDEX deals_id ON deals (id);
    CREATE INDEX deals_closed ON deals (closed, outcome);
    CREATE INDEX deals_acv ON deals (acv);
    CREATE INDEX deal_facets_deal ON deal_facets (deal, facet);
    CREATE INDEX deal_numbers_deal ON deal_numbers (deal);
    CREATE INDEX quotes_deal ON quotes (deal, ord);
    CREATE INDEX quote_topics_quote ON quote_topics (quote);
    """

    /// The tables, each with its primary key (and the `UNIQUE` indexes of
    /// `deals.path` and `facet_names.name`), and the numbers of the built-in facets.
    public static let tables = tableDefinitions + "\n" + FacetNames.insertBuiltIns

    static let tableDefinitions = """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE files (
        path     TEXT PRIMARY KEY,
        size     INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        inode    INTEGER NOT NULL,
        hash     TEXT NOT NULL,
        status   TEXT NOT NULL CHECK (status IN ('deal', 'duplicate', 'rejected', 'skipped')),
        deal_id  TEXT,
        line     INTEGER,
        col      INTEGER,
        message  TEXT,
        more     TEXT
    ) WITHOUT ROWID;

    CREATE TABLE folders (
        path     TEXT PRIMARY KEY,
        mtime_ns INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE deals (
        rowid                INTEGER PRIMARY KEY,
        id                   TEXT NOT NULL,
        path                 TEXT NOT NULL UNIQUE,
        id_line              INTEGER NOT NULL,
        id_col               INTEGER NOT NULL,
        account              TEXT NOT NULL,
        outcome              TEXT NOT NULL CHECK (outcome IN ('won', 'lost', 'churned')),
        closed               TEXT NOT NULL,
        acv                  REAL,
        segment              TEXT,
        region               TEXT,
        product              TEXT,
        rep                  TEXT,
        stage                TEXT,
        competitor_primary   TEXT,
        competitor_incumbent TEXT,
        competitor_selected  TEXT,
        crm_loss_reason      TEXT,
        crm_win_reason       TEXT,
        crm_competitor       TEXT,
        confidence           REAL,
        top_driver           TEXT,
        mismatch             INTEGER,
        quotes               INTEGER NOT NULL
    );

    CREATE TABLE facet_names (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );

    CREATE TABLE deal_facets (
        facet   INTEGER NOT NULL,
        key     TEXT NOT NULL,
        deal    INTEGER NOT NULL,
        outcome INTEGER NOT NULL,
        closed  INTEGER NOT NULL,
        value   TEXT,
        first   INTEGER NOT NULL,
        PRIMARY KEY (facet, key, deal)
    ) WITHOUT ROWID;

    CREATE VIEW deal_facet_values AS
    SELECT n.name AS facet, f.key, f.deal, f.outcome, f.closed, coalesce(f.value, f.key) AS value, f.first
    FROM deal_facets f JOIN facet_names n ON n.id = f.facet;

    CREATE TABLE deal_numbers (
        facet TEXT NOT NULL,
        num   REAL NOT NULL,
        deal  INTEGER NOT NULL,
        PRIMARY KEY (facet, num, deal)
    ) WITHOUT ROWID;

    CREATE TABLE drivers (
        deal        INTEGER NOT NULL,
        ord         INTEGER NOT NULL,
        category    TEXT NOT NULL,
        driver      TEXT,
        weight      REAL NOT NULL,
        explanation TEXT,
        PRIMARY KEY (deal, ord)
    ) WITHOUT ROWID;

    CREATE TABLE quotes (
        rowid   INTEGER PRIMARY KEY,
        deal    INTEGER NOT NULL,
        ord     INTEGER NOT NULL,
        text    TEXT NOT NULL,
        speaker TEXT,
        source  TEXT,
        date    TEXT,
        section TEXT,
        line    INTEGER NOT NULL
    );

    CREATE TABLE quote_topics (
        topic TEXT NOT NULL,
        quote INTEGER NOT NULL,
        PRIMARY KEY (topic, quote)
    ) WITHOUT ROWID;

    CREATE TABLE insights (
        deal  INTEGER NOT NULL,
        ord   INTEGER NOT NULL,
        area  TEXT NOT NULL,
        label TEXT NOT NULL,
        note  TEXT,
        PRIMARY KEY (deal, ord)
    ) WITHOUT ROWID;

    CREATE TABLE custom_fields (
        deal  INTEGER NOT NULL,
        name  TEXT NOT NULL,
        kind  TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (deal, name)
    ) WITHOUT ROWID;

    CREATE TABLE facet_spellings (
        facet TEXT NOT NULL,
        key   TEXT NOT NULL,
        value TEXT NOT NULL,
        deals INTEGER NOT NULL,
        won   INTEGER NOT NULL,
        lost  INTEGER NOT NULL,
        PRIMARY KEY (facet, key, value)
    ) WITHOUT ROWID;

    CREATE TABLE facet_presence (
        facet TEXT PRIMARY KEY,
        deals INTEGER NOT NULL,
        won   INTEGER NOT NULL,
        lost  INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE custom_kinds (
        name  TEXT NOT NULL,
        kind  TEXT NOT NULL,
        deals INTEGER NOT NULL,
        PRIMARY KEY (name, kind)
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE deal_fts USING fts5 (body, tokenize = 'porter unicode61');
    CREATE VIRTUAL TABLE quote_fts USING fts5 (text, content = 'quotes', content_rowid = 'rowid', tokenize = 'porter unicode61');
    CREATE VIRTUAL TABLE deal_vocab USING fts5vocab (deal_fts, instance);
    CREATE VIRTUAL TABLE quote_vocab USING fts5vocab (quote_fts, instance);
    CREATE VIRTUAL TABLE deal_terms USING fts5vocab (deal_fts, row);
    CREATE VIRTUAL TABLE quote_terms USING fts5vocab (quote_fts, row);

    CREATE TABLE term_stems (
        id     INTEGER PRIMARY KEY,
        stem   TEXT NOT NULL UNIQUE,
        quotes INTEGER NOT NULL,
        bodies INTEGER NOT NULL
    );
    CREATE TABLE term_spellings (
        id       INTEGER PRIMARY KEY,
        stem     INTEGER NOT NULL,
        spelling TEXT NOT NULL,
        UNIQUE (stem, spelling)
    );
    CREATE TABLE deal_quote_terms (
        deal  INTEGER PRIMARY KEY,
        terms BLOB NOT NULL
    );
    CREATE TABLE deal_body_terms (
        deal  INTEGER PRIMARY KEY,
        terms BLOB NOT NULL
    );
    CREATE TABLE term_totals (
        text        TEXT PRIMARY KEY,
        occurrences INTEGER NOT NULL
    ) WITHOUT ROWID;
    """

    /// Outcome codes stored in `deal_facets.outcome` so that win rates by a
    /// facet are counted from that table alone.
    public static func outcomeCode(_ outcome: Outcome) -> Int {
        switch outcome {
        case .won: return 0
        case .lost: return 1
        case .churned: return 2
        }
    }
}

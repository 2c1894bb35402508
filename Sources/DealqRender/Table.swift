/// The typed answer of every query: named columns and rows of typed cells.
///
/// Renderers turn a `Table` into text for one output format; the engine never
/// formats values itself.
public struct Table: Sendable, Equatable {
    public var columns: [Column]
    public var rows: [[Cell]]
    /// How many rows the answer had before `limit:` cut it (nil: not cut).
    public var totalRows: Int?
    /// Which column holds time groups (`month`, `quarter`, `year`), drawn as bars in table output.
    public var timeColumn: Int?
    /// Which numeric column the bar chart measures (e.g. `winrate`, `deals`).
    public var barColumn: Int?
    /// How `table` output lays the rows out; the other formats ignore it.
    public var layout: Layout
    /// A remark per row for people (worded `▲ above (all)`, `n<10`): shown in an
    /// extra `note` column by the table, markdown and HTML formats, never in csv or json.
    public var marks: [Mark?] = []
    /// Lines after the table for people, explaining the marks.
    public var footnotes: [Footnote] = []
    /// How many leading columns are `by` groups.
    public var groupColumns = 0
    /// Whether `table` output draws the answer as a grid: two groups with time first,
    /// one row per pair of values, one measure (the bar column) worth a cell each, as
    /// counts and win rates are. Answers with several rows per pair (driver categories)
    /// or several measures (`audit`) stay rows.
    public var grid = false

    public init(columns: [Column], rows: [[Cell]] = [], totalRows: Int? = nil,
                timeColumn: Int? = nil, barColumn: Int? = nil, layout: Layout = .grid) {
        self.columns = columns
        self.rows = rows
        self.totalRows = totalRows
        self.timeColumn = timeColumn
        self.barColumn = barColumn
        self.layout = layout
    }

    /// How `table` output (for people on a terminal) shows the rows. CSV, JSON, JSON lines
    /// and Markdown write the same columns whatever the layout.
    public enum Layout: Sendable, Equatable, CaseIterable {
        /// Aligned columns, one line per row, fitted to the width.
        case grid
        /// One card per row for the `quotes` verb: the quote wrapped to the width in
        /// typographic quotes, then who said it and in which deal. Columns are found by
        /// name (`quote`, `speaker`, `source`, `date`, `section`, `deal`, `account`,
        /// `outcome`, `acv`); without a `quote` column the table is drawn as a grid.
        case quotes
        /// A grid of the other columns, each row followed by its snippet, indented and
        /// wrapped to the width. The snippet column is the first of kind `.snippet`
        /// (else the one named `snippet`); without one the table is drawn as a grid.
        case snippets
        /// The rows of `terms` for people: `log_odds` left out, a term no topic
        /// covers marked `(no topic)` (see `TermsView`).
        case terms
    }
}

public struct Column: Sendable, Equatable {
    public var name: String
    public var kind: Kind

    public enum Kind: Sendable, Equatable {
        case text       // free text, facet values, ids
        case integer    // counts
        case number     // plain decimal (weights, confidence)
        case money      // ACV: `$120K` in table output, a plain number elsewhere
        case rate       // a fraction 0…1: `42.1%` in table output, a plain number elsewhere
        case date       // `YYYY-MM-DD`
        case snippet    // text with highlighted matches marked by `Cell.highlightStart`/`End`
    }

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

public enum Cell: Sendable, Equatable {
    case null
    case text(String)
    case integer(Int)
    case number(Double)

    /// Markers that `snippet` cells use around highlighted words; renderers
    /// turn them into color, `**bold**` or nothing.
    public static let highlightStart: Character = "\u{2}"
    public static let highlightEnd: Character = "\u{3}"
}

// Generated from docs/query-language.md by scripts/generate-language-reference.sh; do not edit.

/// The query language reference (docs/query-language.md), served by the `language` tool
/// and the `dealq://docs/query-language` resource.
enum LanguageReference {
    static let markdown = ####"""
# Asking questions: the query language and the `dealq` command

One line asks one question. It reads like a search box with a verb in front:

```dealq
winrate by topic acv>100k
quotes competitor:"Acme Analytics" since:90d
winrate by quarter since:2024-01-01
drivers outcome:lost by quarter
count by competitor.selected outcome:lost
deals "security review" -outcome:won sort:acv
```

You type it after `dealq` on the command line (in quotes, so the shell leaves
it alone), in the interactive `dealq shell`, in a saved query, or one per line
in a batch file. This page explains every part of a query, what each answer
contains, and every command of `dealq`. [The corpus format](corpus-format.md)
explains where the data comes from; [the cookbook](cookbook.md) has recipes
with real answers; [getting started](getting-started.md) sets up a corpus.

- [Shape of a query](#shape-of-a-query)
- [Verbs and their answers](#verbs-and-their-answers)
- [Filters](#filters)
- [Values](#values)
- [Facets](#facets)
- [Grouping with `by`](#grouping-with-by)
- [Options](#options)
- [Output](#output)
- [Honest numbers](#honest-numbers)
- [Notes, errors and exit statuses](#notes-errors-and-exit-statuses)
- [The command line](#the-command-line)

The examples run on the sample corpus bundled in `corpus/`, from inside that
folder. In a code block marked `dealq`, each line is a query.

## Shape of a query

```text
[verb] clause clause …
```

A **clause** is a filter, a `by` grouping, or an option, and clauses may come
in any order: `winrate segment:enterprise by topic` is the same question as
`winrate by topic segment:enterprise`. The verb is the first word when it is
one of `deals`, `quotes`, `count`, `winrate`, `drivers`, `insights`, `audit`,
`prioritize`, `terms` (in lower case); otherwise the question is `deals`, so a bare
search works:

```dealq
"security review"
implementation outcome:lost
```

## Verbs and their answers

Every answer is a table. The column names below are exact: they are the CSV
header and the JSON keys. The people-friendly `table` and `markdown` formats
show the same data, merging `ci_low`/`ci_high` into one `95% CI` column and,
when a win-rate group needs one, adding a `note` column (see
[Honest numbers](#honest-numbers)).

### `deals`: the matching deals

```dealq
deals competitor:"Acme Analytics" outcome:lost sort:acv
deals "security review" -outcome:won sort:acv
```

Columns: `id`, `account`, `outcome`, `acv`, `closed`, `competitor` (the
primary competitor), `top_driver` (category of the heaviest driver), and, when
the query has text terms, `snippet` (the matching passage, with the words
highlighted on a terminal). With text terms the deals are ranked by relevance;
otherwise newest `closed` first.

### `quotes`: the buyers' own words

```dealq
quotes implementation acv>100k
quotes topic:security segment:enterprise
quotes competitor:"Acme Analytics" outcome:lost since:1y
```

Columns: `quote`, `speaker`, `source`, `date`, `section`, `deal`, `account`,
`outcome`, `acv`. Newest quote first (quotes without a date last), then by deal
id, then by place in the file.

Filters play two parts here. Facet filters (`competitor:…`, `acv>100k`,
`since:1y`) choose the **deals**; text terms and `topic:` choose the
**quotes themselves**. `quotes implementation acv>100k` lists quotes that say
"implementation" (or "implementing") from deals over $100K, not every quote
of a big deal that mentions implementation somewhere. A quote matches
`topic:security` when its own text matches a security pattern of `dealq.yml`.
Because the two kinds answer different questions, they cannot be mixed inside
one `or` or under one negation (`quotes pricing or outcome:lost` is an error).

### `count`: how many

```dealq
count outcome:lost
count by competitor.selected outcome:lost
```

Without `by`: one column, `deals`. With `by f`: columns `f` and `deals`.

### `winrate`: won ÷ (won + lost)

```dealq
winrate
winrate by segment
winrate by topic acv>100k
```

Churned deals do not count. Columns: one per `by` facet, named after it
(without `by`, one column `group`), then `deals` (won + lost), `won`, `lost`,
`winrate`, `lift`, `ci_low`, `ci_high`. The first row is the baseline over all
the matching deals, with `(all)` in the group columns; then one row per group.
`lift` is the group's rate minus the baseline's. `ci_low` and `ci_high` are the
95% Wilson score interval: the range the true rate plausibly lies in, given
how few deals there are. A group whose deals all churned has `deals` 0 and no
rate.

**Weighed by money: `weight:acv`.** A win rate of deals treats a $5K deal
like a $500K one. `weight:acv` asks how much of the money we won instead:

```dealq
winrate by segment weight:acv
```

Columns: the group columns, `deals` (won + lost deals with an ACV),
`effective_deals`, `won_acv`, `lost_acv`, `winrate` (won ACV ÷ (won + lost
ACV)), `lift`, `ci_low`, `ci_high`. Deals without an ACV are left out. The
interval is Wilson's at the *effective number of deals*, (ΣACV)² ÷ ΣACV²:
ten equal deals count as ten, but a group carried by one huge deal counts as
little more than one, so its interval is wide and it is marked `n<10`.

### `drivers`: why deals went the way they did

```dealq
drivers outcome:lost
drivers outcome:lost by quarter
drivers outcome:lost weight:acv
drivers outcome:lost by driver
```

Columns: `category`, `weight` (the sum of that category's driver weights over
the matching deals; each deal's weights sum to 1, so a deal counts once),
`share` (weight ÷ the total weight), `deals` (deals with that category).
Heaviest first, ties by category name. With `by f` the columns start with `f`,
the rows come group by group, and `share` is within the group.

`by driver` groups the drivers, not the deals: each driver's weight counts
only under its own text, so `drivers outcome:lost by driver` lists each driver
text with its category, its summed weight and the deals that name it (a deal
with a pricing and a product driver does not put its pricing weight under the
product driver). Texts compare ignoring case and are shown as most deals spell
them; drivers written without a text fall in `(none)`. A text filed under two
categories gives one row per category within its group. Groups come most
deals first. With a second facet (`by quarter, driver` or `by driver,
quarter`) the group is the pair, and `share` is within the pair. `by category`
is an error: `drivers` already gives one row per category.

With `weight:acv`, each deal's weights are multiplied by its ACV: the column
`weight` becomes `acv` (the money behind each reason), so `drivers
outcome:lost weight:acv` says what each reason is costing.

### `insights`: product insights

```dealq
insights label:gap outcome:lost
insights area:SSO
```

Columns: `area`, `label`, `note`, `deal`, `account`, `outcome`, `acv`: one row
per insight of the matching deals, newest deal first, then by deal id and the
order in the file.

### `audit`: how good is the data?

```dealq
audit
audit by rep
audit by quarter since:2024-01-01
```

For RevOps: one row per group (or one row without `by`) with the shares that
say whether the CRM and the program capture what they should. Columns: the
group columns, then

| column | meaning |
|---|---|
| `deals` | matching deals |
| `lost` | of them, lost |
| `crm_reason` | share of the lost deals with a CRM loss reason |
| `competitor` | share of the deals naming any competitor |
| `selected` | share of the lost deals naming the competitor the buyer selected |
| `interview` | share of the deals with `interview` among their sources |
| `mismatch` | of the lost deals whose CRM reason can be compared, the share where it disagrees with the heaviest driver |

`deals mismatch:true outcome:lost` then lists the deals behind the last
column.

### `prioritize`: whom to interview next

```dealq
prioritize outcome:lost since:1y
```

Deals with no `interview` among their sources, best candidates first. Columns:
`deal`, `account`, `outcome`, `acv`, `closed`, `score`, `reason` (why it was
picked, in words). The score, between 0 and 1, is
`uncertainty × (0.5 + 0.5 × value) × (0.5 + 0.5 × recency)`:

- uncertainty: the larger of 1 − `confidence` (0.5 when not given) and how
  evenly the driver weights are spread (their entropy over its maximum: 1 when
  all are equal or there are no drivers, 0 for a single driver);
- value: log10(ACV) ÷ log10($2M), at most 1 (0.3 when the ACV is not known);
- recency: exp(−days since close ÷ 180), so a deal closed six months ago
  counts a little over a third.

### `terms`: the themes nobody tagged

```dealq
terms outcome:lost
terms competitor.selected:"Acme Analytics" in:bodies
```

What the buyers in the matching deals say that the buyers in all the other
deals do not. The filters pick the deals (text terms included), and the words
of their quotes are compared with the words of every other deal's quotes;
`in:bodies` compares whole write-ups instead. A `terms` with no filter is an
error (there would be nothing to compare with), and so is `by`.

Words are read the way full-text search reads them: runs of letters and
digits, case folded, reduced to their English (Porter) stem, so
`implement`, `implementing` and `implementation` are one term. A term is one
stem, or two stems side by side where neither is a stop word; it is shown in
its most common lower-case spelling among the matching quotes.

Each term is scored with the log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi and Quinn, 2008). With `y_a` and `y_b` the term's
occurrences in the matching and in the other text, `n_a` and `n_b` every
term's occurrences there, `α0 = 1000` and `α = α0 · (y_a + y_b) ÷ (n_a + n_b)`:

```text
δ = ln((y_a + α) ÷ (n_a + α0 − y_a − α)) − ln((y_b + α) ÷ (n_b + α0 − y_b − α))
z = δ ÷ √(1 ÷ (y_a + α) + 1 ÷ (y_b + α))
```

Columns: `term`, `count` (`y_a`), `other` (`y_b`), `deals` (matching deals
whose text has the term), `log_odds` (δ), `z`, and `topic`: the first topic of
`dealq.yml`, in the file's order, with a pattern that matches the term as
shown, or null when none does. Only terms said at least 3 times, in at least 2
matching deals, with `z` above 1.96 (the 95% level) are listed, highest `z`
first, ties by term. As with `quotes`, table output shows 20 rows unless
`limit:` says otherwise.

In table and markdown output `log_odds` is left out and a term no topic covers
reads `(no topic)`: such a theme is what the verb is for. A footnote gives the
`dealq.yml` line that would make the first of them a topic, for example
`fix: ['\bfix\b']`. CSV and JSON keep every column, with `null` topics.

The stop words, left out alone and inside phrases (a word is left out when its
stem is the stem of one of these): `a`, `about`, `above`, `after`, `again`, `against`, `all`, `am`, `an`, `and`, `any`, `are`, `as`, `at`, `be`, `because`, `been`, `before`, `being`, `below`, `between`, `both`, `but`, `by`, `can`, `could`, `d`, `did`, `do`, `does`, `doing`, `don`, `down`, `during`, `each`, `few`, `for`, `from`, `further`, `had`, `has`, `have`, `having`, `he`, `her`, `here`, `hers`, `herself`, `him`, `himself`, `his`, `how`, `i`, `if`, `in`, `into`, `is`, `it`, `its`, `itself`, `just`, `ll`, `m`, `me`, `might`, `more`, `most`, `must`, `my`, `myself`, `no`, `nor`, `not`, `now`, `of`, `off`, `on`, `once`, `only`, `or`, `other`, `our`, `ours`, `ourselves`, `out`, `over`, `re`, `s`, `same`, `shall`, `she`, `should`, `so`, `some`, `such`, `t`, `than`, `that`, `the`, `their`, `theirs`, `them`, `themselves`, `then`, `there`, `these`, `they`, `this`, `those`, `through`, `to`, `too`, `under`, `until`, `up`, `ve`, `very`, `was`, `we`, `were`, `what`, `when`, `where`, `which`, `while`, `who`, `whom`, `why`, `with`, `would`, `you`, `your`, `yours`, `yourself`, `yourselves`. `us`, `own` and `will` are not
among them, because "use", "used", "owned" and "willing" share their stems.

## Filters

Filters narrow the deals. Written side by side they must all hold; `or`
joins alternatives; `-` or `not` negates; parentheses group; `and` may be
written out. Upper-case `OR`, `AND`, `NOT` work too.

| form | meaning | example |
|---|---|---|
| `word` | full-text search: the deal's body (quotes included) contains the word | `implementation` |
| `"a phrase"` | the words in this order | `"security review"` |
| `pref*` | any word starting with `pref` | `integrat*` |
| `facet:value` | the facet equals the value; on a list facet, any item equals it | `segment:enterprise` |
| `facet:v1,v2` | equals any of the values | `outcome:won,lost` |
| `facet:lo..hi` | within the range, both ends included; `lo..` and `..hi` leave one end open | `acv:50k..200k` |
| `facet>v`, `>=`, `<`, `<=`, `=`, `!=` | comparison | `acv>=100k` |
| `has:facet` | the facet has a value | `has:crm.loss_reason` |
| `since:D` | closed on or after D | `since:2025-01-01` |
| `before:D` | closed before D | `before:2025-Q3` |

```dealq
deals (competitor:"Acme Analytics" or competitor:"Northstar BI") -outcome:won
count not has:crm.loss_reason outcome:lost
winrate by segment acv:50k..200k
deals competitor:"Acme Analytics","Northstar BI" closed:2025-Q3
```

Full-text search ignores case, treats runs of letters and digits as words
(accents and other scripts included), and matches English word forms
(`implement` finds "implemented" and "implementing"). A term with no letters
or digits (`---`) is an error: there is nothing to search for.

How values compare:

- Text compares ignoring case (`segment:enterprise` finds `Enterprise`), except
  `id`, which is exact. Values that differ only in case are one value, shown
  with the spelling most deals use.
- Comparisons and ranges need a number or date facet (`acv`, `confidence`,
  `closed`, a numeric custom field). On `month`, `quarter` and `year` they
  compare the period names: `quarter>=2025-Q1`.
- A deal with no value for a facet never matches `:`, `=`, `>`, `>=`, `<`,
  `<=`, a range or `has:`, and does match their negation. `f!=v` is exactly
  `-f:v`: on a list facet, "no item equals v".
- `outcome` accepts the CRM spellings too: `outcome:closed-won`.
- Competitor values go through the aliases of `dealq.yml`: with `Acme` an
  alias of `Acme Analytics`, `competitor:acme` finds every deal against Acme
  Analytics.

## Values

| form | examples | notes |
|---|---|---|
| bare word | `enterprise`, `SSO`, `Mid-Market` | ends at a space, a parenthesis or a `"`; a `,` after a facet's value starts the next value |
| quoted text | `"Acme Analytics"` | for spaces and punctuation |
| number | `100000`, `100k`, `1.5m`, `$120K`, `1,200`, `0.7` | optional `$`, thousands commas in groups of three, `k` = ×1,000, `m` = ×1,000,000, either case |
| day | `2025-03-14` | a real calendar day |
| month | `2025-03` | |
| quarter | `2025-Q3` | calendar quarters |
| year | `2025` | |
| relative span | `90d`, `12w`, `6m`, `1y` | the span ending today: days, weeks (7 days), calendar months, calendar years |

A **period** (month, quarter, year) compares by its ends:

| written | means |
|---|---|
| `closed:2025-Q3`, `closed=2025-Q3` | within the quarter |
| `closed>=2025-Q3`, `since:2025-Q3` | from its first day (July 1) |
| `closed<2025-Q3`, `before:2025-Q3` | before its first day |
| `closed>2025-Q3` | after its last day (September 30) |
| `closed<=2025-Q3` | up to its last day |

A **relative span** counts back from today: `since:90d` is `closed >= today −
90 days`; `6m` and `1y` go back calendar months and years (the day clamped to
the end of a shorter month). To get the same answer tomorrow, in a script or a
test, fix "today" with `--today 2025-12-31` or the environment variable
`DEALQ_TODAY=2025-12-31`.

## Facets

Facet names ignore case. `dealq facets` lists them all, with their kind and
most common values in your corpus; `dealq facets competitor` shows one.

| facet | from | kind |
|---|---|---|
| `id` | front matter (compared exactly) | text |
| `account`, `segment`, `region`, `product`, `rep`, `stage` | front matter | text |
| `outcome` | `won`, `lost` or `churned` | text |
| `acv` | front matter | number |
| `closed` | front matter | date |
| `month`, `quarter`, `year` | derived from `closed` (`2025-08`, `2025-Q3`, `2025`) | text |
| `competitor` | every competitor of the deal, in any role (not `crm.competitor`) | list |
| `competitor.primary`, `competitor.incumbent`, `competitor.selected` | that role | text |
| `crm.loss_reason`, `crm.win_reason`, `crm.competitor` | what the rep logged | text |
| `category` | the deal's driver categories | list |
| `driver` | the deal's driver texts | list |
| `topic` | the deal's topics: front matter plus `dealq.yml` patterns | list |
| `tag`, `source` | `tags`, `sources` | list |
| `confidence` | front matter | number |
| `area`, `label` | the deal's product insights | list |
| `area.gap`, `area.advantage`, `area.bug`, `area.requested` | the areas recorded with that label | list |
| `mismatch` | `true` when the rep's CRM reason names another category than the heaviest driver, `false` when the same; no value when either is missing | text |
| any custom field | front matter | number, date or text, from its values |

Notes on a few of them:

- `area` and `label` are independent: a deal with an SSO request and a
  reporting gap matches `area:SSO label:gap`. To ask "which areas were
  recorded as gaps", use `area.gap`: `count by area.gap outcome:lost`.
- `mismatch` reads the rep's reason (the loss reason of a lost deal, the win
  reason of a won one) as a category by its words: `Budget` is pricing,
  `Missing feature` is product, `Timeline` is timing, `Champion left` is
  relationship, `No decision` is timing, and so on. Reasons that name no
  category (`Other`, `Went dark`) leave `mismatch` without a value.
- Topic names are lower case.

An unknown facet is an error that names the closest one (see
[errors](#notes-errors-and-exit-statuses)).

## Grouping with `by`

`by` splits the answer into groups. It works with `count`, `winrate`,
`drivers` and `audit`; with `deals`, `quotes`, `insights` or `prioritize` it
is an error. It takes one or two facets:

```dealq
count by competitor.selected outcome:lost
winrate by quarter since:2024-01-01
winrate by quarter, segment since:2025-01-01
drivers outcome:lost by segment
```

- On a list facet, a deal falls in every group it has (a deal against Acme
  and Spreadsheets counts in both); a deal with no value falls in `(none)`.
- Group order: time facets (`month`, `quarter`, `year`) oldest first; other
  facets by size, largest first (for `winrate`, most won + lost deals), ties
  by name; `(none)` always last. With two facets, rows follow the first
  facet's order, and within each of its groups the second facet's order.
- Number and date facets cannot be grouped directly: group by `month`,
  `quarter` or `year`, or filter with a range.
- In table output, a grouping by time is drawn as a bar chart; `count` or
  `winrate` by a time facet and a second facet is drawn as a grid, quarters
  down and the second facet across (for win rates, three grids: the rates,
  the won + lost deals, and the intervals).

## Options

| option | meaning | default |
|---|---|---|
| `sort:column` | order rows by one of the answer's columns, largest or newest first | each verb's order |
| `sort:column-asc` | smallest or oldest first | |
| `limit:N` | at most N rows | 20 for `deals`, `quotes`, `prioritize` and `terms` in table output; all otherwise |
| `limit:all` | every row | |
| `weight:acv` | `winrate` and `drivers` weighed by ACV | |
| `in:quotes`, `in:bodies` | `terms` only: compare the buyers' quotes, or whole deal write-ups | `in:quotes` |

```dealq
deals outcome:lost sort:acv limit:5
count by rep sort:deals-asc
quotes competitor:"Northstar BI" limit:all
```

Ties in a sort keep the verb's order. Sorting by a column the answer does not
have is an error that lists the columns it has.

## Output

```sh
dealq --format markdown "winrate by segment"
dealq --format csv "deals outcome:lost limit:all" > lost.csv
dealq --format json "count by competitor"
```

`--format table|csv|json|jsonl|markdown`. Without it, `table` when stdout is a
terminal, `csv` otherwise (so `dealq "…" > file.csv` is already CSV).

- **table** is for people. Money reads `$120K`, rates `42.1%`, lift `+4.3
  pts`, and a win rate's interval is one column, `95% CI` (`54.1–65.9%`).
  On a terminal the table fits the window (the widest text column shrinks
  first); when a limit leaves rows out, a footer says so (`showing 20 of 163
  — limit:all for all`). Quotes are printed as cards with their attribution, section and deal;
  matching deals with their snippet under them; time groups as bars. Colors
  appear only on a terminal, and never when `NO_COLOR` is set.
- **markdown** is the same table as a markdown table, for pasting into a doc
  or a wiki.
- **csv** has exactly the columns listed above, in that order, with numbers
  unrounded. It is plain CSV for scripts (for a CRM import, use
  [`dealq export`](#dealq-export-a-file-for-the-crm)).
- **json** is an array of objects, one per row; numbers are numbers (not
  rounded), dates are `YYYY-MM-DD` strings, an absent value is `null`.
- **jsonl** is one such object per line.

## Honest numbers

Win rates on a few dozen deals move a lot by chance. In table and markdown
output dealq says so next to the numbers, in a `note` column and footnotes:

- `n<10`: the group rests on fewer than 10 won + lost deals (change the
  threshold with `--min-n N`); in a grid such a rate is shown in
  parentheses.
- `▲ above (all)` / `▼ below (all)`: the group's 95% interval lies entirely
  above or below the baseline rate.
- A footnote says how many groups chance alone would put outside the
  interval ("about 1 group in 20"), or, when no group stands out, that the
  differences may all be chance.

```text
competitor       deals  won  lost  winrate       lift      95% CI  note
───────────────  ─────  ───  ────  ───────  ─────────  ──────────  ─────────────
(all)              261  157   104    60.2%    0.0 pts  54.1–65.9%
Acme Analytics      68   29    39    42.6%  -17.5 pts  31.6–54.5%  ▼ below (all)
…

▲▼ the group's 95% interval excludes the (all) rate. Chance alone puts about 1 group in 20 outside it: expect about 0.6 such groups among these 12.
```

CSV and JSON keep exactly the documented columns, without marks: a script
can compute its own.

## Notes, errors and exit statuses

The answer goes to stdout (or to the file of `-o FILE`); everything else goes
to stderr, so a pipe or a CSV file only ever receives the answer.

**Notes.** A value that no deal has is not an error: the answer is simply
empty (or zero), and a note names close values:

```text
$ dealq "count competitor:acmee"
note: no competitor 'acmee'; did you mean 'Acme Analytics'?
deals
0
```

**Hints.** Some queries run as written but were probably meant otherwise. The
answer stays the same (stdout and exit status too); a note on stderr says
what dealq understood:

| query | note |
|---|---|
| `winrate when topic:implementation` | `'when' was searched for as text; filters need no joining word: write them as facet:value, e.g. 'winrate topic:implementation'` and `winrate counts only deals whose text contains 'when'` |
| `help`, `exit`, `quit`, `init`, `import`, `index`, `report`, `run`, `about` as a bare word | `'help' was searched for as text; for help, run 'dealq help' (in the shell: help)`, and for each word what it probably meant |
| `count review segment:enterprise` | `count counts only deals whose text contains 'review'` (`count`, `winrate`, `drivers` and `terms`, when a text term stands beside other filters or `by`; a text term alone, `count review`, is the question itself) |
| `quotes implementation acv>100k` | `'implementation' matches 17 quotes as text; topic:implementation matches 34 (17 more: the topic's patterns match more than the word)`: a text term that is a topic's name (deals for other verbs) |
| `count since:2026-01-01` | `nothing matched under the date filters: the deals of this corpus closed from 2023-01-04 to 2025-12-31` (not when a note already names a value no deal has) |

**Errors.** A query that cannot be read is not run. The error says what is
wrong and puts a caret under the place:

```text
$ dealq "winrate by competiter"
error: unknown facet 'competiter' (did you mean 'competitor'?)
  winrate by competiter
             ^^^^^^^^^^
```

A few others you may meet:

| query | error |
|---|---|
| `deals by segment` | `'by' works with count, winrate and drivers, not with deals` |
| `count by acv` | `cannot group by 'acv', a number; group by month, quarter or year, or filter with a range` |
| `winrate since:last-year` | `'last-year' is not a date: since takes a day (2025-03-14), month (2025-03), quarter (2025-Q3), year (2025) or span (90d, 12w, 6m, 1y)` |
| `deals acv>lots` | `'lots' is not a number: acv takes numbers like 120000, $120K or 1.2M` |
| `count segment>b` | `'>' needs a number or date facet; 'segment' is text` |
| `deals sort:amount` | `cannot sort deals by 'amount': its columns are id, account, outcome, acv, closed, competitor, top_driver (did you mean 'account'?)` |
| `deals limit:0` | `limit takes a whole number of rows (1 or more) or 'all', not '0'` |
| `count weight:acv` | `'weight:acv' works with winrate and drivers, not with count` |
| `drivers by category` | `drivers already gives one row per category: group by another facet ('by driver' groups the drivers)` |
| `deals "security` | `unterminated quote: add a closing '"'` |
| `quotes pricing or outcome:lost` | `text terms and topic: select quotes while other filters select deals: they cannot be mixed inside one 'or' or under one negation` |

**Limits.** A query may join at most 200 filters at one level (by `or`, or
by `and`, written or implied), hold at most 500 filters in all, at most 1,000
values after facet operators (`competitor:a,b,c` has three), and put
negations, `or`s and parenthesized groups at most 16 levels inside one
another (`-(a or -(b or c))` is four levels). Past a limit the query is not run
(exit status 2) and the caret is under the first filter or value past it:

```text
$ dealq "count competitor:a or competitor:b or … or competitor:z201"
error: too many alternatives joined by 'or' (at most 200)
```

The others say `too many filters joined by 'and' (at most 200)`, `too many
filters in one query (at most 500)`, `too many values in one query (at most
1000)` and `filters nested too deeply (at most 16 levels)`; past 100
parentheses and negations the query cannot even be read: `the query is nested
too deeply`. These are limits of dealq, not of the grammar: they keep every
query inside what the index can answer.

A prefix term (`implement*`) may stand for at most 1,000 different words of
the corpus (as the index stores them: `pricing*` looks for words starting
with `price`). One or two letters often stand for thousands, and the index
then reads the deals of each one, which takes seconds; such a query is not
run either (exit status 2), with the caret under the term:

```text
$ dealq "deals a*"
error: 'a*' stands for more than 1000 different words of the corpus: write more of the word
  deals a*
        ^^
```

**Time limit.** In the shell and through the MCP server a query may take at
most 10 seconds; a one-shot query (and each query of batch mode or `dealq
run`) has no limit unless `--timeout SECONDS` gives one (`--timeout 0.5` is
half a second; the shell takes `--timeout` too, in place of its 10 seconds).
Past its limit the query is stopped and fails with exit status 1:

```text
$ dealq --timeout 5 "deals a*"
error: the query took longer than 5 s and was stopped; --timeout SECONDS sets another limit
```

A query that takes seconds usually asks for many deals' snippets or a text
term that matches most of the corpus: a filter, or a longer word, makes it
quick again.

**A query that starts with `-`.** `dealq "-outcome:won"` is the query (a
negated filter), because the word has a `:`, a space, an operator or a
parenthesis; `dealq "-pricing"` looks like an option, so write
`dealq -- "-pricing"`: everything after `--` is the query.

**Exit statuses**, for every command:

| status | meaning |
|---|---|
| 0 | success, also when the answer has no rows |
| 1 | a runtime problem: no corpus found, an unreadable corpus, a damaged index or no index with `--no-refresh`, a file at the index path that is not a dealq index, an invalid `dealq.yml`, a query stopped at its time limit (`--timeout`); for `dealq index`, some file rejected or an index that cannot be written; in batch mode, any query failed |
| 2 | the query or the command line cannot be read |

## The command line

```text
dealq [--corpus DIR] [--db PATH] [--format F] [--today D] [--no-refresh] [--min-n N] [--timeout S] [-o FILE] "QUERY"
```

Options shared by the query commands (`dealq "QUERY"`, `run`, `explain`,
`shell`, `export`, `report`, batch mode):

| option | meaning |
|---|---|
| `--corpus DIR` | the corpus folder; else `$DEALQ_CORPUS`; else the current folder or its nearest parent holding `dealq.yml` or `.dealq/` (as git finds a repository) |
| `--db PATH` | the index file; default `CORPUS/.dealq/index.sqlite` |
| `--format F` | `table`, `csv`, `json`, `jsonl` or `markdown` |
| `--today D` | the day relative spans count from (also `DEALQ_TODAY`) |
| `--no-refresh` | answer from the index as it is, without looking for changed files (warns when it looks stale) |
| `--min-n N` | the `n<10` threshold of win-rate groups (default 10) |
| `--timeout S` | stop a query that runs longer than S seconds, with exit status 1 (default: no limit; 10 in the shell) |
| `-o FILE` | write the answer to FILE instead of stdout |

`dealq --help` lists the commands, `dealq help COMMAND` (for example `dealq
help index`) gives one command's options, `dealq help TOPIC` the shell's
help on a topic (`filters`, `facets`, `dates`, `options`, `shell` or a verb:
`dealq help filters`; for `facets` the command's help comes first), and
`dealq --version` prints the version.

Asked far from any corpus (no `dealq.yml` or `.dealq/` here or above, and no
`--corpus`), dealq stops with exit status 1 instead of indexing, say, a home
folder.

Before answering, a query brings the index up to date with the files: only
added, changed or removed files are read again, so this is quick. Finding
them costs a look at every file's size, modification time and inode (about 0.15 s
per 100,000 files); with a [`dealq watch`](#dealq-watch-keep-the-index-fresh)
running for the corpus, the query asks the watcher instead, which already
knows what changed, and skips that look. With
`--no-refresh` it answers at once from the index as it is, and warns on
stderr when files were added, removed or renamed, or `dealq.yml` changed
since (an edit inside an existing file is found by the next refresh).

A query whose refresh cannot write the index (a read-only folder or file)
answers from the index as it is, with a warning on stderr that it may be
stale, and exit status 0. A query that finds the index damaged moves it
aside and rebuilds it first, as `dealq index` does (below); with
`--no-refresh` it writes nothing and stops with exit status 1, naming
`dealq index --rebuild`.

### `dealq index`: build or refresh the index

```text
dealq index [CORPUS] [--db PATH] [--format text|json] [--rebuild]
```

Reads the corpus into `CORPUS/.dealq/index.sqlite` (a single SQLite file you
can also open with `sqlite3`). Runs are incremental; `--rebuild` starts from
scratch; a change to `dealq.yml` rebuilds by itself. A run stopped halfway
leaves the previous index intact. One run writes an index at a time: a run,
`--rebuild` included, started while another is writing waits for it. It
prints a summary:

```text
$ dealq index
300 deals in the index (/home/dana/winloss/.dealq/index.sqlite)
built from 302 files in 1.4 s
2 non-deal files skipped, 0 files rejected
```

and every rejected file and warning on stderr, as
`path:line:col: error: message` (see [the corpus format](corpus-format.md#rejected-files-and-warnings)).
`--format json` prints `{"deals", "new", "changed", "removed", "unchanged",
"skipped", "rejected": [{"path", "line", "column", "message", "more"}], "warnings":
[…], "folders_left_out": [{"path", "message"}], "rebuilt", "moved_aside", "seconds", "index"}` (`more`: a rejected file's other errors, `[{"line", "column", "message"}]`;
`moved_aside`: `null`, or `{"path", "reason"}` for a damaged index, below).
A folder that cannot be read, or whose name is not UTF-8, is left out with a
`path: warning: …` line (its name's bad bytes written `\xff`) and tried again
next time; everything else is indexed. A file whose name is not UTF-8 is
rejected. Exit status 0 when nothing was rejected or left out,
1 when a file was rejected or a folder left out (the others are indexed) or `dealq.yml` is
invalid, 2 for a usage error. A query's refresh prints the same warnings and still answers.

**A damaged index** (cut off, a malformed page, a header that is not
SQLite's) is derived data: `dealq index` moves it aside, next to it, as
`index.sqlite.damaged-TIMESTAMP` (with its `-wal`), builds a fresh one from
the corpus and says so on stderr:

```text
warning: the index '/home/dana/winloss/.dealq/index.sqlite' was damaged (the file is cut off: 987136 bytes of 1974272); it was moved to '/home/dana/winloss/.dealq/index.sqlite.damaged-20261201T023000Z' and a fresh one was built from the corpus
```

A refresh reads only part of the index, so damage elsewhere is found by the
query that reads it (which rebuilds, or with `--no-refresh` stops), or by
`--rebuild`, which has SQLite check every page of the old index first and
moves it aside when one is malformed. The damaged file is kept only for a
look; delete it when you like. Only dealq's own files are moved: a file
whose SQLite header carries dealq's application id, or anything at
`.dealq/index.sqlite` (dealq owns that folder) except a sound database of
another program. Any other file at the index path, such as
`--db notes.sqlite` holding something else, is never touched: dealq stops
with exit status 1 and asks for another path.

**A read-only index** (its file, or its folder, cannot be written) is not
refreshed: `dealq index` stops with exit status 1, `cannot write the index
'…': the file is read-only`, and queries answer from it as it is with a
warning. A corpus whose folder cannot be written and no `--db` gives
`cannot create the folder '…/.dealq' (permission denied); choose a writable
place with --db`.

**An index built by another version of dealq** is rebuilt from the corpus
by the next `dealq index` or refreshing query. With `--no-refresh` a query
stops with exit status 1: `cannot read the index '…': it was built by another
version of dealq; run 'dealq index --rebuild'`. Failures while reading the
index say `cannot read the index`, and those while writing it `cannot write
the index`.

### `dealq watch`: keep the index fresh

```text
dealq watch [--corpus DIR] [--db PATH] [--quiet]
```

Brings the index up to date, then stays in the foreground, watching every
folder of the corpus (hidden ones aside, as indexing skips them) with Linux's
inotify, and applies each change to the index as it happens: a file saved,
renamed, added or deleted, a folder created or removed, a `git checkout` of
another branch. Only what changed is read again; a change to `dealq.yml`
rebuilds the index. It prints one line per batch of changes (nothing with
`--quiet`):

```text
$ dealq watch
watching /home/dana/winloss: 300 deals in the index (1412 ms)
14:02:51 0 new, 1 changed, 0 removed: 300 deals (6 ms)
```

While it runs, a one-shot query does not look at every file before answering:
it asks the watcher, over the socket `index.sqlite.watch` beside the index, to
apply every change made so far, and answers once the watcher says the index
holds them. A query falls back to looking at every file itself, as without a
watcher, whenever the watcher cannot promise that: no watcher, a watcher that
was killed (its socket is left behind and refuses connections), a watcher of
another corpus, or no answer within half a second (a large change still being
applied). Answers are the same either way.

The watcher writes `watch_sequence` (how many changes it has applied),
`watch_heartbeat` (Unix seconds, at least every 10 seconds) and `watch_pid`
into the index's `meta` table, for scripts and monitoring. Setting
`DEALQ_TRACE_REFRESH=1` makes a query say on stderr how it brought the index
up to date (`refresh: the watcher (sequence 12)` or `refresh: a look at every file`).

Ctrl-C or SIGTERM stops it (exit status 0) and removes the socket. It exits
with status 1 when the index cannot be built, when another `dealq watch`
already serves the same index (the message names its pid), or when the
corpus has more folders than inotify may watch: it then says so, naming
`/proc/sys/fs/inotify/max_user_watches` (raise it with
`sudo sysctl fs.inotify.max_user_watches=524288`), and queries keep
answering by looking at every file.

To keep it running, a systemd user unit (`~/.config/systemd/user/dealq-watch.service`,
then `systemctl --user enable --now dealq-watch`):

```ini
[Unit]
Description=Keep the dealq index of ~/winloss fresh

[Service]
ExecStart=%h/.local/bin/dealq watch --quiet --corpus %h/winloss
Restart=on-failure
RestartSec=10

[Install]
WantedBy=default.target
```

or a tmux window: `tmux new-session -d -s dealq-watch 'dealq watch --corpus ~/winloss'`.

The shell and `dealq mcp` watch the corpus the same way on their own: changes
are applied in the background as they happen, and an answer never waits for a
look at every file.

### `dealq "QUERY"`: answer a question

```sh
dealq "winrate by topic acv>100k"
dealq --format csv -o lost.csv "deals outcome:lost limit:all"
dealq --today 2025-12-31 'quotes competitor:"Acme Analytics" since:90d'
```

Several words are joined with spaces, so `dealq count by segment` works too,
but quoting the whole query keeps the shell away from `>`, `<`, `*` and
quotes.

### `dealq explain`: what a query becomes

```sh
dealq explain "winrate by topic acv>100k"
```

Prints the query as dealq understood it (verb, filters), then each SQL
statement it runs with its bound arguments (what you typed is never pasted
into SQL) and SQLite's plan. Useful when an answer surprises you.

### `dealq facets`: what you can ask about

```sh
dealq facets
dealq facets competitor
```

Columns `facet`, `kind`, `value`, `deals`: every facet with its kind and its
most common values with their number of deals.

### `dealq queries` and `dealq run`: saved questions

A corpus keeps shared questions in `dealq-queries.yml` at its root, next to
the deals, so they are versioned and reviewed like them:

```yaml
lost-to:
  description: Deals we lost to a competitor, biggest first
  query: deals outcome:lost competitor.selected:$competitor sort:acv limit:all
  params:
    competitor: Acme Analytics
```

Each entry has a name and a query (or just `name: query`), and optionally a
description and `params`. A `$word` in the query is a parameter; a value
under `params` is its default, and a parameter without one must be given.

```sh
dealq queries
dealq run lost-to
dealq run competitor-brief competitor="Northstar BI"
dealq run lost-to competitor="Acme Analytics" --format csv
dealq run lost-to competitor="Acme Analytics" since:2025-01-01
```

`dealq queries` lists names, parameters and descriptions. `dealq run NAME
[param=value …]` answers exactly as the query typed in full; a value is
quoted as needed, so `competitor="Northstar BI"` stays one value. Words after
the name that are not the query's parameters are filters, ANDed to the saved
query's own: `dealq run NAME [param=value …] [FILTERS …]` (a word `name=value`
is a parameter when `name` is one of the query's parameters or close to one,
else a filter such as `segment=smb`). Extra filters are filters only: a verb,
`by` or an option among them exits with status 2. A missing
or unknown parameter, or a saved query that no longer parses
(`dealq-queries.yml:LINE:COL: error: saved query 'NAME' …`), exits with
status 2. The bundled corpus ships `topic-quotes`, `competitor-brief`,
`winrate-trend` and `lost-to`.

### `dealq shell`: ask interactively

```text
dealq shell
```

Also plain `dealq` on a terminal. The shell watches the corpus as
[`dealq watch`](#dealq-watch-keep-the-index-fresh) does: every answer sees the
files as they are, and applies only what changed since the last one (without
inotify, or past its watch limit, it warns once and answers from the index as
it was when the shell started, until `.refresh`). Tab completes verbs, facets, the corpus's
values for the facet being typed, `sort:` columns, dot-commands and saved
queries. A line ending in `\` continues on the next. Ctrl-C stops a running
query or clears the line; Ctrl-D, `.quit`, `quit` or `exit` leaves, and
`help` (or `help TOPIC`) is `.help`. A completed verb, value or word is
followed by a space; a completed facet name (`segment:`) is not. History is kept in
`$XDG_STATE_HOME/dealq/history` (default `~/.local/state/dealq/history`).
Dot-commands: `.help [topic]`, `.facets [facet]`, `.format F`,
`.timer on|off`, `.explain QUERY`, `.refresh`, `.save NAME QUERY`,
`.queries`, `.run NAME [k=v …]`, `.export FILE` (the last answer, as `.csv`,
`.md`, `.json` or `.jsonl` by the file's extension).

### `dealq export`: a file for the CRM

```sh
dealq export crm-updates since:2025-01-01 > crm-updates.csv
```

`dealq export crm-updates [FILTERS…]` writes one row per deal where the
buyers' evidence disagrees with the CRM: the rep's reason names another
category than the heaviest driver, or a lost deal's buyer selected a
competitor the CRM does not name. Columns `deal`, `account`, `outcome`,
`closed`, `crm_reason`, `crm_competitor`, `evidence_category`,
`evidence_competitor`, `reason_differs`, `competitor_differs`. The file is
made for spreadsheets and CRM import wizards: UTF-8 with a byte-order mark,
CRLF line ends, and any text a spreadsheet would run as a formula (starting
with `=`, `+`, `-` or `@`) prefixed with `'`. Filters narrow the deals as in a
query.

### `dealq report`: a brief for each audience

```sh
dealq report leadership since:2025-01-01 -o brief.md
dealq report product segment:enterprise
dealq report sales --competitor "Acme Analytics"
dealq report leadership --format html -o brief.html
```

`dealq report leadership|product|sales [--competitor NAME] [FILTERS…]`
writes a markdown report (or one self-contained HTML page with
`--format html`). Each section is the answer of a query it names, so every
number can be reproduced, and the filters given narrow every section.

- **leadership**: the win-rate trend, who we lose to, what losses cost, ACV
  won and lost.
- **product**: product areas; gaps in losses and advantages in wins, with the
  buyers' quotes; requests and bugs; win rate by topic.
- **sales**: the head-to-head win rate against each competitor, then a page
  for each of the three we lose most deals to (or for the one given with
  `--competitor`): why we lose to them and recent quotes.

### Batch mode: many questions at once

With no query and stdin not a terminal, or with `-f FILE`, each line is a
query; blank lines and lines starting with `#` are skipped:

```sh
printf 'count by segment\nwinrate by quarter since:2025-01-01\n' | dealq --format csv
printf '# the weekly questions\ncount by segment\n\nwinrate by quarter since:90d\n' > weekly.txt
dealq -f weekly.txt --format jsonl --bail
```

- `table` and `markdown` answers come each under a `# QUERY` line; CSV answers
  are separated by a blank line; `json` is one array of
  `{"line", "query", "rows"}` (or `"error"` instead of `"rows"`); `jsonl` is
  one `{"line", "query", "row"}` per row.
- A failing query is reported on stderr as `line N: error: …` and the others
  still run; the exit status is then 1. `--bail` stops at the first failure.

"""####
}

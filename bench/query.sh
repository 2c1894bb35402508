#!/usr/bin/env bash
# Query benchmark: whole-process latency of dealq queries against the same
# answers from the sqlite3 shell with hand-written SQL on the same index, and
# of `count WORD` against `rg` over the corpus and the sqlite3 shell over a
# bare FTS5 table of the same bodies.
#
# usage: bench/query.sh [--large] [--runs N] [--corpus DIR] [--out DIR]
#
#   (default)     100k generated deals (bench/out/corpus-100k, as bench/index.sh makes it)
#   --large       500k generated deals
#   --runs N      timed runs per command (default 15)
#   --corpus DIR  an existing corpus instead (its index goes to the --out folder), such as
#                 the one-folder mirror bench/index.sh --flat makes
#   --out DIR     where indexes and results go (default bench/out)
#   --db PATH     an index already built to query as it is, instead of one in the --out
#                 folder: it is never written (no index step; every dealq row runs with
#                 --no-refresh and the refresh column shows — )
#   --bare PATH   the bare FTS5 table of the same files (bench/fts5_baseline.py's output)
#   --rows REGEX  only the rows whose name matches (grep -E), such as 'ranked|quotes'
#   --no-refresh  only read the index in the --out folder too: no `dealq index` first
#                 and no refresh column
#
# Needs hyperfine, sqlite3 and ripgrep (installed with apt-get when missing and root).
# Builds release, generates the corpus and the index when missing, then prints
# a markdown table of medians and ratios and keeps it in bench/out/query-N.md.
# dealq runs with --no-refresh (the answer from the index as it is) and, in a
# second column, with the default refresh (not with --db). The bare FTS5 table
# is built only for the rows that need it. DEALQ=/path/to/dealq times that
# binary instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
die() { echo "bench/query.sh: error: $*" >&2; exit 1; }

N=100000; RUNS=15; GIVEN=""; OUT="$ROOT/bench/out"; GIVEN_DB=""; GIVEN_BARE=""; ONLY=""; READ_ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --large) N=500000 ;;
    --runs) shift; RUNS=${1:-}; [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a number" ;;
    --corpus) shift; GIVEN=${1:-}; [ -f "$GIVEN/dealq.yml" ] || die "--corpus takes a corpus folder (with dealq.yml)" ;;
    --out) shift; OUT=${1:-}; [ -n "$OUT" ] || die "--out takes a folder" ;;
    --no-refresh) READ_ONLY=1 ;;
    --rows) shift; ONLY=${1:-}; [ -n "$ONLY" ] || die "--rows takes a pattern" ;;
    --db) shift; GIVEN_DB=${1:-}; [ -n "$GIVEN_DB" ] || die "--db takes a path" ;;
    --bare) shift; GIVEN_BARE=${1:-}; [ -f "$GIVEN_BARE" ] || die "--bare takes an existing database" ;;
    -h|--help) sed -n '2,31p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: bench/query.sh [--large] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
LABEL="$((N / 1000))k"
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)

for tool in hyperfine sqlite3 rg; do
  if ! command -v "$tool" >/dev/null; then
    pkg=$tool; [ "$tool" = rg ] && pkg=ripgrep
    [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1 || true
    command -v "$tool" >/dev/null || die "$tool is needed (apt-get install $pkg)"
  fi
done

if [ -z "${DEALQ:-}" ]; then
  echo "building release..." >&2
  swift build -c release --static-swift-stdlib >"$OUT/build-query.log" 2>&1 || { tail -20 "$OUT/build-query.log" >&2; die "build failed"; }
fi
BIN=""
if [ -z "${DEALQ:-}" ] || [ -z "$GIVEN" ]; then BIN=$(swift build -c release --show-bin-path); fi
DEALQ=${DEALQ:-$BIN/dealq}
CORPUS="$OUT/corpus-$LABEL"
if [ -n "$GIVEN" ]; then CORPUS=$(cd "$GIVEN" && pwd); LABEL=$(basename "$CORPUS"); N=$(find "$CORPUS" -name '*.md' -not -path '*/.*' | wc -l); fi
DB=${GIVEN_DB:-$OUT/query-$LABEL.sqlite}
BARE=${GIVEN_BARE:-$OUT/bare-$LABEL.sqlite}
if [ -z "$GIVEN" ] && [ ! -f "$CORPUS/dealq.yml" ]; then
  echo "generating $N deals..." >&2
  rm -rf "$CORPUS"; "$BIN/dealq-gen" --count "$N" --seed 42 --out "$CORPUS" >&2
fi
if [ -n "$GIVEN_DB" ]; then
  [ -f "$GIVEN_DB" ] || die "--db $GIVEN_DB: no such index"
  READ_ONLY=1
fi
if [ -z "$READ_ONLY" ]; then
  echo "indexing (or refreshing) $DB..." >&2
  "$DEALQ" index "$CORPUS" --db "$DB" >/dev/null 2>"$OUT/query-index.log" || true
fi

TODAY=2025-12-31
Q="$DEALQ --corpus $CORPUS --db $DB --today $TODAY --format csv"
SINCE=$(date -d "$TODAY - 90 days" +%F)
YEARAGO=$(date -d "$TODAY - 1 year" +%F)
WORD=escalation
# The same answer as dealq's (every column and the total), by the best plan found on
# this schema: the matching quotes narrow (rowid, deal, date), the date at the page's
# last place, and only the quotes dated on or after it joined to their text and deal.
SINCE_DAY=$(date -d "$TODAY - 90 days" +%Y%m%d)
QUOTES_SQL="WITH qm AS MATERIALIZED (SELECT q.rowid AS quote, q.deal AS deal, q.date AS date FROM deal_facets f JOIN quotes q ON q.deal = f.deal WHERE f.facet = (SELECT id FROM facet_names WHERE name = 'competitor') AND f.key = 'acme analytics' AND f.closed >= $SINCE_DAY), cut AS MATERIALIZED (SELECT date FROM qm ORDER BY date IS NULL, date DESC LIMIT 1 OFFSET 19) SELECT q.text, q.speaker, q.source, q.date, q.section, d.id, d.account, d.outcome, d.acv, (SELECT count(*) FROM qm) FROM qm JOIN quotes q ON q.rowid = qm.quote JOIN deals d ON d.rowid = qm.deal WHERE (SELECT date FROM cut) IS NULL OR qm.date >= (SELECT date FROM cut) ORDER BY q.date IS NULL, q.date DESC, d.id, q.ord LIMIT 20"

# The hand-written SQL of a ranked page: what `deals WORDS limit:20` answers
# (the same 20 deals in the same order, the same snippets before dealq puts
# them on one line, and how many deals match), as one would write it: FTS5 ranks
# and cuts to the page, snippet() runs for the rows returned only, a second
# statement counts.
ranked_sql() {  # FTS5 expression
  echo "SELECT d.id, d.account, d.outcome, d.acv, d.closed, d.competitor_primary, d.top_driver, r.snippet FROM (SELECT rowid AS deal, rank, snippet(deal_fts, 0, char(2), char(3), '…', 14) AS snippet FROM deal_fts WHERE deal_fts MATCH '$1' ORDER BY rank LIMIT 20) r JOIN deals d ON d.rowid = r.deal ORDER BY r.rank, d.id; SELECT count(*) FROM deal_fts WHERE deal_fts MATCH '$1';"
}
# The same with a condition on the deal: rank the matches that pass it, then a
# snippet for each of the 20 (MATCH and rowid: FTS5 seeks the one row).
ranked_filtered_sql() {  # FTS5 expression, condition on d
  echo "WITH r AS (SELECT deal_fts.rowid AS deal, rank FROM deal_fts JOIN deals d ON d.rowid = deal_fts.rowid WHERE deal_fts MATCH '$1' AND $2 ORDER BY rank, d.id LIMIT 20) SELECT d.id, d.account, d.outcome, d.acv, d.closed, d.competitor_primary, d.top_driver, (SELECT snippet(deal_fts, 0, char(2), char(3), '…', 14) FROM deal_fts WHERE deal_fts MATCH '$1' AND rowid = r.deal) FROM r JOIN deals d ON d.rowid = r.deal ORDER BY r.rank, d.id; SELECT count(*) FROM deal_fts JOIN deals d ON d.rowid = deal_fts.rowid WHERE deal_fts MATCH '$1' AND $2;"
}

# name | dealq query | baseline command | target
rows=(
  "winrate by topic|winrate by topic|sqlite3 $DB \"SELECT key, sum(outcome = 0), sum(outcome = 1) FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'topic') GROUP BY key\"|≤ 150 ms at 500k"
  "winrate by topic since:1y|winrate by topic since:1y|sqlite3 $DB \"SELECT key, sum(outcome = 0), sum(outcome = 1) FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'topic') AND deal IN (SELECT rowid FROM deals WHERE closed >= '$YEARAGO') GROUP BY key\"|—"
  "ranked text, snippets, top 20|deals security review limit:20|sqlite3 -readonly $DB \"$(ranked_sql 'security AND review')\"|≤ 1.2 × the sqlite3 shell at 500k"
  "ranked text, snippets, top 20, no topic word|deals escalation review limit:20|sqlite3 -readonly $DB \"$(ranked_sql 'escalation AND review')\"|—"
  "ranked text and a filter, snippets, top 20|deals pricing acv>100k limit:20|sqlite3 -readonly $DB \"$(ranked_filtered_sql pricing 'd.acv > 100000')\"|—"
  "quotes competitor since:90d, top 20|quotes competitor:\"Acme Analytics\" since:90d limit:20|sqlite3 -readonly $DB \"$QUOTES_SQL\"|≤ 50 ms at 500k"
  "terms outcome:lost (vs sqlite3 reading the same vectors)|terms outcome:lost limit:all|sqlite3 $DB \"SELECT count(*), sum(length(v.terms)) FROM deal_quote_terms v WHERE v.deal IN (SELECT deal FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'outcome') AND key = 'lost') UNION ALL SELECT count(*), sum(quotes) FROM term_stems UNION ALL SELECT occurrences, 0 FROM term_totals WHERE text = 'quotes'\"|≤ 300 ms at 100k, ≤ 1 s at 500k"
  "terms outcome:lost in:bodies (vs sqlite3 reading the same vectors)|terms outcome:lost in:bodies limit:all|sqlite3 $DB \"SELECT count(*), sum(length(v.terms)) FROM deal_body_terms v WHERE v.deal IN (SELECT deal FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'outcome') AND key = 'lost') UNION ALL SELECT count(*), sum(bodies) FROM term_stems UNION ALL SELECT occurrences, 0 FROM term_totals WHERE text = 'bodies'\"|—"
  "count WORD (vs sqlite3 on the index)|count $WORD|sqlite3 $DB \"SELECT count(*) FROM deal_fts WHERE deal_fts MATCH '$WORD'\"|—"
  "count WORD (vs bare FTS5 table)|count $WORD|sqlite3 $BARE \"SELECT count(*) FROM t WHERE t MATCH '$WORD'\"|≤ 3 × at 100k"
  "count WORD (vs rg)|count $WORD|rg -l -i -w $WORD $CORPUS -g '*.md' -c|≥ 25 × faster at 100k"
)

# The bare FTS5 table is built only when a row that reads it is timed.
for row in "${rows[@]}"; do
  IFS='|' read -r name _ baseline _ <<<"$row"
  if [ -n "$ONLY" ] && ! grep -qE "$ONLY" <<<"$name"; then continue; fi
  if [[ "$baseline" == *"$BARE"* ]] && [ ! -f "$BARE" ]; then
    echo "building the bare FTS5 table $BARE..." >&2
    python3 "$ROOT/bench/fts5_baseline.py" "$CORPUS" "$BARE" >/dev/null
  fi
done

median() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"; }
time_cmd() {  # name, command → median seconds
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$OUT/hf-$1.json" "$2" >/dev/null 2>&1 \
    || hyperfine --warmup 2 --runs "$RUNS" --export-json "$OUT/hf-$1.json" "$2" >/dev/null 2>&1 \
    || die "command failed: $2"
  median "$OUT/hf-$1.json"
}

TABLE="$OUT/query-$LABEL.md"
{
  echo "Query latency on $N deals ($(basename "$CORPUS")), whole process, median of $RUNS runs (hyperfine), warm page cache, 2 cores."
  echo
  echo "| what | dealq --no-refresh ms | dealq (refresh) ms | baseline ms | no-refresh ÷ baseline | target |"
  echo "|---|---:|---:|---:|---:|---|"
} > "$TABLE"
i=0
for row in "${rows[@]}"; do
  IFS='|' read -r name query baseline target <<<"$row"
  if [ -n "$ONLY" ] && ! grep -qE "$ONLY" <<<"$name"; then continue; fi
  i=$((i + 1))
  a=$(time_cmd "q$i-norefresh" "$Q --no-refresh '$query'")
  b=nan; [ -z "$READ_ONLY" ] && b=$(time_cmd "q$i-refresh" "$Q '$query'")
  c=$(time_cmd "q$i-baseline" "$baseline")
  python3 - "$name" "$a" "$b" "$c" "$target" >> "$TABLE" <<'PY'
import sys
name, a, b, c, target = sys.argv[1], *map(float, sys.argv[2:5]), sys.argv[5]
refresh = "—" if b != b else f"{b*1000:.0f}"
print(f"| {name} | {a*1000:.0f} | {refresh} | {c*1000:.0f} | {a/c:.2f} | {target} |")
PY
done
cat "$TABLE"

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
#   --db PATH     the index to query (refreshed first) instead of one in the --out folder
#   --bare PATH   the bare FTS5 table of the same files (bench/fts5_baseline.py's output)
#   --rows REGEX  only the rows whose name matches (grep -E), such as 'ranked|quotes'
#
# Needs hyperfine, sqlite3 and ripgrep (installed with apt-get when missing and root).
# Builds release, generates the corpus and the index when missing, then prints
# a markdown table of medians and ratios and keeps it in bench/out/query-N.md.
# dealq runs with --no-refresh (the answer from the index; it still checks
# staleness, which walks the corpus) and, in a second row per query, with the
# default refresh. DEALQ=/path/to/dealq times that binary instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
die() { echo "bench/query.sh: error: $*" >&2; exit 1; }

N=100000; RUNS=15; GIVEN=""; OUT="$ROOT/bench/out"; GIVEN_DB=""; GIVEN_BARE=""; ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --large) N=500000 ;;
    --runs) shift; RUNS=${1:-}; [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a number" ;;
    --corpus) shift; GIVEN=${1:-}; [ -f "$GIVEN/dealq.yml" ] || die "--corpus takes a corpus folder (with dealq.yml)" ;;
    --out) shift; OUT=${1:-}; [ -n "$OUT" ] || die "--out takes a folder" ;;
    --rows) shift; ONLY=${1:-}; [ -n "$ONLY" ] || die "--rows takes a pattern" ;;
    --db) shift; GIVEN_DB=${1:-}; [ -n "$GIVEN_DB" ] || die "--db takes a path" ;;
    --bare) shift; GIVEN_BARE=${1:-}; [ -f "$GIVEN_BARE" ] || die "--bare takes an existing database" ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

echo "building release..." >&2
if [ -z "${DEALQ:-}" ]; then
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
echo "indexing (or refreshing) $DB..." >&2
"$DEALQ" index "$CORPUS" --db "$DB" >/dev/null 2>"$OUT/query-index.log" || true
if [ ! -f "$BARE" ]; then
  echo "building the bare FTS5 table $BARE..." >&2
  python3 "$ROOT/bench/fts5_baseline.py" "$CORPUS" "$BARE" >/dev/null
fi

TODAY=2025-12-31
Q="$DEALQ --corpus $CORPUS --db $DB --today $TODAY --format csv"
SINCE=$(date -d "$TODAY - 90 days" +%F)
YEARAGO=$(date -d "$TODAY - 1 year" +%F)
WORD=escalation

# name | dealq query | baseline command | target
rows=(
  "winrate by topic|winrate by topic|sqlite3 $DB \"SELECT key, sum(outcome = 0), sum(outcome = 1) FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'topic') GROUP BY key\"|≤ 150 ms at 500k"
  "winrate by topic since:1y|winrate by topic since:1y|sqlite3 $DB \"SELECT key, sum(outcome = 0), sum(outcome = 1) FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'topic') AND deal IN (SELECT rowid FROM deals WHERE closed >= '$YEARAGO') GROUP BY key\"|—"
  "ranked text, snippets, top 20|deals security review limit:20|sqlite3 $DB \"SELECT d.id, d.account, snippet(deal_fts, 0, '[', ']', '…', 14) FROM deal_fts JOIN deals d ON d.rowid = deal_fts.rowid WHERE deal_fts MATCH 'security AND review' ORDER BY rank LIMIT 20\"|≤ 50 ms at 500k"
  "quotes competitor since:90d, top 20|quotes competitor:\"Acme Analytics\" since:90d limit:20|sqlite3 $DB \"SELECT q.text, q.speaker, d.id FROM deals d JOIN quotes q ON q.deal = d.rowid WHERE d.closed >= '$SINCE' AND d.rowid IN (SELECT deal FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'competitor') AND key = 'acme analytics') ORDER BY q.date DESC LIMIT 20\"|≤ 50 ms at 500k"
  "terms outcome:lost (vs sqlite3 reading the same vectors)|terms outcome:lost limit:all|sqlite3 $DB \"SELECT count(*), sum(length(v.terms)) FROM deal_quote_terms v WHERE v.deal IN (SELECT deal FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'outcome') AND key = 'lost') UNION ALL SELECT count(*), sum(quotes) FROM term_stems UNION ALL SELECT occurrences, 0 FROM term_totals WHERE text = 'quotes'\"|≤ 300 ms at 100k, ≤ 1 s at 500k"
  "terms outcome:lost in:bodies (vs sqlite3 reading the same vectors)|terms outcome:lost in:bodies limit:all|sqlite3 $DB \"SELECT count(*), sum(length(v.terms)) FROM deal_body_terms v WHERE v.deal IN (SELECT deal FROM deal_facets WHERE facet = (SELECT id FROM facet_names WHERE name = 'outcome') AND key = 'lost') UNION ALL SELECT count(*), sum(bodies) FROM term_stems UNION ALL SELECT occurrences, 0 FROM term_totals WHERE text = 'bodies'\"|—"
  "count WORD (vs sqlite3 on the index)|count $WORD|sqlite3 $DB \"SELECT count(*) FROM deal_fts WHERE deal_fts MATCH '$WORD'\"|—"
  "count WORD (vs bare FTS5 table)|count $WORD|sqlite3 $BARE \"SELECT count(*) FROM t WHERE t MATCH '$WORD'\"|≤ 3 × at 100k"
  "count WORD (vs rg)|count $WORD|rg -l -i -w $WORD $CORPUS -g '*.md' -c|≥ 25 × faster at 100k"
)

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
  b=$(time_cmd "q$i-refresh" "$Q '$query'")
  c=$(time_cmd "q$i-baseline" "$baseline")
  python3 - "$name" "$a" "$b" "$c" "$target" >> "$TABLE" <<'PY'
import sys
name, a, b, c, target = sys.argv[1], *map(float, sys.argv[2:5]), sys.argv[5]
print(f"| {name} | {a*1000:.0f} | {b*1000:.0f} | {c*1000:.0f} | {a/c:.2f} | {target} |")
PY
done
cat "$TABLE"

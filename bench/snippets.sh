#!/usr/bin/env bash
# Snippet benchmark: `deals pricing limit:5` over a corpus whose one big deal
# has 1, 2, 4 and 8 MB of body text mentioning "pricing" every fourth line,
# beside FTS5's own snippet() on the same index (the sqlite3 shell), which
# dealq used before and which grows with the square of the matches.
#
# usage: bench/snippets.sh [--runs N] [--sizes "1 2 4 8"] [--fts5-up-to MB]
#
#   --runs N          timed runs per command (default 5)
#   --sizes LIST      body sizes in MB (default "1 2 4 8")
#   --fts5-up-to MB   time FTS5's snippet() only up to this size (default 4: it takes minutes beyond)
#
# Needs hyperfine and sqlite3. Builds release (or uses $DEALQ), writes the
# corpora under bench/out/snippets-N/ (each with `max_file_size: 16MB` in
# dealq.yml, so that the 8 MB deal is read), prints a markdown table of
# medians and ratios per doubling and keeps it in bench/out/snippets.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
die() { echo "bench/snippets.sh: error: $*" >&2; exit 1; }

RUNS=5; SIZES="1 2 4 8"; FTS5_MAX=4
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) shift; RUNS=${1:-}; [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a number" ;;
    --sizes) shift; SIZES=${1:-} ;;
    --fts5-up-to) shift; FTS5_MAX=${1:-} ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: bench/snippets.sh [--runs N] [--sizes \"1 2 4 8\"] [--fts5-up-to MB]" >&2; exit 2 ;;
  esac
  shift
done
for tool in hyperfine sqlite3; do command -v "$tool" >/dev/null || die "$tool is needed (apt-get install $tool)"; done
OUT="$ROOT/bench/out"; mkdir -p "$OUT"

if [ -z "${DEALQ:-}" ]; then
  echo "building release..." >&2
  swift build -c release --static-swift-stdlib >"$OUT/build-snippets.log" 2>&1 || { tail -20 "$OUT/build-snippets.log" >&2; die "build failed"; }
  DEALQ="$(swift build -c release --show-bin-path)/dealq"
fi
[ -x "$DEALQ" ] || die "no dealq binary at $DEALQ"

make_corpus() {  # MB, folder
  python3 - "$1" "$2" <<'PY'
import os, sys
mb, out = float(sys.argv[1]), sys.argv[2]
os.makedirs(out + "/2025", exist_ok=True)
open(out + "/dealq.yml", "w").write("max_file_size: 16MB\n")
lines = ["The buyer asked about pricing again: the discount was too small for a three-year renewal.\n",
         "Security review went well and the SSO setup took a day.\n",
         "Implementation was slow because the data migration had to wait for the warehouse team.\n",
         "They compared us with Acme Analytics on reporting and support response times.\n"]
parts, size, i = [], 0, 0
while size < mb * 1024 * 1024:
    parts.append(lines[i % 4]); size += len(lines[i % 4]); i += 1
with open(out + "/2025/D-BIG.md", "w") as f:
    f.write("---\nid: D-BIG\noutcome: lost\nclosed: 2025-03-14\n---\n# Call notes\n\n" + "".join(parts))
for k in range(5):
    with open(out + f"/2025/D-{k}.md", "w") as f:
        f.write(f"---\nid: D-{k}\noutcome: won\nclosed: 2025-03-1{k}\n---\nPricing was fine. Security too.\n")
PY
}

median() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"; }
time_cmd() {  # name, command → median seconds
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/hf-snippets-$1.json" "$2" >/dev/null 2>&1 \
    || die "command failed: $2"
  median "$OUT/hf-snippets-$1.json"
}

TABLE="$OUT/snippets.md"
{
  echo "\`deals pricing limit:5\` (csv) over one deal of N MB (\"pricing\" every fourth line) and 5 small ones, whole process, median of $RUNS runs (hyperfine), 2 cores."
  echo
  echo "| body | dealq ms | × previous size | FTS5 snippet() ms | × previous size | dealq ÷ FTS5 |"
  echo "|---:|---:|---:|---:|---:|---:|"
} > "$TABLE"
prev_d=""; prev_f=""
for mb in $SIZES; do
  C="$OUT/snippets-$mb"
  [ -f "$C/2025/D-BIG.md" ] || make_corpus "$mb" "$C"
  "$DEALQ" index "$C" >/dev/null 2>"$OUT/snippets-index-$mb.log" || true
  grep -q "D-BIG" <("$DEALQ" --corpus "$C" --no-refresh --format csv "deals pricing limit:5") \
    || echo "note: the $mb MB deal is not in the index (see $OUT/snippets-index-$mb.log)" >&2
  d=$(time_cmd "dealq-$mb" "$DEALQ --corpus $C --no-refresh --format csv 'deals pricing limit:5'")
  f=""
  if python3 -c "import sys; sys.exit(0 if float('$mb') <= float('$FTS5_MAX') else 1)"; then
    f=$(time_cmd "fts5-$mb" "sqlite3 $C/.dealq/index.sqlite \"SELECT snippet(deal_fts, 0, char(2), char(3), '…', 14) FROM deal_fts WHERE deal_fts MATCH 'pricing' ORDER BY rank LIMIT 5\"")
  fi
  python3 - "$mb" "$d" "$prev_d" "$f" "$prev_f" >> "$TABLE" <<'PY'
import sys
mb, d, pd, f, pf = sys.argv[1:]
ratio = lambda a, b: f"{float(a)/float(b):.2f}" if a and b else "—"
ms = lambda a: f"{float(a)*1000:.0f}" if a else "—"
print(f"| {mb} MB | {ms(d)} | {ratio(d, pd)} | {ms(f)} | {ratio(f, pf)} | {ratio(d, f)} |")
PY
  prev_d=$d; prev_f=$f
done
cat "$TABLE"

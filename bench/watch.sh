#!/usr/bin/env bash
# Freshness benchmark: a one-shot query on the default path (the index brought
# up to date first) with a running `dealq watch`, against the same query
# looking at every file (no watcher) and against --no-refresh (no freshness at
# all), for the corpus in year/quarter folders and for the same files in one
# folder (hard links, so no extra disk).
#
# usage: bench/watch.sh [--corpus DIR] [--out DIR] [--runs N]
#
#   --corpus DIR  a corpus in year/quarter folders (default: bench/out/corpus-100k,
#                 generated with dealq-gen --count 100000 --seed 42 when missing)
#   --out DIR     where the one-folder copy, the indexes and the results go (default: bench/out/watch)
#   --runs N      timed runs per command (default 15)
#   DEALQ=/path/to/dealq  time another build (default: swift build -c release --static-swift-stdlib)
#   LAYOUTS=tree          only the year/quarter tree (default: "tree flat")
#
# Needs hyperfine (installed with apt-get when missing and root). Prints a
# markdown table of medians and ratios and keeps it in OUT/watch-N.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
die() { echo "bench/watch.sh: error: $*" >&2; exit 1; }

CORPUS=""; OUT="$ROOT/bench/out/watch"; RUNS=15
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) shift; CORPUS=${1:-}; [ -d "$CORPUS" ] || die "--corpus takes a folder" ;;
    --out) shift; OUT=${1:-}; [ -n "$OUT" ] || die "--out takes a folder" ;;
    --runs) shift; RUNS=${1:-}; [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a number" ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: bench/watch.sh [--corpus DIR] [--out DIR] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)

if ! command -v hyperfine >/dev/null; then
  [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
  command -v hyperfine >/dev/null || die "hyperfine is needed (apt-get install hyperfine)"
fi

if [ -z "${DEALQ:-}" ]; then
  echo "building release..." >&2
  swift build -c release --static-swift-stdlib >"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log" >&2; die "build failed"; }
  DEALQ="$(swift build -c release --show-bin-path)/dealq"
fi
[ -x "$DEALQ" ] || die "no dealq binary at $DEALQ"
if [ -z "$CORPUS" ]; then
  CORPUS="$ROOT/bench/out/corpus-100k"
  if [ ! -f "$CORPUS/dealq.yml" ]; then
    echo "generating 100000 deals..." >&2
    "$(dirname "$DEALQ")/dealq-gen" --count 100000 --seed 42 --out "$CORPUS" >&2
  fi
fi
CORPUS=$(cd "$CORPUS" && pwd)
FILES=$(find "$CORPUS" -path '*/.*' -prune -o -name '*.md' -type f -print | wc -l)
LABEL="$((FILES / 1000))k"
FLAT="$OUT/flat-$LABEL"
LAYOUTS=${LAYOUTS:-tree flat}
if [[ " $LAYOUTS " == *" flat "* && ! -f "$FLAT/dealq.yml" ]]; then
  echo "linking the $FILES files into one folder $FLAT..." >&2
  rm -rf "$FLAT"; mkdir -p "$FLAT"
  find "$CORPUS" -path '*/.*' -prune -o -name '*.md' -type f -print0 | xargs -0 ln -t "$FLAT/"
  ln "$CORPUS/dealq.yml" "$FLAT/dealq.yml"
fi

QUERY="count by outcome"
median() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"; }
time_cmd() {  # name, command → median seconds
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$OUT/hf-$1.json" "$2" >/dev/null 2>&1 || die "command failed: $2"
  median "$OUT/hf-$1.json"
}

TABLE="$OUT/watch-$LABEL.md"
{
  echo "One-shot \`dealq \"$QUERY\"\` on $FILES files, whole process, median of $RUNS runs (hyperfine), warm page cache, 2 cores."
  echo
  echo "| layout | --no-refresh ms | with dealq watch ms | walk (no watcher) ms | watcher − no-refresh ms | walk ÷ watcher | target |"
  echo "|---|---:|---:|---:|---:|---:|---|"
} > "$TABLE"
for layout in $LAYOUTS; do
  dir=$CORPUS; [ "$layout" = flat ] && dir=$FLAT
  db="$OUT/index-$layout-$LABEL.sqlite"
  echo "indexing $layout ($dir)..." >&2
  "$DEALQ" index "$dir" --db "$db" >/dev/null 2>"$OUT/index-$layout.log" || true
  Q="$DEALQ --corpus $dir --db $db --format csv"
  a=$(time_cmd "$layout-norefresh" "$Q --no-refresh '$QUERY'")
  c=$(time_cmd "$layout-walk" "$Q '$QUERY'")
  "$DEALQ" watch --corpus "$dir" --db "$db" --quiet >"$OUT/watch-$layout.log" 2>&1 &
  watcher=$!
  for _ in $(seq 600); do
    DEALQ_TRACE_REFRESH=1 $Q "$QUERY" 2>&1 >/dev/null | grep -q "refresh: the watcher" && break
    kill -0 "$watcher" 2>/dev/null || die "dealq watch stopped: $(cat "$OUT/watch-$layout.log")"
    sleep 0.5
  done
  DEALQ_TRACE_REFRESH=1 $Q "$QUERY" 2>&1 >/dev/null | grep -q "refresh: the watcher" || die "the watcher never answered"
  b=$(time_cmd "$layout-watcher" "$Q '$QUERY'")
  kill -TERM "$watcher"; wait "$watcher" || true
  python3 - "$layout" "$a" "$b" "$c" >> "$TABLE" <<'PY'
import sys
layout, a, b, c = sys.argv[1], *map(float, sys.argv[2:5])
print(f"| {layout} | {a*1000:.0f} | {b*1000:.0f} | {c*1000:.0f} | {(b-a)*1000:.0f} | {c/b:.1f} | ≤ 100 ms at 500k |")
PY
done
cat "$TABLE"

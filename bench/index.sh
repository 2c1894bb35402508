#!/usr/bin/env bash
# Indexing benchmark: `dealq index` against a raw FTS5 ingest of the same files.
#
# usage: bench/index.sh [--large] [--runs N] [--keep]
#
#   (default)  100k generated deals
#   --large    500k generated deals
#   --runs N   timed runs per measurement (default 5; 3 with --large)
#
# Builds release, generates the corpus into bench/out/ (reused while the
# generator binary and arguments are unchanged), then times, as medians:
#   - the baseline: bench/fts5_baseline.py (Python sqlite3, whole files into
#     one FTS5 table, one transaction, no parsing), fresh database each run;
#   - dealq index, cold: fresh --db each run;
#   - dealq index, warm: nothing changed since the last run;
#   - dealq index, one file changed: one deal appended to before each run;
#   - peak memory (maximum resident set size) of a cold dealq index run.
# Prints a markdown table and keeps it, with every run's time, in bench/out/.
#
# DEALQ=/path/to/dealq uses that binary instead of building this checkout.
# Timings are whole-process wall-clock times on a warm page cache.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

die() { echo "bench/index.sh: error: $*" >&2; exit 1; }

N=100000
RUNS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --large) N=500000 ;;
    --runs) shift; RUNS=${1:-}; [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/index.sh [--large] [--runs N]" >&2; exit 2; } ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: bench/index.sh [--large] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$RUNS" ]; then
  if [ "$N" -ge 500000 ]; then RUNS=3; else RUNS=5; fi
fi
SEED=42
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
LABEL=$([ "$N" -ge 1000 ] && echo "$((N / 1000))k" || echo "$N")

# --- tools -------------------------------------------------------------------
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing GNU time (and hyperfine) with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time hyperfine >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time hyperfine >/dev/null 2>&1; } || true
  fi
  /usr/bin/time -v true >/dev/null 2>&1 || die "GNU time (/usr/bin/time -v) is needed for peak memory; apt-get install time"
fi
command -v python3 >/dev/null || die "python3 is needed for the baseline"
python3 -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")' 2>/dev/null \
  || die "python3's sqlite3 has no FTS5"

# --- build -------------------------------------------------------------------
echo "building release..." >&2
if ! swift build -c release --static-swift-stdlib >"$OUT/build.log" 2>&1; then
  if [ -z "${DEALQ:-}" ]; then
    tail -30 "$OUT/build.log" >&2
    die "swift build -c release --static-swift-stdlib failed (log: bench/out/build.log)"
  fi
  # With DEALQ given, only the generator has to build.
  swift build -c release --product dealq-gen >>"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; die "dealq-gen does not build"; }
fi
BIN=$(swift build -c release --show-bin-path)
GEN="$BIN/dealq-gen"
DEALQ=${DEALQ:-$BIN/dealq}
[ -x "$GEN" ] || die "dealq-gen not found at $GEN"
[ -x "$DEALQ" ] || die "dealq binary not found at $DEALQ (set DEALQ=/path/to/dealq)"
IHELP=$("$DEALQ" index --help 2>&1 || true)
[[ "$IHELP" == *--db* ]] || die "$DEALQ has no 'index' command with --db yet (set DEALQ=/path/to/dealq)"

# --- corpus ------------------------------------------------------------------
CORPUS="$OUT/corpus-$LABEL"
STAMP="count=$N seed=$SEED gen=$(sha256sum "$GEN" | cut -c1-16)"
if [ "$(cat "$CORPUS/.gen-stamp" 2>/dev/null)" != "$STAMP" ]; then
  rm -rf "$CORPUS"
  echo "generating $N deals into bench/out/corpus-$LABEL..." >&2
  gstart=$(date +%s.%N)
  "$GEN" --count "$N" --seed "$SEED" --out "$CORPUS" --quiet
  gend=$(date +%s.%N)
  echo "$STAMP" >"$CORPUS/.gen-stamp"
  echo "generated in $(awk -v a="$gstart" -v b="$gend" 'BEGIN { printf "%.2f", b - a }') s" >&2
fi
FILES=$(find "$CORPUS" -name '*.md' -not -path '*/.*' | wc -l)
BYTES=$(du -sb --exclude=.gen-stamp "$CORPUS" | cut -f1)
DB="$OUT/index-$LABEL.sqlite"
BASEDB="$OUT/baseline-$LABEL.sqlite"

# The file changed between warm runs; restored on exit.
EDIT=$(find "$CORPUS/2024" -name '*.md' | sort | sed -n 1p)
cp -p "$EDIT" "$OUT/edit.orig"
restore() { [ -f "$OUT/edit.orig" ] && cp -p "$OUT/edit.orig" "$EDIT" && rm -f "$OUT/edit.orig"; }
trap restore EXIT

# --- timing helpers ----------------------------------------------------------
fresh_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
EDITS=0
edit_one() { EDITS=$((EDITS + 1)); printf -- '- Bench edit %d: one more open question.\n' "$EDITS" >>"$EDIT"; }

# measure NAME PREPARE -- CMD...   runs CMD $RUNS times, PREPARE before each;
# leaves the sorted times in $OUT/times-NAME.txt and the median in MEDIAN.
measure() {
  local name=$1 prepare=$2; shift 3
  local file="$OUT/times-$LABEL-$name.txt" i t0 t1 rc
  : >"$file"
  for i in $(seq "$RUNS"); do
    $prepare
    t0=$(date +%s%N)
    set +e; "$@" >"$OUT/last-$name.log" 2>&1; rc=$?; set -e
    t1=$(date +%s%N)
    if [ $rc -ne 0 ]; then
      if [ $rc -eq 1 ] && [[ "$name" == index-* ]]; then
        echo "note: dealq index exited 1 (some files rejected); see bench/out/last-$name.log" >&2
      else
        tail -20 "$OUT/last-$name.log" >&2
        die "$name failed with status $rc"
      fi
    fi
    echo "$(( (t1 - t0) / 1000000 ))" >>"$file"
    printf '  %-22s run %d: %s ms\n' "$name" "$i" "$(tail -1 "$file")" >&2
  done
  sort -n "$file" -o "$file"
  MEDIAN=$(awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m / 1000}' "$file")
}

none() { :; }
cold_prep() { fresh_db "$DB"; }
base_prep() { fresh_db "$BASEDB"; }

echo "corpus: $FILES files, $((BYTES / 1000000)) MB; $RUNS runs each" >&2
echo "baseline: raw FTS5 ingest" >&2
measure baseline base_prep -- python3 bench/fts5_baseline.py "$CORPUS" "$BASEDB"
BASE=$MEDIAN
echo "dealq index, cold" >&2
measure index-cold cold_prep -- "$DEALQ" index "$CORPUS" --db "$DB"
COLD=$MEDIAN
echo "dealq index, warm" >&2
measure index-warm none -- "$DEALQ" index "$CORPUS" --db "$DB"
WARM=$MEDIAN
echo "dealq index, one file changed" >&2
measure index-one edit_one -- "$DEALQ" index "$CORPUS" --db "$DB"
ONE=$MEDIAN
restore

echo "peak memory, cold" >&2
fresh_db "$DB"
set +e
/usr/bin/time -v -o "$OUT/time-v-$LABEL.txt" "$DEALQ" index "$CORPUS" --db "$DB" >"$OUT/last-index-mem.log" 2>&1
set -e
RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-v-$LABEL.txt")
base_prep
/usr/bin/time -v -o "$OUT/time-v-baseline-$LABEL.txt" python3 bench/fts5_baseline.py "$CORPUS" "$BASEDB" >/dev/null 2>&1
BASE_RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-v-baseline-$LABEL.txt")

# --- report ------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
meets() { awk -v v="$1" -v lim="$2" 'BEGIN { print (v <= lim) ? "yes" : "no" }'; }
if [ "$N" -ge 500000 ]; then
  COLD_TARGET="≤ 60 s"; COLD_OK=$(meets "$COLD" 60)
  RSS_TARGET="≤ 500 MB"; RSS_OK=$(meets "$((RSS_KB / 1024))" 500)
  SCOPE=" (target set at 100k)"
  WARM_OK="—"; ONE_OK="—"
else
  COLD_TARGET="≤ 1.3 × baseline"; COLD_OK=$(meets "$(ratio "$COLD" "$BASE")" 1.3)
  RSS_TARGET="≤ 500 MB at 500k"; RSS_OK="—"
  SCOPE=""
  WARM_OK=$(meets "$WARM" 1); ONE_OK=$(meets "$ONE" 1.5)
fi
REPORT="$OUT/index-$LABEL.md"
{
  echo "Indexing $FILES files ($((BYTES / 1000000)) MB, \`dealq-gen --count $N --seed $SEED\`), median of $RUNS runs, $(nproc) cores."
  echo
  echo "| what | median s | × baseline | target | meets |"
  echo "|---|---:|---:|---|---|"
  echo "| raw FTS5 ingest, Python sqlite3 (baseline) | $BASE | 1.00 | — | — |"
  echo "| \`dealq index\`, cold (fresh db) | $COLD | $(ratio "$COLD" "$BASE") | $COLD_TARGET | $COLD_OK |"
  echo "| \`dealq index\`, warm, nothing changed | $WARM | $(ratio "$WARM" "$BASE") | ≤ 1 s$SCOPE | $WARM_OK |"
  echo "| \`dealq index\`, warm, one file changed | $ONE | $(ratio "$ONE" "$BASE") | ≤ 1.5 s$SCOPE | $ONE_OK |"
  echo "| \`dealq index\`, cold, peak memory | $((RSS_KB / 1024)) MB | — | $RSS_TARGET | $RSS_OK |"
  echo "| baseline, peak memory | $((BASE_RSS_KB / 1024)) MB | — | — | — |"
} >"$REPORT"
echo
cat "$REPORT"
echo
echo "(saved to bench/out/index-$LABEL.md; per-run times in bench/out/times-$LABEL-*.txt)"

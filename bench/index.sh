#!/usr/bin/env bash
# Indexing benchmark: `dealq index` against a raw FTS5 ingest of the same files.
#
# usage: bench/index.sh [--large] [--runs N] [--corpus DIR] [--flat] [--out DIR]
#
#   (default)     100k generated deals
#   --large       500k generated deals
#   --runs N      timed runs per measurement (default 5; 3 with --large)
#   --corpus DIR  an existing corpus instead of generating one (never written to)
#   --flat        every deal in one folder: a copy of the corpus made of hard links
#   --out DIR     where corpora, indexes and results go (default bench/out)
#
# Builds release, generates the corpus into bench/out/ (reused while the
# generator binary and arguments are unchanged), then times, as medians:
#   - the baseline: bench/fts5_baseline.py (Python sqlite3, whole files into
#     one FTS5 table, one transaction, no parsing), fresh database each run;
#   - dealq index, cold: fresh --db each run;
#   - dealq index, warm: nothing changed since the last run;
#   - dealq index, one file changed: one deal appended to before each run;
#   - peak memory (maximum resident set size) of the cold dealq index runs;
#   - the size of the index against the corpus's markdown bytes, and per table.
# Prints a markdown table and keeps it, with every run's time, in bench/out/.
#
# DEALQ=/path/to/dealq uses that binary instead of building this checkout.
# Timings are whole-process wall-clock times on a warm page cache, with the
# CPU time (user + sys, all threads) of each beside them: on a busy machine
# the CPU times still compare, the wall-clock times do not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

die() { echo "bench/index.sh: error: $*" >&2; exit 1; }

N=100000
RUNS=""
GIVEN=""
FLAT=0
OUT="$ROOT/bench/out"
usage() { echo "usage: bench/index.sh [--large] [--runs N] [--corpus DIR] [--flat] [--out DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --large) N=500000 ;;
    --runs) shift; RUNS=${1:-}; [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || usage ;;
    --corpus) shift; GIVEN=${1:-}; [ -n "$GIVEN" ] || usage; [ -f "$GIVEN/dealq.yml" ] || die "$GIVEN has no dealq.yml" ;;
    --flat) FLAT=1 ;;
    --out) shift; OUT=${1:-}; [ -n "$OUT" ] || usage ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
  shift
done
if [ -z "$RUNS" ]; then
  if [ "$N" -ge 500000 ]; then RUNS=3; else RUNS=5; fi
fi
SEED=42
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
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
# DEALQ=/path/to/dealq times that binary; the generator is built only when a corpus is generated.
if [ -z "${DEALQ:-}" ]; then
  echo "building release..." >&2
  swift build -c release --static-swift-stdlib >"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log" >&2; die "swift build -c release --static-swift-stdlib failed (log: $OUT/build.log)"; }
elif [ -z "$GIVEN" ]; then
  swift build -c release --product dealq-gen >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; die "dealq-gen does not build"; }
fi
BIN=""
if [ -z "${DEALQ:-}" ] || [ -z "$GIVEN" ]; then BIN=$(swift build -c release --show-bin-path); fi
GEN="$BIN/dealq-gen"
DEALQ=${DEALQ:-$BIN/dealq}
[ -n "$GIVEN" ] || [ -x "$GEN" ] || die "dealq-gen not found at $GEN"
[ -x "$DEALQ" ] || die "dealq binary not found at $DEALQ (set DEALQ=/path/to/dealq)"
IHELP=$("$DEALQ" index --help 2>&1 || true)
[[ "$IHELP" == *--db* ]] || die "$DEALQ has no 'index' command with --db yet (set DEALQ=/path/to/dealq)"

# --- corpus ------------------------------------------------------------------
if [ -n "$GIVEN" ]; then
  CORPUS=$(cd "$GIVEN" && pwd)
  LABEL="$(basename "$CORPUS")"
else
  CORPUS="$OUT/corpus-$LABEL"
fi
if [ -z "$GIVEN" ] && [ "$(cat "$CORPUS/.gen-stamp" 2>/dev/null)" != "count=$N seed=$SEED gen=$(sha256sum "$GEN" | cut -c1-16)" ]; then
  STAMP="count=$N seed=$SEED gen=$(sha256sum "$GEN" | cut -c1-16)"
  rm -rf "$CORPUS"
  echo "generating $N deals into bench/out/corpus-$LABEL..." >&2
  gstart=$(date +%s.%N)
  "$GEN" --count "$N" --seed "$SEED" --out "$CORPUS" --quiet
  gend=$(date +%s.%N)
  echo "$STAMP" >"$CORPUS/.gen-stamp"
  echo "generated in $(awk -v a="$gstart" -v b="$gend" 'BEGIN { printf "%.2f", b - a }') s" >&2
fi
if [ -n "$GIVEN" ] || [ "$FLAT" -eq 1 ]; then
  # A mirror of the corpus made of hard links, so no bytes are copied and the
  # corpus itself is never written: as it is, or (--flat) with every file in
  # the top folder, named by its path with slashes made dashes.
  SRC=$CORPUS
  if [ "$FLAT" -eq 1 ]; then LABEL="$LABEL-flat"; fi
  CORPUS="$OUT/mirror-$LABEL"
  if [ "$(cat "$CORPUS/.mirror-of" 2>/dev/null)" != "$SRC $FLAT" ]; then
    echo "linking the files of $SRC into $CORPUS..." >&2
    rm -rf "$CORPUS"
    if [ "$FLAT" -eq 1 ]; then
      mkdir -p "$CORPUS"
      cp -p "$SRC/dealq.yml" "$CORPUS/"
      (cd "$SRC" && find . -name '*.md' -not -path '*/.*' -printf '%P\n') | while IFS= read -r f; do
        ln "$SRC/$f" "$CORPUS/${f//\//-}"
      done
    else
      cp -al "$SRC" "$CORPUS"
      rm -rf "$CORPUS/.dealq"
    fi
    echo "$SRC $FLAT" >"$CORPUS/.mirror-of"
  fi
fi
FILES=$(find "$CORPUS" -name '*.md' -not -path '*/.*' | wc -l)
# A given corpus is held to the targets of its size (those of 500k from 500k files).
[ -z "$GIVEN" ] || N=$FILES
# The markdown the index is made from: the index size is measured against it.
MDBYTES=$(find "$CORPUS" -name '*.md' -not -path '*/.*' -printf '%s\n' | awk '{s += $1} END {print s}')
DB="$OUT/index-$LABEL.sqlite"
BASEDB="$OUT/baseline-$LABEL.sqlite"

# The file changed between warm runs; restored on exit.
EDIT=$(find "$CORPUS" -name '*2024*.md' -not -path '*/.*' | sort | sed -n 1p)
[ -n "$EDIT" ] || EDIT=$(find "$CORPUS" -name 'D-*.md' -not -path '*/.*' | sort | sed -n 1p)
# A file of its own (not a link shared with the source corpus) before it is edited.
cp -p "$EDIT" "$EDIT.own" && mv "$EDIT.own" "$EDIT"
cp -p "$EDIT" "$OUT/edit.orig"
restore() { if [ -f "$OUT/edit.orig" ]; then cp -p "$OUT/edit.orig" "$EDIT" && rm -f "$OUT/edit.orig"; fi; }
trap restore EXIT

# --- timing helpers ----------------------------------------------------------
fresh_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
EDITS=0
edit_one() { EDITS=$((EDITS + 1)); printf -- '- Bench edit %d: one more open question.\n' "$EDITS" >>"$EDIT"; }

# measure NAME PREPARE -- CMD...   runs CMD $RUNS times, PREPARE before each;
# leaves the sorted wall times in $OUT/times-NAME.txt and their median in MEDIAN,
# the median CPU time (user + sys, all threads) in CPU, the largest peak RSS in PEAK_KB.
measure() {
  local name=$1 prepare=$2; shift 3
  local file="$OUT/times-$LABEL-$name.txt" cpu="$OUT/cpu-$LABEL-$name.txt" i rc wall user sys rss
  : >"$file"; : >"$cpu"; PEAK_KB=0
  for i in $(seq "$RUNS"); do
    $prepare
    set +e; /usr/bin/time -f "%e %U %S %M" -o "$OUT/last-$name.time" "$@" >"$OUT/last-$name.log" 2>&1; rc=$?; set -e
    if [ $rc -ne 0 ]; then
      if [ $rc -eq 1 ] && [[ "$name" == index-* ]]; then
        echo "note: dealq index exited 1 (some files rejected); see $OUT/last-$name.log" >&2
      else
        tail -20 "$OUT/last-$name.log" >&2
        die "$name failed with status $rc"
      fi
    fi
    read -r wall user sys rss < <(tail -1 "$OUT/last-$name.time")
    awk -v w="$wall" 'BEGIN { printf "%d\n", w * 1000 }' >>"$file"
    awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d\n", (u + s) * 1000 }' >>"$cpu"
    [ "$rss" -gt "$PEAK_KB" ] && PEAK_KB=$rss
    printf '  %-22s run %d: %s ms, CPU %s ms\n' "$name" "$i" "$(tail -1 "$file")" "$(tail -1 "$cpu")" >&2
  done
  sort -n "$file" -o "$file"; sort -n "$cpu" -o "$cpu"
  local med='{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m / 1000}'
  MEDIAN=$(awk "$med" "$file"); CPU=$(awk "$med" "$cpu")
}

none() { :; }
cold_prep() { fresh_db "$DB"; }
base_prep() { fresh_db "$BASEDB"; }

echo "corpus: $FILES files, $((MDBYTES / 1000000)) MB of markdown; $RUNS runs each" >&2
LOAD=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
echo "baseline: raw FTS5 ingest" >&2
measure baseline base_prep -- python3 bench/fts5_baseline.py "$CORPUS" "$BASEDB"
BASE=$MEDIAN; BASE_CPU=$CPU; BASE_RSS_KB=$PEAK_KB
echo "dealq index, cold" >&2
measure index-cold cold_prep -- "$DEALQ" index "$CORPUS" --db "$DB"
COLD=$MEDIAN; COLD_CPU=$CPU; RSS_KB=$PEAK_KB
# The size of the index just built (after its WAL is folded in) and of each table with its indexes.
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
DBBYTES=$(stat -c %s "$DB")
sqlite3 -readonly "$DB" "SELECT name, round(sum(pgsize) / 1e6, 1) FROM dbstat GROUP BY name ORDER BY sum(pgsize) DESC" \
  >"$OUT/index-tables-$LABEL.txt" 2>/dev/null || echo "(this sqlite3 has no dbstat)" >"$OUT/index-tables-$LABEL.txt"
echo "dealq index, warm" >&2
measure index-warm none -- "$DEALQ" index "$CORPUS" --db "$DB"
WARM=$MEDIAN; WARM_CPU=$CPU
echo "dealq index, one file changed" >&2
measure index-one edit_one -- "$DEALQ" index "$CORPUS" --db "$DB"
ONE=$MEDIAN; ONE_CPU=$CPU
restore

# --- report ------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
meets() { awk -v v="$1" -v lim="$2" 'BEGIN { print (v <= lim) ? "yes" : "no" }'; }
if [ "$N" -ge 500000 ]; then
  COLD_TARGET="≤ 60 s"; COLD_OK=$(meets "$COLD" 60)
  RSS_TARGET="≤ 500 MB"; RSS_OK=$(meets "$((RSS_KB / 1024))" 500)
  SCOPE=" (target set at 100k)"
  WARM_OK="—"; ONE_OK="—"
else
  COLD_TARGET="≤ 1.5 × baseline"; COLD_OK=$(meets "$(ratio "$COLD" "$BASE")" 1.5)
  RSS_TARGET="≤ 500 MB at 500k"; RSS_OK="—"
  SCOPE=""
  WARM_OK=$(meets "$WARM" 1); ONE_OK=$(meets "$ONE" 1.5)
fi
REPORT="$OUT/index-$LABEL.md"
{
  if [ -n "$GIVEN" ]; then WHAT="$GIVEN"; else WHAT="\`dealq-gen --count $N --seed $SEED\`"; fi
  [ "$FLAT" -eq 1 ] && WHAT="$WHAT, every file in one folder"
  echo "Indexing $FILES files ($((MDBYTES / 1000000)) MB of markdown, $WHAT), median of $RUNS runs, $(nproc) cores."
  echo
  echo "| what | median s | × baseline | CPU s (user + sys) | target | meets |"
  echo "|---|---:|---:|---:|---|---|"
  echo "| raw FTS5 ingest, Python sqlite3 (baseline) | $BASE | 1.00 | $BASE_CPU | — | — |"
  echo "| \`dealq index\`, cold (fresh db) | $COLD | $(ratio "$COLD" "$BASE") | $COLD_CPU | $COLD_TARGET | $COLD_OK |"
  echo "| \`dealq index\`, warm, nothing changed | $WARM | $(ratio "$WARM" "$BASE") | $WARM_CPU | ≤ 1 s$SCOPE | $WARM_OK |"
  echo "| \`dealq index\`, warm, one file changed | $ONE | $(ratio "$ONE" "$BASE") | $ONE_CPU | ≤ 1.5 s$SCOPE | $ONE_OK |"
  echo "| \`dealq index\`, cold, peak memory | $((RSS_KB / 1024)) MB | — | — | $RSS_TARGET | $RSS_OK |"
  echo "| baseline, peak memory | $((BASE_RSS_KB / 1024)) MB | — | — | — | — |"
  echo "| index size (× the corpus's markdown bytes, $((MDBYTES / 1000000)) MB) | $((DBBYTES / 1000000)) MB | $(ratio "$DBBYTES" "$MDBYTES") | — | ≤ 1.5 × | $(meets "$(ratio "$DBBYTES" "$MDBYTES")" 1.5) |"
  if awk -v l="$LOAD" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
    echo
    echo "The load average was $LOAD on $(nproc) cores when this began: the wall-clock times and their ratios (and the \"meets\" column) are not to be trusted; compare the CPU times."
  fi
} >"$REPORT"
echo
cat "$REPORT"
echo
echo "MB per table and index (dbstat):"
head -12 "$OUT/index-tables-$LABEL.txt"
echo
echo "(saved to $OUT/index-$LABEL.md; per-run times in $OUT/times-$LABEL-*.txt)"

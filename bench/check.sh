#!/usr/bin/env bash
# dealq check benchmark: whole-process time of checking one deal file, as a
# pre-commit hook does, and of checking the whole corpus.
#
# usage: bench/check.sh [--runs N]
#
# Builds release as dealq is installed, copies the bundled corpus to
# bench/out/check-corpus (300 deals) and times with hyperfine (installed with
# apt-get when missing and root):
#   one file    dealq check --corpus C C/2025/Q3/<first deal>  (ids are still
#               checked against every other file of the corpus)
#   corpus      dealq check --corpus C
#   one file of 10k   the same on 10,000 generated deals (dealq-gen --count 10000
#               --seed 42, kept in bench/out/corpus-10k)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
die() { echo "bench/check.sh: error: $*" >&2; exit 1; }

RUNS=30
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) shift; RUNS=${1:-}; [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a number" ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: bench/check.sh [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
OUT="$ROOT/bench/out"; mkdir -p "$OUT"

if ! command -v hyperfine >/dev/null; then
  [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
  command -v hyperfine >/dev/null || die "hyperfine is needed (apt-get install hyperfine)"
fi

echo "building release..." >&2
swift build -c release --static-swift-stdlib >"$OUT/build-check.log" 2>&1 || { tail -20 "$OUT/build-check.log" >&2; die "build failed"; }
BIN=$(swift build -c release --show-bin-path)
DEALQ="$BIN/dealq"

CORPUS="$OUT/check-corpus"
rm -rf "$CORPUS" && cp -r "$ROOT/corpus" "$CORPUS" && rm -rf "$CORPUS/.dealq"
ONE=$(find "$CORPUS/2025/Q3" -name '*.md' | sort | sed -n 1p)

ARGS=(--warmup 3 --runs "$RUNS" -N --ignore-failure --export-markdown "$OUT/check.md")
BIG="$OUT/corpus-10k"
if [ ! -f "$BIG/dealq.yml" ]; then
  echo "generating 10,000 deals..." >&2
  rm -rf "$BIG"; "$BIN/dealq-gen" --count 10000 --seed 42 --out "$BIG" >&2
fi
BIG_ONE=$(find "$BIG/2025" -name '*.md' | sort | sed -n 1p)
COMMANDS=("$DEALQ check --corpus $CORPUS $ONE" "$DEALQ check --corpus $BIG $BIG_ONE" "$DEALQ --version"
          "$DEALQ check --corpus $CORPUS")
hyperfine "${ARGS[@]}" "${COMMANDS[@]}"
echo "results in $OUT/check.md" >&2

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
# When bench/out/corpus-100k exists (bench/index.sh makes it), one file of it too.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
die() { echo "bench/check.sh: error: $*" >&2; exit 1; }

RUNS=30
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) shift; RUNS=${1:-}; [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a number" ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
swift build -c release --static-swift-stdlib --product dealq >"$OUT/build-check.log" 2>&1 || { tail -20 "$OUT/build-check.log" >&2; die "build failed"; }
DEALQ="$(swift build -c release --show-bin-path)/dealq"

CORPUS="$OUT/check-corpus"
rm -rf "$CORPUS" && cp -r "$ROOT/corpus" "$CORPUS" && rm -rf "$CORPUS/.dealq"
ONE=$(find "$CORPUS/2025/Q3" -name '*.md' | sort | head -1)

ARGS=(--warmup 3 --runs "$RUNS" -N --ignore-failure --export-markdown "$OUT/check.md")
COMMANDS=("$DEALQ check --corpus $CORPUS $ONE" "$DEALQ check --corpus $CORPUS")
if [ -f "$OUT/corpus-100k/dealq.yml" ]; then
  BIG_ONE=$(find "$OUT/corpus-100k" -name '*.md' -not -path '*/.*' | sort | head -1)
  COMMANDS+=("$DEALQ check --corpus $OUT/corpus-100k $BIG_ONE")
fi
hyperfine "${ARGS[@]}" "${COMMANDS[@]}"
echo "results in $OUT/check.md" >&2

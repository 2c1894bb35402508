#!/usr/bin/env bash
# Confirms that corpus/ is exactly what the generator writes: builds
# dealq-gen, regenerates the bundled sample into a temporary folder (twice,
# to check determinism as well) and compares it with corpus/, ignoring the
# index folder corpus/.dealq, corpus/.gitattributes and the saved queries
# corpus/dealq-queries.yml (written by hand, not generated). Exit 0 when
# identical, 1 otherwise.
#
# usage: bench/check-corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=300
SEED=7
SCRATCH=${SCRATCH:-.build-gen}

if ! out=$(swift build -c release --scratch-path "$SCRATCH" --product dealq-gen 2>&1); then
  echo "$out" >&2
  echo "FAIL: dealq-gen does not build" >&2
  exit 1
fi
GEN="$SCRATCH/release/dealq-gen"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$GEN" --count "$COUNT" --seed "$SEED" --out "$tmp/a" --quiet
"$GEN" --count "$COUNT" --seed "$SEED" --out "$tmp/b" --quiet

status=0
if ! diff -r "$tmp/a" "$tmp/b" >/dev/null; then
  echo "FAIL: two runs with the same arguments differ" >&2
  diff -r "$tmp/a" "$tmp/b" | head -20 >&2
  status=1
fi
if ! diff -r --exclude=.dealq --exclude=.gitattributes --exclude=dealq-queries.yml "$tmp/a" corpus >"$tmp/diff"; then
  echo "FAIL: corpus/ differs from 'dealq-gen --count $COUNT --seed $SEED' output:" >&2
  head -40 "$tmp/diff" >&2
  status=1
fi
# A different seed must give a different corpus.
"$GEN" --count 20 --seed $((SEED + 1)) --out "$tmp/c" --quiet
if diff -rq "$tmp/c" "$tmp/a" >/dev/null 2>&1; then
  echo "FAIL: a different seed gave the same files" >&2
  status=1
fi
# Usage errors exit 2.
set +e
"$GEN" --count nope --out "$tmp/d" 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: bad --count did not exit 2" >&2; status=1; }
"$GEN" --out "$tmp/d" 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: missing --count did not exit 2" >&2; status=1; }
set -e

if [ $status -eq 0 ]; then
  echo "OK: corpus/ is byte-identical to 'dealq-gen --count $COUNT --seed $SEED --out corpus'"
fi
exit $status

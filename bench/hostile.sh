#!/usr/bin/env bash
# What hostile deal files cost `dealq index`: one corpus per case, each with
# 10 good deals, indexed cold by this build and by a baseline build in the
# same run. Reports wall time, peak memory (/usr/bin/time -v), the index's
# size and the exit status.
#
# usage: BASELINE=/path/to/older/dealq bench/hostile.sh [--bomb-keys N]
#   DEALQ     the build to measure (default: .build/release/dealq)
#   BASELINE  a build to compare with (optional)
#   --bomb-keys N  keys aliasing one 10 KB string in the alias bomb (default 10000;
#                  the case as first reported had 100000: a build without the alias
#                  limit then writes a 6.8 GB index)
set -euo pipefail
cd "$(dirname "$0")/.."

DEALQ=${DEALQ:-.build/release/dealq}
BASELINE=${BASELINE:-}
BOMB_KEYS=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --bomb-keys) BOMB_KEYS=$2; shift 2 ;;
    *) echo "usage: BASELINE=/path/to/dealq bench/hostile.sh [--bomb-keys N]" >&2; exit 2 ;;
  esac
done
[ -x "$DEALQ" ] || { echo "no dealq binary at $DEALQ (swift build -c release --static-swift-stdlib)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

OUT=bench/out/hostile
rm -rf "$OUT" && mkdir -p "$OUT"

good() {  # 10 plain deals in $1
  for i in $(seq 1 10); do
    printf -- '---\nid: G-%d\noutcome: won\nclosed: 2025-03-14\n---\nBody.\n' "$i" > "$1/good-$i.md"
  done
}

for case in good-only alias-bomb keys-100k file-50mb; do mkdir -p "$OUT/$case"; good "$OUT/$case"; done
python3 - "$OUT" "$BOMB_KEYS" <<'PY'
import sys
out, bomb_keys = sys.argv[1], int(sys.argv[2])
head = "---\nid: H\noutcome: won\nclosed: 2025-03-14\n"
with open(f"{out}/alias-bomb/bomb.md", "w") as f:
    f.write(head + 'big: &big "' + "x" * 10_000 + '"\n')
    f.writelines(f"k{i}: *big\n" for i in range(bomb_keys))
    f.write("---\nBody.\n")
with open(f"{out}/keys-100k/keys.md", "w") as f:
    f.write(head)
    f.writelines(f"k{i}: {i}\n" for i in range(100_000))
    f.write("---\nBody.\n")
with open(f"{out}/file-50mb/huge.md", "w") as f:
    f.write(head + "---\n")
    line = "The buyer said the rollout plan was too long for their quarter.\n"
    f.write(line * (50 * 1024 * 1024 // len(line)))
PY

measure() {  # binary, case → one table row
  local bin=$1 case=$2 dir="$OUT/$2" log="$OUT/$2.$3.time" status=0
  rm -rf "$dir/.dealq"
  /usr/bin/time -v "$bin" index "$dir" > "$OUT/$2.$3.out" 2> "$log" || status=$?
  local wall rss size
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  size=$(du -sm "$dir/.dealq" 2>/dev/null | cut -f1)
  echo "| $2 | $3 | $wall | $rss | ${size:-0} | $status |"
}

{
  echo "| case | build | wall (m:ss) | peak MB | index MB | exit |"
  echo "|---|---|---:|---:|---:|---:|"
  for case in good-only alias-bomb keys-100k file-50mb; do
    [ -n "$BASELINE" ] && measure "$BASELINE" "$case" baseline
    measure "$DEALQ" "$case" this
  done
} | tee "$OUT/results.md"

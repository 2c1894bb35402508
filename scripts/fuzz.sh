#!/usr/bin/env bash
# Fuzzes the query pipeline (lexer, parser, printer, checker, planner, SQLite's
# prepare) with libFuzzer and AddressSanitizer, on the bundled corpus's catalog.
#
#   scripts/fuzz.sh [--minutes N] [--runs N] [-- LIBFUZZER_FLAGS...]
#
# Stops after N minutes (default 10) or N inputs, whichever is given. Seeds are
# every query of grammar/examples, the first line of every grammar/invalid file,
# the queries of docs/*.md, and the inputs under fuzzing/regressions; the
# dictionary is fuzzing/query.dict. What the fuzzer learns is kept in
# fuzzing/.work/corpus for the next run; a crashing input is written to
# fuzzing/.work/findings/, and the logs of -jobs to fuzzing/.work/fuzz-N.log (all ignored by git). Replay one with
#   fuzzing/.build/release/QueryFuzzer fuzzing/.work/findings/crash-…
# Exits non-zero when the fuzzer found something.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=10
runs=""
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes="$2"; shift 2 ;;
        --runs) runs="$2"; minutes=""; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "usage: $0 [--minutes N] [--runs N] [-- LIBFUZZER_FLAGS...]" >&2; exit 2 ;;
    esac
done

swift build --package-path fuzzing -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
fuzzer="$PWD/fuzzing/.build/release/QueryFuzzer"

work="$PWD/fuzzing/.work"
mkdir -p "$work/corpus" "$work/findings"
seeds="$(mktemp -d)"
trap 'rm -rf "$seeds"' EXIT
python3 - "$seeds" <<'PY'
import glob, hashlib, os, re, sys
out = sys.argv[1]
queries = []
for path in sorted(glob.glob("grammar/examples/*.txt")):
    queries += [l for l in open(path, encoding="utf-8").read().split("\n") if l and not l.startswith("#")]
for path in sorted(glob.glob("grammar/invalid/*.txt")):
    queries.append(open(path, encoding="utf-8").read().split("\n")[0])
for path in sorted(glob.glob("docs/*.md")):
    text = open(path, encoding="utf-8").read()
    for info, body in re.findall(r"^```(\w*)\n(.*?)^```", text, re.S | re.M):
        for line in body.split("\n"):
            line = line.strip()
            if info == "dealq" and line and not line.startswith("#"):
                queries.append(line)
            elif info == "sh":
                queries += [a or b for a, b in re.findall(r"""dealq(?: [a-z]+)? (?:"([^"]*)"|'([^']*)')""", line)]
for path in sorted(glob.glob("fuzzing/regressions/*")):
    queries.append(open(path, "rb").read().decode("utf-8", "replace"))
for query in queries:
    data = query.encode("utf-8")
    open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb").write(data)
print(f"{len(set(queries))} seed queries", file=sys.stderr)
PY

flags=(-dict="$PWD/fuzzing/query.dict" -max_len=512 -timeout=2 -rss_limit_mb=4096 -print_final_stats=1
       -artifact_prefix="$work/findings/")
if [ -n "$runs" ]; then flags+=(-runs="$runs"); else flags+=(-max_total_time=$((minutes * 60))); fi
# From the work folder, where libFuzzer writes the logs of -jobs (fuzz-N.log).
cd "$work"
"$fuzzer" "${flags[@]}" "${extra[@]}" "$work/corpus" "$seeds"

#!/usr/bin/env bash
# Runs the same questions with two dealq binaries and diffs everything they print.
#
#   scripts/compare-outputs.sh BASELINE_BIN CANDIDATE_BIN [OUT_DIR]
#
# The questions: every query of grammar/examples/*.txt and of the README, in
# every format (table on a 100-column terminal, table to a file, csv, json,
# jsonl, markdown), plus `explain`, `facets`, the reports (markdown and HTML),
# `export crm-updates` and the saved queries. Each binary answers on its own
# copy of the bundled corpus with a fixed "today" and NO_COLOR; stdout, stderr
# and the exit status of every run are saved under OUT_DIR/{baseline,candidate}.
# Prints the diff and exits 0 when it is empty, 1 when it is not. With
# KEEP_BASELINE=1 the baseline's outputs already in OUT_DIR are kept (the
# baseline binary and the questions must be the same as when they were made).
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 BASELINE_BIN CANDIDATE_BIN [OUT_DIR]" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
baseline="$(realpath "$1")"
candidate="$(realpath "$2")"
out="${3:-$(mktemp -d)}"
mkdir -p "$out"
export NO_COLOR=1 DEALQ_TODAY=2025-06-30
unset DEALQ_CORPUS || true

# One query per line: the grammar's examples, then the README's `dealq "…"` lines.
queries="$out/queries.txt"
{
    cat "$root"/grammar/examples/*.txt | grep -v '^[[:space:]]*#' | grep -v '^[[:space:]]*$' || true
    grep -oE "^dealq (\"[^\"]*\"|'[^']*')" "$root/README.md" | sed -E "s/^dealq //; s/^[\"'](.*)[\"']$/\1/" || true
} | awk '!seen[$0]++' > "$queries"

# run NAME DIR BIN ARGS…: saves stdout, stderr and the exit status of one run.
run() {
    local name="$1" dir="$2" bin="$3"
    shift 3
    local status=0
    (cd "$dir/corpus" && "$bin" "$@" >"$dir/out/$name.out" 2>"$dir/out/$name.err") || status=$?
    echo "$status" >"$dir/out/$name.status"
}

# run_tty NAME DIR BIN ARGS…: the same on a 100-column terminal (stdout only goes to the terminal).
run_tty() {
    local name="$1" dir="$2" bin="$3"
    shift 3
    local command status=0
    command="stty cols 100 rows 50; cd $(printf '%q' "$dir/corpus") && $(printf '%q ' "$bin" "$@") 2>$(printf '%q' "$dir/out/$name.err"); echo \"status \$?\""
    script -qec "$command" /dev/null </dev/null | tr -d '\r' >"$dir/out/$name.out" || status=$?
    echo "$status" >"$dir/out/$name.status"
}

answer() {
    local side="$1" bin="$2"
    local dir="$out/$side"
    rm -rf "$dir"
    mkdir -p "$dir/out"
    cp -r "$root/corpus" "$dir/corpus"
    rm -rf "$dir/corpus/.dealq"
    run index "$dir" "$bin" index
    local i=0 q format
    while IFS= read -r q; do
        i=$((i + 1))
        local n
        n=$(printf '%03d' "$i")
        for format in csv json jsonl markdown table; do
            run "q$n.$format" "$dir" "$bin" --no-refresh --format "$format" "$q"
        done
        run_tty "q$n.tty" "$dir" "$bin" --no-refresh "$q"
        run "q$n.explain" "$dir" "$bin" --no-refresh explain "$q"
    done <"$queries"
    # The shell's dot-commands and the query itself, read from stdin.
    printf '%s\n' '.help' '.facets' '.queries' 'count by segment' '.format csv' 'winrate by segment' '.quit' \
        | (cd "$dir/corpus" && "$bin" >"$dir/out/shell.out" 2>"$dir/out/shell.err"; echo $? >"$dir/out/shell.status") || true
    run batch "$dir" "$bin" --no-refresh -f "$root/grammar/examples/contract.txt" --format jsonl
    for format in table csv json markdown; do
        run "facets.$format" "$dir" "$bin" --no-refresh facets --format "$format"
        run "facets-topic.$format" "$dir" "$bin" --no-refresh facets topic --format "$format"
        run "queries.$format" "$dir" "$bin" --no-refresh queries --format "$format"
    done
    run_tty facets.tty "$dir" "$bin" --no-refresh facets
    run_tty queries.tty "$dir" "$bin" --no-refresh queries
    run facets-file "$dir" "$bin" --no-refresh facets --format table -o "$dir/out/facets-file.written"
    for report in leadership product sales; do
        for format in markdown html; do
            run "report-$report.$format" "$dir" "$bin" --no-refresh report "$report" --format "$format"
        done
    done
    run report-sales-acme.markdown "$dir" "$bin" --no-refresh report sales --competitor "Acme Analytics"
    run report-product-enterprise.markdown "$dir" "$bin" --no-refresh report product segment:enterprise
    run report-leadership-since.markdown "$dir" "$bin" --no-refresh report leadership since:2025-01-01
    run export "$dir" "$bin" --no-refresh export crm-updates
    run export-since "$dir" "$bin" --no-refresh export crm-updates since:2025-01-01
    local name
    for name in topic-quotes winrate-trend; do
        run "run-$name" "$dir" "$bin" --no-refresh run "$name" --format csv
    done
    run run-competitor-brief "$dir" "$bin" --no-refresh run competitor-brief 'competitor=Northstar BI'
    run run-missing "$dir" "$bin" --no-refresh run competitor-brief
    run unknown-facet "$dir" "$bin" --no-refresh "winrate by competiter"
    run usage "$dir" "$bin" --no-such-option
}

if [ "${KEEP_BASELINE:-}" != 1 ] || [ ! -d "$out/baseline/out" ]; then
    answer baseline "$baseline"
fi
answer candidate "$candidate"
# Indexing says where the index is (each side's own copy) and how long it took.
for side in baseline candidate; do
    sed -i -E "s#$out/$side#CORPUS#g; s/ in [0-9.]+ (ms|s)\$/ in TIME/" "$out/$side/out/index.out" "$out/$side/out/index.err"
done
count=$(wc -l <"$queries")
if diff -r "$out/baseline/out" "$out/candidate/out"; then
    echo "no differences ($count queries; outputs in $out)"
else
    echo "outputs differ (outputs in $out)" >&2
    exit 1
fi

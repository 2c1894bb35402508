#!/usr/bin/env bash
# Regenerates the answers shown in docs/cookbook.md by running the commands
# written above them on a fresh copy of the bundled corpus.
#
#   bash scripts/cookbook.sh          rewrite docs/cookbook.md in place
#   bash scripts/cookbook.sh OUT      write the regenerated page to OUT instead
#
# In the page, a ```text block that follows a ```sh block (with only blank
# lines between) is that block's answer: it is replaced by the stdout of the
# block's lines, run one after another with bash from the corpus copy.
# Everything else is copied as it is. The answers are made reproducible:
# "today" is fixed (DEALQ_TODAY), there is no color (NO_COLOR), and stdout is
# a file, so tables are never fitted to a terminal's width.
#
# DEALQ names the dealq binary (default: .build/debug/dealq, then dealq on PATH).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
page="$root/docs/cookbook.md"
out="${1:-$page}"
today=2025-12-31

dealq="${DEALQ:-$root/.build/debug/dealq}"
if [ ! -x "$dealq" ]; then
    dealq=$(command -v dealq || true)
fi
if [ -z "$dealq" ] || [ ! -x "$dealq" ]; then
    echo "cookbook.sh: no dealq binary: run 'swift build' or set DEALQ" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$dealq" "$work/bin/dealq"
cp -R "$root/corpus" "$work/corpus"
rm -rf "$work/corpus/.dealq"

export PATH="$work/bin:$PATH" DEALQ_TODAY="$today" NO_COLOR=1 LC_ALL=C.utf8
unset DEALQ_CORPUS COLUMNS

cd "$work/corpus"
dealq index >/dev/null 2>&1 || { echo "cookbook.sh: indexing the bundled corpus failed" >&2; exit 1; }

# Runs the commands of one ```sh block, printing their stdout (each ending
# in exactly one newline, so the closing fence stays on its own line; a
# command that prints nothing adds nothing).
answer() {
    local line text
    while IFS= read -r line; do
        case "$line" in ''|'#'*) continue ;; esac
        if ! text=$(bash -o pipefail -c "$line" </dev/null); then
            echo "cookbook.sh: failed: $line" >&2
            return 1
        fi
        if [ -n "$text" ]; then printf '%s\n' "$text"; fi
    done <<< "$1"
}

result="$work/page.md"
state=text      # text | sh | after-sh | output
commands=""
fence='```'
while IFS= read -r line || [ -n "$line" ]; do
    case "$state" in
    text)
        printf '%s\n' "$line" >> "$result"
        if [ "$line" = "${fence}sh" ]; then state=sh; commands=""; fi
        ;;
    sh)
        printf '%s\n' "$line" >> "$result"
        if [ "$line" = "$fence" ]; then state=after-sh; else commands+="$line"$'\n'; fi
        ;;
    after-sh)
        printf '%s\n' "$line" >> "$result"
        if [ "$line" = "${fence}text" ]; then
            answer "$commands" >> "$result"
            state=output
        elif [ "$line" = "${fence}sh" ]; then
            state=sh; commands=""
        elif [ -n "$line" ]; then
            state=text
        fi
        ;;
    output)
        if [ "$line" = "$fence" ]; then
            printf '%s\n' "$line" >> "$result"
            state=text
        fi
        ;;
    esac
done < "$page"

if [ "$state" = output ]; then
    echo "cookbook.sh: an answer block is not closed" >&2
    exit 1
fi
cp "$result" "$out"

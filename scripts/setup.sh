#!/usr/bin/env bash
# Installs the system packages dealq builds against and the tools its tests use.
# Safe to run twice. Needs root (or sudo) on Debian/Ubuntu.
set -euo pipefail
pkgs=(libsqlite3-dev sqlite3 libcmark-gfm-dev libcmark-gfm-extensions-dev libpcre2-dev libedit-dev libmimalloc-dev libcurl4-openssl-dev tmux python3-pip)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# A spreadsheet program (Gnumeric's ssconvert) checks that exported CSV opens as plain data.
if ! command -v ssconvert >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends gnumeric >/dev/null
fi
# The grammar check runs the formal grammar with Lark (PyPI).
python3 -c 'import lark' 2>/dev/null || python3 -m pip install -q lark >/dev/null 2>&1 || python3 -m pip install -q --break-system-packages lark >/dev/null
# The MCP end-to-end test drives `dealq mcp` with the official Python MCP client (PyPI: mcp).
python3 -c 'import mcp' 2>/dev/null || python3 -m pip install -q mcp >/dev/null 2>&1 || python3 -m pip install -q --break-system-packages mcp >/dev/null

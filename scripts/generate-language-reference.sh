#!/usr/bin/env bash
# Writes Sources/DealqMCP/LanguageReference.swift from docs/query-language.md, so that
# `dealq mcp` serves the language reference from inside the binary. A test fails when
# the two differ: run this after editing docs/query-language.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Sources/DealqMCP/LanguageReference.swift
{
  echo '// Generated from docs/query-language.md by scripts/generate-language-reference.sh; do not edit.'
  echo ''
  echo '/// The query language reference (docs/query-language.md), served by the `language` tool'
  echo '/// and the `dealq://docs/query-language` resource.'
  echo 'enum LanguageReference {'
  echo '    static let markdown = ####"""'
  cat docs/query-language.md
  echo ''
  echo '"""####'
  echo '}'
} > "$out"

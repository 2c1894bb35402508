#!/usr/bin/env bash
# The whole test suite: unit, integration and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
# `dealq mcp` driven over stdio by the official Python MCP client.
python3 Tests/mcp/test_mcp.py .build/debug/dealq

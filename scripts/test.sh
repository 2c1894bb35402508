#!/usr/bin/env bash
# The whole test suite: unit, integration and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test

#!/usr/bin/env bash
# Reproduce the preview benchmark: bench/preview/run.sh [saves] [lesson] [debug|release]
# From saving a lesson to the reloaded page in headless Chromium, with `lessons preview`.
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration=${3:-release}
# Release builds optimise the swift-syntax package; debug ones use the toolchain's (Package.swift).
if [ "$configuration" = release ]; then export LESSONS_SWIFT_SYNTAX=package; fi
swift build -c "$configuration" --product lessons
.ci/install-system-packages
[ -x Tests/Browser/.venv/bin/python ] || python3 -m venv Tests/Browser/.venv
Tests/Browser/.venv/bin/python -c "import selenium" 2>/dev/null || Tests/Browser/.venv/bin/pip install -q selenium
Tests/Browser/.venv/bin/python bench/preview/bench.py ".build/$configuration/lessons" "${1:-10}" "${2:-04-elbo.md}"

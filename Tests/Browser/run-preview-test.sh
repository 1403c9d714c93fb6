#!/usr/bin/env bash
# `lessons preview` in headless Chromium: saving a lesson updates the open page (Tests/Browser/preview_test.py).
# Needs Debian's chromium and chromium-driver (.ci/install-system-packages) and selenium (installed here).
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/install-system-packages
if [ ! -x Tests/Browser/.venv/bin/python ]; then python3 -m venv Tests/Browser/.venv; fi
Tests/Browser/.venv/bin/python -c "import selenium" 2>/dev/null || Tests/Browser/.venv/bin/pip install -q selenium
swift build --product lessons
Tests/Browser/.venv/bin/python Tests/Browser/preview_test.py .build/debug/lessons

#!/usr/bin/env bash
# Builds the site and checks it in headless Chromium: Tests/Browser/run-site-test.sh
# Needs Debian's chromium and chromium-driver (.ci/install-system-packages) and selenium (installed here).
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/install-system-packages
if [ ! -x Tests/Browser/.venv/bin/python ]; then python3 -m venv Tests/Browser/.venv; fi
Tests/Browser/.venv/bin/python -c "import selenium" 2>/dev/null || Tests/Browser/.venv/bin/pip install -q selenium
swift build --product lessons
.build/debug/lessons build --out .build/site-under-test
Tests/Browser/.venv/bin/python Tests/Browser/site_test.py .build/site-under-test

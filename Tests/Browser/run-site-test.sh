#!/usr/bin/env bash
# Builds the site and checks it in headless Chromium: Tests/Browser/run-site-test.sh
# Needs Debian's chromium and chromium-driver (.ci/install-system-packages), selenium (installed here) and axe-core
# (the pinned copy in Tests/Browser/axe-requirements.txt, fetched here once into .build/axe/).
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/install-system-packages
if [ ! -x Tests/Browser/.venv/bin/python ]; then python3 -m venv Tests/Browser/.venv; fi
Tests/Browser/.venv/bin/python -c "import selenium" 2>/dev/null || Tests/Browser/.venv/bin/pip install -q selenium
axe=.build/axe/pytest_playwright_axe/resources/axe.min.js
if [ ! -f "$axe" ]; then
  rm -rf .build/axe && mkdir -p .build/axe
  # The wheel says Requires-Python >= 3.12; only its JavaScript file is used, so any interpreter may fetch it.
  Tests/Browser/.venv/bin/pip download -q --no-deps --only-binary=:all: --python-version 3.12 --require-hashes \
    -r Tests/Browser/axe-requirements.txt -d .build/axe
  Tests/Browser/.venv/bin/python -m zipfile -e .build/axe/pytest_playwright_axe-4.14.0-py3-none-any.whl .build/axe
fi
swift build --product lessons
# --keep-going: lesson problems (TeX errors, captions) fail `lessons build` in .ci/run step 6; here the pages are
# checked in the browser whatever they are.
rm -f .build/site-under-test/index.html
.build/debug/lessons build --keep-going --out .build/site-under-test \
  || echo "lessons build reported problems (they fail .ci/run step 6); checking the pages it wrote"
test -f .build/site-under-test/index.html
Tests/Browser/.venv/bin/python Tests/Browser/site_test.py .build/site-under-test "$axe"

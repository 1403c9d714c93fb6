#!/usr/bin/env bash
# Headless-Chromium layout check of the TeX-to-MathML converter (issue 6).
# Installs Chromium, its driver and the Latin Modern Math font if missing (.ci/install-system-packages), creates the Selenium
# venv in Tests/Browser/.venv, writes the gallery with LessonsBench and checks it; the full-page screenshot
# is saved as .build/math-layout.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/install-system-packages
if [ ! -x Tests/Browser/.venv/bin/python ]; then
  python3 -m venv Tests/Browser/.venv
  Tests/Browser/.venv/bin/pip install --quiet selenium
fi
swift build --product LessonsBench >/dev/null
mkdir -p .build
.build/debug/LessonsBench math-gallery .build/math-gallery.html
Tests/Browser/.venv/bin/python Tests/Browser/math_layout.py .build/math-gallery.html .build/math-layout.png

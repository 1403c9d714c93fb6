#!/usr/bin/env bash
# Headless-Chromium layout check of the TeX-to-MathML converter (issue 6).
# Installs Chromium, its driver and the Latin Modern Math font if missing (Debian), creates the Selenium
# venv in Tests/Browser/.venv, writes the gallery with LessonsBench and checks it; the full-page screenshot
# is saved as .build/math-layout.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list | grep -q "Latin Modern Math"; then
  apt-get install -y chromium chromium-driver fonts-lmodern
fi
if [ ! -x Tests/Browser/.venv/bin/python ]; then
  python3 -m venv Tests/Browser/.venv
  Tests/Browser/.venv/bin/pip install --quiet selenium
fi
swift build -c release --product LessonsBench >/dev/null
mkdir -p .build
.build/release/LessonsBench math-gallery .build/math-gallery.html
Tests/Browser/.venv/bin/python Tests/Browser/math_layout.py .build/math-gallery.html .build/math-layout.png

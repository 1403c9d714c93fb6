#!/usr/bin/env bash
# Grading in the browser, in headless Chromium: Tests/Browser/run-grading-test.sh
# Generates a class of 20 students plus one named <img src=x onerror=alert(9)> (GradesServeBench generate), serves it
# with `lessons grades serve --port 0`, and runs grading_test.py against it; then stops the server.
# Needs Debian's chromium and chromium-driver (.ci/install-system-packages) and selenium (installed here).
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/install-system-packages
if [ ! -x Tests/Browser/.venv/bin/python ]; then python3 -m venv Tests/Browser/.venv; fi
Tests/Browser/.venv/bin/python -c "import selenium" 2>/dev/null || Tests/Browser/.venv/bin/pip install -q selenium
swift build --product lessons
swift build --product GradesServeBench
work=$(mktemp -d)
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
.build/debug/GradesServeBench generate 20 "$work/class" --hostile
lessons="$PWD/.build/debug/lessons"
(cd "$work/class" && exec "$lessons" grades serve --port 0 --grader browser-test >"$work/url" 2>"$work/serve.log") &
server=$!
for _ in $(seq 100); do
  if [ -s "$work/url" ]; then break; fi
  sleep 0.2
done
url=$(head -n 1 "$work/url")
if [ -z "$url" ]; then echo "lessons grades serve printed no URL:"; cat "$work/serve.log"; exit 1; fi
Tests/Browser/.venv/bin/python Tests/Browser/grading_test.py "$url" "$work/class" "$lessons"

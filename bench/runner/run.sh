#!/usr/bin/env bash
# Reproduce the runner benchmark: bench/runner/run.sh [repetitions] [debug|release]
# (debug, the default, is the build the README runs; release is what install.sh installs)
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration="${2:-debug}"
swift build -c "$configuration" --product lessons
swift build -c "$configuration" --product LessonKit
if [ ! -x bench/.venv/bin/jupyter ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q jupyter nbconvert ipykernel numpy
fi
bench/.venv/bin/python bench/runner/bench.py "${1:-5}" "$configuration"

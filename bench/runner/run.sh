#!/usr/bin/env bash
# Reproduce the runner benchmark: bench/runner/run.sh [repetitions] [debug|release]
# (debug, the default, is the build the README runs; release is what install.sh installs)
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration="${2:-debug}"
swift build -c "$configuration" --product lessons
swift build -c "$configuration" --product LessonKit
# Jupyter's own environment, with nothing else in it (see bench.py).
if [ ! -x bench/runner/.venv/bin/jupyter ]; then
  python3 -m venv bench/runner/.venv
  bench/runner/.venv/bin/pip install -q nbconvert nbclient ipykernel numpy
fi
bench/runner/.venv/bin/python bench/runner/bench.py "${1:-5}" "$configuration"

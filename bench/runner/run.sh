#!/usr/bin/env bash
# Reproduce the runner benchmark: bench/runner/run.sh [repetitions]
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product lessons
swift build -c release --product LessonKit
swift build -c release --product LessonsBench
if [ ! -x bench/.venv/bin/jupyter ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q jupyter nbconvert ipykernel numpy
fi
bench/.venv/bin/python bench/runner/bench.py "${1:-5}"

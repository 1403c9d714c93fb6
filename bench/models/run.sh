#!/usr/bin/env bash
# Reproduce the model benchmarks: bench/models/run.sh [repetitions] [debug|release] (debug: the README's build)
# LessonKit's FVSBN and PixelCNN against the same models in PyTorch CPU (2 threads each), medians of the
# repetitions.
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration="${2:-debug}"
# Release builds optimise the swift-syntax package; debug ones use the toolchain's (Package.swift).
if [ "$configuration" = release ]; then export LESSONS_SWIFT_SYNTAX=package; fi
swift build -c "$configuration" --product ModelBench
swift build -c "$configuration" --product lessons
swift build -c "$configuration" --product LessonKit
if ! bench/.venv/bin/python -c "import torch" 2>/dev/null; then
  [ -x bench/.venv/bin/python ] || python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q numpy
  bench/.venv/bin/pip install -q torch --index-url https://download.pytorch.org/whl/cpu
fi
bench/.venv/bin/python bench/models/bench.py "${1:-5}" "$configuration"

#!/usr/bin/env bash
# Reproduce the inference benchmarks: bench/inference/run.sh [repetitions]
# LessonKit's random-walk MH and CAVI against NumPy implementations of the same algorithms, and the CAVI
# means against scikit-learn's BayesianGaussianMixture on the same data; medians of the repetitions.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LESSONS_SWIFT_SYNTAX=package  # release builds optimise the swift-syntax package (Package.swift)
swift build -c release --product InferenceBench
if ! bench/.venv/bin/python -c "import numpy, sklearn" 2>/dev/null; then
  [ -x bench/.venv/bin/python ] || python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q numpy scikit-learn
fi
bench/.venv/bin/python bench/inference/bench.py "${1:-5}"

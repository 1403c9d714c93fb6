#!/usr/bin/env bash
# Reproduce the grading benchmark: bench/grading/run.sh [submissions] [means|elbo]
set -euo pipefail
cd "$(dirname "$0")/../.."
export LESSONS_SWIFT_SYNTAX=package  # release builds optimise the swift-syntax package (Package.swift)
swift build -c release --product lessons
swift build -c release --product LessonKit
if [ ! -x bench/.venv/bin/nbgrader ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q jupyter nbconvert ipykernel numpy nbgrader
fi
bench/.venv/bin/python bench/grading/bench.py "${1:-100}" "${2:-means}"

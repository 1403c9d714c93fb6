#!/usr/bin/env bash
# Reproduce the math benchmark: bench/math/run.sh [pages] [repetitions]
# Generates PAGES Markdown pages of 20 math spans each (fractions, sums with limits, aligned environments,
# Greek, \mathbb, KL and ELBO formulas, with code blocks and "$5" prices that are not math), then times
# scanning the spans and converting each to MathML, REPETITIONS times, and prints the median.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LESSONS_SWIFT_SYNTAX=package  # release builds optimise the swift-syntax package (Package.swift)
pages=${1:-1000}; repetitions=${2:-5}
swift build -c release --product LessonsBench >/dev/null
.build/release/LessonsBench math "$pages" "$repetitions"

#!/usr/bin/env bash
# Reproduce the grading-server benchmark: bench/grades-serve/run.sh [students] [runs]
# Generates a class of STUDENTS (GradesServeBench's GeneratedClass: one graded submission each, written answers in
# repeating patterns so that answer groups form), serves it in process with a release build of the server on
# 127.0.0.1, and times RUNS answers: opening the answer in grade by question (GET /grade/means/explain?at=N) and
# saving a score for its group (POST /api/grade). Server time is the server's own Server-Timing header (from the
# request entering the router to the response leaving it), as nbgrader's 273 ms / 545 ms were server times.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LESSONS_SWIFT_SYNTAX=package  # release builds optimise the swift-syntax package (Package.swift)
students=${1:-1000}; runs=${2:-7}
swift build -c release --product GradesServeBench >/dev/null
echo "load before: $(uptime)"
.build/release/GradesServeBench time "$students" "$runs"
echo "load after:  $(uptime)"

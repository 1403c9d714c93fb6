#!/usr/bin/env bash
# Reproduce the gradebook benchmark: bench/gradebook/run.sh [students] [lessons] [repetitions]
# Writes the same class twice, STUDENTS x LESSONS graded submissions (two exercises of a visible and a hidden test
# each, plus a hand-graded essay per student): a `lessons` gradebook (LessonsBench gradebook) and an nbgrader
# gradebook (nbgrader's own API, bench/gradebook/nbgrader_gradebook.py). Then, in one run, it times
# `lessons grades export --csv` against `nbgrader export` (both whole processes, alternating) and prints the
# medians and their ratio, and times nbgrader's student_dicts() (formgrader's students page) in process.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LESSONS_SWIFT_SYNTAX=package  # release builds optimise the swift-syntax package (Package.swift)
students=${1:-1000}; lessons=${2:-6}; repetitions=${3:-7}
swift build -c release --product lessons >/dev/null
swift build -c release --product LessonsBench >/dev/null
if [ ! -x bench/.venv/bin/nbgrader ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q jupyter nbconvert ipykernel numpy nbgrader
fi
export PATH="$PWD/bench/.venv/bin:$PATH"   # nbgrader runs `alembic` from its environment
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/LessonsBench gradebook "$students" "$lessons" "$work/gradebook.sqlite"
python bench/gradebook/nbgrader_gradebook.py populate "$work/nbgrader" "$students" "$lessons"

# Prints the seconds COMMAND took; a failing command stops the benchmark with its error output.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; echo "failed: $*" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
lessons_times=(); nbgrader_times=()
for _ in $(seq "$repetitions"); do
  time=$(seconds .build/release/lessons grades export --csv --gradebook "$work/gradebook.sqlite" --out "$work/grades.csv")
  lessons_times+=("$time")
  time=$(cd "$work/nbgrader" && seconds nbgrader export --to "$work/nbgrader-grades.csv")
  nbgrader_times+=("$time")
done
python bench/gradebook/nbgrader_gradebook.py same-totals "$work/grades.csv" "$work/nbgrader-grades.csv"
dicts_times=($(python bench/gradebook/nbgrader_gradebook.py student-dicts "$work/nbgrader" "$repetitions"))

lessons_median=$(median "${lessons_times[@]}"); nbgrader_median=$(median "${nbgrader_times[@]}")
echo "students: $students, lessons: $lessons"
echo "lessons grades export --csv: $(wc -l < "$work/grades.csv") rows; runs (s): ${lessons_times[*]}; median $lessons_median s"
echo "nbgrader export:             $(wc -l < "$work/nbgrader-grades.csv") rows; runs (s): ${nbgrader_times[*]}; median $nbgrader_median s"
echo "nbgrader student_dicts():    runs (s): ${dicts_times[*]}; median $(median "${dicts_times[@]}") s"
echo "ratio lessons / nbgrader export: $(echo "scale=3; $lessons_median / $nbgrader_median" | bc)"

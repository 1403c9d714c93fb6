#!/usr/bin/env bash
# Reproduce the gradebook benchmark: bench/gradebook/run.sh [students] [lessons] [repetitions]
# Generates a gradebook of STUDENTS x LESSONS graded submissions (4 test results each, plus a manual score per
# student), then times `lessons grades export --csv` (every student, exercise and total) and prints the median.
set -euo pipefail
cd "$(dirname "$0")/../.."
students=${1:-1000}; lessons=${2:-6}; repetitions=${3:-7}
swift build -c release --product lessons >/dev/null
swift build -c release --product LessonsBench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/LessonsBench gradebook "$students" "$lessons" "$work/gradebook.sqlite"
times=()
for _ in $(seq "$repetitions"); do
  start=$(date +%s.%N)
  .build/release/lessons grades export --csv --gradebook "$work/gradebook.sqlite" --out "$work/grades.csv"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
rows=$(wc -l < "$work/grades.csv")
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (repetitions + 1) / 2 ))p")
echo "students: $students, lessons: $lessons, CSV rows: $rows"
echo "runs (s): ${times[*]}"
echo "median: $median s"

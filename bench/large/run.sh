#!/usr/bin/env bash
# Reproduce the large-lesson benchmark (issue 27): bench/large/run.sh [runs] [megabytes] [lessons binary]
# Writes a generated lesson of MEGABYTES MB (prose with math, cells, their outputs with the hashes `lessons run`
# computes here, so that the lesson is up to date) into a scratch course, then times `lessons check`, an
# up-to-date `lessons run` and `lessons clear` on it RUNS times each and prints each median. The binary defaults to
# the debug build the README's `swift run` uses.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}; megabytes=${2:-20}
swift build --product lessons >/dev/null
swift build --product LessonKit >/dev/null
swift build --product LessonsBench >/dev/null
lessons=$(realpath "${3:-.build/debug/lessons}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/Lessons"
.build/debug/LessonsBench large-lesson "$megabytes" "$scratch/Lessons/large.md"
cp "$scratch/Lessons/large.md" "$scratch/large.md.orig"
echo "lesson: $(wc -c <"$scratch/large.md.orig") bytes, $(grep -c '^```{swift}' "$scratch/large.md.orig") cells; load: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
time_command() { # prints the wall time of the command in seconds
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>"$scratch/stderr" || { cat "$scratch/stderr"; exit 1; }; end=$(date +%s.%N)
  echo "$end - $start" | bc
}
cd "$scratch"
grep -q "up to date" <("$lessons" run Lessons/large.md 2>&1) || { echo "the generated lesson is not up to date"; exit 1; }
for command in check run clear; do
  times=()
  for _ in $(seq "$runs"); do
    cp large.md.orig Lessons/large.md
    times+=("$(time_command "$lessons" "$command" Lessons/large.md)")
  done
  printf '%-6s %s s (median of %d: %s)\n' "$command" "$(printf '%s\n' "${times[@]}" | median)" "$runs" "${times[*]}"
done

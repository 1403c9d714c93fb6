#!/usr/bin/env bash
# The course, cold: bench/course/run.sh [no-cache-runs] [cached-runs] [--jobs N]
#
# Clears every lesson and runs the course (`lessons clear --all && lessons run --all`) with the README's debug build:
#   - "no cache": the trained models and compiled programs are removed first, as on a fresh clone;
#   - "from the caches": the same again, with the models (.build/lessons-cache/training) and programs
#     (.build/lessons-cache/programs) the previous run left.
# Prints the wall time of each run and the cells' time per lesson (from --json), and checks that the lessons came
# out as committed (git diff). Run it on a quiet machine; it rewrites Lessons/ in place (byte-identical if all is well).
set -euo pipefail
cd "$(dirname "$0")/../.."
no_cache_runs="${1:-1}"
cached_runs="${2:-3}"
shift $(( $# >= 2 ? 2 : $# )) || true
swift build --product lessons > /dev/null
swift build --product LessonKit > /dev/null
lessons=.build/debug/lessons
report=$(mktemp)
one_run() {
  local kind="$1"; shift
  if [ "$kind" = no-cache ]; then rm -rf .build/lessons-cache/training .build/lessons-cache/programs; fi
  "$lessons" clear --all > /dev/null
  local start end
  start=$(date +%s.%N)
  "$lessons" run --all --json "$@" > "$report" 2> /dev/null
  end=$(date +%s.%N)
  python3 - "$kind" "$start" "$end" "$report" <<'PY'
import collections, json, sys
kind, start, end, report = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
cells = collections.OrderedDict()
for line in open(report):
    if line.startswith("{"):
        record = json.loads(line)
        cells[record["lesson"]] = cells.get(record["lesson"], 0) + record["duration"]
load = open("/proc/loadavg").read().split()[0]
print(f"{kind:10s} wall {end - start:6.1f} s (load {load}); cells: "
      + ", ".join(f"{name.split('/')[-1][:2]} {seconds:.1f}" for name, seconds in cells.items()))
PY
  git diff --quiet -- Lessons || { echo "the lessons differ from the committed ones" >&2; exit 1; }
}
for _ in $(seq "$no_cache_runs"); do one_run no-cache "$@"; done
for _ in $(seq "$cached_runs"); do one_run cached "$@"; done
rm -f "$report"

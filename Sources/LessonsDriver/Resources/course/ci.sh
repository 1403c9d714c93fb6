#!/usr/bin/env bash
# CI for this course: every lesson is up to date and valid, every exercise can be graded, every student copy
# can be released, and the site builds.
# Needs `lessons` installed (see its README, "Your own course").
set -euo pipefail
cd "$(dirname "$0")"

echo "== lessons are up to date (run them with 'lessons run --all' and commit) =="
lessons run --all --check

echo "== lessons and their grading markup are valid =="
lessons check --all

echo "== every exercise can be graded: the instructor's solution earns every point through the grader =="
lessons grade --validate --all

echo "== every lesson with exercises can be released to students =="
lessons release --all --out release

echo "== the site builds =="
lessons build

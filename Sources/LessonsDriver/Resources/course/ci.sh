#!/usr/bin/env bash
# CI for this course: every lesson is up to date, valid, and the site builds.
# Needs `lessons` installed (see its README, "Your own course").
set -euo pipefail
cd "$(dirname "$0")"

echo "== lessons are up to date (run them with 'lessons run --all' and commit) =="
lessons run --all --check

echo "== lessons and their grading markup are valid =="
lessons check --all

echo "== the site builds =="
lessons build

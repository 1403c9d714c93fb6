#!/usr/bin/env bash
# Reproduce the site benchmark: bench/site/run.sh [repetitions] [release|debug]
# (release: what install.sh installs; debug: what `swift run lessons` runs)
# Times `lessons build` on the course and on 1,000 generated pages, and Hugo (Debian `hugo`) and MkDocs (PyPI)
# on the same 1,000 pages as plain Markdown, side by side; medians of the repetitions.
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration="${2:-release}"
# Release builds optimise the swift-syntax package; debug ones use the toolchain's (Package.swift).
if [ "$configuration" = release ]; then export LESSONS_SWIFT_SYNTAX=package; fi
swift build -c "$configuration" --product lessons
swift build -c "$configuration" --product LessonsBench
command -v hugo >/dev/null || apt-get install -y hugo
[ -x bench/.venv/bin/python ] || python3 -m venv bench/.venv
bench/.venv/bin/python -c "import mkdocs" 2>/dev/null || bench/.venv/bin/pip install -q mkdocs
bench/.venv/bin/python bench/site/bench.py "${1:-3}" "$configuration"

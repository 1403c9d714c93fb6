#!/usr/bin/env bash
# Builds `lessons` and LessonKit and installs them under a prefix (default /usr/local):
#
#   PREFIX/bin/lessons
#   PREFIX/lib/lessons/libLessonKit.so        the library lesson cells link against
#   PREFIX/lib/lessons/Modules/               LessonKit's Swift module (and the modules its interface uses)
#   PREFIX/lib/lessons/include/C*/            the C module maps LessonKit's module refers to (OpenBLAS, vector math)
#   PREFIX/lib/lessons/toolchain.txt          the Swift that built them: cells must compile with the same one
#   PREFIX/share/lessons/                     built-in site templates and styles, the files of a new course, and
#                                             LessonKit's sources (lessonkit-sources/: its reference pages are made from them)
#   PREFIX/share/lessons/doc/                 the documentation: format.md (lessons), grading.md (assignments), README.md
#
# `lessons` finds LessonKit and the built-in files relative to its own path (../lib/lessons, ../share/lessons),
# so the prefix can be anywhere. Usage:
#
#   ./install.sh [--prefix DIR] [--configuration debug|release]
#
# The default configuration is SwiftPM's debug build, in which what needs speed is optimised anyway (LessonKit, which
# lessons train and sample with; and the Markdown, TeX, site and grading code), and swift-syntax is the toolchain's
# own, already optimised (usr/lib/swift/host): about 4.5 minutes on two cores, for students and instructors alike.
# `--configuration release` optimises everything else too and compiles the swift-syntax package, which optimised
# across its modules parses faster than the toolchain's (the web server; SQLite's bindings): about 15 minutes on two
# cores, mostly swift-syntax; the site then builds about 1.5 times as fast (BENCHMARKS.md, "Install" and "Site").
# Runtime needs: Swift (the same version, and in the same place for the default build, which links its
# swift-syntax), libopenblas-dev, libcmark, libsqlite3, and bubblewrap for `lessons grade` (see the README).
set -euo pipefail
cd "$(dirname "$0")"

prefix=/usr/local
configuration=debug
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --configuration|-c) configuration="${2:?--configuration needs release or debug}"; shift 2 ;;
    --configuration=*) configuration="${1#--configuration=}"; shift ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see ./install.sh --help)" >&2; exit 2 ;;
  esac
done
case "$configuration" in release|debug) ;; *) echo "install.sh: --configuration must be release or debug" >&2; exit 2 ;; esac
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac

# A release build compiles and optimises the swift-syntax package; a debug build uses the toolchain's own, already
# optimised (Package.swift, toolchainSwiftSyntax).
if [ "$configuration" = release ]; then export LESSONS_SWIFT_SYNTAX=package; fi
echo "== building lessons and LessonKit ($configuration)"
swift build -c "$configuration" --product lessons
swift build -c "$configuration" --product LessonKit
bin="$(swift build -c "$configuration" --show-bin-path)"

lib="$prefix/lib/lessons"
share="$prefix/share/lessons"
echo "== installing into $prefix"
# lib/lessons and share/lessons belong to lessons: replace them whole, so no file of an older version stays.
for owned in "$lib" "$share"; do
  if [ -e "$owned" ] && [ ! -e "$owned/.installed-by-lessons" ]; then
    echo "install.sh: $owned exists and was not installed by this script; move it away first" >&2
    exit 1
  fi
done
rm -rf "$lib" "$share"
mkdir -p "$prefix/bin" "$lib/Modules" "$lib/include" "$share"
touch "$lib/.installed-by-lessons" "$share/.installed-by-lessons"

cp "$bin/libLessonKit.so" "$lib/"
for module in LessonKit LessonRuntimeProtocol; do
  for file in "$bin/Modules/$module".*; do
    case "$file" in *.swiftsourceinfo|*.o) ;; *) cp -R "$file" "$lib/Modules/" ;; esac
  done
done
for folder in Sources/C*/; do
  name="$(basename "$folder")"
  [ "$name" = CCmark ] && continue
  # A system library's map is in its folder (COpenBLAS); a C target's in its include/ (CVectorMath).
  for maps in "$folder" "$folder/include/"; do
    if [ -f "$maps/module.modulemap" ]; then
      mkdir -p "$lib/include/$name"
      cp "$maps"/module.modulemap "$maps"/*.h "$lib/include/$name/"
    fi
  done
done
swiftc="$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)"
"$swiftc" --version 2>/dev/null | head -n 1 > "$lib/toolchain.txt"
cp -R "$bin/lessons_LessonsDriver.resources/." "$share/"
cp -R Sources/LessonKit "$share/lessonkit-sources"
mkdir -p "$share/doc"
cp docs/format.md docs/grading.md README.md "$share/doc/"
# Replace the executable by renaming a copy over it (a running lessons keeps its old file).
cp "$bin/lessons" "$prefix/bin/.lessons.new"
mv -f "$prefix/bin/.lessons.new" "$prefix/bin/lessons"

echo "== installed"
"$prefix/bin/lessons" --version
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "note: $prefix/bin is not in PATH" ;; esac

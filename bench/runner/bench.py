#!/usr/bin/env python3
"""Runner benchmark: `lessons run` (cold and warm) against `jupyter nbconvert --execute`, in one run.

Usage: bench/runner/run.sh [repetitions]   (builds release, sets up bench/.venv, then runs this script)

Measures, side by side, medians of several runs:
  - cold `lessons run --force` of a 10-cell lesson without outputs (compile + run + write), `-O` (default);
  - the same with `-Onone` (hidden flag `--unoptimized`), for the -O speed-up including compile time;
  - warm `lessons run` of the same lesson when it is up to date (parse + fingerprint, nothing run);
  - both again on `ten-cells-heavy.md` (the same cells with 10-40x more work), where `-O` pays off;
  - `jupyter nbconvert --to notebook --execute` of the equivalent Python notebook (numpy);
  - parse + splice of a generated 1 MB lesson (LessonsBench).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LESSONS = os.path.join(ROOT, ".build", "release", "lessons")
BENCH = os.path.join(ROOT, ".build", "release", "LessonsBench")
JUPYTER = os.path.join(ROOT, "bench", ".venv", "bin", "jupyter")


def timed(command, cwd):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(command)}\n{result.stderr}")
    return elapsed


def fresh_project(name="ten-cells.md"):
    project = tempfile.mkdtemp(prefix="lessons-bench-")
    os.makedirs(os.path.join(project, "Lessons"))
    shutil.copy(os.path.join(HERE, name), os.path.join(project, "Lessons", name))
    return project


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    results = {"cold": [], "unoptimized": [], "warm": [], "jupyter": [], "heavy": [], "heavy-unoptimized": []}
    for _ in range(repetitions):
        # Interleave the contenders so that machine noise hits them alike.
        project = fresh_project()
        results["cold"].append(timed([LESSONS, "run", "--force", "ten-cells.md"], project))
        for _ in range(3):
            results["warm"].append(timed([LESSONS, "run", "ten-cells.md"], project))
        shutil.rmtree(project)
        project = fresh_project()
        results["unoptimized"].append(timed([LESSONS, "run", "--force", "--unoptimized", "ten-cells.md"], project))
        shutil.rmtree(project)
        for key, flags in [("heavy", []), ("heavy-unoptimized", ["--unoptimized"])]:
            project = fresh_project("ten-cells-heavy.md")
            results[key].append(timed([LESSONS, "run", "--force", *flags, "ten-cells-heavy.md"], project))
            shutil.rmtree(project)
        workdir = tempfile.mkdtemp(prefix="jupyter-bench-")
        shutil.copy(os.path.join(HERE, "ten-cells.ipynb"), workdir)
        results["jupyter"].append(timed(
            [JUPYTER, "nbconvert", "--to", "notebook", "--execute", "ten-cells.ipynb", "--output", "executed.ipynb"],
            workdir))
        shutil.rmtree(workdir)
    splice = subprocess.run([BENCH, "parse-splice", "1", "30"], stdout=subprocess.PIPE, text=True, check=True)
    splice_line = splice.stdout.strip().splitlines()[-1]
    splice_ms = float(splice_line.split("median ")[1].split(" ms")[0])

    median = {name: statistics.median(values) for name, values in results.items()}
    print(f"repetitions: {repetitions} (warm: {len(results['warm'])})")
    for name, values in results.items():
        print(f"  {name:12s} " + " ".join(f"{v:.3f}" for v in values))
    print()
    print("| measurement | median | ratio |")
    print("|---|---|---|")
    print(f"| `jupyter nbconvert --execute` (10 cells, numpy) | {median['jupyter']:.2f} s | 1.00 |")
    print(f"| `lessons run`, cold (compile `-O` + run + write) | {median['cold']:.2f} s | "
          f"{median['cold'] / median['jupyter']:.2f}x of Jupyter |")
    print(f"| `lessons run`, cold, `-Onone` | {median['unoptimized']:.2f} s | "
          f"`-O` is {median['unoptimized'] / median['cold']:.1f}x faster, compile included |")
    print(f"| `lessons run`, cold, 10-40x more work (`ten-cells-heavy.md`), `-O` | {median['heavy']:.2f} s | |")
    print(f"| the same, `-Onone` | {median['heavy-unoptimized']:.2f} s | "
          f"`-O` is {median['heavy-unoptimized'] / median['heavy']:.1f}x faster, compile included |")
    print(f"| `lessons run`, warm (up to date) | {median['warm'] * 1000:.0f} ms | "
          f"{median['warm'] / median['jupyter']:.3f}x of Jupyter |")
    print(f"| parse + splice of a 1 MB lesson | {splice_ms:.1f} ms | (target ≤ 50 ms) |")


if __name__ == "__main__":
    main()

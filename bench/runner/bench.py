#!/usr/bin/env python3
"""Runner benchmark: `lessons run` (cold and warm) against `jupyter nbconvert --execute`, in one run.

Usage: bench/runner/run.sh [repetitions] [debug|release]
       (builds `lessons`, sets up bench/runner/.venv, then runs this script; debug is the README's build)

Measures, side by side and interleaved, medians of several runs:
  - `jupyter nbconvert --to notebook --execute` of `ten-cells.ipynb` (numpy) and of the grading benchmark's ELBO
    notebook (`bench/grading/elbo.ipynb`);
  - `lessons run --force` of the same work as lessons without outputs (`ten-cells.md`; `Lessons/04-elbo.md` of the
    course, cleared):
      * "first run": an empty cache folder (LESSONS_CACHE_DIR), so the program is compiled (and the toolchain
        asked its version), as on a fresh machine;
      * "compiled before": the program cache holds the program from an earlier run (a cleared lesson, `--force`,
        or prose edits), so nothing is compiled;
      * both again with `--optimized` (cells compiled `-O -assert-config Debug`);
  - `ten-cells-heavy.md` (the same cells with 10-40x more work), first run, `-Onone` and `-O`;
  - warm `lessons run` when the lesson is up to date (parse + fingerprint, nothing run).
The compile / run split of a first run comes from `--json`'s per-cell durations (run) against the wall time.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# A virtual environment with Jupyter's execution stack alone: bench/.venv also holds PyTorch, nbgrader and Selenium,
# and their package metadata doubles nbconvert's start-up (3.3 s against 1.45 s for an empty notebook).
JUPYTER = os.path.join(HERE, ".venv", "bin", "jupyter")


def timed(command, cwd, env=None):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(command)}\n{result.stderr}")
    return elapsed, result.stdout


def fresh_project(source, name):
    project = tempfile.mkdtemp(prefix="lessons-bench-")
    os.makedirs(os.path.join(project, "Lessons"))
    shutil.copy(source, os.path.join(project, "Lessons", name))
    return project


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    configuration = sys.argv[2] if len(sys.argv) > 2 else "debug"
    lessons = os.path.join(ROOT, ".build", configuration, "lessons")
    lessons_sources = {
        "ten": (os.path.join(HERE, "ten-cells.md"), "ten-cells.md"),
        "heavy": (os.path.join(HERE, "ten-cells-heavy.md"), "ten-cells-heavy.md"),
        "elbo": (os.path.join(ROOT, "Lessons", "04-elbo.md"), "04-elbo.md"),
    }
    notebooks = {"ten": os.path.join(HERE, "ten-cells.ipynb"),
                 "elbo": os.path.join(ROOT, "bench", "grading", "elbo.ipynb")}
    primed = tempfile.mkdtemp(prefix="lessons-bench-cache-")
    results = {}

    def add(key, value):
        results.setdefault(key, []).append(value)

    def run_lesson(key, flags, cache):
        source, name = lessons_sources[key]
        project = fresh_project(source, name)
        env = {"LESSONS_CACHE_DIR": cache}
        # The course's lesson arrives with its outputs: clear them, as a student's or a fresh copy would be.
        timed([lessons, "clear", name], project, env)
        elapsed, out = timed([lessons, "run", "--force", "--json", *flags, name], project, env)
        cells = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        shutil.rmtree(project)
        return elapsed, sum(cell.get("duration", 0) for cell in cells)

    # Prime the shared cache: the "compiled before" runs find their programs there.
    for key in ["ten", "elbo"]:
        for flags in [[], ["--optimized"]]:
            run_lesson(key, flags, primed)

    for _ in range(repetitions):
        for key in ["ten", "elbo"]:
            for flags, label in [([], ""), (["--optimized"], " -O")]:
                empty = tempfile.mkdtemp(prefix="lessons-bench-empty-")
                elapsed, cells = run_lesson(key, flags, empty)
                shutil.rmtree(empty)
                add(f"{key} first run{label}", elapsed)
                add(f"{key} first run{label} (cells)", cells)
                elapsed, cells = run_lesson(key, flags, primed)
                add(f"{key} compiled before{label}", elapsed)
                add(f"{key} compiled before{label} (cells)", cells)
            workdir = tempfile.mkdtemp(prefix="jupyter-bench-")
            shutil.copy(notebooks[key], os.path.join(workdir, "notebook.ipynb"))
            elapsed, _ = timed([JUPYTER, "nbconvert", "--to", "notebook", "--execute", "notebook.ipynb",
                                "--output", "executed.ipynb"], workdir)
            add(f"{key} jupyter", elapsed)
            shutil.rmtree(workdir)
        for flags, label in [([], ""), (["--optimized"], " -O")]:
            empty = tempfile.mkdtemp(prefix="lessons-bench-empty-")
            elapsed, _ = run_lesson("heavy", flags, empty)
            shutil.rmtree(empty)
            add(f"heavy first run{label}", elapsed)
        source, name = lessons_sources["ten"]
        project = fresh_project(source, name)
        timed([lessons, "run", name], project, {"LESSONS_CACHE_DIR": primed})
        for _ in range(3):
            add("warm", timed([lessons, "run", name], project, {"LESSONS_CACHE_DIR": primed})[0])
        shutil.rmtree(project)
    shutil.rmtree(primed)

    median = {name: statistics.median(values) for name, values in results.items()}
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    print(f"lessons: {lessons}; repetitions: {repetitions} (warm: {len(results['warm'])}); load at the end: {' '.join(load)}")
    for name, values in results.items():
        print(f"  {name:32s} " + " ".join(f"{v:.3f}" for v in values))
    print()
    print("| lesson | measurement | median | ratio to Jupyter |")
    print("|---|---|---|---|")
    for key, title in [("ten", "ten cells (`bench/runner`)"), ("elbo", "the ELBO lesson (`04-elbo.md`)")]:
        jupyter = median[f"{key} jupyter"]
        print(f"| {title} | `jupyter nbconvert --execute` | {jupyter:.2f} s | 1.00 |")
        for label, name in [("", "`-Onone`"), (" -O", "`-O -assert-config Debug`")]:
            for kind, what in [("first run", "first run (compile + run)"), ("compiled before", "compiled before (run)")]:
                total = median[f"{key} {kind}{label}"]
                cells = median[f"{key} {kind}{label} (cells)"]
                print(f"| | `lessons run --force`, {what}, {name}: cells {cells:.2f} s | {total:.2f} s | "
                      f"{total / jupyter:.2f}x |")
    print(f"| ten cells with 10-40x the work | first run, `-Onone` | {median['heavy first run']:.2f} s | |")
    print(f"| | first run, `-O` | {median['heavy first run -O']:.2f} s | |")
    print(f"| ten cells | `lessons run`, up to date | {median['warm'] * 1000:.0f} ms | "
          f"{median['warm'] / median['ten jupyter']:.3f}x |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Grade a course lesson's submissions while a CPU hog keeps every core busy (issue 21).

Usage: bench/grading/under_load.py [lesson] [honest] [unchanged] [jobs]
  defaults: Lessons/02-autoregressive-models.md, 8 honest submissions, 2 unchanged student copies, --jobs 2.

An honest submission is the released copy with each exercise's stub replaced by the instructor's solution; an
unchanged one is the released copy as is. The script checks that the instructor's solution validates, that
every honest submission earns every automatic point and every unchanged one none, and prints the wall time and
how many programs ran (the grader's own count), so the checker runs of the unchanged copies can be counted.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LESSONS = os.environ.get("LESSONS", os.path.join(ROOT, ".build", "debug", "lessons"))
STUB = re.compile(r"^[ \t]*// YOUR CODE HERE\n[ \t]*fatalError\(\"not implemented yet\"\)\n", re.M)
SOLUTION = re.compile(r"^[ \t]*// BEGIN SOLUTION\n(.*?)^[ \t]*// END SOLUTION\n", re.M | re.S)


def run(command, cwd):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return time.perf_counter() - start, result


def honest(released, instructor):
    solutions = [match.group(1) for match in SOLUTION.finditer(instructor)]
    stubs = list(STUB.finditer(released))
    if len(stubs) != len(solutions):
        sys.exit(f"{len(stubs)} stubs in the student copy but {len(solutions)} solutions in the lesson")
    parts, last = [], 0
    for stub, solution in zip(stubs, solutions):
        parts += [released[last:stub.start()], solution]
        last = stub.end()
    return "".join(parts) + released[last:]


def grade(project, name, folder, jobs, label):
    elapsed, result = run([LESSONS, "grade", "--lesson", name, folder, "--jobs", str(jobs)], project)
    runs = re.search(r"programs run: (\d+) of the students' and (\d+) of the checker", result.stdout)
    print(f"{label}: exit {result.returncode}, {elapsed:.1f} s, "
          + (f"{runs.group(1)} submission programs, {runs.group(2)} checker programs" if runs else "no run count"))
    if result.returncode != 0:
        print(result.stdout[-3000:])
    return result.returncode


def main():
    lesson = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Lessons", "02-autoregressive-models.md"))
    honest_count = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    unchanged_count = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    name = os.path.basename(lesson)
    project = tempfile.mkdtemp(prefix="lessons-under-load-", dir=os.path.join(ROOT, ".build"))
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 2)]
    try:
        print(f"{len(hogs)} CPU hogs running; load {os.getloadavg()[0]:.2f}")
        os.makedirs(os.path.join(project, "Lessons"))
        shutil.copy(lesson, os.path.join(project, "Lessons", name))
        # The course's data (lesson 02 reads Assets/data/digits.csv): only the project is seen in the sandbox.
        shutil.copytree(os.path.join(ROOT, "Assets"), os.path.join(project, "Assets"))
        _, released_run = run([LESSONS, "release", name, "--out", "released"], project)
        if released_run.returncode != 0:
            sys.exit(released_run.stdout)
        released = open(os.path.join(project, "released", name)).read()
        right = honest(released, open(lesson).read())
        elapsed, validation = run([LESSONS, "grade", "--lesson", name, "--validate"], project)
        print(f"validate: exit {validation.returncode}, {elapsed:.1f} s: {validation.stdout.strip()[-300:]}")
        for index in range(honest_count):
            folder = os.path.join(project, "honest", f"h{index:02d}")
            os.makedirs(folder)
            open(os.path.join(folder, name), "w").write(right)
        for index in range(unchanged_count):
            folder = os.path.join(project, "unchanged", f"u{index:02d}")
            os.makedirs(folder)
            open(os.path.join(folder, name), "w").write(released)
        failed = grade(project, name, "honest", jobs, f"{honest_count} honest")
        failed |= grade(project, name, "unchanged", jobs, f"{unchanged_count} unchanged")
        _, export = run([LESSONS, "grades", "export", "--csv"], project)
        totals = {}
        for line in export.stdout.splitlines()[1:]:
            fields = line.split(",")
            if len(fields) > 3 and fields[2] == "TOTAL":
                totals[fields[0]] = fields[3]
        print("totals:", " ".join(f"{student}={total}" for student, total in sorted(totals.items())))
        print(f"load at the end {os.getloadavg()[0]:.2f}")
        sys.exit(1 if failed or validation.returncode != 0 else 0)
    finally:
        for hog in hogs:
            hog.kill()
        shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()

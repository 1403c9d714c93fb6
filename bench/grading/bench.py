#!/usr/bin/env python3
"""Grading benchmark: `lessons grade --jobs 2` against `nbgrader autograde`, same assignment, same submissions.

Usage: bench/grading/run.sh [submissions]   (default 100)

The assignment (mean and variance, a visible and a hidden test each) is `means.md` for lessons and
`means.ipynb` for nbgrader. Submissions cycle through correct, partly wrong, empty and broken answers.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LESSONS = os.path.join(ROOT, ".build", "release", "lessons")
NBGRADER = os.path.join(ROOT, "bench", ".venv", "bin", "nbgrader")

SWIFT_ANSWERS = [
    ("xs.reduce(0, +) / Double(xs.count)",
     "let m = xs.reduce(0, +) / Double(xs.count)\n    return xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count)"),
    ("xs.reduce(0, +) / Double(xs.count)", "return 0"),
    (None, None),
    ("return \"two\"", "return xs[xs.count]"),
]
PYTHON_ANSWERS = [
    ("return sum(xs) / len(xs)", "m = sum(xs) / len(xs)\n    return sum((x - m) ** 2 for x in xs) / len(xs)"),
    ("return sum(xs) / len(xs)", "return 0"),
    (None, None),
    ("return 'two' + 2", "return xs[len(xs)]"),
]
STUB = 'func {name}(_ xs: [Double]) -> Double {{\n    // YOUR CODE HERE\n    fatalError("not implemented yet")\n}}'


def run(command, cwd):
    # nbgrader calls `alembic` and `jupyter` by name: put the virtual environment first on PATH.
    environment = dict(os.environ, PATH=os.path.dirname(NBGRADER) + os.pathsep + os.environ.get("PATH", ""))
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start, result


def bench_lessons(count):
    project = tempfile.mkdtemp(prefix="lessons-grade-bench-", dir=os.path.join(ROOT, ".build"))
    os.makedirs(os.path.join(project, "Lessons"))
    shutil.copy(os.path.join(HERE, "means.md"), os.path.join(project, "Lessons", "means.md"))
    run([LESSONS, "release", "means.md", "--out", "released"], project)
    released = open(os.path.join(project, "released", "means.md")).read()
    for index in range(count):
        mean, variance = SWIFT_ANSWERS[index % len(SWIFT_ANSWERS)]
        text = released
        for name, body in (("mean", mean), ("variance", variance)):
            if body is not None:
                text = text.replace(STUB.format(name=name), f"func {name}(_ xs: [Double]) -> Double {{\n    {body}\n}}", 1)
        folder = os.path.join(project, "submissions", f"s{index:03d}")
        os.makedirs(folder)
        open(os.path.join(folder, "means.md"), "w").write(text)
    elapsed, _ = run([LESSONS, "grade", "--lesson", "means.md", "submissions", "--jobs", "2"], project)
    _, export = run([LESSONS, "grades", "export", "--csv"], project)
    totals = [line.split(",")[3] for line in export.stdout.splitlines() if ",TOTAL," in line]
    shutil.rmtree(project)
    return elapsed, totals


def bench_nbgrader(count):
    course = tempfile.mkdtemp(prefix="nbgrader-bench-")
    open(os.path.join(course, "nbgrader_config.py"), "w").write(
        "c = get_config()\nc.CourseDirectory.course_id = 'bench'\nc.CourseDirectory.root = '.'\n"
        "c.ExecutePreprocessor.timeout = 30\n")
    os.makedirs(os.path.join(course, "source", "ps1"))
    shutil.copy(os.path.join(HERE, "means.ipynb"), os.path.join(course, "source", "ps1", "means.ipynb"))
    students = [f"s{index:03d}" for index in range(count)]
    run([NBGRADER, "db", "assignment", "add", "ps1"], course)
    with open(os.path.join(course, "students.csv"), "w") as roster:
        roster.write("id\n" + "".join(f"{student}\n" for student in students))
    run([NBGRADER, "db", "student", "import", "students.csv"], course)
    run([NBGRADER, "generate_assignment", "ps1", "--force"], course)
    released = json.load(open(os.path.join(course, "release", "ps1", "means.ipynb")))
    for index, student in enumerate(students):
        notebook = json.loads(json.dumps(released))
        mean, variance = PYTHON_ANSWERS[index % len(PYTHON_ANSWERS)]
        for cell in notebook["cells"]:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for name, body in (("mean", mean), ("variance", variance)):
                if body is not None and source.startswith(f"def {name}("):
                    cell["source"] = f"def {name}(xs):\n    {body}"
        folder = os.path.join(course, "submitted", student, "ps1")
        os.makedirs(folder)
        json.dump(notebook, open(os.path.join(folder, "means.ipynb"), "w"))
    elapsed, _ = run([NBGRADER, "autograde", "ps1"], course)
    shutil.rmtree(course)
    return elapsed


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    ours, totals = bench_lessons(count)
    theirs = bench_nbgrader(count)
    expected = ["5", "4", "0", "0"]
    wrong = [i for i, total in enumerate(totals) if total != expected[i % 4]]
    print(f"submissions: {count}; lessons totals as expected: {not wrong} {wrong[:5]}")
    print("| grader | wall time | per submission | ratio |")
    print("|---|---|---|---|")
    print(f"| `nbgrader autograde` (serial) | {theirs:.1f} s | {theirs / count:.2f} s | 1.00 |")
    print(f"| `lessons grade --jobs 2` (sandboxed) | {ours:.1f} s | {ours / count:.2f} s | {ours / theirs:.2f} |")


if __name__ == "__main__":
    main()

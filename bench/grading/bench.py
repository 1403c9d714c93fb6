#!/usr/bin/env python3
"""Grading benchmark: `lessons grade --jobs 2` against `nbgrader autograde`, same assignment, same submissions.

Usage: bench/grading/run.sh [submissions] [assignment]   (default 100 means)

Assignments:
- `means`: mean and variance, a visible and a hidden test each (`means.md` / `means.ipynb`);
- `elbo`: the course's ELBO lesson, `Lessons/04-elbo.md`, against `elbo.ipynb`, its Python equivalent cell for
  cell (written by `make_elbo_notebook.py`): a checked derivation, Monte Carlo and importance-weighted
  estimates, two graded exercises (Monte Carlo ELBO, Gaussian KL) and a written answer.
Submissions cycle through correct, partly wrong, empty and broken answers.
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

# The ELBO lesson: bodies of monteCarloELBO and gaussianKL (None keeps the released stub).
ELBO_SWIFT_ANSWERS = [
    ("var total = 0.0\n    for _ in 0..<samples {\n        let z = q.sample(using: &generator)\n"
     "        total += logJoint(z) - q.logProb(z)\n    }\n    return total / Double(samples)",
     "return log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5"),
    ("var total = 0.0\n    for _ in 0..<samples {\n        let z = q.sample(using: &generator)\n"
     "        total += logJoint(z) - q.logProb(z)\n    }\n    return total / Double(samples)", "return 0"),
    (None, None),
    ("return samples", "return [1.0][2]"),
]
ELBO_PYTHON_ANSWERS = [
    ("z = q_mean + q_sd * rng.standard_normal(samples)\n    return float(np.mean(log_joint(z) - log_normal(z, q_mean, q_sd**2)))",
     "return math.log(s2 / s1) + (s1 * s1 + (m1 - m2) ** 2) / (2 * s2 * s2) - 0.5"),
    ("z = q_mean + q_sd * rng.standard_normal(samples)\n    return float(np.mean(log_joint(z) - log_normal(z, q_mean, q_sd**2)))",
     "return 0"),
    (None, None),
    ("return 'x' + 1", "return [1.0][2]"),
]
SWIFT_STUB_BODY = '    // YOUR CODE HERE\n    fatalError("not implemented yet")'
ASSIGNMENTS = {
    # name: (lesson file, notebook, Swift answers, Python answers, Python function names, expected totals)
    "means": (os.path.join(HERE, "means.md"), os.path.join(HERE, "means.ipynb"), SWIFT_ANSWERS, PYTHON_ANSWERS,
              ("mean", "variance"), ["5", "4", "0", "0"]),
    "elbo": (os.path.join(ROOT, "Lessons", "04-elbo.md"), os.path.join(HERE, "elbo.ipynb"), ELBO_SWIFT_ANSWERS,
             ELBO_PYTHON_ANSWERS, ("monte_carlo_elbo", "gaussian_kl"), ["6", "3", "0", "0"]),
}


def run(command, cwd):
    # nbgrader calls `alembic` and `jupyter` by name: put the virtual environment first on PATH.
    environment = dict(os.environ, PATH=os.path.dirname(NBGRADER) + os.pathsep + os.environ.get("PATH", ""))
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start, result


def bench_lessons(count, assignment):
    lesson, _, answers, _, _, _ = ASSIGNMENTS[assignment]
    name = os.path.basename(lesson)
    project = tempfile.mkdtemp(prefix="lessons-grade-bench-", dir=os.path.join(ROOT, ".build"))
    os.makedirs(os.path.join(project, "Lessons"))
    shutil.copy(lesson, os.path.join(project, "Lessons", name))
    run([LESSONS, "release", name, "--out", "released"], project)
    released = open(os.path.join(project, "released", name)).read()
    for index in range(count):
        first, second = answers[index % len(answers)]
        text = released
        if assignment == "means":
            for function, body in (("mean", first), ("variance", second)):
                if body is not None:
                    text = text.replace(STUB.format(name=function), f"func {function}(_ xs: [Double]) -> Double {{\n    {body}\n}}", 1)
        else:
            # The two stubs in file order: monteCarloELBO, then gaussianKL; a replaced one no longer matches.
            for body in (first, second):
                marker = "<kept stub>"
                text = text.replace(SWIFT_STUB_BODY, "    " + body if body is not None else marker, 1)
            text = text.replace("<kept stub>", SWIFT_STUB_BODY)
        folder = os.path.join(project, "submissions", f"s{index:03d}")
        os.makedirs(folder)
        open(os.path.join(folder, name), "w").write(text)
    elapsed, _ = run([LESSONS, "grade", "--lesson", name, "submissions", "--jobs", "2"], project)
    _, export = run([LESSONS, "grades", "export", "--csv"], project)
    totals = [line.split(",")[3] for line in export.stdout.splitlines() if ",TOTAL," in line]
    shutil.rmtree(project)
    return elapsed, totals


def bench_nbgrader(count, assignment):
    _, notebook_path, _, answers, functions, _ = ASSIGNMENTS[assignment]
    notebook_name = os.path.basename(notebook_path)
    course = tempfile.mkdtemp(prefix="nbgrader-bench-")
    open(os.path.join(course, "nbgrader_config.py"), "w").write(
        "c = get_config()\nc.CourseDirectory.course_id = 'bench'\nc.CourseDirectory.root = '.'\n"
        "c.ExecutePreprocessor.timeout = 30\n")
    os.makedirs(os.path.join(course, "source", "ps1"))
    shutil.copy(notebook_path, os.path.join(course, "source", "ps1", notebook_name))
    students = [f"s{index:03d}" for index in range(count)]
    run([NBGRADER, "db", "assignment", "add", "ps1"], course)
    with open(os.path.join(course, "students.csv"), "w") as roster:
        roster.write("id\n" + "".join(f"{student}\n" for student in students))
    run([NBGRADER, "db", "student", "import", "students.csv"], course)
    run([NBGRADER, "generate_assignment", "ps1", "--force"], course)
    released = json.load(open(os.path.join(course, "release", "ps1", notebook_name)))
    for index, student in enumerate(students):
        notebook = json.loads(json.dumps(released))
        bodies = answers[index % len(answers)]
        for cell in notebook["cells"]:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for name, body in zip(functions, bodies):
                if body is not None and source.startswith(f"def {name}("):
                    cell["source"] = source.split("\n")[0] + f"\n    {body}"
        folder = os.path.join(course, "submitted", student, "ps1")
        os.makedirs(folder)
        json.dump(notebook, open(os.path.join(folder, notebook_name), "w"))
    elapsed, _ = run([NBGRADER, "autograde", "ps1"], course)
    shutil.rmtree(course)
    return elapsed


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    assignment = sys.argv[2] if len(sys.argv) > 2 else "means"
    ours, totals = bench_lessons(count, assignment)
    theirs = bench_nbgrader(count, assignment)
    expected = ASSIGNMENTS[assignment][5]
    wrong = [i for i, total in enumerate(totals) if total != expected[i % 4]]
    print(f"assignment: {assignment}; submissions: {count}; lessons totals as expected: {not wrong} {wrong[:5]} {totals[:4]}")
    print("| grader | wall time | per submission | ratio |")
    print("|---|---|---|---|")
    print(f"| `nbgrader autograde` (serial) | {theirs:.1f} s | {theirs / count:.2f} s | 1.00 |")
    print(f"| `lessons grade --jobs 2` (sandboxed) | {ours:.1f} s | {ours / count:.2f} s | {ours / theirs:.2f} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Grading on a real Slurm cluster (issue 28): run by Tests/Slurm/run-cluster-test.sh with SLURM_CONF set.

100 generated submissions of Lessons/04-elbo.md (correct, one exercise wrong, empty, broken: the grading
benchmark's four kinds) are graded three ways, and the points per student and exercise must agree:
  1. on this machine: `lessons grade --jobs 2`;
  2. as a 4-task job array plus its merge job: `lessons grade --slurm 4 --submit --wait`;
  3. the first 40 of them (INTERRUPTED_SUBMISSIONS) as another array, with task 2 cancelled mid-run (`scancel`), the merge reporting it, the task resubmitted
     (`sbatch --array=2`) and the merge run again (twice); in the same array task 3 is requeued mid-run
     (`scontrol requeue`, then `scontrol update StartTime=now`, since Slurm holds a requeued job for about two
     minutes): it runs again over its partial gradebook and the merge job, still waiting, merges it by itself.
Every submission must appear once per exercise in each merged gradebook.
Prints the wall times (for BENCHMARKS.md) and exits 1 on any difference.
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
sys.path.insert(0, os.path.join(ROOT, "bench", "grading"))
import bench  # noqa: E402  (the benchmark's submission kinds)

COUNT = int(os.environ.get("SUBMISSIONS", "100"))
# The interrupted array grades the first of them only (10 per task still leaves each task mid-run when stopped).
INTERRUPTED_COUNT = min(COUNT, int(os.environ.get("INTERRUPTED_SUBMISSIONS", "40")))


def run(command, cwd, check=True):
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout[-4000:]}")
    return result


def points(project, gradebook):
    """(student, exercise) -> points; exits if any pair appears twice (a submission graded more than once)."""
    export = run([LESSONS, "grades", "export", "--csv", "--gradebook", gradebook], project).stdout
    rows = {}
    for line in export.splitlines()[1:]:
        fields = line.split(",")
        if (fields[0], fields[2]) in rows:
            sys.exit(f"{gradebook}: {fields[0]} / {fields[2]} appears twice in the export")
        rows[(fields[0], fields[2])] = fields[3]
    return rows


def job_states(job):
    result = run(["squeue", "--noheader", "--jobs", job, "--format", "%i %T"], ROOT, check=False)
    return dict(line.split() for line in result.stdout.splitlines() if line.strip()) if result.returncode == 0 else {}


def wait_gone(job, limit=1800):
    start = time.time()
    while job_states(job):
        if time.time() - start > limit:
            sys.exit(f"job {job} still queued after {limit} s")
        time.sleep(1)


def make_project():
    project = tempfile.mkdtemp(prefix="lessons-slurm-", dir=os.path.join(ROOT, ".build"))
    os.makedirs(os.path.join(project, "Lessons"))
    shutil.copy(os.path.join(ROOT, "Lessons", "04-elbo.md"), os.path.join(project, "Lessons"))
    run([LESSONS, "release", "04-elbo.md", "--out", "released"], project)
    released = open(os.path.join(project, "released", "04-elbo.md")).read()
    answers = bench.ELBO_SWIFT_ANSWERS
    for index in range(COUNT):
        text = released
        for body in answers[index % len(answers)]:
            text = text.replace(bench.SWIFT_STUB_BODY, "    " + body if body is not None else "<kept stub>", 1)
        text = text.replace("<kept stub>", bench.SWIFT_STUB_BODY)
        folder = os.path.join(project, "submissions", f"s{index:03d}")
        os.makedirs(folder)
        open(os.path.join(folder, "04-elbo.md"), "w").write(text)
    return project


def compare(label, expected, got):
    if got != expected:
        differences = sorted(set(expected.items()) ^ set(got.items()))[:10]
        sys.exit(f"{label}: the points differ from the single-machine grading: {differences}")
    print(f"{label}: the same points as on one machine for all {len({s for s, _ in got})} students")


def wait_running_with_shard(project, task, batch, number):
    """Waits until `task` runs and its shard gradebook exists, then a little more: mid-run."""
    shard = os.path.join(project, "batch", batch, "shards", f"task-{number}.sqlite")
    deadline = time.time() + 900
    while job_states(task).get(task) != "RUNNING" or not os.path.exists(shard):
        if time.time() > deadline:
            sys.exit(f"task {task} never ran: {job_states(task.split('_')[0])}")
        time.sleep(0.5)
    time.sleep(3)  # mid-run: some of its submissions graded, others not


def requeue(task):
    """`scontrol requeue` of a running task, then `StartTime=now`: Slurm would hold it for about two minutes."""
    run(["scontrol", "requeue", task], ROOT)
    deadline = time.time() + 120
    while job_states(task).get(task) != "PENDING":
        if time.time() > deadline:
            sys.exit(f"task {task} was not requeued: {job_states(task)}")
        time.sleep(0.2)
    run(["scontrol", "update", f"JobId={task}", "StartTime=now"], ROOT)


def interrupted(project, single):
    """One array (of the first INTERRUPTED_COUNT submissions) whose task 2 is cancelled mid-run and task 3 requeued
    mid-run. Task 3 runs again over its partial
    gradebook by itself; the merge job reports task 2 alone; task 2 resubmitted and merged again (twice) gives
    the single-machine points, every submission once."""
    for index in range(INTERRUPTED_COUNT):
        shutil.copytree(os.path.join(project, "submissions", f"s{index:03d}"),
                        os.path.join(project, "submissions-interrupted", f"s{index:03d}"))
    students = {f"s{index:03d}" for index in range(INTERRUPTED_COUNT)}
    single = {key: value for key, value in single.items() if key[0] in students}
    result = run([LESSONS, "grade", "--lesson", "04-elbo.md", "submissions-interrupted", "--slurm", "4",
                  "--cpus-per-task", "1", "--batch-folder", "batch/interrupted", "--gradebook", "interrupted.sqlite",
                  "--submit"], project)
    array_id = re.search(r"^array (\d+)$", result.stdout, re.M).group(1)
    merge_id = re.search(r"^merge (\d+)$", result.stdout, re.M).group(1)
    wait_running_with_shard(project, f"{array_id}_2", "interrupted", 2)
    run(["scancel", f"{array_id}_2"], project)
    print(f"cancelled {array_id}_2 while running")
    wait_running_with_shard(project, f"{array_id}_3", "interrupted", 3)
    requeue(f"{array_id}_3")
    print(f"requeued {array_id}_3 while running")
    wait_gone(merge_id)
    verdict = open(os.path.join(project, "batch", "interrupted", "status", "merge")).read()
    if "task 2 did not finish" not in verdict or "task 3" in verdict:
        sys.exit(f"the merge job should report task 2 (cancelled) and not task 3 (requeued, ran again): {verdict}")
    print(f"merge job: {verdict.strip()}")
    resubmitted = run(["sbatch", "--parsable", "--array=2", "batch/interrupted/array.sh"], project).stdout.strip().split(";")[0]
    wait_gone(resubmitted)
    merged = run([LESSONS, "grades", "merge", "--plan", "batch/interrupted"], project, check=False)
    if merged.returncode != 0:
        sys.exit(f"the merge after resubmitting task 2 failed: {merged.stdout}")
    compare("task 2 cancelled and resubmitted, task 3 requeued", single, points(project, "interrupted.sqlite"))
    run([LESSONS, "grades", "merge", "--plan", "batch/interrupted"], project)
    compare("merged twice", single, points(project, "interrupted.sqlite"))


def main():
    project = make_project()
    try:
        start = time.perf_counter()
        run([LESSONS, "grade", "--lesson", "04-elbo.md", "submissions", "--jobs", "2", "--gradebook", "single.sqlite"], project)
        single_seconds = time.perf_counter() - start
        single = points(project, "single.sqlite")
        totals = sorted({v for (s, e), v in single.items() if e == "TOTAL"})
        print(f"one machine, --jobs 2: {single_seconds:.1f} s for {COUNT} submissions (totals {totals})")

        start = time.perf_counter()
        result = run([LESSONS, "grade", "--lesson", "04-elbo.md", "submissions", "--slurm", "4", "--cpus-per-task", "1",
                      "--batch-folder", "batch/whole", "--gradebook", "cluster.sqlite", "--submit", "--wait"], project)
        array_seconds = time.perf_counter() - start
        print(f"Slurm, 4 tasks of 1 CPU on one 2-CPU node: {array_seconds:.1f} s (validation, submission, array, merge)")
        compare("array + merge", single, points(project, "cluster.sqlite"))
        status = run([LESSONS, "grades", "status", "batch/whole"], project).stdout
        if "all: %d of %d graded; merge: ok" % (COUNT, COUNT) not in status:
            sys.exit(f"grades status after the job: {status}")

        interrupted(project, single)
        print(f"ratio array / one machine: {array_seconds / single_seconds:.2f}")
    finally:
        shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()

"""LessonKit's FVSBN against PyTorch CPU, side by side in one run (bench/models/run.sh [repetitions] [debug|release]).

Each repetition runs both sides in turn, so drift on the shared machine hits both alike; the table reports
medians. Both sides use 2 threads (OPENBLAS_NUM_THREADS=2 for LessonKit, torch.set_num_threads(2)).

LessonKit is measured twice: in `ModelBench` (the library alone), and through `lessons run` on the path users run,
a lesson cell training the FVSBN (`fvsbn-lesson.md`, in a fresh project with an empty cache folder).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / "bench/.venv/bin/python")
CONFIGURATION = sys.argv[2] if len(sys.argv) > 2 else "debug"
MODEL_BENCH = str(ROOT / f".build/{CONFIGURATION}/ModelBench")
LESSONS = str(ROOT / f".build/{CONFIGURATION}/lessons")
ENVIRONMENT = dict(os.environ, OPENBLAS_NUM_THREADS="2", OMP_NUM_THREADS="2")


def through_lessons_run():
    """Epoch time of the FVSBN trained in a lesson cell, as `lessons run` runs it."""
    project = tempfile.mkdtemp(prefix="fvsbn-lesson-")
    try:
        os.makedirs(os.path.join(project, "Lessons"))
        shutil.copy(ROOT / "bench/models/fvsbn-lesson.md", os.path.join(project, "Lessons", "fvsbn.md"))
        os.symlink(ROOT / "Assets", os.path.join(project, "Assets"))
        environment = dict(ENVIRONMENT, LESSONS_CACHE_DIR=os.path.join(project, "cache"))
        subprocess.run([LESSONS, "run", "--force", "fvsbn.md"], check=True, capture_output=True, env=environment,
                       cwd=project)
        with open(os.path.join(project, "epoch-seconds.txt")) as f:
            return {"epoch_seconds": float(f.read())}
    finally:
        shutil.rmtree(project)


def measure(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=ENVIRONMENT, cwd=ROOT).stdout
    # `key value` lines; the training's progress line ("training FVSBN ▕…▏ 60/60 epochs") is not one.
    pairs = (line.split() for line in output.splitlines())
    return {pair[0]: float(pair[1]) for pair in pairs if len(pair) == 2}


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    steps, epochs = 1000, 60
    runs = {name: [] for name in ["lessonkit_step", "torch64_step", "torch32_step", "lessonkit_train", "torch64_train",
                                  "torch32_train", "lesson_train"]}
    for _ in range(repetitions):
        runs["lessonkit_step"].append(measure([MODEL_BENCH, "fvsbn-step", str(steps)]))
        runs["torch64_step"].append(measure([PYTHON, "bench/models/peers.py", "step", str(steps), "float64"]))
        runs["torch32_step"].append(measure([PYTHON, "bench/models/peers.py", "step", str(steps), "float32"]))
        runs["lessonkit_train"].append(measure([MODEL_BENCH, "fvsbn-train", str(epochs)]))
        runs["torch64_train"].append(measure([PYTHON, "bench/models/peers.py", "train", str(epochs), "float64"]))
        runs["torch32_train"].append(measure([PYTHON, "bench/models/peers.py", "train", str(epochs), "float32"]))
        runs["lesson_train"].append(through_lessons_run())

    def median(name, key):
        return statistics.median(run[key] for run in runs[name])

    ours_step = median("lessonkit_step", "seconds_per_step")
    t64_step, t32_step = median("torch64_step", "seconds_per_step"), median("torch32_step", "seconds_per_step")
    ours_epoch, t64_epoch = median("lessonkit_train", "epoch_seconds"), median("torch64_train", "epoch_seconds")
    print(f"FVSBN training step (64x64 masked linear, batch 100, forward+backward+Adam), medians of {repetitions}:")
    print(f"  LessonKit (Double)      {ours_step * 1e6:8.1f} us")
    print(f"  PyTorch float64         {t64_step * 1e6:8.1f} us   ratio LessonKit/PyTorch = {ours_step / t64_step:.2f}")
    print(f"  PyTorch float32         {t32_step * 1e6:8.1f} us   ratio LessonKit/PyTorch = {ours_step / t32_step:.2f}")
    print(f"FVSBN training, {epochs} epochs on the canonical split, medians of {repetitions}:")
    print(f"  LessonKit  {ours_epoch * 1e3:7.2f} ms/epoch  test NLL {median('lessonkit_train', 'test_nll'):.2f} nats")
    print(f"  PyTorch    {t64_epoch * 1e3:7.2f} ms/epoch  test NLL {median('torch64_train', 'test_nll'):.2f} nats"
          f"   ratio = {ours_epoch / t64_epoch:.2f}")
    t32_epoch, lesson_epoch = median("torch32_train", "epoch_seconds"), median("lesson_train", "epoch_seconds")
    print(f"  PyTorch float32 {t32_epoch * 1e3:7.2f} ms/epoch   ratio ModelBench/PyTorch32 = {ours_epoch / t32_epoch:.2f}")
    print(f"  LessonKit through `lessons run` ({CONFIGURATION}) {lesson_epoch * 1e3:7.2f} ms/epoch"
          f"   ratio to PyTorch float32 = {lesson_epoch / t32_epoch:.2f}, to float64 = {lesson_epoch / t64_epoch:.2f}")
    for name, values in runs.items():
        key = "seconds_per_step" if name.endswith("step") else "epoch_seconds"
        print(f"    {name:16s} " + " ".join(f"{run[key] * 1e3:.3f}" for run in values) + " ms")


if __name__ == "__main__":
    main()

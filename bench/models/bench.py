"""LessonKit's FVSBN and PixelCNN against PyTorch CPU, side by side in one run (bench/models/run.sh [repetitions]
[debug|release]).

Each repetition runs both sides in turn, so drift on the shared machine hits both alike; the table reports
medians. Both sides use 2 threads (OPENBLAS_NUM_THREADS=2 for LessonKit, torch.set_num_threads(2)).

The FVSBN's LessonKit side is measured twice: in `ModelBench` (the library alone), and through `lessons run` on the
path users run, a lesson cell training the FVSBN (`fvsbn-lesson.md`, in a fresh project with an empty cache
folder). The PixelCNN (lesson 2's configuration) is measured through `lessons run` only (`pixelcnn-lesson.md`),
against `peers.py pixelcnn-train` in float32 and float64.
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


def through_lessons_run(model):
    """What the lesson cell of `bench/models/{model}-lesson.md` measured, run as `lessons run` runs it in a fresh
    project with an empty cache folder: epoch_seconds from its `epoch-seconds.txt`, and test_nll from its
    `test-nll.txt` when it writes one."""
    project = tempfile.mkdtemp(prefix=f"{model}-lesson-")
    try:
        os.makedirs(os.path.join(project, "Lessons"))
        shutil.copy(ROOT / f"bench/models/{model}-lesson.md", os.path.join(project, "Lessons", f"{model}.md"))
        os.symlink(ROOT / "Assets", os.path.join(project, "Assets"))
        environment = dict(ENVIRONMENT, LESSONS_CACHE_DIR=os.path.join(project, "cache"))
        subprocess.run([LESSONS, "run", "--force", f"{model}.md"], check=True, capture_output=True, env=environment,
                       cwd=project)
        def read(name):
            with open(os.path.join(project, name)) as f:
                return float(f.read())

        results = {"epoch_seconds": read("epoch-seconds.txt")}
        if os.path.exists(os.path.join(project, "test-nll.txt")):
            results["test_nll"] = read("test-nll.txt")
        return results
    finally:
        shutil.rmtree(project)


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def measure(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=ENVIRONMENT, cwd=ROOT).stdout
    # `key value` lines with a number; neither the training's progress line ("training FVSBN ▕…▏ 60/60 epochs")
    # nor a learning curve ("test_curve 26.17,22.22,…") is one.
    pairs = (line.split() for line in output.splitlines())
    return {pair[0]: number(pair[1]) for pair in pairs if len(pair) == 2 and number(pair[1]) is not None}


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    steps, epochs = 1000, 60
    # Lesson 2 trains its PixelCNN for at most 40 epochs; the same 40 here give a test NLL to compare.
    pixelcnn_epochs = 40
    runs = {name: [] for name in ["lessonkit_step", "torch64_step", "torch32_step", "lessonkit_train", "torch64_train",
                                  "torch32_train", "lesson_train", "pixelcnn_torch64_train", "pixelcnn_torch32_train",
                                  "pixelcnn_lesson_train"]}
    for _ in range(repetitions):
        runs["lessonkit_step"].append(measure([MODEL_BENCH, "fvsbn-step", str(steps)]))
        runs["torch64_step"].append(measure([PYTHON, "bench/models/peers.py", "step", str(steps), "float64"]))
        runs["torch32_step"].append(measure([PYTHON, "bench/models/peers.py", "step", str(steps), "float32"]))
        runs["lessonkit_train"].append(measure([MODEL_BENCH, "fvsbn-train", str(epochs)]))
        runs["torch64_train"].append(measure([PYTHON, "bench/models/peers.py", "train", str(epochs), "float64"]))
        runs["torch32_train"].append(measure([PYTHON, "bench/models/peers.py", "train", str(epochs), "float32"]))
        runs["lesson_train"].append(through_lessons_run("fvsbn"))
        runs["pixelcnn_torch64_train"].append(
            measure([PYTHON, "bench/models/peers.py", "pixelcnn-train", str(pixelcnn_epochs), "float64"]))
        runs["pixelcnn_torch32_train"].append(
            measure([PYTHON, "bench/models/peers.py", "pixelcnn-train", str(pixelcnn_epochs), "float32"]))
        runs["pixelcnn_lesson_train"].append(through_lessons_run("pixelcnn"))

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
    pixel_t64 = median("pixelcnn_torch64_train", "epoch_seconds")
    pixel_t32 = median("pixelcnn_torch32_train", "epoch_seconds")
    pixel_lesson = median("pixelcnn_lesson_train", "epoch_seconds")
    print("PixelCNN (lesson 2: 16 channels, 15x15 mask A, one residual 3x3 mask B layer, 1x1 output), one epoch of")
    print(f"minibatches of 100 on the canonical split, medians of {repetitions} runs of {pixelcnn_epochs} epochs:")
    print(f"  PyTorch float64 {pixel_t64 * 1e3:7.2f} ms/epoch  test NLL "
          f"{median('pixelcnn_torch64_train', 'test_nll'):.2f} nats")
    print(f"  PyTorch float32 {pixel_t32 * 1e3:7.2f} ms/epoch  test NLL "
          f"{median('pixelcnn_torch32_train', 'test_nll'):.2f} nats")
    print(f"  LessonKit through `lessons run` ({CONFIGURATION}) {pixel_lesson * 1e3:7.2f} ms/epoch  test NLL "
          f"{median('pixelcnn_lesson_train', 'test_nll'):.2f} nats")
    print(f"  ratio LessonKit through `lessons run` / PyTorch float32 = {pixel_lesson / pixel_t32:.2f}"
          f" (/ PyTorch float64 = {pixel_lesson / pixel_t64:.2f})")
    for name, values in runs.items():
        key = "seconds_per_step" if name.endswith("step") else "epoch_seconds"
        print(f"    {name:22s} " + " ".join(f"{run[key] * 1e3:.3f}" for run in values) + " ms")


if __name__ == "__main__":
    main()

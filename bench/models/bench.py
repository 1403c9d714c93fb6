"""LessonKit's FVSBN against PyTorch CPU, side by side in one run (bench/models/run.sh).

Each repetition runs both sides in turn, so drift on the shared machine hits both alike; the table reports
medians. Both sides use 2 threads (OPENBLAS_NUM_THREADS=2 for LessonKit, torch.set_num_threads(2)).
"""
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / "bench/.venv/bin/python")
MODEL_BENCH = str(ROOT / ".build/release/ModelBench")
ENVIRONMENT = dict(os.environ, OPENBLAS_NUM_THREADS="2", OMP_NUM_THREADS="2")


def measure(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=ENVIRONMENT, cwd=ROOT).stdout
    return {key: float(value) for key, value in (line.split() for line in output.splitlines())}


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    steps, epochs = 1000, 60
    runs = {name: [] for name in ["lessonkit_step", "torch64_step", "torch32_step", "lessonkit_train", "torch64_train"]}
    for _ in range(repetitions):
        runs["lessonkit_step"].append(measure([MODEL_BENCH, "fvsbn-step", str(steps)]))
        runs["torch64_step"].append(measure([PYTHON, "bench/models/peers.py", "step", str(steps), "float64"]))
        runs["torch32_step"].append(measure([PYTHON, "bench/models/peers.py", "step", str(steps), "float32"]))
        runs["lessonkit_train"].append(measure([MODEL_BENCH, "fvsbn-train", str(epochs)]))
        runs["torch64_train"].append(measure([PYTHON, "bench/models/peers.py", "train", str(epochs), "float64"]))

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


if __name__ == "__main__":
    main()

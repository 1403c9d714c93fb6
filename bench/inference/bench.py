"""LessonKit's MCMC and CAVI against NumPy (same algorithms) and scikit-learn, side by side in one run
(bench/inference/run.sh). Each repetition runs every side in turn, so drift on the shared machine hits all
alike; the tables report medians. OPENBLAS_NUM_THREADS=2 for both sides.
"""
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / "bench/.venv/bin/python")
BENCH = str(ROOT / ".build/release/InferenceBench")
PEERS = str(ROOT / "bench/inference/peers.py")
ENVIRONMENT = dict(os.environ, OPENBLAS_NUM_THREADS="2", OMP_NUM_THREADS="2")


def measure(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=ENVIRONMENT, cwd=ROOT).stdout
    return {key: float(value) for key, value in (line.split() for line in output.splitlines())}


def means(result, k=3, d=2):
    return [[result[f"mean_{c}_{j}"] for j in range(d)] for c in range(k)]


def matched(reference, other):
    """`other`'s means reordered to the permutation closest to `reference` (K = 3: try all six)."""
    def cost(order):
        return sum(sum((a - b) ** 2 for a, b in zip(reference[c], other[order[c]])) for c in range(len(reference)))
    best = min(itertools.permutations(range(len(reference))), key=cost)
    return [other[c] for c in best]


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    draws, iterations = 200_000, 500
    csv = str(Path(tempfile.mkdtemp()) / "cavi.csv")
    cases = {
        "mh1_ours": [BENCH, "mh", str(draws), "1"],
        "mh1_numpy": [PYTHON, PEERS, "mh", str(draws), "1"],
        "mh100_ours": [BENCH, "mh", str(draws // 100), "100"],
        "mh100_numpy": [PYTHON, PEERS, "mh", str(draws // 100), "100"],
        "cavi_ours": [BENCH, "cavi", str(iterations), csv],
        "cavi_numpy": [PYTHON, PEERS, "cavi", str(iterations), csv],
        "sklearn": [PYTHON, PEERS, "sklearn", csv],
    }
    runs = {name: [] for name in cases}
    for _ in range(repetitions):
        for name, command in cases.items():  # cavi_ours writes the CSV before the peers read it
            runs[name].append(measure(command))

    def median(name, key):
        return statistics.median(run[key] for run in runs[name])

    print(f"Random-walk MH, N(0, Σ) in 10-D (Σij = 0.5^|i-j|), step 0.35, {draws:,} draws in all; medians of {repetitions}:")
    print("| chains × draws | LessonKit draws/s | NumPy draws/s | LessonKit / NumPy | acceptance (ours, NumPy) |")
    print("|---|---|---|---|---|")
    for chains, key in [(1, "mh1"), (100, "mh100")]:
        ours, theirs = median(f"{key}_ours", "draws_per_second"), median(f"{key}_numpy", "draws_per_second")
        print(f"| {chains} × {draws // chains:,} | {ours / 1e6:.2f} M | {theirs / 1e6:.3f} M | {ours / theirs:.1f}x "
              f"| {median(f'{key}_ours', 'acceptance'):.3f}, {median(f'{key}_numpy', 'acceptance'):.3f} |")

    ours, theirs = median("cavi_ours", "seconds_per_iteration"), median("cavi_numpy", "seconds_per_iteration")
    print(f"\nCAVI, 1,000 points, K = 3, D = 2, {iterations} iterations (ELBO every iteration); medians of {repetitions}:")
    print("| implementation | µs per iteration | iterations/s | ratio | final ELBO |")
    print("|---|---|---|---|---|")
    print(f"| LessonKit | {ours * 1e6:.1f} | {1 / ours:,.0f} | {theirs / ours:.1f}x faster | {runs['cavi_ours'][0]['elbo']:.9f} |")
    print(f"| NumPy | {theirs * 1e6:.1f} | {1 / theirs:,.0f} | 1 | {runs['cavi_numpy'][0]['elbo']:.9f} |")

    cavi = means(runs["cavi_ours"][0])
    numpy = matched(cavi, means(runs["cavi_numpy"][0]))
    sk = matched(cavi, means(runs["sklearn"][0]))
    print(f"\nComponent means (true centres (-4, 0), (0, 3), (4, -1)); scikit-learn BayesianGaussianMixture "
          f"(spherical covariances, Dirichlet weights) fit in {median('sklearn', 'seconds') * 1e3:.1f} ms "
          f"({runs['sklearn'][0]['iterations']:.0f} iterations):")
    print("| component | LessonKit CAVI | NumPy CAVI | scikit-learn | |LessonKit − scikit-learn| |")
    print("|---|---|---|---|---|")
    for c in range(3):
        distance = sum((a - b) ** 2 for a, b in zip(cavi[c], sk[c])) ** 0.5
        print(f"| {c} | ({cavi[c][0]:.4f}, {cavi[c][1]:.4f}) | ({numpy[c][0]:.4f}, {numpy[c][1]:.4f}) "
              f"| ({sk[c][0]:.4f}, {sk[c][1]:.4f}) | {distance:.4f} |")


if __name__ == "__main__":
    main()

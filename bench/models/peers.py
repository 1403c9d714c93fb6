"""The FVSBN in PyTorch, the same algorithm as LessonKit's `FVSBN` (bench/Sources/ModelBench):
logits = x (W * M)^T + b with M strictly lower triangular, mean binary cross-entropy from logits, Adam
(lr 1e-2, betas 0.9/0.999, eps 1e-8); training adds 1e-4 * sum(theta^2) and shuffles minibatches of 100.

    python peers.py step STEPS DTYPE        prints seconds_per_step
    python peers.py train EPOCHS DTYPE      prints epoch_seconds, train_nll, test_nll
"""
import sys
import time
from pathlib import Path

import numpy as np
import torch

torch.set_num_threads(2)
ROOT = Path(__file__).resolve().parents[2]


def digits():
    data = np.loadtxt(ROOT / "Assets/data/digits.csv", delimiter=",")
    images = (data[:, :64] >= 8).astype(np.float64)
    return images[:1500], images[1500:]


class FVSBN(torch.nn.Module):
    def __init__(self, pixels, dtype):
        super().__init__()
        self.weights = torch.nn.Parameter(torch.zeros(pixels, pixels, dtype=dtype))
        self.biases = torch.nn.Parameter(torch.zeros(pixels, dtype=dtype))
        self.register_buffer("mask", torch.tril(torch.ones(pixels, pixels, dtype=dtype), diagonal=-1))

    def forward(self, x):
        return x @ (self.weights * self.mask).T + self.biases


def nll(model, x):
    with torch.no_grad():
        return torch.nn.functional.binary_cross_entropy_with_logits(model(x), x, reduction="sum").item() / len(x)


def main():
    command, count, dtype_name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    dtype = {"float64": torch.float64, "float32": torch.float32}[dtype_name]
    train, test = digits()
    train_t, test_t = torch.tensor(train, dtype=dtype), torch.tensor(test, dtype=dtype)
    model = FVSBN(64, dtype)
    adam = torch.optim.Adam(model.parameters(), lr=1e-2)
    if command == "step":
        batch = train_t[:100]

        def step():
            adam.zero_grad()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(batch), batch)
            loss.backward()
            adam.step()

        for _ in range(20):
            step()
        started = time.perf_counter()
        for _ in range(count):
            step()
        print("seconds_per_step", (time.perf_counter() - started) / count)
    elif command == "train":
        generator = torch.Generator().manual_seed(1)
        started = time.perf_counter()
        for _ in range(count):
            order = torch.randperm(len(train_t), generator=generator)
            total = 0.0
            for start in range(0, len(order), 100):
                batch = train_t[order[start:start + 100]]
                adam.zero_grad()
                nll_batch = torch.nn.functional.binary_cross_entropy_with_logits(model(batch), batch) * 64
                loss = nll_batch + 1e-4 * sum((p * p).sum() for p in model.parameters())
                loss.backward()
                adam.step()
                total += nll_batch.item() * len(batch)
        print("epoch_seconds", (time.perf_counter() - started) / count)
        print("train_nll", total / len(train_t))
        print("test_nll", nll(model, test_t))


if __name__ == "__main__":
    main()

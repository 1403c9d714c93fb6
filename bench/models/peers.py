"""LessonKit's FVSBN and PixelCNN in PyTorch, the same algorithms as LessonKit's (bench/Sources/ModelBench).

FVSBN: logits = x (W * M)^T + b with M strictly lower triangular, mean binary cross-entropy from logits, Adam
(lr 1e-2, betas 0.9/0.999, eps 1e-8); training adds 1e-4 * sum(theta^2) and shuffles minibatches of 100.

PixelCNN, as lesson 2 trains it (`PixelCNN(channels: 16, firstKernelSize: 15, layers: 1)`, Sources/LessonKit/
Models/PixelCNN.swift): images [n, 64] as [n, 1, 8, 8];
    h = relu(convA_15x15(x))                1 -> 16 channels, mask A (rows above, and left of centre in its row)
    h = h + relu(convB_3x3(h))              `layers` times, 16 -> 16, mask B (mask A plus the centre)
    logits = conv_1x1(h).reshape(n, 64) + position_bias[64]
every convolution with "same" zero padding and a bias per output channel; kernels start as N(0, 1/fan-in) on
the taps the mask lets through (fan-in = inChannels x allowed taps) and 0 elsewhere, biases and position biases
at 0. Loss: 64 x mean binary cross-entropy from logits (NLL per image), no weight decay, Adam (lr 1e-2, betas
0.9/0.999, eps 1e-8), minibatches of 100 reshuffled every epoch, on the canonical split (first 1,500 images).
The masked taps get zero gradient (the kernel is used as kernel * mask), so they stay 0, as in LessonKit.
Lesson 2 itself fits 1,200 of the 1,500 (300 held out for early stopping, at most 40 epochs); here, as in the
FVSBN benchmark, an epoch is 15 minibatches over all 1,500, for a fixed number of epochs.

Unavoidable differences: the random streams (initial weights and minibatch order come from torch.Generator
seeded 1, not from LessonKit's xoshiro256** SeededGenerator), so the two sides agree on test NLL in
distribution, not bit for bit; and float32 runs in single precision (LessonKit computes in Double).

    python peers.py step STEPS DTYPE               FVSBN: prints seconds_per_step
    python peers.py train EPOCHS DTYPE             FVSBN: prints epoch_seconds, train_nll, test_nll
    python peers.py pixelcnn-train EPOCHS DTYPE    PixelCNN: prints epoch_seconds, train_nll, test_nll, test_curve
"""
import sys
import time
from pathlib import Path

import numpy as np
import torch

torch.set_num_threads(2)
ROOT = Path(__file__).resolve().parents[2]
PIXELS, SIDE = 64, 8
# Lesson 2's PixelCNN (Lessons/02-autoregressive-models.md, cell `pixelcnn`).
PIXELCNN_CHANNELS, PIXELCNN_FIRST_KERNEL, PIXELCNN_LAYERS = 16, 15, 1


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


def convolution_mask(kind, out_channels, in_channels, size, dtype):
    """[out, in, k, k] mask: 'a' keeps the rows above the centre and the centre row left of centre, 'b' also the
    centre (LessonKit's ConvolutionMask.make(.a / .b, ...))."""
    centre = size // 2
    tap = torch.zeros(size, size, dtype=dtype)
    tap[:centre, :] = 1
    tap[centre, :centre + (1 if kind == "b" else 0)] = 1
    return tap.expand(out_channels, in_channels, size, size).clone()


class MaskedConvolution(torch.nn.Module):
    """[n, in, h, w] -> [n, out, h, w]: (kernel * mask) conv input + bias, "same" zero padding."""

    def __init__(self, kind, in_channels, out_channels, size, dtype, generator):
        super().__init__()
        mask = convolution_mask(kind, out_channels, in_channels, size, dtype)
        fan_in = max(1.0, mask.sum().item() / out_channels)
        kernel = torch.randn(out_channels, in_channels, size, size, generator=generator, dtype=dtype) / fan_in ** 0.5
        self.register_buffer("mask", mask)
        self.kernel = torch.nn.Parameter(kernel * mask)
        self.bias = torch.nn.Parameter(torch.zeros(out_channels, dtype=dtype))

    def forward(self, x):
        return torch.nn.functional.conv2d(x, self.kernel * self.mask, self.bias, padding=self.kernel.shape[-1] // 2)


class PixelCNN(torch.nn.Module):
    """[n, 64] -> [n, 64] logits of p(x_i = 1 | x_<i), LessonKit's `PixelCNN.logits`."""

    def __init__(self, channels, first_kernel_size, layers, dtype, generator):
        super().__init__()
        self.first = MaskedConvolution("a", 1, channels, first_kernel_size, dtype, generator)
        self.hidden = torch.nn.ModuleList(
            MaskedConvolution("b", channels, channels, 3, dtype, generator) for _ in range(layers))
        self.output = MaskedConvolution("b", channels, 1, 1, dtype, generator)
        self.position_bias = torch.nn.Parameter(torch.zeros(PIXELS, dtype=dtype))

    def forward(self, x):
        features = torch.relu(self.first(x.reshape(-1, 1, SIDE, SIDE)))
        for layer in self.hidden:
            features = features + torch.relu(layer(features))
        return self.output(features).reshape(-1, PIXELS) + self.position_bias


def nll(model, x):
    with torch.no_grad():
        return torch.nn.functional.binary_cross_entropy_with_logits(model(x), x, reduction="sum").item() / len(x)


def train_epochs(model, adam, train_t, test_t, epochs, weight_decay, generator, test_curve=False):
    """Minibatch Adam on the NLL per image (+ weight_decay * sum theta^2 when positive), minibatches of 100
    reshuffled every epoch, as LessonKit's `train(on:...)`; returns seconds per epoch, the last epoch's mean
    training NLL and, with test_curve, the test NLL after every epoch (measured outside the timed loop)."""
    seconds, total, curve = 0.0, 0.0, []
    for _ in range(epochs):
        started = time.perf_counter()
        order = torch.randperm(len(train_t), generator=generator)
        total = 0.0
        for start in range(0, len(order), 100):
            batch = train_t[order[start:start + 100]]
            adam.zero_grad()
            nll_batch = torch.nn.functional.binary_cross_entropy_with_logits(model(batch), batch) * PIXELS
            loss = nll_batch
            if weight_decay > 0:
                loss = loss + weight_decay * sum((p * p).sum() for p in model.parameters())
            loss.backward()
            adam.step()
            total += nll_batch.item() * len(batch)
        seconds += time.perf_counter() - started
        if test_curve:
            curve.append(nll(model, test_t))
    return seconds / epochs, total / len(train_t), curve


def main():
    command, count, dtype_name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    dtype = {"float64": torch.float64, "float32": torch.float32}[dtype_name]
    train, test = digits()
    train_t, test_t = torch.tensor(train, dtype=dtype), torch.tensor(test, dtype=dtype)
    generator = torch.Generator().manual_seed(1)
    if command == "pixelcnn-train":
        model = PixelCNN(PIXELCNN_CHANNELS, PIXELCNN_FIRST_KERNEL, PIXELCNN_LAYERS, dtype, generator)
        adam = torch.optim.Adam(model.parameters(), lr=1e-2)
        epoch_seconds, train_nll, curve = train_epochs(model, adam, train_t, test_t, count, 0, generator,
                                                       test_curve=True)
        print("test_curve", ",".join(f"{value:.2f}" for value in curve))
        print("epoch_seconds", epoch_seconds)
        print("train_nll", train_nll)
        print("test_nll", nll(model, test_t))
        return
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
        epoch_seconds, train_nll, _ = train_epochs(model, adam, train_t, test_t, count, 1e-4, generator)
        print("epoch_seconds", epoch_seconds)
        print("train_nll", train_nll)
        print("test_nll", nll(model, test_t))


if __name__ == "__main__":
    main()

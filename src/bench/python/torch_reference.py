#!/usr/bin/env python3
"""PyTorch reference throughput for PruneLab's zoo networks.

Measures training and inference throughput (images per second) of LeNet-5 (Caffe variant) and a CIFAR-style
ResNet-20 on 1x28x28 inputs with 10 classes, so that PruneLab's DJL execution can be compared with plain
PyTorch on the same machine and thread count.

Each figure is the median over --repeats timed windows of --steps steps, after --warmup untimed steps, on
random inputs (seed 0). One JSON object per line goes to stdout; parameter counts go to stderr.

Example:
    python3 torch_reference.py --models lenet5,resnet20 --batch 128 --threads 2
"""

import argparse
import json
import statistics
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F

NUM_CLASSES = 10
INPUT_SHAPE = (1, 28, 28)


class LeNet5(nn.Module):
    """Caffe LeNet-5: conv(20,5)-pool-conv(50,5)-pool-fc(500)-fc(10); 431,080 parameters."""

    def __init__(self, num_classes=NUM_CLASSES):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        self.fc1 = nn.Linear(800, 500)
        self.fc2 = nn.Linear(500, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


class BasicBlock(nn.Module):
    """ResNet basic block with a projection shortcut (1x1 conv + BN) when the shape changes."""

    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        if stride != 1 or in_planes != planes:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_planes, planes, 1, stride=stride, bias=False),
                nn.BatchNorm2d(planes),
            )
        else:
            self.shortcut = nn.Identity()

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))


class ResNet20(nn.Module):
    """CIFAR-style ResNet-20 (3 stages x 3 basic blocks, widths 16/32/64) with projection shortcuts."""

    def __init__(self, in_channels=INPUT_SHAPE[0], num_classes=NUM_CLASSES):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, 16, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.layer1 = self._layer(16, 16, 1)
        self.layer2 = self._layer(16, 32, 2)
        self.layer3 = self._layer(32, 64, 2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, num_classes)

    @staticmethod
    def _layer(in_planes, planes, stride, blocks=3):
        layers = [BasicBlock(in_planes, planes, stride)]
        layers += [BasicBlock(planes, planes, 1) for _ in range(blocks - 1)]
        return nn.Sequential(*layers)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        x = torch.flatten(self.pool(x), 1)
        return self.fc(x)


MODELS = {"lenet5": LeNet5, "resnet20": ResNet20}


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def median_throughput(step, batch, warmup, steps, repeats):
    """Runs `warmup` untimed steps, then `repeats` windows of `steps` steps; returns the median images/s."""
    for _ in range(warmup):
        step()
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(steps):
            step()
        elapsed = time.perf_counter() - start
        rates.append(batch * steps / elapsed)
    return statistics.median(rates)


def bench_train(model, x, y, args):
    model.train()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=5e-4)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()

    return median_throughput(step, args.batch, args.warmup, args.steps, args.repeats)


def bench_infer(model, x, args):
    model.eval()

    def step():
        with torch.inference_mode():
            model(x)

    return median_throughput(step, args.batch, args.warmup, args.steps, args.repeats)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default="lenet5,resnet20", help="comma-separated: " + ",".join(MODELS))
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=20, help="steps per timed window")
    p.add_argument("--warmup", type=int, default=5, help="untimed steps before timing")
    p.add_argument("--repeats", type=int, default=5, help="timed windows; the median is reported")
    args = p.parse_args(argv)
    names = [m.strip() for m in args.models.split(",") if m.strip()]
    unknown = [m for m in names if m not in MODELS]
    if unknown:
        p.error(f"unknown model(s) {unknown}; known: {sorted(MODELS)}")
    for opt in ("batch", "threads", "steps", "repeats"):
        if getattr(args, opt) < 1:
            p.error(f"--{opt} must be >= 1, got {getattr(args, opt)}")
    if args.warmup < 0:
        p.error(f"--warmup must be >= 0, got {args.warmup}")
    args.model_names = names
    return args


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    for name in args.model_names:
        torch.manual_seed(0)
        model = MODELS[name]()
        print(f"{name}: {count_params(model):,} parameters", file=sys.stderr, flush=True)
        x = torch.randn(args.batch, *INPUT_SHAPE)
        y = torch.randint(0, NUM_CLASSES, (args.batch,))
        results = {"train": bench_train(model, x, y, args), "infer": bench_infer(model, x, args)}
        for mode, rate in results.items():
            print(json.dumps({
                "framework": "pytorch", "model": name, "mode": mode, "batch": args.batch,
                "threads": args.threads, "images_per_s": round(rate, 1), "torch": torch.__version__,
            }, separators=(",", ":")), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the ONNX fixtures of PruneLab's ONNX import tests (src/test/resources/onnx/).

Each fixture is a small network with a structure users have (MLP, LeNet, CIFAR ResNet blocks, VGG, MobileNetV2
inverted residuals, SqueezeNet Fire modules, squeeze-and-excitation), taking Fashion-MNIST-shaped input
(N, 1, 28, 28) and giving 10 logits. Weights are trained for a few steps on Fashion-MNIST (random images when it
is absent) so BatchNorm running statistics are not trivial, and BatchNorm scales and shifts are then randomised
so folding them matters. Networks with BatchNorm are written twice: in eval mode with constant folding (the
exporter folds BN into the convolutions) and without constant folding (BN kept as BatchNormalization); the script
checks with `onnx` that each file really has the BN it claims, that the checker accepts it, and that ONNX
Runtime (when installed) reproduces PyTorch's output.

Also writes, with --resnet18 PATH, a ResNet-18 (plain torch, no torchvision; 3x224x224 input, 1000 classes,
about 45 MB) for the import benchmark; that file is not committed.

Needs: pip install torch==2.13.0+cpu onnx onnxscript (onnxscript for the one dynamo export); onnxruntime optional.

Usage:
    python3 src/test/python/make_onnx_fixtures.py                     # fixtures into src/test/resources/onnx
    python3 src/test/python/make_onnx_fixtures.py --resnet18 target/resnet18.onnx
"""

import argparse
import gzip
import os
import sys

import numpy as np
import onnx
import torch
from torch import nn
import torch.nn.functional as F

FASHION = "/usr/share/datasets/fashion-mnist"
MEAN, STD = 0.2860, 0.3530


# ------------------------------------------------------------------------------------------------------ networks


class Mlp(nn.Module):
    """Normalise (Sub, Div), x.view(N, -1) (Shape/Gather/Unsqueeze/Concat/Reshape), Gemm, x @ W + b (MatMul + Add),
    LeakyReLU, Softplus, Dropout."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 64)
        self.w2 = nn.Parameter(torch.randn(64, 32) / 8)
        self.b2 = nn.Parameter(torch.randn(32) / 10)
        self.drop = nn.Dropout(0.2)
        self.fc3 = nn.Linear(32, 10)

    def forward(self, x):
        x = (x - MEAN) / STD
        x = x.view(x.size(0), -1)
        x = F.leaky_relu(self.fc1(x), 0.1)
        x = self.drop(x)
        x = F.softplus(x @ self.w2 + self.b2)
        return self.fc3(x)


class LeNet5(nn.Module):
    """Conv (padding 2), ReLU, MaxPool, Flatten, Gemm, Tanh, Softmax at the end."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = torch.tanh(self.fc1(x))
        x = F.relu(self.fc2(x))
        return F.softmax(self.fc3(x), dim=1)


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))


class ResNetBlocks(nn.Module):
    """CIFAR ResNet: stem, three stages of basic blocks (residual Add, projection shortcuts), global average pool."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.layer1 = nn.Sequential(BasicBlock(8, 8, 1), BasicBlock(8, 8, 1))
        self.layer2 = nn.Sequential(BasicBlock(8, 16, 2))
        self.layer3 = nn.Sequential(BasicBlock(16, 32, 2))
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        x = F.adaptive_avg_pool2d(x, 1)
        return self.fc(torch.flatten(x, 1))


class Vgg(nn.Module):
    """VGG-style conv-BN-ReLU stacks, an asymmetric ZeroPad2d (Pad), MaxPool with ceil mode, AvgPool without the
    padding in the divisor, Dropout, two Gemm."""

    def __init__(self):
        super().__init__()

        def cbr(cin, cout):
            return [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU()]

        self.features = nn.Sequential(
            *cbr(1, 8), *cbr(8, 8), nn.MaxPool2d(2),
            nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(8, 16, 3), nn.BatchNorm2d(16), nn.ReLU(),
            *cbr(16, 16), nn.MaxPool2d(2, ceil_mode=True),
            nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False))
        self.classifier = nn.Sequential(nn.Linear(16 * 4 * 4, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 10))

    def forward(self, x):
        x = (x - MEAN) / STD
        x = self.features(x)
        return self.classifier(torch.flatten(x, 1))


class InvertedResidual(nn.Module):
    """MobileNetV2 block: 1x1 expand, BN, ReLU6, 3x3 depthwise, BN, ReLU6, 1x1 linear bottleneck, BN (+ input)."""

    def __init__(self, cin, cout, stride, expand):
        super().__init__()
        hidden = cin * expand
        self.residual = stride == 1 and cin == cout
        self.block = nn.Sequential(
            nn.Conv2d(cin, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(),
            nn.Conv2d(hidden, hidden, 3, stride, 1, groups=hidden, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(),
            nn.Conv2d(hidden, cout, 1, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return x + self.block(x) if self.residual else self.block(x)


class MobileNetV2(nn.Module):
    """Stem, inverted residual blocks, ReduceMean over the spatial axes (x.mean((2, 3))), Gemm."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 16, 3, 2, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU6())
        self.blocks = nn.Sequential(InvertedResidual(16, 16, 1, 4), InvertedResidual(16, 24, 2, 4),
                                    InvertedResidual(24, 24, 1, 4))
        self.head = nn.Sequential(nn.Conv2d(24, 48, 1, bias=False), nn.BatchNorm2d(48), nn.ReLU6())
        self.fc = nn.Linear(48, 10)

    def forward(self, x):
        x = self.head(self.blocks(self.stem(x)))
        return self.fc(x.mean((2, 3)))


class Fire(nn.Module):
    """SqueezeNet Fire module: 1x1 squeeze (+ BN), ReLU, 1x1 and 3x3 expand, ReLU, Concat."""

    def __init__(self, cin, squeeze, expand):
        super().__init__()
        self.squeeze = nn.Conv2d(cin, squeeze, 1)
        self.bn = nn.BatchNorm2d(squeeze)
        self.expand1 = nn.Conv2d(squeeze, expand, 1)
        self.expand3 = nn.Conv2d(squeeze, expand, 3, padding=1)

    def forward(self, x):
        x = F.relu(self.bn(self.squeeze(x)))
        return torch.cat([F.relu(self.expand1(x)), F.relu(self.expand3(x))], 1)


class SqueezeNet(nn.Module):
    """Stem, MaxPool with ceil mode, two Fire modules, a Split into two halves gated as a * sigmoid(b) (Split,
    Sigmoid, Mul), 1x1 classifier conv, global average pool. Written with symbolic H and W as well as batch."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, 16, 3)
        self.fire1 = Fire(16, 8, 16)
        self.fire2 = Fire(32, 8, 16)
        self.classifier = nn.Conv2d(16, 10, 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.stem(x)), 3, 2, ceil_mode=True)
        x = self.fire2(self.fire1(x))
        a, b = torch.chunk(x, 2, dim=1)
        x = a * torch.sigmoid(b)
        x = F.relu(self.classifier(x))
        return torch.flatten(F.adaptive_avg_pool2d(x, 1), 1)


class SqueezeExcitation(nn.Module):
    """SE gate: global average pool, a layout no-op Transpose (N, C, 1, 1) -> (N, 1, 1, C), reshape (N, C), two
    Gemm, ReLU, HardSigmoid, reshape (N, C, 1, 1), Mul with the input."""

    def __init__(self, channels, reduced):
        super().__init__()
        self.fc1 = nn.Linear(channels, reduced)
        self.fc2 = nn.Linear(reduced, channels)

    def forward(self, x):
        s = F.adaptive_avg_pool2d(x, 1).permute(0, 2, 3, 1)
        s = s.reshape(s.size(0), -1)
        s = F.hardsigmoid(self.fc2(F.relu(self.fc1(s))))
        return x * s.view(s.size(0), -1, 1, 1)


class SeNet(nn.Module):
    """Conv, BN, Split into 6 + 10 channels, HardSwish on the first part, Concat in swapped order, SE block,
    LeakyReLU, strided conv, BN, Tanh, SE block, global pool, Gemm."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.se1 = SqueezeExcitation(16, 4)
        self.conv2 = nn.Conv2d(16, 32, 3, stride=2, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(32)
        self.se2 = SqueezeExcitation(32, 8)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        a, b = torch.split(self.bn1(self.conv1(x)), [6, 10], dim=1)
        x = torch.cat([b, F.hardswish(a)], 1)
        x = F.leaky_relu(self.se1(x), 0.2)
        x = torch.tanh(self.bn2(self.conv2(x)))
        x = self.se2(x)
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class Bottleneck(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + (x if self.down is None else self.down(x)))


class ResNet18(nn.Module):
    """ImageNet ResNet-18 (11.7 M parameters) in plain torch, for the import benchmark."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        layers = []
        cin = 64
        for cout, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            layers.append(nn.Sequential(Bottleneck(cin, cout, stride), Bottleneck(cout, cout, 1)))
            cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(512, 1000)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 3, 2, 1)
        x = self.layers(x)
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


# ------------------------------------------------------------------------------------------------------ helpers


def fashion_images(count):
    """The first `count` Fashion-MNIST training images in [0, 1] as (count, 1, 28, 28), or uniform noise."""
    path = os.path.join(FASHION, "train-images-idx3-ubyte.gz")
    if not os.path.exists(path):
        return torch.rand(count, 1, 28, 28), torch.randint(0, 10, (count,))
    with gzip.open(path, "rb") as f:
        pixels = np.frombuffer(f.read(), np.uint8, offset=16)[: count * 784]
    with gzip.open(os.path.join(FASHION, "train-labels-idx1-ubyte.gz"), "rb") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)[:count]
    images = torch.tensor(pixels.reshape(count, 1, 28, 28), dtype=torch.float32) / 255
    return images, torch.tensor(labels, dtype=torch.long)


def train_briefly(model, images, labels, steps=30, batch=64):
    """A few SGD steps in train mode: moves BN running statistics away from (0, 1) and the weights off init."""
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    model.train()
    for step in range(steps):
        i = (step * batch) % (len(images) - batch)
        loss = F.cross_entropy(model(images[i:i + batch]), labels[i:i + batch])
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.mul_(torch.empty_like(m.weight).uniform_(0.5, 1.5))
                m.bias.add_(torch.randn_like(m.bias) * 0.1)
                m.running_mean.add_(torch.randn_like(m.running_mean) * 0.1)
                m.running_var.mul_(torch.empty_like(m.running_var).uniform_(0.5, 2.0))
    model.eval()


def op_types(path):
    return [n.op_type for n in onnx.load(path).graph.node]


def export(model, path, opset, bn, dynamic=("batch",), dynamo=False):
    """Exports in eval mode; bn = "folded" (constant folding) or "kept" (no folding) or None (no BN in the net)."""
    x = torch.rand(1, 1, 28, 28)
    if dynamo:
        batch = torch.export.Dim("batch", min=1, max=1024)
        torch.onnx.export(model, (x,), path, input_names=["input"], output_names=["logits"], opset_version=opset,
                          dynamo=True, external_data=False, dynamic_shapes={"x": {0: batch}})
    else:
        axes = {}
        names = {0: "batch", 2: "height", 3: "width"}
        if dynamic:
            axes = {"input": {i: n for i, n in names.items() if n in dynamic}, "logits": {0: "batch"}}
        torch.onnx.export(model, (x,), path, input_names=["input"], output_names=["logits"], opset_version=opset,
                          dynamo=False, do_constant_folding=(bn != "kept"), dynamic_axes=axes or None)
    m = onnx.load(path)
    onnx.checker.check_model(m)
    ops = op_types(path)
    has_bn = "BatchNormalization" in ops
    if bn == "kept" and not has_bn:
        sys.exit(f"{path}: BatchNormalization should have been kept")
    if bn in ("folded", None) and has_bn:
        sys.exit(f"{path}: BatchNormalization should have been folded")
    opset_seen = [o.version for o in m.opset_import if o.domain in ("", "ai.onnx")][0]
    if opset_seen != opset:
        sys.exit(f"{path}: opset {opset_seen}, wanted {opset}")
    check_with_onnxruntime(model, path, fixed_batch=not dynamic and not dynamo)
    print(f"{os.path.basename(path)}: opset {opset_seen}, {os.path.getsize(path)} bytes, "
          f"BN {'kept' if has_bn else 'absent/folded'}, ops {sorted(set(ops))}")


def check_with_onnxruntime(model, path, fixed_batch):
    try:
        import onnxruntime as ort
    except ImportError:
        return
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    x = torch.rand(1 if fixed_batch else 4, 1, 28, 28)
    with torch.no_grad():
        expected = model(x).numpy()
    got = session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]
    diff = np.abs(got - expected).max() / np.abs(expected).max()
    if diff > 1e-4:
        sys.exit(f"{path}: ONNX Runtime differs from PyTorch by {diff:.2e} relative")


def fixtures(out):
    os.makedirs(out, exist_ok=True)
    images, labels = fashion_images(2048)

    def made(cls, seed):
        torch.manual_seed(seed)
        model = cls()
        train_briefly(model, images, labels)
        return model

    p = lambda name: os.path.join(out, name)
    export(made(Mlp, 1), p("mlp_opset11.onnx"), 11, None)
    export(made(LeNet5, 2), p("lenet5_opset13_batch1.onnx"), 13, None, dynamic=())
    resnet = made(ResNetBlocks, 3)
    export(resnet, p("resnet_blocks_opset17_bnfolded.onnx"), 17, "folded")
    export(resnet, p("resnet_blocks_opset17_bnkept.onnx"), 17, "kept")
    vgg = made(Vgg, 4)
    export(vgg, p("vgg_opset13_bnfolded.onnx"), 13, "folded")
    export(vgg, p("vgg_opset11_bnkept.onnx"), 11, "kept")
    mobile = made(MobileNetV2, 5)
    export(mobile, p("mobilenetv2_opset18_bnfolded.onnx"), 18, "folded")
    export(mobile, p("mobilenetv2_opset18_bnkept.onnx"), 18, "kept")
    squeeze = made(SqueezeNet, 6)
    hw = ("batch", "height", "width")
    export(squeeze, p("squeezenet_opset17_symbolic_hw_bnfolded.onnx"), 17, "folded", dynamic=hw)
    export(squeeze, p("squeezenet_opset13_bnkept.onnx"), 13, "kept")
    se = made(SeNet, 7)
    export(se, p("senet_opset13_bnfolded.onnx"), 13, "folded")
    export(se, p("senet_opset11_bnkept.onnx"), 11, "kept")
    export(se, p("senet_opset18_dynamo_bnfolded.onnx"), 18, "folded", dynamo=True)


def resnet18(path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    torch.manual_seed(0)
    model = ResNet18().eval()
    torch.onnx.export(model, (torch.rand(1, 3, 224, 224),), path, input_names=["input"], output_names=["logits"],
                      opset_version=17, dynamo=False, dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    print(f"{path}: {os.path.getsize(path) / 1e6:.1f} MB, "
          f"{sum(p.numel() for p in model.parameters()) / 1e6:.2f} M parameters")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../resources/onnx"))
    parser.add_argument("--resnet18", metavar="PATH", help="write only the benchmark ResNet-18 to PATH")
    args = parser.parse_args()
    torch.set_num_threads(1)
    if args.resnet18:
        resnet18(args.resnet18)
    else:
        fixtures(os.path.normpath(args.out))

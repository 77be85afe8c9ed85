"""PyTorch oracle for TopoDsl's training-engine tests.

Usage: torch_oracle.py FOLDER
Reads FOLDER/spec.json and the raw little-endian float32/int32 files it names; writes
FOLDER/result.json and, per case i, FOLDER/case{i}_gradients.bin (float64, the gradients of
all parameters concatenated in parameter order; exact widenings when the case runs in float32).
Any error exits non-zero with a message on stderr.
"""
import os

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import json
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)

ACTIVATIONS = {
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "relu": nn.ReLU,
    "softplus": nn.Softplus,
    "gelu": lambda: nn.GELU(approximate="none"),
}
POOLS = {"max": nn.MaxPool2d, "avg": nn.AvgPool2d}


def read_array(folder, entry, dtype):
    data = np.fromfile(os.path.join(folder, entry["file"]), dtype=dtype)
    shape = entry["shape"]
    if data.size != int(np.prod(shape)):
        raise ValueError(f"{entry['file']}: {data.size} values do not fill shape {shape}")
    return torch.from_numpy(data.reshape(shape).copy())


def build_mlp(spec):
    widths, bias = spec["widths"], spec["bias"]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1], bias=bias[i]))
        if i < len(widths) - 2:
            layers.append(ACTIVATIONS[spec["activation"]]())
    return nn.Sequential(*layers)


def build_cnn(spec):
    conv, pool = spec["conv"], spec["pool"]
    features = nn.Sequential(
        nn.Conv2d(spec["in_channels"], conv["out_channels"], conv["kernel"], stride=conv["stride"],
                  padding=conv["padding"], bias=conv["bias"]),
        ACTIVATIONS[spec["activation"]](),
        POOLS[pool["kind"]](pool["kernel"], stride=pool["stride"]),
        nn.Flatten(),
    )
    with torch.no_grad():
        flat = features(torch.zeros(1, spec["in_channels"], spec["height"], spec["width"])).shape[1]
    return nn.Sequential(*features, nn.Linear(flat, spec["outputs"], bias=spec["linear_bias"]))


def build_model(spec, parameters):
    model = build_mlp(spec) if spec["type"] == "mlp" else build_cnn(spec)
    own = list(model.named_parameters())
    if len(own) != len(parameters):
        raise ValueError(f"model has {len(own)} parameters {[n for n, _ in own]}, {len(parameters)} were given")
    with torch.no_grad():
        for (name, p), given in zip(own, parameters):
            if tuple(p.shape) != tuple(given.shape):
                raise ValueError(f"parameter {name}: torch shape {tuple(p.shape)}, given {tuple(given.shape)}")
            p.copy_(given)
    return model


def loss_of(spec, outputs, targets):
    if spec["loss"] == "mse":
        return F.mse_loss(outputs, targets.reshape(outputs.shape))
    if spec["loss"] == "cross_entropy":
        return F.cross_entropy(outputs, targets.long())
    raise ValueError(f"unknown loss {spec['loss']}")


def read_case(folder, case):
    parameters = [read_array(folder, p, "<f4") for p in case["parameters"]]
    inputs = read_array(folder, case["inputs"], "<f4")
    targets = read_array(folder, case["targets"], "<f4" if case["targets"]["dtype"] == "float32" else "<i4")
    return parameters, inputs, targets


def widen(model, inputs, targets):
    return model.double(), inputs.double(), targets.double() if targets.dtype == torch.float32 else targets


def loss_and_gradients(folder, index, case):
    parameters, inputs, targets = read_case(folder, case)
    model = build_model(case["model"], parameters)
    if case["precision"] == "float64":
        model, inputs, targets = widen(model, inputs, targets)
    loss = loss_of(case["model"], model(inputs), targets)
    loss.backward()
    gradients = [p.grad.detach().reshape(-1) for p in model.parameters()]
    torch.cat(gradients).numpy().astype("<f8").tofile(os.path.join(folder, f"case{index}_gradients.bin"))
    return {"loss": float(loss.item())}


def top_hessian_eigenvalue(folder, case):
    parameters, inputs, targets = read_case(folder, case)
    model, inputs, targets = widen(build_model(case["model"], parameters), inputs, targets)
    params = list(model.parameters())
    loss = loss_of(case["model"], model(inputs), targets)
    gradients = torch.autograd.grad(loss, params, create_graph=True)

    def hessian_times(v):
        return torch.cat([h.reshape(-1) for h in torch.autograd.grad(gradients, params, grad_outputs=v, retain_graph=True)])

    def split(flat):
        return [chunk.view_as(p) for chunk, p in zip(torch.split(flat, [p.numel() for p in params]), params)]

    generator = torch.Generator().manual_seed(case["seed"])
    v = torch.randn(sum(p.numel() for p in params), generator=generator, dtype=torch.float64)
    v /= v.norm()
    eigenvalue, change, done = 0.0, float("inf"), 0
    for done in range(1, case["iterations"] + 1):
        hv = hessian_times(split(v))
        previous, eigenvalue = eigenvalue, float(torch.dot(v, hv))
        change = abs(eigenvalue - previous) / max(abs(eigenvalue), 1e-300)
        norm = hv.norm()
        if norm == 0 or change <= case["tolerance"]:
            break
        v = hv / norm
    return {"eigenvalue": eigenvalue, "iterations": done, "relative_change": change}


def main(folder):
    with open(os.path.join(folder, "spec.json")) as f:
        spec = json.load(f)
    results = []
    for index, case in enumerate(spec["cases"]):
        try:
            if case["kind"] == "loss_and_gradients":
                results.append(loss_and_gradients(folder, index, case))
            else:
                results.append(top_hessian_eigenvalue(folder, case))
        except Exception as error:
            raise RuntimeError(f"case {index} ({case['kind']}, {case['model']['type']}): {error}") from error
    with open(os.path.join(folder, "result.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": results}, f)


if __name__ == "__main__":
    main(sys.argv[1])

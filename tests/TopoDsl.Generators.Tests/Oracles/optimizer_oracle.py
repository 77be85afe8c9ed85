"""PyTorch oracle for TopoDsl's generated optimizers.

Usage: optimizer_oracle.py FOLDER
Reads FOLDER/spec.json: {"cases": [{"name", "optimizer", "options", "parameters": [{"shape", "values"}],
"gradients": [step][parameter][values]}]}. Each case starts from its parameters (float32) and, at every step, sets
p.grad = g (float32) and calls step(). "optimizer" is a torch.optim class name (run with foreach=False), or
"lion_reference": the published Lion update (Chen et al. 2023, Algorithm 2) in float64 numpy, not torch.
Writes FOLDER/result.json: {"torch": version, "cases": [{"name", "trajectory": [step][parameter][values]}]}
with the parameters after every step. Any error exits non-zero with a message on stderr.
"""
import os

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import json
import sys

import numpy as np
import torch

torch.set_num_threads(1)

TORCH_OPTIMIZERS = {
    "SGD": torch.optim.SGD,
    "Adam": torch.optim.Adam,
    "AdamW": torch.optim.AdamW,
    "RMSprop": torch.optim.RMSprop,
    "Adagrad": torch.optim.Adagrad,
}


def float32_array(values, shape):
    array = np.asarray(values, dtype=np.float64)
    narrowed = array.astype(np.float32)
    if not np.array_equal(narrowed.astype(np.float64), array):
        raise ValueError("a value is not a float32")
    return narrowed.reshape(shape)


def run_torch(case):
    options = dict(case["options"])
    if "betas" in options:
        options["betas"] = tuple(options["betas"])
    parameters = [torch.nn.Parameter(torch.from_numpy(float32_array(p["values"], p["shape"]))) for p in case["parameters"]]
    optimizer = TORCH_OPTIMIZERS[case["optimizer"]](parameters, foreach=False, **options)
    trajectory = []
    for step in case["gradients"]:
        for parameter, gradient in zip(parameters, step):
            parameter.grad = torch.from_numpy(float32_array(gradient, list(parameter.shape)))
        optimizer.step()
        trajectory.append([p.detach().numpy().astype(np.float64).ravel().tolist() for p in parameters])
    return trajectory


def run_lion_reference(case):
    """c = b1 m + (1 - b1) g; p = p - lr (sign(c) + wd p); m = b2 m + (1 - b2) g, in float64."""
    o = case["options"]
    lr, beta1, beta2, wd = o["lr"], o["beta1"], o["beta2"], o["weight_decay"]
    parameters = [float32_array(p["values"], p["shape"]).astype(np.float64).ravel() for p in case["parameters"]]
    moments = [np.zeros_like(p) for p in parameters]
    trajectory = []
    for step in case["gradients"]:
        for k, gradient in enumerate(step):
            g = float32_array(gradient, [len(gradient)]).astype(np.float64)
            c = beta1 * moments[k] + (1 - beta1) * g
            parameters[k] = parameters[k] - lr * (np.sign(c) + wd * parameters[k])
            moments[k] = beta2 * moments[k] + (1 - beta2) * g
        trajectory.append([p.tolist() for p in parameters])
    return trajectory


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "spec.json")) as f:
        spec = json.load(f)
    results = []
    for case in spec["cases"]:
        run = run_lion_reference if case["optimizer"] == "lion_reference" else run_torch
        results.append({"name": case["name"], "trajectory": run(case)})
    with open(os.path.join(folder, "result.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": results}, f)


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - the C# side shows the message
        print(f"optimizer_oracle.py: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)

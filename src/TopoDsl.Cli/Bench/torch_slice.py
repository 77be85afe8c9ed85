# The loss of a 784-256-10-style MLP on a 2-D grid θ + α d1 + β d2, as loss-landscape code computes it in PyTorch:
# move every parameter, run the whole network on the data. Reads the data, the parameters and both directions that
# topo wrote (raw float32 / int32), times the grid alone, prints {"seconds": s, "losses": [...]} (row-major, β rows).
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn

spec = json.loads(sys.argv[1])
torch.set_num_threads(spec["torch_threads"])
folder, widths, resolution = spec["folder"], spec["widths"], spec["resolution"]
x = torch.from_numpy(np.fromfile(f"{folder}/inputs.f32", dtype=np.float32).reshape(-1, widths[0]))
y = torch.from_numpy(np.fromfile(f"{folder}/labels.i32", dtype=np.int32).astype(np.int64))
layers = []
for i in range(len(widths) - 1):
    layers.append(nn.Linear(widths[i], widths[i + 1]))
    if i + 2 < len(widths):
        layers.append(nn.ReLU())
model = nn.Sequential(*layers)


def load(name):
    return [torch.from_numpy(np.fromfile(f"{folder}/{name}{k}.f32", dtype=np.float32)).reshape(p.shape)
            for k, p in enumerate(model.parameters())]


theta, d1, d2 = load("theta"), load("first"), load("second")
grid = np.linspace(-1, 1, resolution)
loss = nn.CrossEntropyLoss()
losses = []
start = time.perf_counter()
with torch.no_grad():
    for beta in grid:
        for alpha in grid:
            for p, t, u, v in zip(model.parameters(), theta, d1, d2):
                p.copy_(t + float(alpha) * u + float(beta) * v)
            losses.append(loss(model(x), y).item())
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "losses": losses}))

# Times one PyTorch training step (forward, MSE, backward, SGD) with the same scheme as TopoDsl's side:
# warm-up, then the median over repeats of a block of steps. Prints {"ms_per_step": ...} as JSON.
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

spec = json.loads(sys.argv[1])
torch.set_num_threads(spec["torch_threads"])
torch.manual_seed(1)
activations = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "softplus": nn.Softplus, "gelu": nn.GELU}
widths = spec["widths"]
layers = []
for i in range(len(widths) - 1):
    layers.append(nn.Linear(widths[i], widths[i + 1], bias=spec["bias"]))
    if i + 2 < len(widths):
        layers.append(activations[spec["activation"]]())
model = nn.Sequential(*layers)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
x = torch.rand(spec["batch"], widths[0])
if widths[-1] > 1:
    y = F.one_hot(torch.randint(0, widths[-1], (spec["batch"],)), widths[-1]).float()
else:
    y = torch.randn(spec["batch"], 1)


def step():
    optimizer.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()


for _ in range(spec["warmup"]):
    step()
times = []
for _ in range(spec["repeats"]):
    start = time.perf_counter()
    for _ in range(spec["steps"]):
        step()
    times.append((time.perf_counter() - start) * 1000 / spec["steps"])
times.sort()
print(json.dumps({"ms_per_step": times[len(times) // 2], "torch_version": torch.__version__}))

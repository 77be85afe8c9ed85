# AutoNEB between two minima of an MLP in PyTorch, with the same steps as TopoDsl's AutoNeb: images inserted evenly,
# then where the loss rises most above the straight line between neighbours; per step every inner image's gradient
# on the whole data, projected off the Henkelman-Jonsson tangent, SGD with momentum, and redistribution of the images
# to their shares of the chain's length. Reads the data and both minima that topo wrote (raw float32 / int32),
# times the relaxation and the dense evaluation, prints {"seconds": s, "barrier": b, "images": n}.
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn

spec = json.loads(sys.argv[1])
torch.set_num_threads(spec["torch_threads"])
folder, widths = spec["folder"], spec["widths"]
x = torch.from_numpy(np.fromfile(f"{folder}/inputs.f32", dtype=np.float32).reshape(-1, widths[0]))
y = torch.from_numpy(np.fromfile(f"{folder}/labels.i32", dtype=np.int32).astype(np.int64))
layers = []
for i in range(len(widths) - 1):
    layers.append(nn.Linear(widths[i], widths[i + 1]))
    if i + 2 < len(widths):
        layers.append(nn.ReLU())
model = nn.Sequential(*layers)
criterion = nn.CrossEntropyLoss()
parameters = list(model.parameters())


def value(point):
    with torch.no_grad():
        torch.nn.utils.vector_to_parameters(point, parameters)
        return criterion(model(x), y).item()


def value_and_gradient(point):
    with torch.no_grad():
        torch.nn.utils.vector_to_parameters(point, parameters)
    loss = criterion(model(x), y)
    grads = torch.autograd.grad(loss, parameters)
    return loss.item(), torch.cat([g.reshape(-1) for g in grads])


chain = [torch.from_numpy(np.fromfile(f"{folder}/start.f32", dtype=np.float32)),
         torch.from_numpy(np.fromfile(f"{folder}/end.f32", dtype=np.float32))]
shares = [1.0]


def insert(s, alpha):
    chain.insert(s + 1, (1 - alpha) * chain[s] + alpha * chain[s + 1])
    w = shares[s]
    shares[s] = alpha * w
    shares.insert(s + 1, (1 - alpha) * w)


def redistribute():
    lengths = [float((chain[s + 1] - chain[s]).norm()) for s in range(len(chain) - 1)]
    total = sum(lengths)
    source = [p.clone() for p in chain]
    target, segment, start = 0.0, 0, 0.0
    for i in range(1, len(chain) - 1):
        target += shares[i - 1] * total
        while segment < len(lengths) - 1 and start + lengths[segment] < target:
            start += lengths[segment]
            segment += 1
        f = min(max((target - start) / lengths[segment], 0.0), 1.0) if lengths[segment] > 0 else 0.0
        chain[i] = (1 - f) * source[segment] + f * source[segment + 1]


def tangent(i, losses):
    before, here, after = losses[i - 1], losses[i], losses[i + 1]
    forward, backward = chain[i + 1] - chain[i], chain[i] - chain[i - 1]
    if after > here > before:
        t = forward
    elif after < here < before:
        t = backward
    else:
        big, small = max(abs(after - here), abs(before - here)), min(abs(after - here), abs(before - here))
        t = big * forward + small * backward if after > before else small * forward + big * backward
    n = t.norm()
    return t / n if n > 0 else t


start_time = time.perf_counter()
m, points = spec["initial"], spec["points"]
for k in range(m):
    insert(k, 1.0 / (m + 1 - k))
for cycle, (steps, rate) in enumerate(spec["cycles"]):
    if cycle > 0:
        losses = [value(p) for p in chain]
        span = max(losses) - min(losses) + 1e-12
        found = []
        for s in range(len(chain) - 1):
            best = (0.0, -float("inf"))
            for q in range(1, points + 1):
                alpha = q / (points + 1)
                rise = (value((1 - alpha) * chain[s] + alpha * chain[s + 1]) - ((1 - alpha) * losses[s] + alpha * losses[s + 1])) / span
                if rise > best[1]:
                    best = (alpha, rise)
            found.append((s, best[0], best[1]))
        chosen = sorted([f for f in found if f[2] > spec["threshold"]], key=lambda f: -f[2])[:spec["insert"]]
        for s, alpha, _ in sorted(chosen, key=lambda f: -f[0]):
            insert(s, alpha)
    velocity = [torch.zeros_like(chain[0]) for _ in chain]
    losses = [0.0] * len(chain)
    losses[0], losses[-1] = value(chain[0]), value(chain[-1])
    for step in range(steps):
        redistribute()
        grads = [None] * len(chain)
        for i in range(1, len(chain) - 1):
            losses[i], grads[i] = value_and_gradient(chain[i])
        for i in range(1, len(chain) - 1):
            t = tangent(i, losses)
            grads[i] = grads[i] - grads[i].dot(t) * t
        for i in range(1, len(chain) - 1):
            velocity[i] = spec["momentum"] * velocity[i] + grads[i]
            chain[i] = chain[i] - rate * velocity[i]
    redistribute()
barrier = max(value((1 - q / (points + 1)) * chain[s] + q / (points + 1) * chain[s + 1])
              for s in range(len(chain) - 1) for q in range(points + 2))
print(json.dumps({"seconds": time.perf_counter() - start_time, "barrier": barrier, "images": len(chain)}))

# Times one torch.optim step on a single parameter tensor with a fixed gradient, with the same scheme as
# TopoDsl's side: warm-up, then the median over repeats of a block of steps. Prints {"ms_per_step": ...}.
import json
import sys
import time

import torch

spec = json.loads(sys.argv[1])
torch.set_num_threads(spec["threads"])
torch.manual_seed(1)
p = torch.randn(spec["parameters"], requires_grad=True)
p.grad = torch.randn(spec["parameters"]) * 1e-3
optimizer = torch.optim.Adam([p], lr=1e-3, betas=(0.9, 0.999), eps=1e-8, foreach=spec["foreach"])

with torch.no_grad():
    for _ in range(spec["warmup"]):
        optimizer.step()
    times = []
    for _ in range(spec["repeats"]):
        start = time.perf_counter()
        for _ in range(spec["steps"]):
            optimizer.step()
        times.append((time.perf_counter() - start) * 1000 / spec["steps"])
times.sort()
print(json.dumps({"ms_per_step": times[len(times) // 2], "torch_version": torch.__version__}))

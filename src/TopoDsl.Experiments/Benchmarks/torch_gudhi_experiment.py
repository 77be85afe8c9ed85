"""The work of one TopoDsl experiment, written with PyTorch and GUDHI, for `bench NAME`.

Reads a JSON description of the runs on stdin (network widths, data, initial shape, optimizer and step sizes,
schedule, tracking cadence and options) and does what TopoDsl's generated loop does: train; after every step check
the bi-Lipschitz certificate on the same pairs; at each persistence checkpoint compute the Rips persistence of a
farthest-point sample with GUDHI (Z/11), the Betti numbers at the scale, the persistent Betti numbers, the
bottleneck distances to the initial diagrams, the whole-set losses, and write the cloud as CSV; the sharpness K by
Lanczos on Hessian-vector products at the start and the end. Prints the wall time and a few numbers as JSON.
The data are drawn by numpy with the same distributions as TopoDsl's (not the same numbers): this is for timing.
"""
import json, math, sys, time, os, tempfile
import numpy as np
import torch
import gudhi

spec = json.load(sys.stdin)
torch.set_num_threads(spec["threads"])
start = time.perf_counter()
out_dir = tempfile.mkdtemp(prefix="torch-gudhi-")


def teacher_student(seed, inputs, samples, fraction, width):
    rng = np.random.default_rng(seed)
    u_std, v_std = (1.0, 0.6) if inputs == 1 else (width ** -0.25, width ** -0.25)
    u = rng.normal(0, u_std, (width, inputs)); v = rng.normal(0, v_std, width)
    x = rng.normal(0, 2, (samples, inputs)).astype(np.float32)
    y = (1 / (1 + np.exp(-(x.astype(np.float64) @ u.T))) @ v).astype(np.float32)[:, None]
    order = rng.permutation(samples); n = int(round(fraction * samples))
    t = lambda a: torch.from_numpy(np.ascontiguousarray(a))
    return t(x[order[:n]]), t(y[order[:n]]), t(x[order[n:]]), t(y[order[n:]])


def initial_cloud(shape, h, seed):
    rng = np.random.default_rng(seed)
    if shape == "figure-eight":
        t = rng.uniform(0, 2 * np.pi, h); return np.c_[0.1 * np.sin(t) - 2, np.sin(2 * t)]
    if shape == "two circles":
        first = (h + 1) // 2; pts = []
        for i in range(h):
            upper = i < first; count = first if upper else h - first; k = i if upper else i - first
            a = 2 * np.pi * k / count; pts.append((0.1 * np.cos(a) - 2, np.sin(a) + (1.2 if upper else -1.2)))
        return np.array(pts)
    raise SystemExit(f"shape {shape} is not in this script")


def build(widths, bias):
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1], bias=bias))
        if i + 2 < len(widths): layers.append(torch.nn.Sigmoid())
    return torch.nn.Sequential(*layers)


def neurons(model):
    w_in, w_out = model[0].weight, model[2].weight
    parts = [w_in] + ([model[0].bias[:, None]] if model[0].bias is not None else []) + [w_out.t()]
    return torch.cat(parts, dim=1).detach().clone()


def write_neurons(model, cloud, inputs):
    with torch.no_grad():
        model[0].weight.copy_(cloud[:, :inputs]); model[2].weight.copy_(cloud[:, -model[2].weight.shape[0]:].t())


def top_eigenvalue(loss_fn, params, iterations=40, tolerance=1e-4):
    flat = sum(p.numel() for p in params)
    q = torch.randn(flat, dtype=torch.float64); q /= q.norm()
    basis, alphas, betas, previous = [], [], [], None
    for k in range(min(iterations, flat)):
        basis.append(q)
        loss = loss_fn(); grads = torch.autograd.grad(loss, params, create_graph=True)
        vec = []; at = 0
        for p in params:
            vec.append(q[at:at + p.numel()].view_as(p).to(p.dtype)); at += p.numel()
        hv = torch.autograd.grad(grads, params, grad_outputs=vec)
        w = torch.cat([h.reshape(-1) for h in hv]).to(torch.float64)
        alphas.append(float(w @ q))
        for _ in range(2):
            for b in basis: w -= (w @ b) * b
        t = np.diag(alphas) + np.diag(betas, 1) + np.diag(betas, -1)
        top = float(np.linalg.eigvalsh(t)[-1])
        if previous is not None and abs(top - previous) <= tolerance * max(1, abs(top)): return top
        previous = top; beta = float(w.norm())
        if beta < 1e-12: return top
        betas.append(beta); q = w / beta
    return previous


def standardize(x):
    std = x.std(axis=0); std[std == 0] = 1
    return (x - x.mean(axis=0)) / std


def fps(x, m):
    if len(x) <= m: return x
    taken = [0]; nearest = np.full(len(x), np.inf)
    for _ in range(m - 1):
        nearest = np.minimum(nearest, ((x - x[taken[-1]]) ** 2).sum(1)); taken.append(int(nearest.argmax()))
    return x[taken]


def topology(cloud, options):
    x = cloud.astype(np.float64)
    if options["standardized"]: x = standardize(x)
    d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(-1)); diameter = d.max()
    scale = options["scaleFraction"] * diameter; cut = max(scale, options["truncationFraction"] * diameter)
    sample = fps(x, options["maxPoints"])
    top = min(options["maxDimension"], x.shape[1] - 1)
    st = gudhi.RipsComplex(points=sample, max_edge_length=cut).create_simplex_tree(max_dimension=top + 1)
    st.compute_persistence(homology_coeff_field=11)
    diagrams = [np.array([[b, min(dth, cut)] for b, dth in st.persistence_intervals_in_dimension(k)]).reshape(-1, 2) for k in range(top + 1)]
    betti = [sum(1 for b, dth in st.persistence_intervals_in_dimension(k) if b <= scale < dth) for k in range(top + 1)]
    persistent = [int(((dg[:, 1] - dg[:, 0]) >= options["persistentFraction"] * diameter).sum()) for dg in diagrams]
    return diagrams, betti, persistent


def certificate_pairs(cloud, random_pairs, neighbours):
    d = torch.cdist(cloud, cloud); d.fill_diagonal_(float("inf"))
    knn = d.topk(neighbours, largest=False).indices
    i = torch.arange(len(cloud)).repeat_interleave(neighbours); j = knn.reshape(-1)
    pairs = torch.cat([torch.stack([torch.minimum(i, j), torch.maximum(i, j)], 1), random_pairs])
    return torch.unique(pairs, dim=0)


def distortion(before, after, pairs):
    if pairs is None:
        old = torch.pdist(before); new = torch.pdist(after)
    else:
        old = (before[pairs[:, 0]] - before[pairs[:, 1]]).norm(dim=1); new = (after[pairs[:, 0]] - after[pairs[:, 1]]).norm(dim=1)
    safe = old.clamp_min(1e-30)
    return float(((new - old) / safe).max()), float(((old - new) / safe).max())


results = []
for run in spec["runs"]:
    torch.manual_seed(run["seed"]); np.random.seed(run["seed"])
    data = spec["data"]
    xtr, ytr, xte, yte = teacher_student(run["seed"], data["inputs"], data["samples"], data["trainFraction"], data["teacherWidth"])
    model = build(spec["widths"], spec["bias"])
    if spec["shape"]: write_neurons(model, torch.tensor(initial_cloud(spec["shape"], spec["widths"][1], run["seed"]), dtype=torch.float32), spec["widths"][0])
    params = list(model.parameters())
    loss_fn = torch.nn.functional.mse_loss
    sharp_x, sharp_y = xtr[:spec["sharpnessSamples"]], ytr[:spec["sharpnessSamples"]]
    k0 = top_eigenvalue(lambda: loss_fn(model(sharp_x), sharp_y), params)
    lr = run["lr"] if not run["timesEtaStar"] else run["lr"] / k0
    optimizer = torch.optim.SGD(params, lr=lr) if spec["optimizer"] == "Sgd" else torch.optim.Adam(params, lr=lr)
    per_epoch = math.ceil(len(xtr) / spec["batch"]); total = spec["steps"] or spec["epochs"] * per_epoch
    every = max(1, -(-total // max(1, spec["checkpoints"])))  # rounded up, as TopoDsl's loop
    h = spec["widths"][1]; all_pairs = h <= spec["allPairsUpTo"]
    g = torch.Generator().manual_seed(run["seed"])
    random_pairs = torch.randint(0, h, (spec["sampledPairs"], 2), generator=g); random_pairs = random_pairs[random_pairs[:, 0] != random_pairs[:, 1]]
    random_pairs = torch.stack([random_pairs.min(1).values, random_pairs.max(1).values], 1)
    cloud = neurons(model); pairs = None if all_pairs else certificate_pairs(cloud, random_pairs, spec["nearestNeighbours"])
    first = None; held = True; k = k0

    def checkpoint(step, cloud, with_train):
        global first
        diagrams, betti, persistent = topology(cloud.numpy(), spec["topology"])
        if first is None: first = diagrams
        [gudhi.bottleneck_distance(a, b) for a, b in zip(diagrams, first)]
        with torch.no_grad():
            if with_train: loss_fn(model(xtr), ytr).item()
            loss_fn(model(xte), yte).item()
        np.savetxt(os.path.join(out_dir, f"{run['seed']}-{step}.csv"), cloud.numpy(), delimiter=",")
        return persistent

    start_betti = checkpoint(0, cloud, True)
    step = 0; diverged = False
    while step < total and not diverged:
        order = torch.randperm(len(xtr), generator=g)
        for b in range(per_epoch):
            if step >= total: break
            idx = order[b * spec["batch"]:(b + 1) * spec["batch"]]
            optimizer.zero_grad(); loss = loss_fn(model(xtr[idx]), ytr[idx])
            if not torch.isfinite(loss): diverged = True; break
            loss.backward(); optimizer.step(); step += 1
            new_cloud = neurons(model); at_checkpoint = step == total or step % every == 0
            expansion, contraction = distortion(cloud, new_cloud, None if (all_pairs or at_checkpoint) else pairs)
            held = held and expansion <= lr * k and (lr * k >= 1 or contraction <= lr * k)
            cloud = new_cloud
            if at_checkpoint:
                if not all_pairs: pairs = certificate_pairs(cloud, random_pairs, spec["nearestNeighbours"])
                end_betti = checkpoint(step, cloud, step == total or spec["trainLossAtCheckpoints"])
    k_end = top_eigenvalue(lambda: loss_fn(model(sharp_x), sharp_y), params) if not diverged else float("nan")
    results.append({"seed": run["seed"], "lr": lr, "etaTimesK": lr * k0, "persistentStart": start_betti,
                    "persistentEnd": end_betti if not diverged else None, "held": held, "diverged": diverged})

print(json.dumps({"seconds": time.perf_counter() - start, "runs": results}))

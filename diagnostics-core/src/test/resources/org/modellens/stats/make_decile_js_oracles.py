"""Generates decile_js_oracles.json: the Jensen-Shannon distance (base 2) between training and production
shares on training deciles, from numpy and scipy (fixed seed), for DecileJensenShannonTest.

Bins as for PSI (make_oracles.py): edges = unique(numpy.quantile(train, [0.1 .. 0.9])), right-closed bins
(-inf, e1], (e1, e2], ..., (ek, inf) via numpy.searchsorted(side="left"); shares without any epsilon, then
scipy.spatial.distance.jensenshannon(p, q, base=2).

Run: /usr/bin/python3 make_decile_js_oracles.py   (writes decile_js_oracles.json next to this script)
"""
import json
import os

import numpy as np
from scipy.spatial import distance

rng = np.random.default_rng(20261130)


def js_oracle(train, prod):
    edges = np.unique(np.quantile(train, np.arange(1, 10) / 10.0))
    k = len(edges) + 1
    p = np.bincount(np.searchsorted(edges, train, side="left"), minlength=k) / len(train)
    q = np.bincount(np.searchsorted(edges, prod, side="left"), minlength=k) / len(prod)
    return float(distance.jensenshannon(p, q, base=2))


def r6(x):
    return [float(v) for v in np.round(np.asarray(x, dtype=float), 6)]


cases = []
for i in range(20):
    n1 = int(rng.integers(1, 600))
    n2 = int(rng.integers(1, 600))
    if i % 4 == 0:
        t = rng.integers(0, 4, n1).astype(float)   # ties: fewer than nine distinct edges
        p = rng.integers(0, 6, n2).astype(float)
    elif i % 4 == 1:
        t = rng.lognormal(0, 1, n1)
        p = rng.lognormal(0.3, 1.2, n2) * (10 if i == 5 else 1)   # a unit change: production far right
    else:
        t = rng.normal(0, 1, n1)
        p = rng.normal(0.25 * (i % 3), 1 + 0.3 * (i % 2), n2)
    t = np.round(t, 6)
    p = np.round(p, 6)
    cases.append({"name": f"js_{i}", "train": r6(t), "prod": r6(p), "js": js_oracle(t, p)})
t = np.round(rng.normal(0, 1, 300), 6)
cases.append({"name": "js_same", "train": r6(t), "prod": r6(t), "js": js_oracle(t, t)})
t = np.full(50, 1.0)
p = np.round(rng.normal(1, 1, 40), 6)
cases.append({"name": "js_const_train", "train": r6(t), "prod": r6(p), "js": js_oracle(t, p)})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "decile_js_oracles.json"), "w") as f:
    json.dump({"cases": cases}, f, indent=1)

"""Generates oracles.json for org.modellens.stats tests from scipy/numpy (fixed seeds).

Run: python3 make_oracles.py   (writes oracles.json next to this script)
"""
import json
import os
import warnings

import numpy as np
from scipy import stats
from scipy.spatial import distance
from scipy.stats import contingency

warnings.simplefilter("ignore")
rng = np.random.default_rng(20240601)


def r6(x):
    return [float(v) for v in np.round(np.asarray(x, dtype=float), 6)]


ks_pairs = []


def add_ks(name, a, b):
    a = np.round(np.asarray(a, dtype=float), 6)
    b = np.round(np.asarray(b, dtype=float), 6)
    ks_pairs.append((name, a, b))


# small samples with ties
for i in range(40):
    n1 = int(rng.integers(1, 30))
    n2 = int(rng.integers(1, 30))
    add_ks(f"small_ties_{i}", rng.integers(0, 6, n1), rng.integers(0, 6, n2))
for i in range(30):
    n = int(rng.integers(1, 60))
    add_ks(f"equal_n_{i}", rng.normal(0, 1, n), rng.normal(0.3 * (i % 4), 1, n))
for i in range(30):
    n1 = int(rng.integers(2, 400))
    n2 = int(rng.integers(2, 400))
    add_ks(f"unequal_{i}", rng.normal(0, 1, n1), rng.normal(0.1 * (i % 5), 1 + 0.1 * (i % 3), n2))
for i in range(10):
    n1 = int(rng.integers(500, 3000))
    n2 = int(rng.integers(500, 3000))
    add_ks(f"medium_{i}", rng.standard_t(2, n1), rng.standard_t(2, n2) + 0.05 * i)
add_ks("heavy_tail_cauchy", rng.standard_cauchy(800), rng.standard_cauchy(700) * 1.5)
add_ks("int_many_ties", rng.poisson(3, 2000), rng.poisson(3.2, 1500))
add_ks("single_single_eq", [1.0], [1.0])
add_ks("single_single_ne", [1.0], [2.0])
add_ks("single_vs_many", [0.5], rng.normal(0, 1, 50))
add_ks("constant_both_same", np.full(30, 2.0), np.full(40, 2.0))
add_ks("constant_both_diff", np.full(30, 2.0), np.full(40, 3.0))
add_ks("equal_n_1000", rng.normal(0, 1, 1000), rng.normal(0.05, 1, 1000))
add_ks("equal_n_5000_same", rng.normal(0, 1, 5000), rng.normal(0, 1, 5000))
add_ks("n_9000_10000", rng.normal(0, 1, 9000), rng.normal(0.02, 1, 10000))
add_ks("n_10000_10000", rng.normal(0, 1, 10000), rng.normal(0.0, 1, 10000))
add_ks("n_12000_8000", rng.normal(0, 1, 12000), rng.normal(0.03, 1, 8000))
add_ks("n_12000_800_far", rng.normal(0, 1, 12000), rng.normal(0.3, 1, 800))
add_ks("n_50000_50000", rng.normal(0, 1, 50000), rng.normal(0.01, 1, 50000))
# asymptotic with small effective n (exercise kolmogn branches)
# these share one stored base sample of size 10001 ("aShared": true in the JSON)
BASE = np.round(rng.normal(0, 1, 10001), 6)
shared_names = set()
for i, n2 in enumerate([1, 2, 3, 5, 8, 13, 30, 60, 100, 140, 200, 500]):
    for j, shift in enumerate([0.0, 0.3, 0.8, 2.0]):
        add_ks(f"asym_small_{n2}_{j}", BASE, rng.normal(shift, 1, n2))
        shared_names.add(f"asym_small_{n2}_{j}")
for i, shift in enumerate([0.0, 0.05]):
    add_ks(f"asym_int_{i}", rng.integers(0, 50, 15000), rng.integers(0, 50, 11000) + (1 if shift > 0.03 else 0))

ks_cases = []
for name, a, b in ks_pairs:
    res = stats.ks_2samp(a, b)
    was = stats.wasserstein_distance(a, b)
    shared = name in shared_names
    ks_cases.append({"name": name, "a": [] if shared else r6(a), "aShared": shared, "b": r6(b),
                     "statistic": float(res.statistic), "pvalue": float(res.pvalue),
                     "wasserstein": float(was)})

# PSI


def psi_oracle(train, prod):
    edges = np.unique(np.quantile(train, np.arange(1, 10) / 10.0))
    # right-closed bins (-inf,e1],(e1,e2],...,(ek,inf)
    ti = np.searchsorted(edges, train, side="left")
    pi = np.searchsorted(edges, prod, side="left")
    k = len(edges) + 1
    p = np.bincount(ti, minlength=k) / len(train)
    q = np.bincount(pi, minlength=k) / len(prod)
    p = np.where(p == 0, 1e-4, p)
    q = np.where(q == 0, 1e-4, q)
    return float(np.sum((p - q) * np.log(p / q)))


psi_cases = []
for i in range(25):
    n1 = int(rng.integers(1, 500))
    n2 = int(rng.integers(1, 500))
    if i % 3 == 0:
        t = rng.integers(0, 4, n1).astype(float)
        p = rng.integers(0, 6, n2).astype(float)
    else:
        t = rng.normal(0, 1, n1)
        p = rng.normal(0.2 * (i % 4), 1 + 0.2 * (i % 2), n2)
    t = np.round(t, 6)
    p = np.round(p, 6)
    psi_cases.append({"name": f"psi_{i}", "train": r6(t), "prod": r6(p), "psi": psi_oracle(t, p)})
t = np.full(50, 1.0)
p = np.round(rng.normal(1, 1, 40), 6)
psi_cases.append({"name": "psi_const_train", "train": r6(t), "prod": r6(p), "psi": psi_oracle(t, p)})

# chi-square / categorical
cat_cases = []
for i in range(40):
    k = int(rng.integers(1, 8))
    tr = rng.integers(0, 60, k)
    pr = rng.integers(0, 60, k)
    if i % 5 == 0 and k > 2:
        tr[0] = 0
        pr[0] = 0
    if i % 7 == 0:
        tr = rng.integers(0, 4, k)
        pr = rng.integers(0, 4, k)
    keep = (tr + pr) > 0
    tk, pk = tr[keep], pr[keep]
    case = {"name": f"cat_{i}", "train": [int(x) for x in tr], "prod": [int(x) for x in pr]}
    if keep.sum() >= 2 and tk.sum() > 0 and pk.sum() > 0:
        table = np.array([tk, pk])
        c = stats.chi2_contingency(table)
        case.update(chi2=float(c.statistic), chi2p=float(c.pvalue), dof=int(c.dof),
                    cramer=float(contingency.association(table, method="cramer")))
    elif keep.sum() < 2:
        case.update(chi2=0.0, chi2p=1.0, dof=0)
    if tr.sum() > 0 and pr.sum() > 0:
        case.update(js=float(distance.jensenshannon(tr.astype(float), pr.astype(float), base=2)),
                    tv=float(0.5 * np.sum(np.abs(tr / tr.sum() - pr / pr.sum()))))
    cat_cases.append(case)

# descriptive
desc_cases = []
for i in range(20):
    n1 = int(rng.integers(2, 300))
    n2 = int(rng.integers(2, 300))
    a = np.round(rng.normal(5, 3, n1), 6)
    b = np.round(rng.normal(5.5, 2, n2), 6)
    ps = [0.0, 0.01, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.99, 1.0]
    desc_cases.append({"name": f"desc_{i}", "a": r6(a), "b": r6(b), "ps": ps,
                       "quantiles": [float(np.quantile(a, p)) for p in ps],
                       "mean": float(np.mean(a)), "std": float(np.std(a, ddof=1)),
                       "smd": float((np.mean(b) - np.mean(a)) / np.sqrt((np.var(a, ddof=1) + np.var(b, ddof=1)) / 2))})

# proportions
prop_cases = []
for i in range(40):
    n1 = int(rng.integers(1, 5000))
    n2 = int(rng.integers(1, 5000))
    x1 = int(rng.integers(0, n1 + 1))
    x2 = int(rng.binomial(n2, x1 / n1 * (1 + 0.1 * (i % 3))) if x1 / n1 * (1 + 0.1 * (i % 3)) <= 1 else n2)
    pp = (x1 + x2) / (n1 + n2)
    if pp == 0 or pp == 1:
        pv = 1.0
    else:
        z = (x1 / n1 - x2 / n2) / np.sqrt(pp * (1 - pp) * (1 / n1 + 1 / n2))
        pv = float(2 * stats.norm.sf(abs(z)))
    prop_cases.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "p": pv})
prop_cases.append({"x1": 0, "n1": 10, "x2": 0, "n2": 20, "p": 1.0})
prop_cases.append({"x1": 10, "n1": 10, "x2": 20, "n2": 20, "p": 1.0})

binom_cases = []
for i in range(40):
    n = int(rng.integers(1, 20000))
    p = float(rng.uniform(0.0001, 0.5))
    k = int(rng.integers(0, n + 1)) if i % 2 else int(min(n, max(0, round(n * p * 1.5))))
    binom_cases.append({"k": k, "n": n, "p": p, "sf": float(stats.binom.sf(k - 1, n, p))})

out = {"ksSharedA": r6(BASE), "ks": ks_cases, "psi": psi_cases, "categorical": cat_cases, "descriptive": desc_cases,
       "proportions": prop_cases, "binomial": binom_cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "oracles.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print("wrote", path, os.path.getsize(path))

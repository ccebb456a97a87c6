"""Generates power_oracles.json for SingleFeaturePowerOracleTest from scikit-learn and scipy (fixed seed).

Run with the Debian interpreter that has python3-sklearn:
    /usr/bin/python3 make_power_oracles.py   (writes power_oracles.json next to this script)
"""
import json
import os
import warnings

import numpy as np
from scipy import stats
from sklearn.metrics import mutual_info_score, roc_auc_score

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261123)


def r6(x):
    return [float(v) for v in np.round(np.asarray(x, dtype=float), 6)]


auc_cases = []
for i in range(30):
    n = int(rng.integers(2, 400))
    y = rng.random(n) < rng.uniform(0.05, 0.6)
    if y.all() or (~y).all():
        y[0] = not y[0]
    kind = i % 3
    if kind == 0:      # continuous score, no ties
        s = rng.normal(0, 1, n) + y * rng.uniform(0, 2)
    elif kind == 1:    # heavy ties: integer score
        s = rng.integers(0, 4, n) + y * rng.integers(0, 2)
    else:              # binary feature
        s = (rng.random(n) < np.where(y, 0.7, 0.2)).astype(float)
    s = np.round(s, 6)
    auc_cases.append({"name": f"auc_{i}", "score": r6(s), "positive": [bool(v) for v in y],
                      "auc": float(roc_auc_score(y, s))})
auc_cases.append({"name": "perfect", "score": [1, 2, 3, 4], "positive": [False, False, True, True],
                  "auc": float(roc_auc_score([0, 0, 1, 1], [1, 2, 3, 4]))})
auc_cases.append({"name": "all_tied", "score": [5, 5, 5, 5, 5], "positive": [False, True, False, True, True],
                  "auc": float(roc_auc_score([0, 1, 0, 1, 1], [5, 5, 5, 5, 5]))})

corr_cases = []
for i in range(30):
    n = int(rng.integers(3, 500))
    x = rng.normal(0, 1, n)
    kind = i % 3
    if kind == 0:
        y = 0.5 * x + rng.normal(0, 1, n)
    elif kind == 1:
        y = np.exp(x) + rng.normal(0, 0.5, n)
        x = np.round(x, 1)  # ties
    else:
        y = rng.integers(0, 5, n).astype(float)
    x = np.round(x, 6)
    y = np.round(y, 6)
    corr_cases.append({"name": f"corr_{i}", "x": r6(x), "y": r6(y),
                       "pearson": float(stats.pearsonr(x, y)[0]), "spearman": float(stats.spearmanr(x, y)[0]),
                       "ranks": r6(stats.rankdata(x))})

mi_cases = []
for i in range(20):
    n = int(rng.integers(1, 2000))
    ka = int(rng.integers(1, 12))
    kb = int(rng.integers(1, 5))
    a = rng.integers(0, ka, n)
    b = (a + rng.integers(0, 2, n) * rng.integers(0, kb, n)) % kb if kb > 1 else np.zeros(n, dtype=int)
    counts = np.bincount(a)
    mi_cases.append({"name": f"mi_{i}", "a": [int(v) for v in a], "b": [int(v) for v in b],
                     "mi": float(mutual_info_score(a, b)), "entropyA": float(stats.entropy(counts[counts > 0]))})

out = {"auc": auc_cases, "correlation": corr_cases, "mutualInformation": mi_cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "power_oracles.json"), "w") as f:
    json.dump(out, f)

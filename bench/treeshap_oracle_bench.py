"""Makes the TreeSHAP benchmark's data and model, and times XGBoost's own pred_contribs on them.

Usage: /usr/bin/python3 bench/treeshap_oracle_bench.py WORKDIR RUNS [TREES [ROWS]]   (100 trees, 15,000 rows unless given)
The first call writes WORKDIR/model.json (100 trees, depth 6, binary:logistic) and WORKDIR/data.csv
(15,000 x 16, 5% missing); every call prints XGBoost's pred_contribs rate on one thread (best of RUNS)
and writes WORKDIR/contribs.csv for the Java side to check itself against.
"""
import os
import sys
import time

import numpy as np
import xgboost as xgb

work, runs = sys.argv[1], int(sys.argv[2])
trees = int(sys.argv[3]) if len(sys.argv) > 3 else 100
rows = int(sys.argv[4]) if len(sys.argv) > 4 else 15000
rng = np.random.default_rng(42)
n, p = rows, 16
x = rng.normal(size=(n, p))
x[rng.random((n, p)) < 0.05] = np.nan
x = x.astype(np.float32).astype(np.float64)  # what XGBoost sees; %.9g then round-trips exactly
z = np.nan_to_num(x)
y = (z[:, 0] + z[:, 1] * z[:, 2] + np.sin(z[:, 3]) + 0.5 * z[:, 4:8].sum(axis=1) + rng.logistic(size=n) > 0).astype(int)
names = [f"x{j}" for j in range(p)]
d = xgb.DMatrix(x, y, feature_names=names, nthread=1)
if not os.path.exists(f"{work}/model.json"):
    bst = xgb.train({"objective": "binary:logistic", "max_depth": 6, "eta": 0.1, "nthread": 1, "seed": 0,
                     "tree_method": "hist"}, d, trees)
    bst.save_model(f"{work}/model.json")
    np.savetxt(f"{work}/data.csv", x, delimiter=",", fmt="%.9g", header=",".join(names), comments="")
bst = xgb.Booster(model_file=f"{work}/model.json")
bst.set_param({"nthread": 1})
best_wall = best_cpu = 0.0
for _ in range(runs):
    start, start_cpu = time.perf_counter(), time.process_time()
    contribs = bst.predict(d, pred_contribs=True)
    best_wall = max(best_wall, n / (time.perf_counter() - start))
    best_cpu = max(best_cpu, n / (time.process_time() - start_cpu))
np.savetxt(f"{work}/contribs.csv", contribs, delimiter=",", fmt="%.9g")
print(f"XGBoost {xgb.__version__} pred_contribs, 1 thread: {best_cpu:,.0f} rows per CPU second, "
      f"{best_wall:,.0f} rows per wall second (best of {runs})")

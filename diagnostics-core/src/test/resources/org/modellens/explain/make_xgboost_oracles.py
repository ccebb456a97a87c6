"""Oracle fixtures for the XGBoost loader and TreeSHAP, made by XGBoost itself.

Run with Debian's python3-xgboost 1.7.x:  /usr/bin/python3 make_xgboost_oracles.py
For each model it writes the model as JSON and UBJSON and `<name>.oracle.json` with test rows
(null = missing) and XGBoost's outputs for them: margin (output_margin=True), prediction and
pred_contribs (exact path-dependent TreeSHAP; last column = bias). Test rows include missing values
and values that differ from a split threshold in float64 but equal it in float32, so a float64
comparison would take the other branch.
"""
import json

import numpy as np
import xgboost as xgb

rng = np.random.default_rng(20261123)
P = 7
NAMES = ["age", "income", "score", "ratio", "count", "flag", "noise"]


def make_x(n):
    x = np.column_stack([
        rng.normal(40, 12, n),
        rng.lognormal(10, 0.6, n),
        rng.uniform(300, 850, n),
        rng.beta(2, 5, n),
        rng.poisson(3, n).astype(float),
        rng.integers(0, 2, n).astype(float),
        rng.normal(0, 1, n),
    ])
    x[rng.random((n, P)) < 0.12] = np.nan  # missing values in every column
    return x


def latent(x):
    z = np.nan_to_num(x, nan=0.0)
    return (0.04 * (z[:, 0] - 40) + 0.8 * np.log1p(z[:, 1] / 1e4) - 0.01 * (z[:, 2] - 575)
            + 3 * z[:, 3] * z[:, 5] + 0.2 * z[:, 4] + np.isnan(x[:, 1]) * 1.0)


def test_rows(booster, n):
    x = make_x(n)
    # Put split thresholds into the rows, and values just below them in float64 that round to them in float32.
    dump = json.loads(booster.save_raw("json").decode())
    conds = []
    for tree in dump["learner"]["gradient_booster"]["model"]["trees"]:
        for i, left in enumerate(tree["left_children"]):
            if left != -1:
                conds.append((tree["split_indices"][i], tree["split_conditions"][i]))
    for r in range(0, n, 2):
        f, c = conds[(r * 7) % len(conds)]
        c32 = np.float32(c)
        below = np.nextafter(np.float64(c32), -np.inf)
        assert np.float32(below) == c32 and below < np.float64(c32)
        x[r, f] = below if r % 4 == 0 else np.float64(c32)
    return x


def write(name, booster, x, groups):
    booster.save_model(name + ".json")
    booster.save_model(name + ".ubj")
    d = xgb.DMatrix(x, missing=np.nan, feature_names=booster.feature_names)
    margin = booster.predict(d, output_margin=True)
    pred = booster.predict(d)
    contribs = booster.predict(d, pred_contribs=True)
    rows = [[None if np.isnan(v) else repr(float(v)) for v in row] for row in x]
    out = {"xgboostVersion": xgb.__version__, "groups": groups, "rows": rows,
           "margin": np.asarray(margin, dtype=float).tolist(),
           "prediction": np.asarray(pred, dtype=float).tolist(),
           "contribs": np.asarray(contribs, dtype=float).tolist()}
    with open(name + ".oracle.json", "w") as f:
        json.dump(out, f)


x = make_x(3000)
z = latent(x)

# binary:logistic, named features, depth 5: features repeat along paths.
yb = (z + rng.logistic(0, 0.5, len(z)) > np.median(z)).astype(int)
bst = xgb.train({"objective": "binary:logistic", "max_depth": 5, "eta": 0.3, "nthread": 1, "seed": 1},
                xgb.DMatrix(x, yb, feature_names=NAMES), 40)
write("binary", bst, test_rows(bst, 300), 1)

# reg:squarederror with a non-default base score, unnamed features (f0..f6).
yr = 3 * z + rng.normal(0, 0.3, len(z))
bst = xgb.train({"objective": "reg:squarederror", "max_depth": 4, "eta": 0.2, "base_score": 2.5, "nthread": 1,
                 "seed": 2}, xgb.DMatrix(x, yr), 30)
write("regression", bst, test_rows(bst, 300), 1)

# multi:softprob, three classes, depth 6.
ym = np.digitize(z + rng.normal(0, 0.3, len(z)), np.quantile(z, [0.33, 0.66]))
bst = xgb.train({"objective": "multi:softprob", "num_class": 3, "max_depth": 6, "eta": 0.3, "nthread": 1,
                 "seed": 3}, xgb.DMatrix(x, ym, feature_names=NAMES), 20)
write("multiclass", bst, test_rows(bst, 300), 3)

"""Fixture of the causes tests: a seeded credit-like data set, an XGBoost model trained on it, production
variants with planted changes, and the oracle (XGBoost's own margins) the tests compare with.

Run from this folder with Debian's python3-xgboost 1.7.x:  /usr/bin/python3 make_causes_fixture.py
Deterministic: numpy RandomState seeds, one thread, exact tree method.

Columns: utilisation (the model's strongest input), tenure, balance, age (model inputs); unused_score
and region (in the files, not in the model); label (the target).

Files:
  train.csv          5,000 rows the model is fitted on
  prod_clean.csv     2,000 rows from the same distribution (control: nothing may alarm)
  prod_shift.csv     2,000 rows: tenure moved by +0.35 sd (a model input, a modest drift),
                     unused_score moved by +2 sd (a column the model does not read, a loud drift)
  prod_concept.csv   2,000 rows from the training distribution of the inputs, but where tenure is above
                     its training median the outcome is more likely than before (+1.5 on the logit)
  model.json         XGBoost binary:logistic, 40 trees of depth 2, on the four model inputs: a simple
                     model, so that its in-sample quality is close to its quality on fresh rows and the
                     control raises no performance drop
  oracle.json        per file, XGBoost's mean margin (output_margin=True) over all rows, and the mean
                     of pred_contribs per feature (the bias column as "bias")
"""
import csv
import json

import numpy as np
import xgboost as xgb

FEATURES = ["utilisation", "tenure", "balance", "age"]
COLUMNS = FEATURES + ["unused_score", "region", "label"]
REGIONS = ["north", "south", "east", "west"]


def draw(rng, n, tenure_shift=0.0, unused_shift=0.0, concept=0.0):
    utilisation = rng.beta(2, 3, n)
    tenure = rng.normal(60, 20, n) + tenure_shift * 20
    balance = rng.lognormal(8, 0.6, n)
    age = rng.randint(21, 76, n).astype(float)
    unused = rng.normal(50, 10, n) + unused_shift * 10
    region = rng.choice(REGIONS, n)
    logit = (-2.2 + 6.0 * (utilisation - 0.4) - 0.03 * (tenure - 60) - 0.4 * (np.log(balance) - 8)
             + 0.01 * (age - 48))
    logit = logit + concept * (tenure > 60)
    label = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    return {"utilisation": np.round(utilisation, 4), "tenure": np.round(tenure, 1), "balance": np.round(balance, 2),
            "age": age, "unused_score": np.round(unused, 2), "region": region, "label": label}


def write(path, data):
    n = len(data["label"])
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for i in range(n):
            w.writerow([fmt(data[c][i]) for c in COLUMNS])


def fmt(v):
    if isinstance(v, (np.floating, float)):
        return repr(float(v)) if float(v) != int(v) else str(int(v))
    return str(v)


def matrix(data):
    return np.column_stack([np.asarray(data[c], dtype=float) for c in FEATURES])


files = {
    "train.csv": draw(np.random.RandomState(20261130), 5000),
    "prod_clean.csv": draw(np.random.RandomState(20261131), 2000),
    "prod_shift.csv": draw(np.random.RandomState(20261132), 2000, tenure_shift=0.35, unused_shift=2.0),
    "prod_concept.csv": draw(np.random.RandomState(20261133), 2000, concept=1.5),
}
for name, data in files.items():
    write(name, data)

train = files["train.csv"]
params = {"objective": "binary:logistic", "max_depth": 2, "eta": 0.15, "tree_method": "exact", "nthread": 1,
          "seed": 7, "base_score": 0.5}
booster = xgb.train(params, xgb.DMatrix(matrix(train), train["label"], feature_names=FEATURES), num_boost_round=40)
booster.save_model("model.json")

oracle = {}
for name, data in files.items():
    d = xgb.DMatrix(matrix(data), feature_names=FEATURES)
    margin = booster.predict(d, output_margin=True).astype(np.float64)
    contribs = booster.predict(d, pred_contribs=True).astype(np.float64)
    oracle[name] = {"rows": int(len(margin)), "meanMargin": float(margin.mean()),
                    "meanContribution": {f: float(contribs[:, j].mean()) for j, f in enumerate(FEATURES)},
                    "bias": float(contribs[:, -1].mean())}
with open("oracle.json", "w") as f:
    json.dump(oracle, f, indent=2, sort_keys=True)
    f.write("\n")
print({k: round(v["meanMargin"], 4) for k, v in oracle.items()})
print({k: round(v, 3) for k, v in oracle["train.csv"]["meanContribution"].items()})

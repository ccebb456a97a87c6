"""Fixture of the concept-drift baseline test: an over-fitted XGBoost model, so that its scores on the rows
it was trained on are far sharper than on any new rows, with a held-out reference and two production files.

Run from this folder with Debian's python3-xgboost 1.7.x:  /usr/bin/python3 make_overfit_fixture.py
Deterministic: numpy RandomState seeds, one thread, exact tree method. Same data-generating process as
../make_causes_fixture.py (utilisation, tenure, balance, age -> label).

Files:
  train.csv          3,000 rows the model is fitted on
  reference.csv      3,000 held-out rows of the training period (the baseline)
  prod_clean.csv     3,000 rows from the same distribution: nothing changed, so nothing may alarm
  prod_concept.csv   3,000 rows where tenure above its median makes the outcome more likely (+1.5 logit)
  model.json         XGBoost binary:logistic, 120 trees of depth 6, eta 0.5: over-fitted on purpose
  oracle.json        XGBoost's AUC of the model on each file (sklearn roc_auc_score of predict)
"""
import csv
import json

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score

FEATURES = ["utilisation", "tenure", "balance", "age"]
COLUMNS = FEATURES + ["label"]


def draw(rng, n, concept=0.0):
    utilisation = rng.beta(2, 3, n)
    tenure = rng.normal(60, 20, n)
    balance = rng.lognormal(8, 0.6, n)
    age = rng.randint(21, 76, n).astype(float)
    logit = (-1.2 + 6.0 * (utilisation - 0.4) - 0.03 * (tenure - 60) - 0.4 * (np.log(balance) - 8)
             + 0.01 * (age - 48))
    logit = logit + concept * (tenure > 60)
    label = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    return {"utilisation": np.round(utilisation, 4), "tenure": np.round(tenure, 1), "balance": np.round(balance, 2),
            "age": age, "label": label}


def fmt(v):
    if isinstance(v, (np.floating, float)):
        return repr(float(v)) if float(v) != int(v) else str(int(v))
    return str(v)


def write(path, data):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for i in range(len(data["label"])):
            w.writerow([fmt(data[c][i]) for c in COLUMNS])


def matrix(data):
    return np.column_stack([np.asarray(data[c], dtype=float) for c in FEATURES])


files = {
    "train.csv": draw(np.random.RandomState(20261201), 3000),
    "reference.csv": draw(np.random.RandomState(20261202), 3000),
    "prod_clean.csv": draw(np.random.RandomState(20261203), 3000),
    "prod_concept.csv": draw(np.random.RandomState(20261204), 3000, concept=1.5),
}
for name, data in files.items():
    write(name, data)

train = files["train.csv"]
params = {"objective": "binary:logistic", "max_depth": 6, "eta": 0.5, "tree_method": "exact", "nthread": 1,
          "seed": 7, "base_score": 0.5}
booster = xgb.train(params, xgb.DMatrix(matrix(train), train["label"], feature_names=FEATURES), num_boost_round=120)
booster.save_model("model.json")

oracle = {name: {"auc": float(roc_auc_score(data["label"], booster.predict(xgb.DMatrix(matrix(data), feature_names=FEATURES))))}
          for name, data in files.items()}
with open("oracle.json", "w") as f:
    json.dump(oracle, f, indent=2, sort_keys=True)
    f.write("\n")
print(oracle)

"""Planted label shift for the ranking test (CauseRankingTest), on the causes fixture of make_causes_fixture.py.

Run from this folder after make_causes_fixture.py, with Debian's python3-xgboost 1.7.x and python3-sklearn /
python3-scipy:  /usr/bin/python3 make_label_shift_fixture.py

prod_label.csv: the inputs of prod_shift.csv (tenure +0.35 sd, a modest drift of a model input; unused_score +2 sd,
a column the model does not read), with the outcome of a seeded 15% of the rows set to 1: the class mix changes,
the inputs do not. AUC hardly moves, the losses do.

oracle_label.json, the planted truth, by XGBoost's probabilities and scikit-learn's metrics:
  prod          every metric on prod_label.csv (accuracy and expected cost at threshold 0.5, costs 1 and 1)
  noise         per loss metric, 1.96 x the standard error of the per-row loss mean (scipy.stats.sem, ddof 1)
  labelCost     what the planted label change costs per metric: prod_label against the same rows with the
                labels of prod_shift.csv (positive = worse)
  tenureCost    what the planted tenure drift costs per metric: prod_label against the same rows with tenure
                set back by 0.35 sd (7.0), the drift undone
  unused_score costs nothing: the model does not read it.
"""
import csv
import json

import numpy as np
import xgboost as xgb
from scipy.stats import sem
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss, roc_auc_score

FEATURES = ["utilisation", "tenure", "balance", "age"]

with open("prod_shift.csv", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
label_col = header.index("label")
rng = np.random.RandomState(20261134)
flip = rng.uniform(size=len(body)) < 0.15
with open("prod_label.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for row, f1 in zip(body, flip):
        out = list(row)
        if f1:
            out[label_col] = "1"
        w.writerow(out)

booster = xgb.Booster()
booster.load_model("model.json")
x = np.array([[float(r[header.index(c)]) for c in FEATURES] for r in body])
original = np.array([int(r[label_col]) for r in body])
planted = np.where(flip, 1, original)


def prob(m):
    return booster.predict(xgb.DMatrix(m, feature_names=FEATURES)).astype(np.float64)


def metrics(p, y):
    decided = (p >= 0.5).astype(int)
    cost = np.where(decided == 1, 1 - y, y).astype(float)
    return {"auc": roc_auc_score(y, p), "logLoss": log_loss(y, p), "brier": brier_score_loss(y, p),
            "accuracy": accuracy_score(y, decided), "expectedCost": float(cost.mean())}


def losses(p, y):
    pc = np.clip(p, 1e-15, 1 - 1e-15)
    decided = (p >= 0.5).astype(int)
    return {"logLoss": -(y * np.log(pc) + (1 - y) * np.log(1 - pc)), "brier": (y - p) ** 2,
            "accuracy": (decided == y).astype(float), "expectedCost": np.where(decided == 1, 1 - y, y).astype(float)}


def cost(worse, better):
    # Positive = worse, in each metric's own direction.
    return {k: (better[k] - worse[k]) if k in ("auc", "accuracy") else (worse[k] - better[k]) for k in worse}


p = prob(x)
undone = x.copy()
undone[:, FEATURES.index("tenure")] -= 7.0
prod = metrics(p, planted)
oracle = {
    "rows": int(len(p)), "flipped": int(flip.sum()), "positiveRate": float(planted.mean()),
    "prod": prod,
    "noise": {k: float(1.96 * sem(v)) for k, v in losses(p, planted).items()},
    "labelCost": cost(prod, metrics(p, original)),
    "tenureCost": cost(prod, metrics(prob(undone), planted)),
}
with open("oracle_label.json", "w") as f:
    json.dump(oracle, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(oracle, indent=1))

"""Planted-truth cases for CauseImpactsTest, with their oracles.

Run from this folder with Debian's python3-xgboost 1.7 and python3-sklearn:  /usr/bin/python3 make_impact_cases.py
Deterministic (numpy default_rng seeds, one XGBoost thread, exact trees). Writes two cases:

rename/   A loan-default model whose strongest input, income, arrives renamed as annual_income in production;
          production's debt_to_income also drifts upward (a covariate shift), and the label follows the same
          generating model on every side. train.csv fits model.json; reference.csv is held out of the same
          population; prod.csv is labelled. oracle.json: the metrics XGBoost + sklearn give on the reference,
          on production as served (income absent, so missing in every row, as XGBoost treats a missing
          value) and on production repaired (income read from annual_income).
hidden/   An overfitted model (deep trees, few rows) and a production sample with a covariate shift only (the
          same P(y | x)): prod.csv has no label column; oracle.json holds the true production metrics from the
          labels kept aside, and the in-sample training metrics. Confidence-based estimation calibrated on the
          in-sample training scores is optimistic here; calibrated on the held-out reference it is not.
"""
import csv
import json
import os

import numpy as np
import xgboost as xgb
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss, roc_auc_score

FEATURES = ["income", "credit_score", "debt_to_income", "age"]


def population(rng, n, dti_shift=0.0, income_shift=0.0):
    income = np.round(rng.normal(55.0 + income_shift, 15.0, n), 2)
    credit = np.round(rng.normal(680.0, 55.0, n))
    dti = np.round(np.clip(rng.normal(0.30 + dti_shift, 0.10, n), 0.01, 0.95), 3)
    age = rng.integers(21, 70, n).astype(float)
    logit = -2.3 - 0.09 * (income - 55.0) - 0.012 * (credit - 680.0) + 2.5 * (dti - 0.30) - 0.01 * (age - 40)
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return np.column_stack([income, credit, dti, age]), y


def write(path, header, x, y, fmt):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header + (["defaulted"] if y is not None else []))
        for i in range(len(x)):
            row = [fmt[j] % x[i, j] for j in range(x.shape[1])]
            w.writerow(row + ([str(int(y[i]))] if y is not None else []))


def metrics(booster, x, y):
    p = booster.predict(xgb.DMatrix(x, feature_names=FEATURES)).astype(np.float64)
    return {"auc": roc_auc_score(y, p), "logLoss": log_loss(y, p), "brier": brier_score_loss(y, p),
            "accuracy": accuracy_score(y, p >= 0.5), "rows": int(len(y))}


def reread(path, names):
    """The values as written (rounded by the format), so the oracle scores exactly what ModelLens reads."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return np.array([[float(r[c]) for c in names] for r in rows])


FMT = ["%.2f", "%.0f", "%.3f", "%.0f"]


def train(x, y, depth, rounds):
    params = {"objective": "binary:logistic", "max_depth": depth, "eta": 0.1, "tree_method": "exact", "nthread": 1,
              "seed": 7, "base_score": 0.5}
    return xgb.train(params, xgb.DMatrix(x, y, feature_names=FEATURES), num_boost_round=rounds)


def rename_case():
    rng = np.random.default_rng(20261130)
    os.makedirs("rename", exist_ok=True)
    xt, yt = population(rng, 4000)
    xr, yr = population(rng, 2000)
    xp, yp = population(rng, 2000, dti_shift=0.08)
    write("rename/train.csv", FEATURES, xt, yt, FMT)
    write("rename/reference.csv", FEATURES, xr, yr, FMT)
    write("rename/prod.csv", ["annual_income"] + FEATURES[1:], xp, yp, FMT)
    xt = reread("rename/train.csv", FEATURES)
    xr = reread("rename/reference.csv", FEATURES)
    xp = reread("rename/prod.csv", ["annual_income"] + FEATURES[1:])
    booster = train(xt, yt, 3, 60)
    booster.save_model("rename/model.json")
    gain = booster.get_score(importance_type="total_gain")
    served = xp.copy()
    served[:, 0] = np.nan
    oracle = {"strongestInput": max(gain, key=gain.get), "train": metrics(booster, xt, yt),
              "reference": metrics(booster, xr, yr), "prodServed": metrics(booster, served, yp),
              "prodRepaired": metrics(booster, xp, yp)}
    with open("rename/oracle.json", "w") as f:
        json.dump(oracle, f, indent=2, sort_keys=True)
    print("rename:", json.dumps({k: v["auc"] for k, v in oracle.items() if isinstance(v, dict)}))


def hidden_case():
    rng = np.random.default_rng(20261201)
    os.makedirs("hidden", exist_ok=True)
    xt, yt = population(rng, 1500)
    xr, yr = population(rng, 3000)
    xp, yp = population(rng, 3000, income_shift=-8.0, dti_shift=0.05)
    write("hidden/train.csv", FEATURES, xt, yt, FMT)
    write("hidden/reference.csv", FEATURES, xr, yr, FMT)
    write("hidden/prod.csv", FEATURES, xp, None, FMT)
    xt = reread("hidden/train.csv", FEATURES)
    xr = reread("hidden/reference.csv", FEATURES)
    xp = reread("hidden/prod.csv", FEATURES)
    booster = train(xt, yt, 5, 120)
    booster.save_model("hidden/model.json")
    oracle = {"train": metrics(booster, xt, yt), "reference": metrics(booster, xr, yr),
              "prodTrue": metrics(booster, xp, yp)}
    with open("hidden/oracle.json", "w") as f:
        json.dump(oracle, f, indent=2, sort_keys=True)
    print("hidden:", json.dumps({k: v["auc"] for k, v in oracle.items()}))


rename_case()
hidden_case()

"""Trains the sample case's model: XGBoost binary:logistic on case/train.csv, written to case/model.json.

Only train.csv fits the model: case/reference.csv (same period, held out) is scored, never trained on, so it is
the fair baseline `diagnose --reference case/reference.csv` compares production with.

Run from this folder with Debian's python3-xgboost 1.7.x:  /usr/bin/python3 make_model.py
Deterministic: one thread, fixed seed, exact tree method. The model names its nine numeric features,
so `diagnose --model case/model.json` needs no --model-features.
"""
import csv

import numpy as np
import xgboost as xgb

FEATURES = ["age", "income", "loan_amount", "loan_term_months", "interest_rate", "credit_score",
            "debt_to_income", "months_employed", "num_open_accounts"]
TARGET = "defaulted"


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) if r[c] != "" else np.nan for c in FEATURES] for r in rows])
    y = np.array([int(r[TARGET]) for r in rows])
    return x, y


x, y = load("case/train.csv")
params = {"objective": "binary:logistic", "max_depth": 4, "eta": 0.1, "subsample": 1.0, "tree_method": "exact",
          "nthread": 1, "seed": 7, "eval_metric": "auc"}
booster = xgb.train(params, xgb.DMatrix(x, y, feature_names=FEATURES), num_boost_round=100)
booster.save_model("case/model.json")
train_auc = float(booster.eval(xgb.DMatrix(x, y, feature_names=FEATURES)).split(":")[1])
xr, yr = load("case/reference.csv")
reference_auc = float(booster.eval(xgb.DMatrix(xr, yr, feature_names=FEATURES)).split(":")[1])
xp, yp = load("case/prod.csv")
prod_auc = float(booster.eval(xgb.DMatrix(xp, yp, feature_names=FEATURES)).split(":")[1])
print(f"trees 100, train AUC {train_auc:.3f} (in-sample), reference AUC {reference_auc:.3f} (held out), prod AUC {prod_auc:.3f}")

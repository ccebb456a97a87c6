"""Oracle fixtures from Debian's python3-xgboost (1.7.x) trained on a pandas DataFrame with category columns.

Run: /usr/bin/python3 make_xgboost_pandas_fixtures.py   (apt-get install -y python3-xgboost python3-pandas)
Writes v<version>/: train.csv and test.csv (category columns as text, empty = missing), the models as JSON
(1.7 writes NaN tokens for categorical split conditions) and UBJSON under a name that says nothing
(NAME.model is JSON-free bytes only when XGBoost writes UBJSON: 1.7 needs the .ubj name, so NAME.ubj),
and oracle.json.gz: the test rows as the codes pandas gives them (the position of the label among the
sorted training categories; XGBoost 1.7 stores no labels), XGBoost's margins, predictions and pred_contribs.
"""
import gzip
import json
import os

import numpy as np
import pandas as pd
import xgboost as xgb

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "v" + xgb.__version__)
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(20261130)
# Mixed case and a non-ASCII label: pandas sorts categories by code point, so the codes depend on it.
CITIES = ["Zurich", "amsterdam", "Berlin", "\u00c5lesund", "Oslo", "bern", "Lyon", "Madrid", "Porto"]
COLORS = ["red", "green", "blue"]
NAMES = ["age", "income", "score", "color", "city", "visits"]


def frame(n):
    df = pd.DataFrame({
        "age": rng.normal(40, 12, n),
        "income": np.exp(rng.normal(10, 0.6, n)),
        "score": rng.uniform(300, 850, n),
        "color": rng.choice(COLORS, n),
        "city": rng.choice(CITIES, n),
        "visits": rng.integers(0, 12, n).astype(float),
    })
    for c in NAMES:
        df.loc[rng.random(n) < 0.1, c] = np.nan
    return df


train = frame(400)
test = frame(200)
city_effect = dict(zip(CITIES, [-1, 0.5, 1.2, -0.3, 0.8, -1.5, 0.1, 0.9, -0.6]))


def latent(df):
    return (0.04 * (df.age.fillna(40) - 40) + 0.5 * np.log(df.income.fillna(2e4) / 2e4)
            - 0.004 * (df.score.fillna(575) - 575) + df.color.map({"red": -0.7, "green": 0, "blue": 0.7}).fillna(0)
            + df.city.map(city_effect).fillna(0)).to_numpy()


def encoded(df):
    x = df.copy()
    for c in ("color", "city"):
        x[c] = pd.Categorical(x[c], categories=sorted(train[c].dropna().unique()))
    return x


z = latent(train) + rng.normal(0, 0.5, len(train))
labels = {
    "binary-logistic": ("binary:logistic", (z > 0).astype(int), {}),
    "reg-gamma": ("reg:gamma", np.exp(0.5 * z), {}),
    "multi-softprob": ("multi:softprob", np.digitize(z, [-0.7, 0.7]), {"num_class": 3}),
}
train.to_csv(os.path.join(out, "train.csv"), index=False, float_format="%.9g")
test.to_csv(os.path.join(out, "test.csv"), index=False, float_format="%.9g")
xt = encoded(test)
oracle = {"library": "python xgboost", "version": xgb.__version__, "features": NAMES,
          "types": ["q", "q", "q", "c", "c", "q"],
          "rows": [[None if pd.isna(v) else float(v) for v in row]
                   for row in xt.assign(color=xt.color.cat.codes.replace(-1, np.nan),
                                        city=xt.city.cat.codes.replace(-1, np.nan)).to_numpy(dtype=float)],
          "models": {}}
for name, (objective, y, extra) in labels.items():
    params = {"objective": objective, "max_depth": 3, "eta": 0.3, "tree_method": "hist", "nthread": 1, "seed": 1,
              "max_cat_to_onehot": 4, **extra}
    booster = xgb.train(params, xgb.DMatrix(encoded(train), y, enable_categorical=True), 5)
    booster.save_model(os.path.join(out, name + ".json"))
    if name == "binary-logistic":
        booster.save_model(os.path.join(out, name + ".ubj"))
    d = xgb.DMatrix(xt, enable_categorical=True)
    margin = np.asarray(booster.predict(d, output_margin=True), dtype=float).reshape(len(xt), -1)
    pred = np.asarray(booster.predict(d), dtype=float).reshape(len(xt), -1)
    contribs = np.asarray(booster.predict(d, pred_contribs=True), dtype=float).reshape(len(xt), -1)
    oracle["models"][name] = {"objective": objective, "margin": margin.tolist(), "prediction": pred.tolist(),
                              "contribs": contribs.tolist()}
with gzip.open(os.path.join(out, "oracle.json.gz"), "wt") as f:
    json.dump(oracle, f)

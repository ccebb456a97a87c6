# Makes planted-model.json: a small XGBoost binary:logistic model on two columns of the Spark test's
# planted data (PlantedData.java): amount (about N(100, 15), some missing) and score (U(0, 1)).
# Its training rows are drawn here, not read from the test's files: the test needs a real tree model
# over those columns, not a good one. 20 trees of depth 3 keep TreeSHAP over 2 million rows cheap.
#   /usr/bin/python3 make_model.py        (Debian python3-xgboost 1.7.4, python3-numpy)
import numpy as np
import xgboost as xgb

rng = np.random.default_rng(20261130)
n = 20_000
amount = rng.normal(100, 15, n)
amount[rng.random(n) < 0.05] = np.nan
score = rng.random(n)
margin = 0.08 * (np.nan_to_num(amount, nan=100) - 100) + 3 * (score - 0.5) - 1
label = (rng.random(n) < 1 / (1 + np.exp(-margin))).astype(int)
data = xgb.DMatrix(np.column_stack([amount, score]), label=label, feature_names=["amount", "score"])
booster = xgb.train({"objective": "binary:logistic", "max_depth": 3, "eta": 0.3, "seed": 1}, data, num_boost_round=20)
booster.save_model("planted-model.json")

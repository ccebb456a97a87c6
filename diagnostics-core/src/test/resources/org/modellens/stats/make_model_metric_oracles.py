"""Oracle values for org.modellens.stats model metrics (ClassifierMetrics, RegressionMetrics, RocCurve,
CalibrationCurve, IsotonicCalibration, ConfidenceBasedEstimate, AucComparison).

Run with Debian's python3 (scikit-learn 1.2.1, numpy 1.24, scipy 1.10):
    /usr/bin/python3 make_model_metric_oracles.py > model_metric_oracles.json
Seeded: the output is reproducible.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import (accuracy_score, brier_score_loss, f1_score, log_loss, mean_absolute_error,
                             mean_squared_error, r2_score, roc_auc_score, roc_curve)

rng = np.random.default_rng(20261123)


def delong_variance_pairwise(score, y):
    """DeLong's variance from its definition, O(m n) over all positive/negative pairs (independent of the
    Java sort-based placements)."""
    pos = score[y == 1]
    neg = score[y == 0]
    psi = (pos[:, None] > neg[None, :]).astype(float) + 0.5 * (pos[:, None] == neg[None, :])
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    return v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)


def binary_case(name, score, y, threshold):
    y = np.asarray(y, dtype=int)
    score = np.asarray(score, dtype=float)
    fpr, tpr, thr = roc_curve(y, score)
    prob_true, prob_pred = calibration_curve(y, score, n_bins=10)
    # Isotonic calibration learnt on this case, applied to fresh scores (inside and outside the range).
    iso = IsotonicRegression(out_of_bounds="clip").fit(score, y)
    new_scores = np.concatenate([rng.uniform(-0.1, 1.1, 50), score[:20]])
    calibrated = iso.predict(new_scores)
    # CBPE: rows weighted q as positives and 1 - q as negatives.
    q = np.clip(calibrated, 0, 1)
    doubled_scores = np.concatenate([new_scores, new_scores])
    doubled_labels = np.concatenate([np.ones_like(q), np.zeros_like(q)])
    weights = np.concatenate([q, 1 - q])
    decided = new_scores >= threshold
    return {
        "name": name, "score": score.tolist(), "y": y.tolist(), "threshold": threshold,
        "auc": roc_auc_score(y, score),
        "accuracy": accuracy_score(y, (score >= threshold).astype(int)),
        "f1": f1_score(y, (score >= threshold).astype(int), zero_division=0),
        "logLoss": log_loss(y, score, labels=[0, 1]),
        "brier": brier_score_loss(y, score),
        "rocFpr": fpr.tolist(), "rocTpr": tpr.tolist(), "rocThresholds": thr.tolist(),
        "calibrationObserved": prob_true.tolist(), "calibrationPredicted": prob_pred.tolist(),
        "delongVariance": delong_variance_pairwise(score, y),
        "isotonicInput": new_scores.tolist(), "isotonicOutput": calibrated.tolist(),
        "estimatedAuc": roc_auc_score(doubled_labels, doubled_scores, sample_weight=weights),
        "estimatedAccuracy": float((q[decided].sum() + (1 - q[~decided]).sum()) / len(q)),
        "estimatedF1": float(2 * q[decided].sum() / (2 * q[decided].sum() + (1 - q[decided]).sum() + q[~decided].sum())),
    }


def logistic(x):
    return 1 / (1 + np.exp(-x))


binary = []
# A reasonable classifier: continuous scores.
x = rng.normal(size=800)
y = rng.binomial(1, logistic(1.5 * x))
binary.append(binary_case("continuous", logistic(1.5 * x + rng.normal(scale=0.5, size=800)), y, 0.5))
# Heavy ties: scores rounded to one decimal, some exactly on calibration bin edges.
s = np.round(rng.uniform(size=500), 1)
binary.append(binary_case("ties_on_bin_edges", s, rng.binomial(1, s), 0.3))
# Extreme probabilities 0 and 1 (log-loss clipping), rare positives.
s = rng.choice([0.0, 1.0, 0.02, 0.98, 0.5], size=300)
binary.append(binary_case("extremes", s, rng.binomial(1, np.clip(s, 0.05, 0.95)), 0.5))
# A poor classifier: scores unrelated to the outcome.
binary.append(binary_case("uninformative", rng.uniform(size=400), rng.binomial(1, 0.3, size=400), 0.5))
# Tiny sample.
binary.append(binary_case("tiny", np.array([0.1, 0.4, 0.35, 0.8, 0.8, 0.2]), [0, 0, 1, 1, 0, 1], 0.5))
# Threshold that decides nothing positive (F1 zero_division).
s = rng.uniform(0, 0.4, size=200)
binary.append(binary_case("nothing_decided_positive", s, rng.binomial(1, s), 0.9))

multiclass = []
for name, k, n in [("three_classes", 3, 600), ("five_classes_with_zeros", 5, 400)]:
    probs = rng.dirichlet(np.ones(k) * 0.7, size=n)
    if name == "five_classes_with_zeros":
        probs[:40, 0] = 0.0
        probs[:40] = probs[:40] / probs[:40].sum(axis=1, keepdims=True)
    actual = np.array([rng.choice(k, p=p) for p in probs])
    multiclass.append({"name": name, "probabilities": probs.tolist(), "actual": actual.tolist(),
                       "accuracy": accuracy_score(actual, probs.argmax(axis=1)),
                       "logLoss": log_loss(actual, probs, labels=list(range(k)))})

regression = []
a = rng.normal(10, 3, size=500)
regression.append({"name": "noisy", "actual": a.tolist(), "predicted": (a + rng.normal(0, 1, 500)).tolist()})
a = rng.lognormal(0, 1, size=300)
regression.append({"name": "biased", "actual": a.tolist(), "predicted": (0.8 * a + 0.5).tolist()})
regression.append({"name": "constant_actual", "actual": [2.0] * 5, "predicted": [2.0, 2.5, 1.0, 2.0, 2.0]})
regression.append({"name": "constant_exact", "actual": [2.0] * 3, "predicted": [2.0] * 3})
for case in regression:
    act = np.array(case["actual"])
    pred = np.array(case["predicted"])
    case["rmse"] = mean_squared_error(act, pred, squared=False)
    case["mae"] = mean_absolute_error(act, pred)
    case["r2"] = r2_score(act, pred)

json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "binary": binary,
           "multiclass": multiclass, "regression": regression}, sys.stdout)

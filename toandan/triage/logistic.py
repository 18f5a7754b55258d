"""L2-regularised logistic regression over sparse hashed vectors, fitted with L-BFGS (numpy and scipy).

Only the buckets that occur in the data are optimised, so a 2**20-bucket space costs what the data holds.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.optimize import minimize


def fit(
    vectors: list[dict[int, float]],
    labels: list[int],
    *,
    l2: float,
    positive_weight: float = 1.0,
    free: frozenset[int] = frozenset(),
    max_iter: int = 400,
    sample_weights: list[float] | None = None,
) -> tuple[float, dict[int, float]]:
    """Return (bias, non-zero weights) minimising the weighted log-loss plus ``l2 / 2 · |w|²``.

    Buckets in ``free`` (and the bias) are not shrunk: they carry a scale or a base rate, not evidence.
    ``sample_weights`` weigh rows (1 by default); positives are further weighed by ``positive_weight``.
    """
    columns = sorted({bucket for vector in vectors for bucket in vector})
    index = {bucket: i for i, bucket in enumerate(columns)}
    rows, cols, values = [], [], []
    for row, vector in enumerate(vectors):
        for bucket, value in vector.items():
            rows.append(row)
            cols.append(index[bucket])
            values.append(value)
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(vectors), len(columns)))
    y = np.asarray(labels, dtype=float)
    sample = np.where(y == 1, positive_weight, 1.0)
    if sample_weights is not None:
        sample = sample * np.asarray(sample_weights, dtype=float)
    shrink = np.array([0.0 if bucket in free else l2 for bucket in columns])

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        bias, weights = params[0], params[1:]
        z = matrix @ weights + bias
        log_loss = np.logaddexp(0.0, z) - y * z
        residual = (1.0 / (1.0 + np.exp(-z)) - y) * sample
        value = float((sample * log_loss).sum() + 0.5 * (shrink * weights) @ weights)
        gradient = np.concatenate([[residual.sum()], matrix.T @ residual + shrink * weights])
        return value, gradient

    result = minimize(
        loss, np.zeros(len(columns) + 1), jac=True, method="L-BFGS-B", options={"maxiter": max_iter}
    )
    bias = float(result.x[0])
    weights = {bucket: float(w) for bucket, w in zip(columns, result.x[1:], strict=True) if abs(w) >= 1e-4}
    return bias, weights

"""NumPy peers of bench/Sources/InferenceBench: the same algorithms on the same target and data.

    peers.py mh DRAWS CHAINS        random-walk MH on N(0, Σ), Σij = 0.5^|i-j| in 10-D, step 0.35, no adaptation
    peers.py cavi ITERATIONS CSV    CAVI (Blei et al. 2017, Alg. 2), K = 3, σ² = 100, from the first 3 points
    peers.py sklearn CSV            scikit-learn's BayesianGaussianMixture on the same points

Each prints `key value` lines. MH is a sequential algorithm: NumPy draws all proposal noise and uniforms in
bulk up front and loops over iterations in Python, vectorised across chains (one array row per chain).
"""
import sys
import time

import numpy as np

DIMENSION, STEP = 10, 0.35


def mh(draws, chains):
    d = DIMENSION
    covariance = 0.5 ** np.abs(np.subtract.outer(np.arange(d), np.arange(d)))
    precision = np.linalg.inv(covariance)
    rng = np.random.default_rng(2026)
    start = time.perf_counter()
    noise = rng.standard_normal((draws, chains, d)) * STEP
    uniforms = np.log(rng.random((draws, chains)))
    x = np.zeros((chains, d))
    log_p = -0.5 * ((x @ precision) * x).sum(axis=1)
    kept = np.empty((draws, chains, d))
    accepted = 0
    for t in range(draws):
        proposal = x + noise[t]
        log_proposal = -0.5 * ((proposal @ precision) * proposal).sum(axis=1)
        accept = uniforms[t] < log_proposal - log_p
        x = np.where(accept[:, None], proposal, x)
        log_p = np.where(accept, log_proposal, log_p)
        accepted += int(accept.sum())
        kept[t] = x
    elapsed = time.perf_counter() - start
    print("seconds", elapsed)
    print("draws_per_second", draws * chains / elapsed)
    print("acceptance", accepted / (draws * chains))
    print("mean_x0", kept[:, :, 0].mean())
    print("variance_x0", kept[:, :, 0].var(ddof=1))


def cavi(iterations, path):
    x = np.loadtxt(path, delimiter=",")
    n, d = x.shape
    k, prior_variance = 3, 100.0
    m = x[:3].copy()
    s2 = np.ones(k)
    sum_of_squares = float((x * x).sum())
    start = time.perf_counter()
    for _ in range(iterations):
        # q(c_i): φ_ik ∝ exp(x_i·m_k − ½(‖m_k‖² + D s²_k)).
        logits = x @ m.T - 0.5 * ((m * m).sum(axis=1) + d * s2)
        logits -= logits.max(axis=1, keepdims=True)
        log_phi = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        phi = np.exp(log_phi)
        nk = phi.sum(axis=0)
        sk = phi.T @ x
        # q(μ_k): s²_k = 1/(1/σ² + N_k), m_k = s²_k S_k.
        s2 = 1 / (1 / prior_variance + nk)
        m = s2[:, None] * sk
        # The exact ELBO from N_k, S_k, Σ‖x_i‖² and Σ φ log φ (the same formula as LessonKit).
        second = (m * m).sum(axis=1) + d * s2
        elbo = (-n * np.log(k) - 0.5 * n * d * np.log(2 * np.pi) - 0.5 * sum_of_squares - (phi * log_phi).sum()
                + (-0.5 * d * np.log(2 * np.pi * prior_variance) - second / (2 * prior_variance)).sum()
                + ((m * sk).sum(axis=1) - 0.5 * nk * second).sum()
                + (0.5 * d * np.log(2 * np.pi * np.e * s2)).sum())
    elapsed = time.perf_counter() - start
    print("seconds", elapsed)
    print("seconds_per_iteration", elapsed / iterations)
    print("elbo", elbo)
    for c in range(k):
        for j in range(d):
            print(f"mean_{c}_{j}", m[c, j])


def sklearn(path):
    from sklearn.mixture import BayesianGaussianMixture

    x = np.loadtxt(path, delimiter=",")
    model = BayesianGaussianMixture(
        n_components=3, covariance_type="spherical", weight_concentration_prior_type="dirichlet_distribution",
        weight_concentration_prior=1.0, mean_prior=np.zeros(x.shape[1]), mean_precision_prior=0.01,
        max_iter=500, tol=1e-8, random_state=0, init_params="k-means++")
    start = time.perf_counter()
    model.fit(x)
    elapsed = time.perf_counter() - start
    print("seconds", elapsed)
    print("iterations", model.n_iter_)
    for c in range(3):
        for j in range(x.shape[1]):
            print(f"mean_{c}_{j}", model.means_[c, j])
        print(f"variance_{c}", model.covariances_[c])


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "mh":
        mh(int(sys.argv[2]), int(sys.argv[3]))
    elif command == "cavi":
        cavi(int(sys.argv[2]), sys.argv[3])
    elif command == "sklearn":
        sklearn(sys.argv[2])

"""Writes elbo.ipynb: the Python/nbgrader equivalent of Lessons/04-elbo.md, cell for cell (model, checked
derivation, gap curve, Monte Carlo and importance-weighted estimates, two graded exercises with visible and
hidden tests, one written answer). Run once: python3 bench/grading/make_elbo_notebook.py"""
import json

def cell(cell_id, source, grade=False, solution=False, locked=True, points=None, task=False):
    meta = {"grade": grade, "grade_id": cell_id, "locked": locked, "schema_version": 3, "solution": solution, "task": task}
    if points is not None:
        meta["points"] = points
    if task:
        return {"cell_type": "markdown", "metadata": {"nbgrader": meta}, "source": source, "id": cell_id}
    return {"cell_type": "code", "metadata": {"nbgrader": meta}, "source": source, "id": cell_id,
            "execution_count": None, "outputs": []}

cells = [
    cell("model", """import math
import numpy as np
rng = np.random.default_rng(404)
mu0, sigma0, sigma = 0.0, 2.0, 1.0
data = 1.5 + sigma * rng.standard_normal(5)
n = len(data)
precision = 1 / sigma0**2 + n / sigma**2
post_var = 1 / precision
post_mean = post_var * (mu0 / sigma0**2 + data.sum() / sigma**2)
cov = sigma0**2 * np.ones((n, n)) + sigma**2 * np.eye(n)
sign, logdet = np.linalg.slogdet(cov)
diff = data - mu0
log_evidence = -0.5 * (n * math.log(2 * math.pi) + logdet + diff @ np.linalg.solve(cov, diff))

def log_normal(x, m, v):
    return -0.5 * np.log(2 * np.pi * v) - (x - m) ** 2 / (2 * v)

def log_joint(z):
    z = np.asarray(z, dtype=float)
    return log_normal(z, mu0, sigma0**2) + log_normal(data[:, None], z[None], sigma**2).sum(axis=0) if z.ndim else \\
        log_normal(z, mu0, sigma0**2) + log_normal(data, z, sigma**2).sum()

def e_log_normal(m, s2, c, v):
    return -0.5 * math.log(2 * math.pi * v) - ((m - c) ** 2 + s2) / (2 * v)

def e_log_q(m, s2): return -0.5 * math.log(2 * math.pi * math.e * s2)
def e_log_prior(m, s2): return e_log_normal(m, s2, mu0, sigma0**2)
def e_log_lik(m, s2): return sum(e_log_normal(m, s2, x, sigma**2) for x in data)
def e_log_joint(m, s2): return e_log_prior(m, s2) + e_log_lik(m, s2)
def e_log_post(m, s2): return e_log_normal(m, s2, post_mean, post_var)
def kl_normal(m1, v1, m2, v2): return 0.5 * (math.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1)
def elbo(m, s2): return e_log_joint(m, s2) - e_log_q(m, s2)
print("log p(x) =", log_evidence)"""),
    cell("derivation", """for m, s in [(-1, 0.5), (0, 1), (2, 0.2), (1, 3), (post_mean, math.sqrt(post_var))]:
    s2 = s * s
    kl = [kl_normal(m, s2, post_mean, post_var), e_log_q(m, s2) - e_log_post(m, s2),
          e_log_q(m, s2) - e_log_joint(m, s2) + log_evidence]
    el = [log_evidence - kl[0], e_log_joint(m, s2) - e_log_q(m, s2),
          e_log_lik(m, s2) + e_log_prior(m, s2) - e_log_q(m, s2),
          e_log_lik(m, s2) - kl_normal(m, s2, mu0, sigma0**2), elbo(m, s2)]
    for chain in (kl, el):
        for a, b in zip(chain, chain[1:]):
            assert abs(a - b) < 1e-10, (a, b)
    assert log_evidence - elbo(m, s2) >= -1e-12"""),
    cell("gap", """means = np.arange(post_mean - 2.5, post_mean + 2.5001, 0.05)
curve = [elbo(m, post_var) for m in means]
for m, value in zip(means, curve):
    assert abs(log_evidence - value - kl_normal(m, post_var, post_mean, post_var)) < 1e-10"""),
    cell("exercise-mc-elbo", """def monte_carlo_elbo(q_mean, q_sd, samples, rng):
    ### BEGIN SOLUTION
    z = q_mean + q_sd * rng.standard_normal(samples)
    return float(np.mean(log_joint(z) - log_normal(z, q_mean, q_sd**2)))
    ### END SOLUTION""", solution=True, locked=False),
    cell("test-mc-elbo-visible", """test_rng = np.random.default_rng(7)
assert abs(monte_carlo_elbo(1, 0.7, 20000, test_rng) - elbo(1, 0.49)) < 0.15, '20,000 samples'""", grade=True, points=1),
    cell("test-mc-elbo-hidden", """### BEGIN HIDDEN TESTS
hidden_rng = np.random.default_rng(8)
assert abs(monte_carlo_elbo(post_mean, math.sqrt(post_var), 50, hidden_rng) - log_evidence) < 1e-9
assert abs(monte_carlo_elbo(-2, 2, 40000, hidden_rng) - elbo(-2, 4)) < 0.3
### END HIDDEN TESTS""", grade=True, points=2),
    cell("monte-carlo", """poor = (-0.5, 1.5)
for count in [10, 30, 100, 300, 1000, 3000, 10000]:
    z = poor[0] + poor[1] * rng.standard_normal(count)
    terms = log_joint(z) - log_normal(z, poor[0], poor[1] ** 2)
    assert abs(terms.mean() - elbo(poor[0], poor[1] ** 2)) < 5 * terms.std(ddof=1) / math.sqrt(count)"""),
    cell("importance-weighted", """bounds = []
for k in [1, 2, 4, 8, 16, 32, 64, 128]:
    z = poor[0] + poor[1] * rng.standard_normal((2000, k))
    w = log_joint(z.ravel()).reshape(z.shape) - log_normal(z, poor[0], poor[1] ** 2)
    top = w.max(axis=1, keepdims=True)
    bounds.append(float(np.mean(top[:, 0] + np.log(np.mean(np.exp(w - top), axis=1)))))
assert bounds[0] < bounds[-1] and all(b <= log_evidence + 0.01 for b in bounds)"""),
    cell("exercise-gaussian-kl", """def gaussian_kl(m1, s1, m2, s2):
    ### BEGIN SOLUTION
    return math.log(s2 / s1) + (s1 * s1 + (m1 - m2) ** 2) / (2 * s2 * s2) - 0.5
    ### END SOLUTION""", solution=True, locked=False),
    cell("test-gaussian-kl-visible", """assert abs(gaussian_kl(0, 1, 0, 1)) < 1e-12
assert abs(gaussian_kl(1, 1, 0, 1) - 0.5) < 1e-12""", grade=True, points=1),
    cell("test-gaussian-kl-hidden", """### BEGIN HIDDEN TESTS
for m1, s1, m2, s2 in [(0.3, 0.5, -1.0, 2.0), (2.0, 3.0, 2.0, 0.4)]:
    assert abs(gaussian_kl(m1, s1, m2, s2) - kl_normal(m1, s1 * s1, m2, s2 * s2)) < 1e-12
assert gaussian_kl(0, 2, 0, 1) != gaussian_kl(0, 1, 0, 2)
### END HIDDEN TESTS""", grade=True, points=2),
    cell("question-why-elbo", "Explain why maximizing the ELBO over the model parameters is a sensible surrogate. YOUR ANSWER HERE",
         grade=True, solution=True, locked=False, points=2, task=False),
]
cells[-1]["cell_type"] = "markdown"
del cells[-1]["execution_count"], cells[-1]["outputs"]
notebook = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
json.dump(notebook, open(__file__.replace("make_elbo_notebook.py", "elbo.ipynb"), "w"), indent=1)

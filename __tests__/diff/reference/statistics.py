"""
Reference values for __tests__/diff/statistics.test.ts, computed independently of trace-differ's code
with SciPy (and, for the Hodges-Lehmann interval, a brute-force re-run of R's wilcox.test(conf.int = TRUE)
algorithm: every pairwise difference sorted, the critical value from the U distribution enumerated
over every arrangement of ranks). Run: python3 __tests__/diff/reference/statistics.py
Printed with SciPy 1.17.1 / NumPy on Python 3; the test file quotes the numbers.
"""
import itertools
import math

import numpy as np
import scipy
from scipy import stats

print("scipy", scipy.__version__)


def sample(n, mult, mod, offset=0):
    # The same deterministic samples the TypeScript test builds: ((i * mult) % mod) + offset.
    return [((i * mult) % mod) + offset for i in range(n)]


# --- Mann-Whitney U (two-sided) ---
x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
y = [1.15, 0.88, 0.90, 0.74, 1.21]
r = stats.mannwhitneyu(x, y, alternative="two-sided", method="exact")
print("MW exact R-example: U(x)=", r.statistic, "p=", r.pvalue)
for a, b in [([1], [2]), ([1, 2], [3, 4]), ([1, 2, 3], [4, 5, 6]), ([1, 3, 5], [2, 4, 6, 8])]:
    r = stats.mannwhitneyu(b, a, alternative="two-sided", method="exact")
    print("MW exact tiny", a, b, "U(b)=", r.statistic, "p=", r.pvalue)
r = stats.mannwhitneyu([2, 3, 3, 4], [1, 2, 2, 3], alternative="two-sided", method="asymptotic", use_continuity=True)
print("MW ties small: U(b)=", r.statistic, "p=", r.pvalue)
a = sample(60, 7, 13)
b = sample(70, 5, 11, 2)
r = stats.mannwhitneyu(b, a, alternative="two-sided", method="asymptotic", use_continuity=True)
print("MW ties 60/70: U(b)=", r.statistic, "p=", r.pvalue)
a = [i * 3 + 0.5 for i in range(80)]
b = [i * 3.2 + 10.25 for i in range(90)]
r = stats.mannwhitneyu(b, a, alternative="two-sided", method="asymptotic", use_continuity=True)
print("MW no ties 80/90: U(b)=", r.statistic, "p=", r.pvalue)


# --- Hodges-Lehmann shift (b - a) and its interval, R's algorithm by brute force ---
def u_distribution(n1, n2):
    # U of the second sample for every choice of which ranks the second sample holds.
    counts = {}
    total = 0
    for ranks in itertools.combinations(range(1, n1 + n2 + 1), n2):
        u = sum(ranks) - n2 * (n2 + 1) // 2
        counts[u] = counts.get(u, 0) + 1
        total += 1
    return counts, total


def qwilcox(p, n1, n2):
    counts, total = u_distribution(n1, n2)
    acc = 0
    for q in range(n1 * n2 + 1):
        acc += counts.get(q, 0)
        if acc / total >= p:
            return q


def hl_exact(a, b, conf=0.95):
    diffs = sorted(bj - ai for ai in a for bj in b)
    m = len(diffs)
    qu = qwilcox((1 - conf) / 2, len(a), len(b))
    if qu == 0:
        qu = 1
    ql = len(a) * len(b) - qu
    return float(np.median(diffs)), diffs[qu - 1], diffs[ql]


print("HL R-example (b = x, a = y):", hl_exact(y, x))
print("HL 1,2,3 -> 4,5,6:", hl_exact([1, 2, 3], [4, 5, 6]))
print("HL 8 vs 9:", hl_exact(sample(8, 3, 17, 100), sample(9, 5, 19, 104)))
print("HL 12 vs 12 (normal-size cut-off check):", hl_exact(sample(12, 7, 23), sample(12, 11, 29, 6)))


def hl_large(a, b, conf=0.95):
    # The large-sample rule (Hollander & Wolfe, Nonparametric Statistical Methods, sec. 4.3):
    # C = mn/2 - z * sqrt(mn(m+n+1)/12), continuity-corrected: l = floor(mn/2 - 0.5 - z*sd), C = l + 1.
    n1, n2 = len(a), len(b)
    diffs = sorted(bj - ai for ai in a for bj in b)
    z = stats.norm.ppf(1 - (1 - conf) / 2)
    sd = math.sqrt(n1 * n2 * (n1 + n2 + 1) / 12)
    c = max(1, math.floor(n1 * n2 / 2 - 0.5 - z * sd) + 1)
    return float(np.median(diffs)), diffs[c - 1], diffs[n1 * n2 - c]


print("HL large 300 vs 400:", hl_large(sample(300, 37, 1009, 5000), sample(400, 53, 997, 5200)))

# --- error rates ---
print("fisher tea:", stats.fisher_exact([[3, 1], [1, 3]]).pvalue)
print("fisher 2/100 vs 9/100:", stats.fisher_exact([[2, 98], [9, 91]]).pvalue)
print("fisher 0/20 vs 3/20:", stats.fisher_exact([[0, 20], [3, 17]]).pvalue)
for ea, na, eb, nb in [(50, 1000, 80, 1000), (30, 500, 45, 520)]:
    table = [[ea, na - ea], [eb, nb - eb]]
    print(f"prop z {ea}/{na} vs {eb}/{nb}:", stats.chi2_contingency(table, correction=False).pvalue)

# --- Poisson rates, as R's poisson.test(c(xA, xB), c(tA, tB)): binom.test(xA, xA + xB, tA / (tA + tB)) ---
for ca, ta, cb, tb in [(21, 3011, 11, 800), (30, 10, 55, 10), (600, 10, 700, 10), (5000, 12, 4700, 11), (0, 10, 3, 10)]:
    print(f"poisson {ca}/{ta} vs {cb}/{tb}:", stats.binomtest(ca, ca + cb, ta / (ta + tb)).pvalue)

# --- Benjamini-Hochberg ---
p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]
print("BH:", list(stats.false_discovery_control(p, method="bh")))
p = [0.04, 0.01, 0.04, 0.9, 0.0001, 0.03]
print("BH ties/unsorted:", list(stats.false_discovery_control(p, method="bh")))

# --- percentiles (type 7 = NumPy "linear") ---
xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print("percentiles:", [float(np.percentile(xs, q)) for q in (50, 90, 95, 99)])
print("percentiles n=2:", [float(np.percentile([10, 20], q)) for q in (50, 90, 95, 99)])

# --- quantile (generalised median) test: above / not above the pooled q-quantile, then the 2x2 test ---
a = sample(60, 7, 13)
b = sample(70, 5, 11, 2)
r = stats.median_test(a, b, ties="below", correction=False)
print("median test 60/70 (SciPy median_test, ties below, no correction):", r.pvalue, "table", r.table.tolist())


def quantile_test(a, b, q):
    pooled = sorted(a + b)
    t = pooled[math.ceil(q * len(pooled)) - 1]
    above_a = sum(1 for x in a if x > t)
    above_b = sum(1 for x in b if x > t)
    table = [[above_a, len(a) - above_a], [above_b, len(b) - above_b]]
    expected_min = min(len(a), len(b)) * min(above_a + above_b, len(pooled) - above_a - above_b) / len(pooled)
    if expected_min < 5:
        return "fisher", table, stats.fisher_exact(table).pvalue
    return "chi2", table, stats.chi2_contingency(table, correction=False).pvalue


base = [i * 10 for i in range(200)]
tail = [x + 500 if x >= 1800 else x for x in base]
print("p95 test, slowest 10 % +500:", quantile_test(base, tail, 0.95))
base = [i * 10 for i in range(2000)]
tail = [x + 5000 if x >= 18000 else x for x in base]
print("p95 test, 2000 a side:", quantile_test(base, tail, 0.95))

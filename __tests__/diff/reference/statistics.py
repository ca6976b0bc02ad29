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


# ===== Traces as the unit (docs/statistics.md): the methods added for clustered spans =====
print("\n--- traces as the unit ---")

# --- binomial tails summed as tails (SciPy's binomtest / sf, not 1 - cdf) ---
print("binomtest(31, 100, 0.01):", repr(stats.binomtest(31, 100, 0.01).pvalue))
print("binomtest(1, 1, 0.01):", repr(stats.binomtest(1, 1, 0.01).pvalue))
print("binom.sf(30, 100, 0.01):", repr(stats.binom.sf(30, 100, 0.01)))
print("binom.cdf(2, 1000, 0.05):", repr(stats.binom.cdf(2, 1000, 0.05)))


# --- Fisher's exact test and its mid-p value, by brute force over the whole support ---
def fisher_tables(ea, na, eb, nb):
    n = na + nb
    k = ea + eb
    support = range(max(0, k - nb), min(k, na) + 1)
    pmf = {x: stats.hypergeom.pmf(x, n, k, na) for x in support}
    obs = pmf[ea]
    less = sum(p for p in pmf.values() if p < obs * (1 - 1e-7))
    same = sum(p for p in pmf.values() if obs * (1 - 1e-7) <= p <= obs * (1 + 1e-7))
    return less, same


def fisher_midp(ea, na, eb, nb):
    less, same = fisher_tables(ea, na, eb, nb)
    return min(1.0, less + same / 2)


for t in [(3, 4, 1, 4), (2, 100, 9, 100), (0, 20, 3, 20), (12, 600, 100, 3000), (50, 1000, 80, 1000)]:
    ea, na, eb, nb = t
    print(f"fisher {t}: scipy", repr(stats.fisher_exact([[ea, na - ea], [eb, nb - eb]]).pvalue),
          "brute", repr(sum(fisher_tables(*t))), "mid-p", repr(fisher_midp(*t)))


# --- the size of each error-rate test at alpha = 1e-4, 600 vs 3,000 spans at 2 %, by enumeration ---
def z_test(ea, na, eb, nb):
    pooled = (ea + eb) / (na + nb)
    se = math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
    if se == 0:
        return 1.0
    return 2 * stats.norm.sf(abs(eb / nb - ea / na) / se)


alpha = 1e-4
size_z = 0.0
size_mid = 0.0
for ea in range(0, 45):
    pa = stats.binom.pmf(ea, 600, 0.02)
    for eb in range(0, 140):
        pb = stats.binom.pmf(eb, 3000, 0.02)
        w = pa * pb
        if w < 1e-16:
            continue
        if z_test(ea, 600, eb, 3000) <= alpha:
            size_z += w
        if ea + eb > 0 and fisher_midp(ea, 600, eb, 3000) <= alpha:
            size_mid += w
print("size at alpha 1e-4, 600 vs 3000 at 2 %: z-test", size_z, "mid-p", size_mid)

# --- generalised median (quantile) test with the mid-p exact test ---
a = sample(60, 7, 13)
b = sample(70, 5, 11, 2)


def quantile_midp(a, b, q):
    pooled = sorted(a + b)
    t = pooled[math.ceil(q * len(pooled)) - 1]
    above_a = sum(1 for x in a if x > t)
    above_b = sum(1 for x in b if x > t)
    return (above_a, len(a), above_b, len(b)), fisher_midp(above_a, len(a), above_b, len(b))


print("quantile mid-p 60/70 q=0.5:", quantile_midp(a, b, 0.5))
base = [i * 10 for i in range(200)]
tail = [x + 500 if x >= 1800 else x for x in base]
print("quantile mid-p p95, slowest 10 % +500:", quantile_midp(base, tail, 0.95))


# --- clustered Mann-Whitney: placements by brute force, per-trace totals, design effect ---
def clustered_mw(a, ta, b, tb):
    n1, n2 = len(a), len(b)
    pa = [(sum(1 for y in b if y < x) + 0.5 * sum(1 for y in b if y == x)) / n2 for x in a]
    pb = [(sum(1 for x in a if x < y) + 0.5 * sum(1 for x in a if x == y)) / n1 for y in b]
    theta = sum(pb) / n2
    iid = np.var(pa, ddof=1) / n1 + np.var(pb, ddof=1) / n2

    def robust(p, t, centre, n):
        totals = {}
        sizes = {}
        for pi, ti in zip(p, t):
            totals[ti] = totals.get(ti, 0) + pi
            sizes[ti] = sizes.get(ti, 0) + 1
        k = len(totals)
        return k / (k - 1) * sum((totals[c] - centre * sizes[c]) ** 2 for c in totals) / n ** 2

    va, vb = robust(pa, ta, 1 - theta, n1), robust(pb, tb, theta, n2)
    deff = max(1.0, (va + vb) / iid)
    # Satterthwaite's degrees of freedom for the two sides' per-trace variances
    df = (va + vb) ** 2 / (va ** 2 / (len(set(ta)) - 1) + vb ** 2 / (len(set(tb)) - 1))
    u = theta * n1 * n2
    # tie-corrected null variance of U, times the design effect; continuity-corrected normal p
    allv = a + b
    n = n1 + n2
    ties = sum(c ** 3 - c for c in [allv.count(v) for v in set(allv)])
    var = n1 * n2 / 12 * (n + 1 - ties / (n * (n - 1))) * deff
    d = u - n1 * n2 / 2
    z = (d - 0.5 * np.sign(d)) / math.sqrt(var)
    if deff == 1.0:
        return u, deff, 2 * stats.norm.sf(abs(z))
    return u, deff, 2 * stats.t.sf(abs(z), df)


# Eight traces a side of five spans each, a trace's spans sharing its level; the current side's traces a bit slower.
ca = [100 * (t % 4) + 7 * s for t in range(8) for s in range(5)]
ta = [t for t in range(8) for s in range(5)]
cb = [100 * (t % 4) + 7 * s + 30 for t in range(8) for s in range(5)]
tb = [t for t in range(8) for s in range(5)]
print("clustered MW 8x5 vs 8x5: U, deff, p =", clustered_mw(ca, ta, cb, tb))
print("  classic MW on the same spans:", stats.mannwhitneyu(cb, ca, alternative="two-sided", method="asymptotic").pvalue)
u, deff, p = clustered_mw([1, 2, 3, 4, 5.5], [0, 1, 2, 3, 4], [2.5, 6, 7, 8, 9, 10], [0, 1, 2, 3, 4, 5])
print("clustered MW, one span per trace:", u, deff, p,
      "scipy", stats.mannwhitneyu([2.5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5.5], alternative="two-sided", method="asymptotic").pvalue)


# --- Woodruff's interval of a quantile with a cluster-robust standard error ---
def woodruff(xs, ts, q, conf):
    xs = np.array(xs, dtype=float)
    order = np.argsort(xs, kind="stable")
    s = xs[order]
    n = len(s)
    est = float(np.percentile(s, q * 100))
    below = s <= est
    share = below.mean()
    totals = {}
    sizes = {}
    for x, t in zip(xs, ts):
        totals[t] = totals.get(t, 0) + (1 if x <= est else 0)
        sizes[t] = sizes.get(t, 0) + 1
    k = len(totals)
    v = k / (k - 1) * sum((totals[c] - share * sizes[c]) ** 2 for c in totals) / n ** 2
    v = max(v, q * (1 - q) / n)
    z = stats.norm.ppf(1 - (1 - conf) / 2)
    half = z * math.sqrt(v)
    lo_p, hi_p = q - half, q + half
    low = None if lo_p * n < 1 else s[math.ceil(lo_p * n) - 1]
    high = None if hi_p > 1 else s[min(n - 1, math.ceil(hi_p * n) - 1)]
    return est, low, high


xs = [((i * 37) % 101) * 10 + (i // 5) * 3 for i in range(200)]
ts = [i // 5 for i in range(200)]
print("woodruff p90, 200 spans in traces of 5, 95 %:", woodruff(xs, ts, 0.9, 0.95))
print("woodruff p50, same, 98 %:", woodruff(xs, ts, 0.5, 0.98))

# --- Wilson (SciPy) and Newcombe's hybrid score interval built from it ---
print("wilson 3/40 at 95 %:", stats.binomtest(3, 40).proportion_ci(0.95, method="wilson"))


def newcombe(ea, na, eb, nb, conf):
    # current (b) minus baseline (a), Newcombe (1998) method 10
    la, ua = stats.binomtest(ea, na).proportion_ci(conf, method="wilson")
    lb, ub = stats.binomtest(eb, nb).proportion_ci(conf, method="wilson")
    pa, pb = ea / na, eb / nb
    d = pb - pa
    return d - math.hypot(pb - lb, ua - pa), d + math.hypot(ub - pb, pa - la)


# Newcombe's own examples (1998, Table II, method 10), written as (baseline, current) = (second, first).
for (e1, n1, e2, n2) in [(56, 70, 48, 80), (9, 10, 3, 10), (5, 56, 0, 29), (0, 10, 0, 20)]:
    print(f"newcombe {e1}/{n1} - {e2}/{n2}:", newcombe(e2, n2, e1, n1, 0.95))
big = [i * 10 for i in range(2000)]
big_tail = [x + 5000 if x >= 18000 else x for x in big]
print("quantile mid-p p95, 2000 a side:", quantile_midp(big, big_tail, 0.95))
# design effect 2.5 on the error table 40/1000 vs 70/1000: the effective table 16/400 vs 28/400
print("mid-p of the effective table 16/400 vs 28/400:", repr(fisher_midp(16, 400, 28, 400)))

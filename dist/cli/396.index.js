export const id = 396;
export const ids = [396];
export const modules = {

/***/ 48992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ byCodeUnits),
/* harmony export */   IC: () => (/* binding */ visibleCodePoint),
/* harmony export */   Q6: () => (/* binding */ visibleText),
/* harmony export */   W3: () => (/* binding */ CONTROL),
/* harmony export */   g$: () => (/* binding */ printable),
/* harmony export */   kH: () => (/* binding */ INVISIBLE)
/* harmony export */ });
/**
 * The characters that make untrusted text (span values, configuration, stored indexes) read as
 * something else, shared by the escapes of reports (report/escape.ts) and of logs (log.ts).
 */
/**
 * Control characters, line and paragraph separators, and the bidirectional controls (embeddings,
 * overrides, isolates, marks, U+061C): a newline ends a table row or starts a log line the runner reads
 * as a command, and a bidi override makes `txt.exe` read as `exe.txt`. They become spaces.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/**
 * Characters that show as nothing: zero-width spaces and joiners, the word joiner and invisible
 * operators, the soft hyphen, Hangul and Khmer fillers, Mongolian selectors, the byte-order mark, tag
 * characters. `admin` and `adm\u200Bin` would look the same; they are shown as `<U+200B>` instead.
 * (Variation selectors are left alone: they only choose how the character before them is drawn.)
 */
// The class lists code points one by one on purpose, the combining ones (U+034F, U+180B…) among them.
const INVISIBLE = 
// eslint-disable-next-line no-misleading-character-class
/[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff0-\ufff8\u{e0000}-\u{e007f}]/gu;
/** An invisible character written so that it can be seen: `<U+200B>`. */
function visibleCodePoint(c) {
    return `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}
/** Untrusted text on one line, nothing hidden: controls become spaces, invisible characters `<U+…>`. */
function visibleText(text) {
    return text.replace(CONTROL, ' ').replace(INVISIBLE, visibleCodePoint);
}
/**
 * A message that quotes bytes of a file (a JSON parser's excerpt of a corrupt or binary input), made
 * printable: every control, invisible or undecodable character (U+FFFD) as `\xHH` / `\u{…}`, and cut.
 * An error line must not carry binary into the log, the terminal or the job summary.
 */
function printable(message, maxLength = 300) {
    const cut = message.length > maxLength ? `${message.slice(0, maxLength - 1)}…` : message;
    return (cut
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\ufffd\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, (c) => {
        const code = c.codePointAt(0);
        return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    })
        .replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0).toString(16)}}`));
}
/**
 * Strings in code-unit order. The diff's lists are ordered with this, not `localeCompare`: the same
 * result on every machine whatever its locale, and ~10× faster on the 150k call edges of a big diff.
 */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 47819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER),
/* harmony export */   Cb: () => (/* binding */ METRICS),
/* harmony export */   MX: () => (/* binding */ QUANTILE_OF),
/* harmony export */   O6: () => (/* binding */ reaches),
/* harmony export */   dm: () => (/* binding */ qOfMetric),
/* harmony export */   eo: () => (/* binding */ PART_SEPARATOR),
/* harmony export */   qs: () => (/* binding */ severityRank),
/* harmony export */   uI: () => (/* binding */ verdictRank),
/* harmony export */   x3: () => (/* binding */ NONE),
/* harmony export */   zP: () => (/* binding */ worstVerdict)
/* harmony export */ });
/* unused harmony exports VERDICT_ORDER, FAIL_ON, PUBLISH_TARGETS, TESTS_OF */
/**
 * The words every stage shares: verdicts and their order, severities and theirs, the metrics a
 * rule can name and the test that speaks for each, and the action's `fail-on` / `publish` values.
 * It sits below every stage and imports nothing, so config, diff, report, publish and the modes
 * all read the one definition (they used to keep four copies, which disagreed on `inconclusive`).
 */
/** Severities ordered from least to most severe; `verdict` adds `pass` below and `inconclusive` after it. */
const SEVERITY_ORDER = ['ignore', 'notice', 'warn', 'fail'];
/** Higher is more severe: `ignore` 0 … `fail` 3. */
function severityRank(s) {
    return SEVERITY_ORDER.indexOf(s);
}
/**
 * Verdicts from best to worst. `inconclusive` ranks above `pass` (a run that could not compare, or a
 * query that could not be diffed, must not read as green) and below every finding (a regression
 * found in one query is the news, whatever another query could not tell). `fail-on` and `alert-on`
 * are `warn` or `fail`, so an inconclusive run never reaches them: it neither fails a gate nor
 * opens an alert.
 */
const VERDICT_ORDER = ['pass', 'inconclusive', 'notice', 'warn', 'fail'];
/** Higher is worse: `pass` 0, `inconclusive` 1, `notice` 2, `warn` 3, `fail` 4. */
function verdictRank(v) {
    return VERDICT_ORDER.indexOf(v);
}
/** The worst of some verdicts; `pass` when there are none. */
function worstVerdict(verdicts) {
    let worst = 'pass';
    for (const v of verdicts)
        if (verdictRank(v) > verdictRank(worst))
            worst = v;
    return worst;
}
const FAIL_ON = (/* unused pure expression or super */ null && (['fail', 'warn', 'never']));
/** Whether a verdict reaches a `fail-on` / `alert-on` level (`never` is never reached). */
function reaches(verdict, level) {
    return level !== 'never' && verdictRank(verdict) >= verdictRank(level);
}
const PUBLISH_TARGETS = (/* unused pure expression or super */ null && (['summary', 'comment', 'issue']));
const METRICS = [
    'occurrence',
    'rate',
    'error-rate',
    'latency.avg',
    'latency.p50',
    'latency.p90',
    'latency.p95',
    'latency.p99',
];
/** The percentile metrics and the quantile test each gets when a rule names it. */
const QUANTILE_OF = {
    'latency.p50': 'latencyP50',
    'latency.p90': 'latencyP90',
    'latency.p95': 'latencyP95',
    'latency.p99': 'latencyP99',
};
/**
 * The tests that speak for a metric. A percentile speaks through either of two: the rank-sum test
 * (`latency`) sees a shift of the whole distribution, its quantile test a change at that percentile
 * only (a slower tail). Counts speak through the rate test, which compares spans per minute.
 */
const TESTS_OF = {
    occurrence: ['rate'],
    rate: ['rate'],
    'error-rate': ['errorRate'],
    'latency.avg': ['latency'],
    'latency.p50': ['latency', 'latencyP50'],
    'latency.p90': ['latency', 'latencyP90'],
    'latency.p95': ['latency', 'latencyP95'],
    'latency.p99': ['latency', 'latencyP99'],
};
/** The q-value that speaks for a metric: the smallest of its tests' (undefined when none ran). */
function qOfMetric(q, metric) {
    let best;
    for (const t of TESTS_OF[metric]) {
        const v = q?.[t];
        if (v !== undefined && (best === undefined || v < best))
            best = v;
    }
    return best;
}
/** The value of a span that has no such tag: shown as a value of its own, never dropped. */
const NONE = '(none)';
/** Joins the parts of a combined key's value: `android / /api/make-payment`. */
const PART_SEPARATOR = ' / ';


/***/ })

};

export const id = 940;
export const ids = [940];
export const modules = {

/***/ 4940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./node_modules/commander/index.js + 6 modules
var commander = __webpack_require__(67375);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/config/filter.ts
var filter = __webpack_require__(80770);
;// CONCATENATED MODULE: ./src/config/search-query.ts


/**
 * The query text of a Jaeger or Zipkin source, in the filter language of OTLP sources
 * (`service = "checkout" AND operation = "POST /pay" AND http.status_code = "500"`), turned into the
 * search parameters of the API. Only `=` joined by AND can be asked of these APIs.
 */
const JAEGER_QUERY_EXAMPLE = 'service = "checkout" AND operation = "POST /pay" AND http.status_code = "500"';
const ZIPKIN_QUERY_EXAMPLE = 'service = "checkout" AND span = "post /pay" AND http.status_code = "500"';
function equalities(text, backend, example) {
    return (0,filter/* parseClauses */.Oh)(text).map((c) => {
        if (c.op !== '=' || c.values.length !== 1) {
            throw new errors/* UserError */.yo(`query ${JSON.stringify(text)}: ${backend}'s search takes only key = "value" joined by AND (not ${c.op} on ${c.key})`, `write it like: ${example}`);
        }
        return [c.key, c.values[0]];
    });
}
function jaegerSearch(text) {
    let service;
    let operation;
    const tags = {};
    for (const [key, value] of equalities(text, 'Jaeger', JAEGER_QUERY_EXAMPLE)) {
        if (key === 'service' || key === 'service.name')
            service = value;
        else if (key === 'operation' || key === 'name')
            operation = value;
        else
            tags[key] = value;
    }
    if (!service) {
        throw new errors/* UserError */.yo(`query ${JSON.stringify(text)}: Jaeger's search needs a service`, `write it like: ${JAEGER_QUERY_EXAMPLE}`);
    }
    return { service, ...(operation ? { operation } : {}), tags };
}
function zipkinSearch(text) {
    const out = {};
    const annotations = [];
    for (const [key, value] of equalities(text, 'Zipkin', ZIPKIN_QUERY_EXAMPLE)) {
        // Zipkin stores service and span names lower-cased and matches them so.
        if (key === 'service' || key === 'service.name')
            out.serviceName = value.toLowerCase();
        else if (key === 'remote-service' || key === 'remoteServiceName')
            out.remoteServiceName = value.toLowerCase();
        else if (key === 'span' || key === 'operation' || key === 'name')
            out.spanName = value.toLowerCase();
        else
            annotations.push(value === '' ? key : `${key}=${value}`);
    }
    if (annotations.length)
        out.annotationQuery = annotations.join(' and ');
    return out;
}

;// CONCATENATED MODULE: ./src/config/change.ts

/**
 * Parses a change as written in the config: `+20%` (relative), `+15ms` / `-200us` / `+1.5s` (latency),
 * `+2pp` (error rate, percentage points), `-30/min` (rate), `+100` (occurrence). The sign is required:
 * it says which direction is bad.
 */
const CHANGE = /^([+-])\s*(\d+(?:\.\d+)?)\s*(%|pp|us|µs|ms|s|\/min)?$/;
const UNIT_US = { us: 1, µs: 1, ms: 1000, s: 1_000_000 };
function exampleFor(metric) {
    if (metric.startsWith('latency.'))
        return `${metric}: { warn: +10%, fail: +25ms }`;
    if (metric === 'error-rate')
        return 'error-rate: { warn: +1pp, fail: +2pp }';
    if (metric === 'rate')
        return 'rate: { warn: -50% }';
    return 'occurrence: { notice: -50% }';
}
function parseChange(input, metric) {
    const text = typeof input === 'number' ? (input >= 0 ? `+${input}` : String(input)) : input.trim();
    const m = CHANGE.exec(text);
    if (!m) {
        const unsigned = /^\d/.test(text);
        throw new errors/* UserError */.yo(unsigned
            ? `'${text}' has no sign: say which direction is bad, '+${text}' (an increase) or '-${text}' (a decrease)`
            : `'${text}' is not a change: expected a signed amount such as +20%, +15ms or +2pp`, `write it like ${exampleFor(metric)}`);
    }
    const sign = m[1] === '-' ? -1 : 1;
    const value = Number(m[2]);
    const unit = m[3] ?? '';
    const bad = (what) => new errors/* UserError */.yo(`'${text}': ${what} cannot be used for ${metric}`, `write it like ${exampleFor(metric)}`);
    if (unit === '%')
        return { kind: 'relative', amount: (sign * value) / 100, text };
    if (metric.startsWith('latency.')) {
        if (!(unit in UNIT_US))
            throw bad(unit ? `the unit '${unit}'` : 'a number without a unit');
        return { kind: 'absolute', amount: Math.round(sign * value * UNIT_US[unit]), text };
    }
    if (metric === 'error-rate') {
        if (unit !== 'pp')
            throw bad(unit ? `the unit '${unit}'` : 'a number without a unit');
        return { kind: 'absolute', amount: (sign * value) / 100, text };
    }
    if (metric === 'rate') {
        if (unit !== '/min')
            throw bad(unit ? `the unit '${unit}'` : 'a number without a unit');
        return { kind: 'absolute', amount: sign * value, text };
    }
    // occurrence: a plain count
    if (unit !== '')
        throw bad(`the unit '${unit}'`);
    return { kind: 'absolute', amount: sign * value, text };
}
/** A change back in the form the config writes it. */
function formatChange(change) {
    return change.text;
}

;// CONCATENATED MODULE: ./src/config/defaults.ts
const p95 = {
    metric: 'latency.p95',
    levels: [
        { severity: 'fail', change: { kind: 'relative', amount: 0.25, text: '+25%' } },
        { severity: 'warn', change: { kind: 'relative', amount: 0.1, text: '+10%' } },
    ],
    text: 'latency.p95: { warn: +10%, fail: +25% }',
};
const errorRate = {
    metric: 'error-rate',
    levels: [
        { severity: 'fail', change: { kind: 'absolute', amount: 0.02, text: '+2pp' } },
        { severity: 'warn', change: { kind: 'absolute', amount: 0.01, text: '+1pp' } },
    ],
    text: 'error-rate: { warn: +1pp, fail: +2pp }',
};
const rate = {
    metric: 'rate',
    levels: [{ severity: 'warn', change: { kind: 'relative', amount: -0.5, text: '-50%' } }],
    text: 'rate: { warn: -50% }',
};
/** The built-in defaults of DESIGN.md, used wherever the config (or the CLI) says nothing else. */
const DEFAULT_SETTINGS = {
    groupBy: [['service'], ['operation']],
    minSamples: 30,
    significance: 0.01,
    thresholds: { metrics: [p95, errorRate, rate], missing: 'warn', new: 'notice', edges: 'notice' },
};
const DEFAULT_BASELINE = { kind: 'previous' };
/** Default settings with some fields replaced (the CLI's `--group-by` without a config file). */
function defaultSettingsWith(partial) {
    return { ...DEFAULT_SETTINGS, ...partial };
}

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(21916);
;// CONCATENATED MODULE: ./src/config/positions.ts


/** Where a field sits in the YAML source, and a "did you mean" for misspelt keys. */
function pathText(path) {
    return path.reduce((text, part) => {
        if (typeof part === 'number')
            return `${text}[${part}]`;
        return text ? `${text}.${String(part)}` : String(part);
    }, '');
}
function positionOf(doc, counter, path, key) {
    // Walk down as far as the path exists; an issue on a missing field points at its parent.
    let node = doc.contents;
    let found = doc.contents ?? undefined;
    const parts = key === undefined ? path : [...path, key];
    for (const [i, part] of parts.entries()) {
        if (!node || typeof node !== 'object' || !('items' in node))
            break;
        const isLastKey = key !== undefined && i === parts.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(part));
            if (!pair)
                break;
            found = (isLastKey ? pair.key : (pair.value ?? pair.key));
            node = pair.value;
        }
        else {
            const items = node.items;
            const item = typeof part === 'number' ? items[part] : undefined;
            if (!item)
                break;
            found = item;
            node = item;
        }
    }
    const offset = found?.range?.[0];
    if (offset === undefined)
        return {};
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
}
function didYouMean(key, known) {
    if (known.length === 0)
        return '';
    const guess = (0,mod/* closest */.kp)(key, [...known]);
    return (0,mod/* distance */.Io)(key, guess) <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean '${guess}'?)` : '';
}
function sortProblems(problems) {
    return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/vocabulary.ts
var vocabulary = __webpack_require__(47819);
;// CONCATENATED MODULE: ./src/config/types.ts
/**
 * The validated, defaults-merged configuration (`.github/trace-differ.yml`, DESIGN.md).
 * `load.ts` turns the YAML into this; every other stage only ever sees this shape.
 */

function groupKeyName(key) {
    return key.join('+');
}
const DEFAULT_WINDOW_MINUTES = 15;
const DEFAULT_TRACE_LIMIT = 500;

;// CONCATENATED MODULE: ./src/config/schema.ts



/**
 * The schema of `.github/trace-differ.yml` as written (before defaults). Every object is strict, so a
 * misspelt key is an error; every issue carries an `example` of the right form in `params`.
 */
const SEVERITIES = ['ignore', 'notice', 'warn', 'fail'];
const changeValue = (metric) => schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).superRefine((value, ctx) => {
    try {
        parseChange(value, metric);
    }
    catch (error) {
        ctx.addIssue({ code: 'custom', message: error.message, params: { example: exampleFor(metric) } });
    }
});
const metricRule = (metric) => schemas/* union */.KCZ([
    changeValue(metric),
    schemas/* strictObject */.rej({
        notice: changeValue(metric).optional(),
        warn: changeValue(metric).optional(),
        fail: changeValue(metric).optional(),
    })
        .refine((o) => o.notice !== undefined || o.warn !== undefined || o.fail !== undefined, {
        message: 'names no level: give at least one of notice, warn, fail',
        params: { example: exampleFor(metric) },
    }),
]);
const severity = schemas/* enum */.k5n(SEVERITIES);
const thresholdsSchema = schemas/* strictObject */.rej({
    ...Object.fromEntries(vocabulary/* METRICS */.Cb.map((m) => [m, metricRule(m).optional()])),
    missing: severity.optional(),
    new: severity.optional(),
    edges: severity.optional(),
});
const keyName = schemas/* string */.YjP().min(1);
const groupBySchema = schemas/* array */.YOg(schemas/* union */.KCZ([keyName, schemas/* array */.YOg(keyName).min(1)])).min(1);
const baselineSchema = schemas/* string */.YjP().regex(/^(previous|pinned:[^\s]+|median-of:([2-9]|[1-9]\d+))$/, {
    message: "expected 'previous', 'pinned:<name>' or 'median-of:<N>' with N of 2 or more",
});
const settings = {
    'group-by': groupBySchema.optional(),
    'min-samples': schemas/* number */.aig().int().min(1).optional(),
    significance: schemas/* number */.aig().gt(0).lt(1).optional(),
    thresholds: thresholdsSchema.optional(),
    baseline: baselineSchema.optional(),
};
/** What every pull from a trace backend takes: where, the window searched, and how many traces at most. */
const backend = {
    // The URL may also come from the backend-url input (which wins); credentials only from inputs or the environment.
    url: schemas/* url */.OZ5().optional(),
    'window-minutes': schemas/* number */.aig()
        .positive()
        .max(7 * 24 * 60)
        .optional(),
    limit: schemas/* number */.aig().int().min(1).max(262_144).optional(),
    concurrency: schemas/* number */.aig().int().min(1).max(64).optional(),
};
const SOURCES = ['lightstep', 'otlp', 'tempo', 'jaeger', 'zipkin'];
const sourceSchema = schemas/* strictObject */.rej({
    lightstep: schemas/* strictObject */.rej({
        organization: schemas/* string */.YjP().min(1),
        project: schemas/* string */.YjP().min(1),
        'api-url': schemas/* url */.OZ5().optional(),
        // The API's documented limits are the defaults; an organization with other limits sets its own.
        'requests-per-second': schemas/* number */.aig().positive().optional(),
        'snapshot-requests-per-hour': schemas/* number */.aig().int().positive().optional(),
        'reuse-snapshots-within-minutes': schemas/* number */.aig().nonnegative().optional(),
    })
        .optional(),
    otlp: schemas/* strictObject */.rej({ path: schemas/* string */.YjP().min(1) }).optional(),
    tempo: schemas/* strictObject */.rej({ ...backend, tenant: schemas/* string */.YjP().min(1).optional() }).optional(),
    jaeger: schemas/* strictObject */.rej({ ...backend, api: schemas/* enum */.k5n(['v3', 'v1']).optional() }).optional(),
    zipkin: schemas/* strictObject */.rej(backend).optional(),
})
    .refine((s) => SOURCES.filter((k) => s[k]).length === 1, {
    message: `names no source, or two: give exactly one of ${SOURCES.join(', ')}`,
});
const querySchema = schemas/* strictObject */.rej({
    id: schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
        message: 'expected an id of letters, digits, ".", "_" and "-" (it names cache keys and files)',
    }),
    name: schemas/* string */.YjP().min(1).optional(),
    query: schemas/* string */.YjP().min(1).optional(),
    filter: schemas/* string */.YjP().optional(),
    source: sourceSchema.optional(),
    ...settings,
});
const configSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1),
    source: sourceSchema.optional(),
    defaults: schemas/* strictObject */.rej(settings).optional(),
    queries: schemas/* array */.YOg(querySchema).min(1),
});

;// CONCATENATED MODULE: ./src/config/load.ts










/** Reads and validates a config file; every mistake of the file is reported at once, with line and column. */
async function loadConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* UserError */.yo(code === 'ENOENT' ? `the configuration file ${file} does not exist` : `cannot read ${file} (${code ?? 'error'})`, code === 'ENOENT'
            ? 'create it (see examples/trace-differ.yml), or point the `config` input / --config at it'
            : 'check the path and its permissions');
    }
    return parseConfig(text, file);
}
/** Examples of the right form, by the field a problem is about. */
function exampleForPath(path) {
    const last = String(path.findLast((p) => typeof p === 'string') ?? '');
    const examples = {
        version: 'version: 1',
        source: 'source: { lightstep: { organization: acme, project: production } }',
        lightstep: 'lightstep: { organization: acme, project: production }',
        otlp: 'otlp: { path: traces/*.jsonl }',
        tempo: 'tempo: { url: https://tempo.example.com, window-minutes: 15, limit: 500 }',
        jaeger: 'jaeger: { url: https://jaeger.example.com, api: v3, window-minutes: 15, limit: 500 }',
        zipkin: 'zipkin: { url: https://zipkin.example.com, window-minutes: 15, limit: 500 }',
        url: 'url: https://tempo.example.com',
        'window-minutes': 'window-minutes: 15',
        limit: 'limit: 500',
        tenant: 'tenant: team-a',
        api: 'api: v3',
        queries: 'queries: [{ id: android, query: service IN ("android") }]',
        id: 'id: android-checkout',
        query: 'query: service IN ("android")',
        'group-by': 'group-by: [operation, http.status_code, [service, operation]]',
        'min-samples': 'min-samples: 30',
        significance: 'significance: 0.01',
        baseline: 'baseline: median-of:3',
        thresholds: 'thresholds: { latency.p95: { warn: +10%, fail: +25% } }',
        missing: 'missing: warn',
        new: 'new: notice',
        edges: 'edges: notice',
        'api-url': 'api-url: https://api.eu.lightstep.com',
    };
    return examples[last];
}
function describeType(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}
const EXPECTED = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    array: 'a list',
    object: 'a mapping (key: value)',
    boolean: 'true or false',
};
function knownKeysAt(issuePath) {
    const shape = (schema) => {
        const s = schema;
        if (s?.shape)
            return Object.keys(s.shape);
        if (s?.def?.innerType)
            return shape(s.def.innerType);
        if (s?.def?.schema)
            return shape(s.def.schema);
        return [];
    };
    // The keys allowed where the unknown key sits: resolved from the schema along the path.
    let node = configSchema;
    for (const part of issuePath) {
        const s = node;
        if (typeof part === 'number') {
            node = s.def?.element ?? s.def?.innerType?.def?.element;
            continue;
        }
        const unwrap = (x) => {
            const d = x.def;
            if (d?.innerType)
                return unwrap(d.innerType);
            if (d?.schema)
                return unwrap(d.schema);
            return x;
        };
        const here = unwrap(node);
        node = here.shape?.[String(part)];
        if (node)
            node = unwrap(node);
        const opts = node?.def?.options;
        if (opts)
            node = opts.find((o) => unwrap(o).shape) ?? node;
    }
    return shape(node);
}
function toProblems(issues, doc, counter) {
    const problems = [];
    for (const issue of issues) {
        const path = issue.path;
        if (issue.code === 'unrecognized_keys') {
            const known = knownKeysAt(path);
            for (const key of issue.keys) {
                problems.push({
                    ...positionOf(doc, counter, path, key),
                    path: pathText([...path, key]),
                    message: `unknown key '${key}'${didYouMean(key, known)}${known.length ? `; allowed here: ${known.join(', ')}` : ''}`,
                });
            }
            continue;
        }
        let message;
        let example = exampleForPath(path);
        switch (issue.code) {
            case 'invalid_type': {
                const value = doc.getIn(path);
                message =
                    value === undefined
                        ? `is required: expected ${EXPECTED[issue.expected] ?? issue.expected}`
                        : `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeType(value)}`;
                break;
            }
            case 'invalid_value':
                message = `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeType(doc.getIn(path))}`;
                break;
            case 'invalid_union': {
                // A threshold is either a change or { notice, warn, fail }: report the branch that got furthest.
                const nested = issue.errors.flat();
                const custom = nested.find((i) => i.code === 'custom' || i.code === 'unrecognized_keys');
                if (custom) {
                    problems.push(...toProblems([{ ...custom, path: [...path, ...custom.path] }], doc, counter));
                    continue;
                }
                message = `expected ${path.includes('group-by') ? 'a key or a list of keys (a combined key)' : 'a change such as +20% or { warn: +10%, fail: +25% }'}, got ${describeType(doc.getIn(path))}`;
                break;
            }
            case 'too_small':
                message =
                    issue.origin === 'array'
                        ? 'must not be empty'
                        : issue.origin === 'string'
                            ? 'must not be empty'
                            : `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
                break;
            case 'too_big':
                message = `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
                break;
            case 'custom':
                message = issue.message;
                example = issue.params?.example ?? example;
                break;
            default:
                message = issue.message;
        }
        problems.push({ ...positionOf(doc, counter, path), path: pathText(path), message, example });
    }
    return problems;
}
/** Parses and validates the text of a config file. Pure: the file name is only used in messages. */
function parseConfig(text, file) {
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new errors/* ConfigError */.xL(file, doc.errors.map((e) => {
            const { line, col } = counter.linePos(e.pos[0]);
            return {
                line,
                column: col,
                path: '',
                message: `YAML syntax: ${e.message.split('\n')[0]}`,
                example: 'key: value, lists as [a, b] or "- a" lines, indented with spaces',
            };
        }));
    }
    const raw = doc.toJS();
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new errors/* ConfigError */.xL(file, [
            {
                line: 1,
                column: 1,
                path: '',
                message: 'expected a mapping with version, source and queries',
                example: 'version: 1',
            },
        ]);
    }
    const parsed = configSchema.safeParse(raw);
    const problems = parsed.success ? [] : toProblems(parsed.error.issues, doc, counter);
    // The cross-checks run on what parsed as far as it did, so every mistake is reported at once.
    const queries = raw.queries;
    if (parsed.success)
        problems.push(...crossChecks(parsed.data, doc, counter));
    else if (Array.isArray(queries) && queries.every((q) => q && typeof q === 'object')) {
        problems.push(...crossChecks(raw, doc, counter));
    }
    if (problems.length > 0 || !parsed.success)
        throw new errors/* ConfigError */.xL(file, sortProblems(problems));
    return normalise(parsed.data, file);
}
/** What one schema cannot see: unique ids, a source for every query, a query text for Lightstep. */
function crossChecks(raw, doc, counter) {
    const problems = [];
    const seen = new Map();
    raw.queries.forEach((q, i) => {
        const at = (field) => ({
            ...positionOf(doc, counter, ['queries', i, field]),
            path: pathText(['queries', i, field]),
        });
        const first = seen.get(q.id);
        if (first !== undefined) {
            problems.push({
                ...at('id'),
                message: `duplicate id '${q.id}' (also queries[${first}]); ids must be unique`,
                example: `id: ${q.id}-2`,
            });
        }
        else {
            seen.set(q.id, i);
        }
        const source = q.source ?? raw.source;
        if (!source) {
            problems.push({
                ...positionOf(doc, counter, ['queries', i]),
                path: pathText(['queries', i]),
                message: 'has no source: set a top-level source, or one on this query',
                example: 'source: { lightstep: { organization: acme, project: production } }',
            });
        }
        else if ((source.lightstep || source.tempo || source.jaeger || source.zipkin) && !q.query) {
            const [name, example] = source.lightstep
                ? ['a Lightstep', 'query: service IN ("android")']
                : source.tempo
                    ? ['a Tempo', 'query: \'{ resource.service.name = "checkout" }\'']
                    : source.jaeger
                        ? ['a Jaeger', `query: ${JAEGER_QUERY_EXAMPLE}`]
                        : ['a Zipkin', `query: ${ZIPKIN_QUERY_EXAMPLE}`];
            problems.push({
                ...positionOf(doc, counter, ['queries', i]),
                path: pathText(['queries', i, 'query']),
                message: `is required for ${name} source`,
                example,
            });
        }
        else if ((source.tempo || source.jaeger || source.zipkin) && q.filter !== undefined) {
            problems.push({
                ...at('filter'),
                message: "a Tempo, Jaeger or Zipkin source selects traces with 'query', not 'filter'",
                example: source.tempo ? 'query: \'{ resource.service.name = "checkout" }\'' : `query: ${JAEGER_QUERY_EXAMPLE}`,
            });
        }
        else if ((source.jaeger || source.zipkin) && q.query) {
            try {
                if (source.jaeger)
                    jaegerSearch(q.query);
                else
                    zipkinSearch(q.query);
            }
            catch (error) {
                if (!(error instanceof errors/* UserError */.yo))
                    throw error;
                problems.push({
                    ...at('query'),
                    message: error.message,
                    example: `query: ${source.jaeger ? JAEGER_QUERY_EXAMPLE : ZIPKIN_QUERY_EXAMPLE}`,
                });
            }
        }
        else if (source.otlp && q.query) {
            problems.push({
                ...at('query'),
                message: "an OTLP source selects spans with 'filter', not 'query'",
                example: 'filter: service.name = "android"',
            });
        }
        else if (source.otlp && q.filter) {
            try {
                (0,filter/* parseFilter */.aN)(q.filter);
            }
            catch (error) {
                if (!(error instanceof errors/* UserError */.yo))
                    throw error;
                problems.push({ ...at('filter'), message: error.message, example: filter/* FILTER_EXAMPLE */.qd });
            }
        }
        else if (source.lightstep && q.filter !== undefined) {
            problems.push({
                ...at('filter'),
                message: "a Lightstep source selects spans with 'query', not 'filter'",
                example: 'query: service IN ("android")',
            });
        }
    });
    return problems;
}
function toBackend(raw) {
    return {
        ...(raw.url ? { url: raw.url } : {}),
        windowMinutes: raw['window-minutes'] ?? DEFAULT_WINDOW_MINUTES,
        limit: raw.limit ?? DEFAULT_TRACE_LIMIT,
        ...(raw.concurrency ? { concurrency: raw.concurrency } : {}),
    };
}
function toSource(raw) {
    if (raw.tempo)
        return { kind: 'tempo', ...toBackend(raw.tempo), ...(raw.tempo.tenant ? { tenant: raw.tempo.tenant } : {}) };
    if (raw.jaeger)
        return { kind: 'jaeger', ...toBackend(raw.jaeger), api: raw.jaeger.api ?? 'v3' };
    if (raw.zipkin)
        return { kind: 'zipkin', ...toBackend(raw.zipkin) };
    if (raw.lightstep) {
        return {
            kind: 'lightstep',
            organization: raw.lightstep.organization,
            project: raw.lightstep.project,
            apiUrl: raw.lightstep['api-url'],
            requestsPerSecond: raw.lightstep['requests-per-second'],
            snapshotRequestsPerHour: raw.lightstep['snapshot-requests-per-hour'],
            reuseSnapshotsWithinMinutes: raw.lightstep['reuse-snapshots-within-minutes'],
        };
    }
    return { kind: 'otlp', path: raw.otlp.path };
}
function toGroupBy(raw) {
    return raw.map((k) => (Array.isArray(k) ? k : [k]));
}
function parseBaseline(text) {
    const t = text.trim();
    if (t === 'previous')
        return { kind: 'previous' };
    const pinned = /^pinned:(\S+)$/.exec(t);
    if (pinned)
        return { kind: 'pinned', name: pinned[1] };
    const median = /^median-of:(\d+)$/.exec(t);
    if (median && Number(median[1]) >= 2)
        return { kind: 'median-of', count: Number(median[1]) };
    throw new errors/* UserError */.yo(`baseline '${text}' is not one of previous, pinned:<name>, median-of:<N>`, 'write e.g. baseline: median-of:3');
}
/** Merges a query's thresholds over the defaults' (per metric: a query that sets p99 keeps the default p95). */
function toThresholds(base, raw) {
    if (!raw)
        return base;
    const byMetric = new Map(base.metrics.map((r) => [r.metric, r]));
    for (const metric of vocabulary/* METRICS */.Cb) {
        const value = raw[metric];
        if (value === undefined)
            continue;
        const levelsRaw = typeof value === 'object' ? value : { fail: value };
        const levels = ['fail', 'warn', 'notice']
            .filter((s) => levelsRaw[s] !== undefined)
            .map((severity) => ({ severity, change: parseChange(levelsRaw[severity], metric) }));
        const text = typeof value === 'object'
            ? `${metric}: { ${['notice', 'warn', 'fail']
                .filter((s) => levelsRaw[s] !== undefined)
                .map((s) => `${s}: ${String(levelsRaw[s])}`)
                .join(', ')} }`
            : `${metric}: ${String(value)}`;
        byMetric.set(metric, { metric, levels, text });
    }
    return {
        metrics: [...byMetric.values()],
        missing: raw.missing ?? base.missing,
        new: raw.new ?? base.new,
        edges: raw.edges ?? base.edges,
    };
}
function mergeSettings(base, raw) {
    return {
        groupBy: raw?.['group-by'] ? toGroupBy(raw['group-by']) : base.groupBy,
        minSamples: raw?.['min-samples'] ?? base.minSamples,
        significance: raw?.significance ?? base.significance,
        thresholds: toThresholds(base.thresholds, raw?.thresholds),
    };
}
function normalise(raw, file) {
    const defaults = mergeSettings(DEFAULT_SETTINGS, raw.defaults);
    const defaultBaseline = raw.defaults?.baseline ? parseBaseline(raw.defaults.baseline) : DEFAULT_BASELINE;
    const queries = raw.queries.map((q) => {
        const source = toSource((q.source ?? raw.source));
        return {
            ...mergeSettings(defaults, q),
            id: q.id,
            name: q.name ?? q.id,
            query: source.kind === 'otlp' ? (q.filter ?? '') : q.query,
            source,
            baseline: q.baseline ? parseBaseline(q.baseline) : defaultBaseline,
        };
    });
    return { version: 1, file, queries };
}
/** Parses the CLI's `--group-by operation,http.status_code,service+operation`. */
function parseGroupBy(text) {
    const keys = text
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
        .map((k) => k.split('+').map((p) => p.trim()));
    if (keys.length === 0 || keys.some((k) => k.some((p) => p === ''))) {
        throw new errors/* UserError */.yo(`--group-by '${text}' names no keys`, 'write e.g. --group-by operation,http.status_code,service+operation');
    }
    return keys;
}

;// CONCATENATED MODULE: ./src/config/index.ts
/** config: `.github/trace-differ.yml` → a validated, defaults-merged `Config`. */




// EXTERNAL MODULE: ./node_modules/p-queue/dist/index.js + 2 modules
var p_queue_dist = __webpack_require__(57814);
// EXTERNAL MODULE: ./src/dataset/assemble.ts
var assemble = __webpack_require__(72294);
// EXTERNAL MODULE: ./src/dataset/table.ts + 1 modules
var dataset_table = __webpack_require__(20040);
;// CONCATENATED MODULE: ./src/dataset/types.ts
/** Fraction of wanted traces that were fetched (1 when nothing was wanted). */
function coverageRatio(c) {
    return c.tracesWanted === 0 ? 1 : c.tracesFetched / c.tracesWanted;
}

// EXTERNAL MODULE: ./node_modules/@stdlib/stats-base-dists-binomial-pmf/lib/index.js
var lib = __webpack_require__(71274);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./node_modules/@stdlib/stats-base-dists-hypergeometric-pmf/lib/index.js
var stats_base_dists_hypergeometric_pmf_lib = __webpack_require__(77392);
var stats_base_dists_hypergeometric_pmf_lib_default = /*#__PURE__*/__webpack_require__.n(stats_base_dists_hypergeometric_pmf_lib);
// EXTERNAL MODULE: ./node_modules/@stdlib/stats-base-dists-normal-cdf/lib/index.js
var stats_base_dists_normal_cdf_lib = __webpack_require__(72484);
var stats_base_dists_normal_cdf_lib_default = /*#__PURE__*/__webpack_require__.n(stats_base_dists_normal_cdf_lib);
// EXTERNAL MODULE: ./node_modules/@stdlib/stats-base-dists-t-cdf/lib/index.js
var stats_base_dists_t_cdf_lib = __webpack_require__(86021);
var stats_base_dists_t_cdf_lib_default = /*#__PURE__*/__webpack_require__.n(stats_base_dists_t_cdf_lib);
;// CONCATENATED MODULE: ./src/diff/stats/distributions.ts
/**
 * Distribution functions come from stdlib (well-tested numerics); this file only adapts their
 * untyped default exports to the few signatures the tests of this folder need.
 */




/** P(Z ≤ z) for a standard normal Z. */
function phi(z) {
    return stats_base_dists_normal_cdf_lib_default()(z, 0, 1);
}
/** Two-sided p-value of a standard normal statistic. */
function distributions_twoSidedNormal(z) {
    return Math.min(1, 2 * phi(-Math.abs(z)));
}
const inverses = new Map();
/** Two-sided p-value of a Student t statistic with `df` degrees of freedom (the normal's beyond 1e6). */
function twoSidedStudent(t, df) {
    if (!(df < 1e6))
        return distributions_twoSidedNormal(t);
    return Math.min(1, 2 * stats_base_dists_t_cdf_lib_default()(-Math.abs(t), Math.max(1, df)));
}
/** Inverse of phi by bisection, remembered: a diff asks for the same few confidence levels over and over. */
function phiInverse(p) {
    const known = inverses.get(p);
    if (known !== undefined)
        return known;
    let lo = -40;
    let hi = 40;
    for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (phi(mid) < p)
            lo = mid;
        else
            hi = mid;
    }
    const z = (lo + hi) / 2;
    if (inverses.size < 1000)
        inverses.set(p, z);
    return z;
}
function binomialPmfAt(k, n, p) {
    return lib_default()(k, n, p);
}
/** P(X = k) for X hypergeometric: `draws` from a population of `total` holding `successes`. */
function hypergeometricPmfAt(k, total, successes, draws) {
    return stats_base_dists_hypergeometric_pmf_lib_default()(k, total, successes, draws);
}

;// CONCATENATED MODULE: ./src/diff/stats/mann-whitney.ts

/** Below this size on both sides the exact distribution of U is used (as R's wilcox.test). */
const EXACT_BELOW = 50;
/**
 * Mann-Whitney U (Wilcoxon rank-sum) test of two SORTED samples, two-sided, as R's wilcox.test:
 * exact distribution when both samples are under 50 and there are no ties, otherwise the normal
 * approximation with tie and continuity corrections. Ranks come from merging the two sorted
 * arrays, O(n1 + n2): the samples are already sorted for the percentiles.
 */
function mannWhitney(a, b) {
    const n1 = a.length;
    const n2 = b.length;
    if (n1 === 0 || n2 === 0)
        return { u: 0, pValue: 1, exact: false };
    let i = 0;
    let j = 0;
    let rank = 1;
    let rankSumB = 0;
    let tieTerm = 0;
    while (i < n1 || j < n2) {
        const v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
        let inA = 0;
        let inB = 0;
        // `same`, not ===: NaN !== NaN, and a NaN that no loop consumed once kept this one turning forever.
        // Each round now takes at least the value it chose (NaN sorts last, as ties of one another).
        while (i < n1 && same(a[i], v)) {
            i++;
            inA++;
        }
        while (j < n2 && same(b[j], v)) {
            j++;
            inB++;
        }
        const t = inA + inB;
        const midRank = rank + (t - 1) / 2;
        rankSumB += inB * midRank;
        rank += t;
        if (t > 1)
            tieTerm += t * t * t - t;
    }
    return uTest(rankSumB - (n2 * (n2 + 1)) / 2, tieTerm, n1, n2);
}
/** The p-value of U (current side) given the ties' Σ (t³ - t), as mannWhitney gives it. */
function uTest(u, tieTerm, n1, n2) {
    if (tieTerm === 0 && n1 < EXACT_BELOW && n2 < EXACT_BELOW) {
        const cdf = uCdf(n1, n2);
        // Symmetric null distribution: the upper tail at u is the lower tail at n1·n2 - u.
        const lower = cdf[Math.floor(Math.min(u, n1 * n2 - u))];
        return { u, pValue: Math.min(1, 2 * lower), exact: true };
    }
    const n = n1 + n2;
    const mean = (n1 * n2) / 2;
    const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
    if (variance <= 0)
        return { u, pValue: 1, exact: false };
    const diff = u - mean;
    const z = (diff - 0.5 * Math.sign(diff)) / Math.sqrt(variance);
    return { u, pValue: distributions_twoSidedNormal(z), exact: false };
}
/**
 * The rank-sum test when spans come in traces (clustered Wilcoxon, after Rosner, Glynn & Lee 2003):
 * whole traces sit on one side, so U is a sum over traces, and its variance is that of per-trace
 * totals, not of spans. Each span's placement (the share of the other side below it, ties half) is
 * totalled per trace; the cluster-robust variance of the mean placements (Obuchowski 1997, the
 * clustered DeLong variance of the AUC) over their variance as if every span were its own trace is
 * the design effect, and U's null variance is multiplied by it (at least 1: clustering never makes
 * the test bolder). That variance is estimated from the traces, a few dozen to a few hundred of them,
 * so the statistic is referred to Student's t with Satterthwaite's degrees of freedom for the two
 * sides' per-trace variances, not to the normal: at p ≈ 1e-4 the difference is a factor of two.
 * With one span per trace the design effect is exactly 1 and this is mannWhitney.
 */
function clusteredMannWhitney(a, b, ca, cb) {
    const n1 = a.length;
    const n2 = b.length;
    if (n1 === 0 || n2 === 0 || (ca.count === n1 && cb.count === n2))
        return { ...mannWhitney(a, b), designEffect: 1 };
    // Fewer than two traces on a side: nothing can be said about the variation between traces.
    if (ca.count < 2 || cb.count < 2)
        return { u: 0, pValue: 1, exact: false, designEffect: Infinity };
    const totalA = new Float64Array(ca.count);
    const slotA = ca.slot;
    const slotB = cb.slot;
    const totalB = new Float64Array(cb.count);
    let sumA = 0;
    let sumA2 = 0;
    let sumB = 0;
    let sumB2 = 0;
    let tieTerm = 0;
    let u = 0;
    let i = 0;
    let j = 0;
    while (i < n1 || j < n2) {
        const v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
        const i0 = i;
        const j0 = j;
        while (i < n1 && same(a[i], v))
            i++;
        while (j < n2 && same(b[j], v))
            j++;
        const t = i - i0 + j - j0;
        if (t > 1)
            tieTerm += t * t * t - t;
        // U of the current side: for each of its spans, the baseline spans below it (ties half), as mannWhitney's.
        u += (j - j0) * (i0 + 0.5 * (i - i0));
        const pa = (j0 + 0.5 * (j - j0)) / n2;
        const pb = (i0 + 0.5 * (i - i0)) / n1;
        for (let k = i0; k < i; k++)
            totalA[slotA[k]] += pa;
        for (let k = j0; k < j; k++)
            totalB[slotB[k]] += pb;
        sumA += (i - i0) * pa;
        sumA2 += (i - i0) * pa * pa;
        sumB += (j - j0) * pb;
        sumB2 += (j - j0) * pb * pb;
    }
    const theta = u / (n1 * n2);
    const iid = (n1 > 1 ? Math.max(0, sumA2 - (sumA * sumA) / n1) / (n1 - 1) / n1 : 0) +
        (n2 > 1 ? Math.max(0, sumB2 - (sumB * sumB) / n2) / (n2 - 1) / n2 : 0);
    const va = ca.ratioVariance(totalA, 1 - theta);
    const vb = cb.ratioVariance(totalB, theta);
    const clustered = va + vb;
    const designEffect = iid > 0 ? Math.max(1, clustered / iid) : 1;
    const df = clustered > 0 ? (clustered * clustered) / ((va * va) / (ca.count - 1) + (vb * vb) / (cb.count - 1)) : Infinity;
    // U and the ties are mannWhitney's to the bit (half-integers, exact in doubles): its pass is not run again.
    if (designEffect === 1)
        return { ...uTest(u, tieTerm, n1, n2), designEffect };
    const n = n1 + n2;
    const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))) * designEffect;
    if (variance <= 0)
        return { u, pValue: 1, exact: false, designEffect };
    const diff = u - (n1 * n2) / 2;
    const stat = (diff - 0.5 * Math.sign(diff)) / Math.sqrt(variance);
    return { u, pValue: twoSidedStudent(stat, df), exact: false, designEffect };
}
/** Equality in which NaN equals NaN: each NaN latency is a tie of the others, never a value no loop can pass. */
function same(x, v) {
    return x === v || (Number.isNaN(x) && Number.isNaN(v));
}
/** Exact null CDFs of U, by sample sizes: a diff tests many values of the same sizes. */
const cdfCache = new Map();
/**
 * P(U ≤ k) under the null for k = 0..n1·n2, exact. The counts of U are the coefficients of the
 * Gaussian binomial [n1+n2 choose n2]_q = Π_{i=1..n2} (1 - q^(n1+i)) / (1 - q^i); each factor is a
 * stride-i prefix sum (the division) and a shifted subtraction (the multiplication), O(n2 · n1·n2)
 * instead of the O((n1·n2)²) of the textbook recurrence. Counts are scaled to probabilities at the
 * end; the lower half, the only half read (by symmetry), has no cancellation worth the name.
 */
function uCdf(n1, n2) {
    const small = Math.min(n1, n2);
    const large = Math.max(n1, n2);
    const cacheKey = small * 1_000_000 + large;
    const cached = cdfCache.get(cacheKey);
    if (cached)
        return cached;
    const max = small * large;
    const c = new Float64Array(max + 1);
    c[0] = 1;
    for (let i = 1; i <= small; i++) {
        for (let k = i; k <= max; k++)
            c[k] += c[k - i];
        const step = large + i;
        for (let k = max; k >= step; k--)
            c[k] -= c[k - step];
    }
    // The distribution is symmetric: mirror the accurate lower half onto the upper one.
    for (let k = 0; k < max - k; k++)
        c[max - k] = c[k];
    let total = 0;
    for (let k = 0; k <= max; k++)
        total += c[k];
    let acc = 0;
    for (let k = 0; k <= max; k++) {
        acc += c[k];
        c[k] = acc / total;
    }
    cdfCache.set(cacheKey, c);
    return c;
}
/**
 * The k-th smallest (1-based) of the n1·n2 differences y[j] - x[i] of two sorted samples, without
 * building them: bisection on the value, counting the differences at most d with two pointers,
 * O(n1 + n2) per step. Integer data (latencies in µs) bisects over integers and ends exactly;
 * other data bisects the doubles until no double lies between the bounds.
 */
function kthDifference(x, y, k) {
    const n1 = x.length;
    const n2 = y.length;
    const countAtMost = (d) => {
        let count = 0;
        let i = 0;
        for (let j = 0; j < n2; j++) {
            while (i < n1 && y[j] - x[i] > d)
                i++;
            count += n1 - i;
        }
        return count;
    };
    // Invariant: countAtMost(lo) < k <= countAtMost(hi).
    let lo = y[0] - x[n1 - 1] - 1;
    let hi = y[n2 - 1] - x[0];
    // Bounds that are not finite (a NaN or an infinite latency) have no value to bisect towards.
    if (!Number.isFinite(lo) || !Number.isFinite(hi))
        return hi;
    const integral = isIntegral(x) && isIntegral(y);
    for (let step = 0; step < 2100; step++) {
        const mid = integral ? Math.floor((lo + hi) / 2) : lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi)
            break;
        if (countAtMost(mid) >= k)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}
function isIntegral(xs) {
    for (let i = 0; i < xs.length; i++)
        if (!Number.isInteger(xs[i]))
            return false;
    return true;
}
/**
 * Hodges-Lehmann estimate of the shift (b - a) of two SORTED samples: the median of all n1·n2
 * pairwise differences, with the distribution-free confidence interval from their order
 * statistics, as R's wilcox.test(conf.int = TRUE): the critical rank from the exact distribution
 * of U below 50 a side, otherwise the large-sample rule of Hollander & Wolfe (Nonparametric
 * Statistical Methods, sec. 4.3), continuity-corrected, with U's variance times `designEffect` when
 * the spans come in traces. Exact at any size: the differences are
 * selected, never materialised.
 */
function hodgesLehmann(a, b, confidence = 0.95, designEffect = 1) {
    const n1 = a.length;
    const n2 = b.length;
    if (n1 === 0 || n2 === 0)
        return undefined;
    const m = n1 * n2;
    const alpha = 1 - confidence;
    let c;
    if (designEffect <= 1 && n1 < EXACT_BELOW && n2 < EXACT_BELOW) {
        // R: qu <- qwilcox(alpha/2, n1, n2); if (qu == 0) qu <- 1; interval (d[qu], d[m + 1 - qu]).
        const cdf = uCdf(n1, n2);
        c = 0;
        while (c < cdf.length && cdf[c] < alpha / 2)
            c++;
        c = Math.max(1, c);
    }
    else {
        const z = phiInverse(1 - alpha / 2);
        // Spans in traces: the variance of U is the clustered one (clusteredMannWhitney's design effect).
        const sd = Math.sqrt(((m * (n1 + n2 + 1)) / 12) * Math.max(1, designEffect));
        c = Math.max(1, Math.floor(m / 2 - 0.5 - z * sd) + 1);
    }
    const at = (k) => kthDifference(a, b, k);
    const estimate = m % 2 ? at((m + 1) / 2) : (at(m / 2) + at(m / 2 + 1)) / 2;
    return { estimate, low: at(c), high: at(m + 1 - c), confidence };
}

;// CONCATENATED MODULE: ./src/diff/stats/proportions.ts

/**
 * The probabilities of the tables of a 2×2 test with fixed margins (errors / total on each side):
 * P(errors on side A = k), k hypergeometric. Walks out from the mode by the ratio of neighbouring
 * terms (no factorials) and stops once the terms no longer change the sums: O(spread), not O(range).
 * Returns the mass of the tables less likely than the observed one and the mass of those as likely.
 */
function hypergeometricTails(errorsA, totalA, errorsB, totalB) {
    const total = totalA + totalB;
    const errors = errorsA + errorsB;
    const lo = Math.max(0, errors - totalB);
    const hi = Math.min(errors, totalA);
    const pmf = (k) => hypergeometricPmfAt(k, total, errors, totalA);
    const mode = Math.min(hi, Math.max(lo, Math.floor(((totalA + 1) * (errors + 1)) / (total + 2))));
    const observed = pmf(errorsA);
    // R's and SciPy's relative tolerance: tables this close in probability count as "as extreme".
    const edge = observed * (1 + 1e-7);
    const floor = observed * (1 - 1e-7);
    let less = 0;
    let same = 0;
    const add = (p) => {
        if (p < floor)
            less += p;
        else if (p <= edge)
            same += p;
    };
    const atMode = pmf(mode);
    add(atMode);
    // Upwards: P(k+1) / P(k) = (errors - k)(totalA - k) / ((k + 1)(totalB - errors + k + 1)).
    let term = atMode;
    for (let k = mode; k < hi; k++) {
        term *= ((errors - k) * (totalA - k)) / ((k + 1) * (totalB - errors + k + 1));
        add(term);
        if (term === 0 || (term < edge && term < (less + same) * 1e-17))
            break;
    }
    term = atMode;
    for (let k = mode; k > lo; k--) {
        term *= (k * (totalB - errors + k)) / ((errors - k + 1) * (totalA - k + 1));
        add(term);
        if (term === 0 || (term < edge && term < (less + same) * 1e-17))
            break;
    }
    return { less, same };
}
/**
 * Two-sided Fisher's exact test of a 2×2 table (errors / total on each side), as R's fisher.test and
 * SciPy's fisher_exact: the p-value sums the probabilities of every table at most as likely as the one observed.
 */
function fisherExact(errorsA, totalA, errorsB, totalB) {
    if (totalA === 0 || totalB === 0)
        return 1;
    const { less, same } = hypergeometricTails(errorsA, totalA, errorsB, totalB);
    return Math.min(1, less + same);
}
/**
 * Fisher's test with the mid-p correction (Lancaster): the tables as likely as the observed one count
 * half. Fisher's own test is conservative (its size is below α, often far below, because the
 * conditional distribution is discrete); the mid-p value has a size close to α, and unlike the
 * z-test it stays valid for rare events and very unequal sides.
 */
function fisherMidP(errorsA, totalA, errorsB, totalB) {
    if (totalA === 0 || totalB === 0)
        return 1;
    const { less, same } = hypergeometricTails(errorsA, totalA, errorsB, totalB);
    return Math.min(1, less + same / 2);
}
/** Two-proportion z-test with the pooled variance (R's prop.test without continuity correction). */
function twoProportionZ(errorsA, totalA, errorsB, totalB) {
    const pooled = (errorsA + errorsB) / (totalA + totalB);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / totalA + 1 / totalB));
    if (se === 0)
        return 1;
    return twoSidedNormal((errorsB / totalB - errorsA / totalA) / se);
}
/**
 * Whether two error rates differ. `designEffect` (≥ 1) is how much more the error count varies than
 * independent spans would let it: the counts are divided by it (Kish's effective sample size, the
 * first-order Rao-Scott correction) and the effective table is tested by the mid-p exact test. The
 * z-test is no longer used: with unequal sides (600 vs 3,000 spans at 2 %) its size at α = 1e-4 is
 * twice α, and the exact walk costs O(spread) anyway.
 */
function errorRateTest(errorsA, totalA, errorsB, totalB, designEffect = 1) {
    // Counts that are not whole and finite have no test (and nothing to walk).
    if (![errorsA, totalA, errorsB, totalB].every(Number.isSafeInteger) || totalA === 0 || totalB === 0)
        return 1;
    const d = Number.isFinite(designEffect) ? Math.max(1, designEffect) : Infinity;
    const nA = Math.max(1, Math.round(totalA / d));
    const nB = Math.max(1, Math.round(totalB / d));
    const eA = Math.min(nA, Math.round(errorsA / d));
    const eB = Math.min(nB, Math.round(errorsB / d));
    if (eA + eB === 0 || eA + eB === nA + nB)
        return 1;
    return fisherMidP(eA, nA, eB, nB);
}
/** Wilson's score interval of a proportion (x of n, x and n may be effective, non-integer counts). */
function wilson(x, n, z) {
    if (n <= 0)
        return [0, 1];
    const p = x / n;
    const z2 = z * z;
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
/**
 * Interval of the difference of two proportions (current − baseline), Newcombe's hybrid score
 * method (Newcombe 1998, method 10): the Wilson intervals of the two sides combined. Unlike the Wald
 * interval it keeps its coverage at 0 or a handful of errors. Counts divided by the design effect.
 */
function proportionDifferenceInterval(errorsA, totalA, errorsB, totalB, confidence, designEffect = 1) {
    const d = Math.max(1, designEffect);
    const z = phiInverse(1 - (1 - confidence) / 2);
    const pA = totalA ? errorsA / totalA : 0;
    const pB = totalB ? errorsB / totalB : 0;
    const [lA, uA] = wilson(errorsA / d, totalA / d, z);
    const [lB, uB] = wilson(errorsB / d, totalB / d, z);
    const delta = pB - pA;
    return [delta - Math.hypot(pB - lB, uA - pA), delta + Math.hypot(uB - pB, pA - lA)];
}

;// CONCATENATED MODULE: ./src/diff/stats/binomial.ts

/**
 * P(X = k) for X ~ Binomial(n, p). Small n multiplies exactly-representable factors (the binomial
 * coefficient is an exact integer below n = 50), so P(X = n) is p^n to the last bit and a p-value
 * made of it cannot land a rounding error past a significance level; larger n uses stdlib's pmf.
 */
function binomialPmf(k, n, p) {
    if (k < 0 || k > n)
        return 0;
    if (p === 0)
        return k === 0 ? 1 : 0;
    if (p === 1)
        return k === n ? 1 : 0;
    if (k === n)
        return Math.pow(p, n);
    if (k === 0)
        return Math.pow(1 - p, n);
    if (n < 50) {
        let c = 1;
        const r = Math.min(k, n - k);
        for (let i = 1; i <= r; i++)
            c = (c * (n - r + i)) / i;
        return Math.round(c) * Math.pow(p, k) * Math.pow(1 - p, n - k);
    }
    return binomialPmfAt(k, n, p);
}
/**
 * Σ P(X = j) for j from `from` going away from the mode in steps of `step` (+1 up, -1 down), by the
 * ratio of neighbouring terms; stops once a term no longer changes the sum. Summing the tail itself,
 * never 1 − (the rest), keeps tails far below 1e-16 (SciPy's sf, not 1 − cdf).
 */
function tailSum(from, n, p, step) {
    if (from < 0 || from > n)
        return 0;
    let term = binomialPmf(from, n, p);
    let sum = 0;
    const odds = p / (1 - p);
    for (let j = from; j >= 0 && j <= n; j += step) {
        sum += term;
        if (term === 0 || term < sum * 1e-17)
            break;
        // P(j+1) / P(j) = (n - j) / (j + 1) · p / q, and its inverse downwards.
        term *= step === 1 ? ((n - j) / (j + 1)) * odds : j / (n - j + 1) / odds;
    }
    return sum;
}
/** P(X ≥ k): summed directly when k is above the mean (a small tail), else 1 − P(X < k) (no cancellation then). */
function binomialUpper(k, n, p) {
    if (k <= 0)
        return 1;
    if (k > n)
        return 0;
    return k >= n * p ? Math.min(1, tailSum(k, n, p, 1)) : Math.max(0, 1 - tailSum(k - 1, n, p, -1));
}
/** P(X ≤ k), the mirror of binomialUpper. */
function binomialLower(k, n, p) {
    if (k < 0)
        return 0;
    if (k >= n)
        return 1;
    return k <= n * p ? Math.min(1, tailSum(k, n, p, -1)) : Math.max(0, 1 - tailSum(k + 1, n, p, 1));
}
/**
 * Two-sided exact binomial test of k successes in n trials with probability p, as R's binom.test and
 * SciPy's binomtest: the p-value is the mass of every outcome at most as likely as the observed one.
 * The pmf is unimodal, so the far tail's edge is found by bisection; each tail is summed as a tail.
 */
function binomialTwoSided(k, n, p) {
    // Counts are whole and finite, p a probability: anything else has no test (and could not bisect).
    if (n === 0 || !Number.isSafeInteger(n) || !Number.isSafeInteger(k) || !(p >= 0 && p <= 1))
        return 1;
    const mean = n * p;
    if (Math.abs(k - mean) < 1e-9)
        return 1;
    // R's relErr: outcomes within a hair of the observed probability count as "as extreme".
    const observed = binomialPmf(k, n, p) * (1 + 1e-7);
    if (k < mean) {
        // The upper tail: the first j above the mean whose pmf is at most the observed one.
        let lo = Math.ceil(mean);
        let hi = n + 1;
        while (lo < hi) {
            const mid = Math.floor((lo + hi) / 2);
            if (binomialPmf(mid, n, p) <= observed)
                hi = mid;
            else
                lo = mid + 1;
        }
        return Math.min(1, binomialLower(k, n, p) + (lo > n ? 0 : binomialUpper(lo, n, p)));
    }
    // The lower tail: the last j below the mean whose pmf is at most the observed one.
    let lo = -1;
    let hi = Math.floor(mean);
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (binomialPmf(mid, n, p) <= observed)
            lo = mid;
        else
            hi = mid - 1;
    }
    return Math.min(1, (lo < 0 ? 0 : binomialLower(lo, n, p)) + binomialUpper(k, n, p));
}

;// CONCATENATED MODULE: ./src/diff/stats/poisson.ts


/**
 * Whether two Poisson rates differ, given counts over exposures (minutes), as R's
 * poisson.test(c(countA, countB), c(minutesA, minutesB)): conditional on the total, countA is
 * Binomial(total, tA / (tA + tB)) when the rates are equal; exact at every size.
 */
function poissonRateTest(countA, minutesA, countB, minutesB) {
    const n = countA + countB;
    if (n === 0 || !(minutesA > 0) || !(minutesB > 0) || !Number.isFinite(minutesA + minutesB))
        return 1;
    return binomialTwoSided(countA, n, minutesA / (minutesA + minutesB));
}

;// CONCATENATED MODULE: ./src/diff/stats/fdr.ts
/**
 * Benjamini-Hochberg adjusted p-values (q-values): the same numbers as R's p.adjust(p, "BH").
 * A diff runs hundreds of tests; controlling the false-discovery rate keeps sheer numbers
 * from producing findings.
 */
function benjaminiHochberg(pValues) {
    const m = pValues.length;
    const order = pValues.map((p, i) => [p, i]).sort((a, b) => b[0] - a[0]);
    const q = new Array(m);
    let running = 1;
    order.forEach(([p, i], k) => {
        const rank = m - k;
        running = Math.min(running, (p * m) / rank);
        q[i] = Math.min(1, running);
    });
    return q;
}

;// CONCATENATED MODULE: ./src/diff/stats/percentiles.ts
/**
 * Exact percentiles from a sorted typed array, by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R's quantile() and NumPy's percentile()).
 */
function percentileSorted(sorted, p, from = 0, n = sorted.length - from) {
    // `from` and `n`: a run of a larger array read in place (a view per value costs more than its percentiles).
    if (n === 0)
        return 0;
    if (n === 1)
        return sorted[from];
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[from + lo] + (h - lo) * (sorted[from + hi] - sorted[from + lo]);
}
/** The mean of `values`, or of the run `from` … `from + n` of it. */
function meanOf(values, from = 0, n = values.length - from) {
    let sum = 0;
    for (let i = from; i < from + n; i++)
        sum += values[i];
    return n ? sum / n : 0;
}

// EXTERNAL MODULE: ./src/diff/stats/clusters.ts
var clusters = __webpack_require__(15204);
;// CONCATENATED MODULE: ./src/diff/stats/quantile.ts




/** How many of a sorted sample are at most t (binary search). */
function countAtMost(sorted, t) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/**
 * The k-th smallest (1-based) of the union of two sorted samples, selected by index: a binary search
 * for how many of the k come from `a` (the classic two-array selection), O(log min(n1, n2)) and exact
 * whatever the values (no bisection on the value, which could stop short on extreme ranges).
 */
function kthOfUnion(a, b, k) {
    const n1 = a.length;
    const n2 = b.length;
    if (k < 1 || k > n1 + n2)
        throw new RangeError(`k = ${k} outside 1..${n1 + n2}`);
    // Find i (taken from a), k - i from b, with a[i-1] <= b[k-i] and b[k-i-1] <= a[i].
    let lo = Math.max(0, k - n2);
    let hi = Math.min(k, n1);
    while (lo < hi) {
        const i = (lo + hi) >>> 1;
        // b[k-i-1] > a[i]: too few from a.
        if (k - i - 1 >= 0 && i < n1 && b[k - i - 1] > a[i])
            lo = i + 1;
        else
            hi = i;
    }
    const i = lo;
    const fromA = i > 0 ? a[i - 1] : -Infinity;
    const fromB = k - i > 0 ? b[k - i - 1] : -Infinity;
    return Math.max(fromA, fromB);
}
/**
 * Whether the q-quantile of latency differs between two SORTED samples: the generalised median test
 * (Mood's median test at quantile q). Under no difference, the spans above the pooled q-quantile are
 * spread over the two sides like errors over two equal populations, so the 2×2 table of "above / not
 * above" per side is tested as the error rate is (the mid-p exact test). With the spans' traces
 * (`ca`, `cb`), the table is first divided by its design effect: the cluster-robust variance of the
 * two shares above (Rao & Scott's first-order correction, the pooled share as the centre) over their
 * variance as if every span were its own trace. A slow trace puts many spans above the threshold at
 * once; without this its spans would count as independent evidence.
 */
function quantileTest(a, b, q, ca, cb) {
    const n1 = a.length;
    const n2 = b.length;
    if (n1 === 0 || n2 === 0)
        return 1;
    const threshold = kthOfUnion(a, b, Math.max(1, Math.ceil(q * (n1 + n2))));
    const belowA = countAtMost(a, threshold);
    const belowB = countAtMost(b, threshold);
    let designEffect = 1;
    if (ca && cb && (ca.count < n1 || cb.count < n2)) {
        if (ca.count < 2 || cb.count < 2)
            return 1;
        const pooled = (n1 - belowA + n2 - belowB) / (n1 + n2);
        const above = () => 1;
        const va = ca.ratioVariance(ca.totals(above, belowA), pooled);
        const vb = cb.ratioVariance(cb.totals(above, belowB), pooled);
        const iid = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        designEffect = iid > 0 ? Math.max(1, (va + vb) / iid) : 1;
    }
    return errorRateTest(n1 - belowA, n1, n2 - belowB, n2, designEffect);
}
/**
 * Woodruff's interval of a quantile (Woodruff 1952; Francisco & Fuller 1991 for clustered samples):
 * the interval of the share F(x̂_q) of spans at most the estimate, q ± z·se, mapped back through the
 * sample's quantile function. se is the cluster-robust standard error of that share (spans of a trace
 * totalled per trace), never below the binomial one. O(n), no resampling. Where q ± z·se leaves
 * [0, 1] the sample says nothing on that side (a p99 of 60 spans has no upper bound): null.
 */
function quantileInterval(sorted, q, confidence, clusters) {
    const n = sorted.length;
    const estimate = percentileSorted(sorted, q);
    if (n < 2)
        return { estimate, low: null, high: null };
    const below = countAtMost(sorted, estimate);
    const share = below / n;
    let variance = (q * (1 - q)) / n;
    if (clusters && clusters.count < n) {
        const v = clusters.count < 2
            ? undefined
            : clusters.ratioVariance(clusters.totals(() => 1, 0, below), share);
        if (v === undefined)
            return { estimate, low: null, high: null };
        variance = Math.max(variance, v);
    }
    const z = phiInverse(1 - (1 - confidence) / 2);
    const half = z * Math.sqrt(variance);
    // Mapped back through the sample's quantile function F̂⁻¹(p) = the ⌈n·p⌉-th smallest.
    const lowP = q - half;
    const highP = q + half;
    return {
        estimate,
        low: lowP * n < 1 ? null : sorted[Math.ceil(lowP * n) - 1],
        high: highP > 1 ? null : sorted[Math.min(n - 1, Math.ceil(highP * n) - 1)],
    };
}

;// CONCATENATED MODULE: ./src/diff/stats/intervals.ts



/**
 * MOVER (Zou & Donner 2008; Newcombe's method for proportions is its special case): the interval of a
 * difference b − a from the intervals of a and b, each side's uncertainty taken from the side of its
 * own interval that matters. Works for asymmetric intervals (a quantile's) without a shared variance.
 */
function mover(a, b) {
    const d = b.estimate - a.estimate;
    const low = b.low === null || a.high === null ? null : d - Math.hypot(b.estimate - b.low, a.high - a.estimate);
    const high = b.high === null || a.low === null ? null : d + Math.hypot(b.high - b.estimate, a.estimate - a.low);
    return [low, high];
}
const intervals_log = (e) => e.estimate > 0
    ? {
        estimate: Math.log(e.estimate),
        low: e.low !== null && e.low > 0 ? Math.log(e.low) : null,
        high: e.high === null ? null : Math.log(e.high),
    }
    : undefined;
function interval(a, b, confidence) {
    const [low, high] = mover(a, b);
    const la = intervals_log(a);
    const lb = intervals_log(b);
    // The ratio on the log scale: its interval is asymmetric, as a ratio's is.
    const [logLow, logHigh] = la && lb ? mover(la, lb) : [null, null];
    return {
        low,
        high,
        relativeLow: logLow === null ? (la && lb ? -1 : null) : Math.expm1(logLow),
        relativeHigh: logHigh === null ? null : Math.expm1(logHigh),
        confidence,
    };
}
/** Interval of the change of a latency percentile: Woodruff's interval on each side, combined by MOVER. */
function percentileChangeInterval(a, b, q, confidence, ca, cb) {
    return interval(quantileInterval(a, q, confidence, ca), quantileInterval(b, q, confidence, cb), confidence);
}
/** One side's mean latency with the normal interval of its cluster-robust standard error. */
function meanEstimate(sorted, z, clusters) {
    const n = sorted.length;
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += sorted[i];
    const mean = n ? sum / n : 0;
    let variance;
    if (clusters)
        variance = clusters.ratioVariance(clusters.totals((i) => sorted[i]), mean);
    else if (n > 1) {
        let ss = 0;
        for (let i = 0; i < n; i++)
            ss += (sorted[i] - mean) ** 2;
        variance = ss / (n - 1) / n;
    }
    if (variance === undefined)
        return { estimate: mean, low: null, high: null };
    const half = z * Math.sqrt(variance);
    return { estimate: mean, low: mean - half, high: mean + half };
}
/** Interval of the change of the mean latency: each side's mean with its cluster-robust error, by MOVER. */
function meanChangeInterval(a, b, confidence, ca, cb) {
    const z = phiInverse(1 - (1 - confidence) / 2);
    return interval(meanEstimate(a, z, ca), meanEstimate(b, z, cb), confidence);
}
/**
 * Interval of the change of an error rate (a difference; `relative*` are null, a rate's rule is in
 * percentage points): Newcombe's hybrid score interval, counts divided by the design effect.
 */
function errorRateChangeInterval(errorsA, totalA, errorsB, totalB, confidence, designEffect = 1) {
    const [low, high] = proportionDifferenceInterval(errorsA, totalA, errorsB, totalB, confidence, designEffect);
    return { low, high, relativeLow: null, relativeHigh: null, confidence };
}
/**
 * Interval of the change of a rate (events per minute) from two counts over two windows: given their
 * total, the current count is binomial with share π = r·tB / (tA + r·tB) for rate ratio r, so
 * Wilson's interval of π gives r's. The counts are divided by their dispersion first (quasi-Poisson,
 * as rateTest). `low`/`high` are per minute.
 */
function rateChangeInterval(countA, minutesA, countB, minutesB, confidence, dispersion = 1) {
    const d = Math.max(1, dispersion);
    const z = phiInverse(1 - (1 - confidence) / 2);
    const [pl, ph] = wilson(countB / d, (countA + countB) / d, z);
    const ratio = (p) => (p >= 1 ? null : (p / (1 - p)) * (minutesA / minutesB));
    const rl = ratio(pl) ?? null;
    const rh = ratio(ph);
    const rateA = countA / minutesA;
    return {
        low: rl === null ? null : rateA * (rl - 1),
        high: rh === null ? null : rateA * (rh - 1),
        relativeLow: rl === null ? null : rl - 1,
        relativeHigh: rh === null ? null : rh - 1,
        confidence,
    };
}

;// CONCATENATED MODULE: ./src/diff/stats/index.ts
/** The statistics of the diff engine: each a pure function of plain numbers, tested against R and SciPy. */










;// CONCATENATED MODULE: ./src/diff/histogram.ts
const BINS_PER_DECADE = 10;
/** Bin i holds latencies in [10^(i/10), 10^((i+1)/10)) µs. */
const BIN_COUNT = 9 * BINS_PER_DECADE;
/** The lower edge of bin `i` in µs. */
function binEdgeUs(i) {
    return Math.pow(10, i / BINS_PER_DECADE);
}
/** The bin of a latency (µs): what falls outside the bins goes to the first or the last. */
function binOf(us) {
    const bin = us < 1 ? 0 : Math.floor(Math.log10(us) * BINS_PER_DECADE + 1e-9);
    return bin < 0 ? 0 : bin > BIN_COUNT - 1 ? BIN_COUNT - 1 : bin;
}
/** Below this many latencies each is binned; above, the bins' boundaries are searched for. */
const SEARCH_FROM = 32;
/**
 * The histogram of sorted latencies (µs), trimmed to the bins from the first to the last one used.
 * The bin only grows along a sorted array, so a long one is cut where the bin changes (a binary
 * search per bin used) instead of taking a logarithm per latency.
 */
function latencyHistogram(sorted) {
    const n = sorted.length;
    for (let i = 0; i < n; i++)
        if (Number.isNaN(sorted[i]))
            return histogramOf(sorted);
    if (n === 0)
        return { from: 0, counts: [] };
    const from = binOf(sorted[0]);
    const last = binOf(sorted[n - 1]);
    // Pushed, not `new Array(k).fill(0)`: a packed array of small integers, made faster for the few bins most values use.
    const counts = [];
    for (let b = from; b <= last; b++)
        counts.push(0);
    if (n < SEARCH_FROM) {
        for (let i = 0; i < n; i++)
            counts[binOf(sorted[i]) - from] += 1;
        return { from, counts };
    }
    let i = 0;
    while (i < n) {
        const bin = binOf(sorted[i]);
        // The first index past i in a later bin: gallop, then bisect.
        let lo = i;
        let step = 1;
        let hi = i + 1;
        while (hi < n && binOf(sorted[hi]) === bin) {
            lo = hi;
            step *= 2;
            hi = Math.min(n, hi + step);
        }
        while (hi - lo > 1) {
            const mid = (lo + hi) >>> 1;
            if (binOf(sorted[mid]) === bin)
                lo = mid;
            else
                hi = mid;
        }
        counts[bin - from] += hi - i;
        i = hi;
    }
    return { from, counts };
}
/** The histogram latency by latency, leaving out what is not a number (NaN has no place in a sorted order). */
function histogramOf(values) {
    const counts = new Array(BIN_COUNT).fill(0);
    for (const us of values)
        if (!Number.isNaN(us))
            counts[binOf(us)] += 1;
    const first = counts.findIndex((c) => c > 0);
    if (first < 0)
        return { from: 0, counts: [] };
    let last = counts.length - 1;
    while (counts[last] === 0)
        last -= 1;
    return { from: first, counts: counts.slice(first, last + 1) };
}

;// CONCATENATED MODULE: ./src/diff/summarise.ts

/** Value `i`'s statistics, read from its run of latencies in place (no view of it is made). */
function summarise(groups, i, windowMinutes) {
    const latencies = groups.latencies;
    const from = groups.offsets[i];
    const n = groups.offsets[i + 1] - from;
    const errors = groups.errors[i];
    return {
        occurrence: n,
        traces: groups.traceCount[i],
        errors,
        errorRate: n ? errors / n : 0,
        ratePerMin: n / windowMinutes,
        latencyUs: {
            avg: Math.round(meanOf(latencies, from, n)),
            p50: Math.round(percentileSorted(latencies, 0.5, from, n)),
            p90: Math.round(percentileSorted(latencies, 0.9, from, n)),
            p95: Math.round(percentileSorted(latencies, 0.95, from, n)),
            p99: Math.round(percentileSorted(latencies, 0.99, from, n)),
            max: n ? latencies[from + n - 1] : 0,
        },
    };
}

;// CONCATENATED MODULE: ./src/diff/compare.ts




const LEVEL = { latencyP50: 0.5, latencyP90: 0.9, latencyP95: 0.95, latencyP99: 0.99 };
/**
 * A fingerprint of a value's spans on one side: count, errors, traces and a sum of per-span hashes of
 * (trace, latency), which does not depend on the order of the spans. Two values of different keys
 * with the same fingerprint on both sides hold the same spans (`web` and `web / /api/get-catalog`
 * when the service has one operation) and are one hypothesis, not two.
 */
function fingerprint(bucket) {
    let h1 = 0;
    let h2 = 0;
    const { sorted, traces } = bucket;
    for (let i = 0; i < sorted.length; i++) {
        const x = sorted[i] | 0;
        const t = traces[i];
        h1 = (h1 + Math.imul(Math.imul(t ^ 0x9e3779b9, 0x85ebca6b) ^ x, 0xc2b2ae35)) | 0;
        h2 = (h2 + Math.imul(Math.imul(x ^ 0x27d4eb2f, 0x165667b1) ^ t, 0x9e3779b1)) | 0;
    }
    return `${sorted.length}:${bucket.errors}:${bucket.traceCount}:${bucket.sumSquares}:${h1}:${h2}`;
}
/**
 * Comparisons of every key (and the call edges) of one diff. Values on both sides are tested
 * at once; values on one side only are held as presence tests until diff() has controlled the
 * false-discovery rate, and only then called new, missing or undecided (decidePresence). Intervals
 * are made afterwards, only for values whose point estimate crosses a threshold (interval()).
 */
class Comparison {
    b;
    c;
    options;
    samples = new Map();
    /**
     * The values tested, by their counts on both sides (spans, errors, traces, Σ m²): only values whose
     * counts match can hold the same spans, so only those are fingerprinted (an O(spans) hash).
     */
    tested = new Map();
    presence = [];
    /** Two-sided confidence of the change intervals: a bound is then a one-sided bound at `significance`. */
    confidence;
    constructor(b, c, options) {
        this.b = b;
        this.c = c;
        this.options = options;
        // A significance of 0.25 or more would ask for an interval below 50 %: held there.
        this.confidence = Math.max(0.5, 1 - 2 * options.significance);
    }
    /**
     * Pairs the values of both sides by text number (the sides share their ValueNames) and tests those
     * on both sides; the others are held as presence tests. A Bucket is made only for a value tested.
     */
    compare(key, baseline, current) {
        const { b, c } = this;
        if (baseline.names !== current.names)
            throw new Error('compare: the sides do not share their value names');
        const names = baseline.names;
        const out = { key, new: [], missing: [], changed: [], undecided: [] };
        const paired = new Uint8Array(current.size);
        const texts = new Int32Array(Math.min(baseline.size, current.size));
        const counts = new Float64Array(texts.length);
        // This group's presence tests, from `first` on, with their text numbers and counts.
        const first = this.presence.length;
        const alone = [];
        for (let i = 0; i < baseline.size; i++) {
            const text = baseline.text[i];
            const base = summarise(baseline, i, b.minutes);
            const j = current.indexOf(text);
            if (j >= 0) {
                paired[j] = 1;
                const cur = summarise(current, j, c.minutes);
                texts[out.changed.length] = text;
                counts[out.changed.length] = cur.occurrence;
                out.changed.push(this.changed(names.text(text), base, cur, baseline, i, current, j));
            }
            else {
                alone.push(text);
                this.presence.push(this.presenceTest(out, names.text(text), 'baseline-only', base, baseline, i, c.complete));
            }
        }
        for (let j = 0; j < current.size; j++) {
            if (paired[j])
                continue;
            const stats = summarise(current, j, c.minutes);
            alone.push(current.text[j]);
            this.presence.push(this.presenceTest(out, current.name(j), 'current-only', stats, current, j, b.complete));
        }
        byCountThenRank(out.changed, texts.subarray(0, out.changed.length), counts, names);
        // The presence tests in their lists' order too: decidePresence then files each list (new, missing, undecided) in order.
        const tests = this.presence.slice(first);
        byCountThenRank(tests, Int32Array.from(alone), Float64Array.from(tests, (t) => t.stats.occurrence), names);
        for (let k = 0; k < tests.length; k++)
            this.presence[first + k] = tests[k];
        return out;
    }
    /**
     * If the value's share of traces were the same on both sides, then given the k traces that hold it,
     * each would fall on the side that lacks it with probability t_other / (t_this + t_other) (t: the
     * sides' trace counts), and none would with probability (t_this / (t_this + t_other))^k: the exact
     * conditional test of two Poisson counts of traces (as R's poisson.test), one-sided. Counting traces,
     * not spans, keeps a value with many spans in a few traces from looking like much evidence. Below
     * min-samples traces, or when the side that lacks the value is partial, it is not tested.
     */
    presenceTest(group, value, side, stats, groups, i, otherComplete) {
        if (!otherComplete)
            return { group, value, side, stats, untested: 'partial-coverage' };
        const traceCount = groups.traceCount[i];
        if (traceCount < this.options.minSamples)
            return { group, value, side, stats, untested: 'too-little-traffic' };
        const [here, there] = side === 'baseline-only' ? [this.b.traces, this.c.traces] : [this.c.traces, this.b.traces];
        const pValue = Math.pow(here / (here + there), traceCount);
        return { group, value, side, stats, pValue, fingerprint: `${side}|${fingerprint(groups.bucket(i))}` };
    }
    changed(value, bs, cs, baseline, i, current, j) {
        const { b, c, options } = this;
        const enoughData = baseline.traceCount[i] >= options.minSamples && current.traceCount[j] >= options.minSamples;
        const bl = bs.latencyUs;
        const cl = cs.latencyUs;
        const result = {
            value,
            baseline: bs,
            current: cs,
            delta: {
                occurrence: cs.occurrence - bs.occurrence,
                errorRate: cs.errorRate - bs.errorRate,
                ratePerMin: cs.ratePerMin - bs.ratePerMin,
                latencyAvgUs: cl.avg - bl.avg,
                latencyP50Us: cl.p50 - bl.p50,
                latencyP90Us: cl.p90 - bl.p90,
                latencyP95Us: cl.p95 - bl.p95,
                latencyP99Us: cl.p99 - bl.p99,
            },
            pValue: {},
            enoughData,
        };
        // Below min-samples nothing is tested: a finding there would be noise, and an untested
        // p-value must not dilute the false-discovery control of the tests that matter.
        if (!enoughData)
            return result;
        const bb = baseline.bucket(i);
        const cb = current.bucket(j);
        // A picture only where it can mean something: a tested value (every finding of a changed value is
        // one). Most values of a big diff are untested, and their histograms were most of the result.
        result.latencyHistogram = { baseline: latencyHistogram(bb.sorted), current: latencyHistogram(cb.sorted) };
        const counts = (x) => `${x.sorted.length}:${x.errors}:${x.traceCount}:${x.sumSquares}`;
        const signature = `${counts(bb)}|${counts(cb)}`;
        const candidates = this.tested.get(signature);
        let print;
        if (candidates) {
            print = `${fingerprint(bb)}|${fingerprint(cb)}`;
            for (const other of candidates) {
                const sample = this.samples.get(other);
                sample.print ??= `${fingerprint(sample.baseline)}|${fingerprint(sample.current)}`;
                if (sample.print !== print)
                    continue;
                // The same spans under another key: the same test, run once (diff() counts it once in its family).
                result.pValue = { ...other.pValue };
                this.samples.set(result, { ...sample });
                return result;
            }
        }
        const ca = bb.clusters;
        const cc = cb.clusters;
        const latency = clusteredMannWhitney(bb.sorted, cb.sorted, ca, cc);
        result.pValue = {
            latency: latency.pValue,
            errorRate: errorRateTest(bs.errors, bs.occurrence, cs.errors, cs.occurrence, errorDesignEffect(bb, cb)),
            rate: rateTest(bb, b.minutes, cb, c.minutes),
        };
        for (const q of options.quantiles)
            result.pValue[q] = quantileTest(bb.sorted, cb.sorted, LEVEL[q], ca, cc);
        this.samples.set(result, {
            baseline: bb,
            current: cb,
            designEffect: latency.designEffect ?? 1,
            hypothesis: this.samples.size,
            ...(print ? { print } : {}),
        });
        if (candidates)
            candidates.push(result);
        else
            this.tested.set(signature, [result]);
        return result;
    }
    /** The hypothesis a tested value's tests belong to: values holding the same spans share one. */
    hypothesisOf(value) {
        return this.samples.get(value)?.hypothesis;
    }
    /** Hodges-Lehmann shift and interval of a tested value; diff() asks only where the latency change is significant. */
    estimateShift(value) {
        const s = this.samples.get(value);
        const shift = s && hodgesLehmann(s.baseline.sorted, s.current.sorted, 0.95, s.designEffect);
        if (shift) {
            value.latencyShiftUs = {
                estimate: Math.round(shift.estimate),
                low: Math.round(shift.low),
                high: Math.round(shift.high),
                confidence: shift.confidence,
            };
        }
    }
    /**
     * The confidence interval of a tested value's change in a metric, made once and kept on the value
     * (`intervals`). Each is linear in the value's spans; diff() asks only for values whose point
     * estimate crosses a threshold, since an interval contains its estimate.
     */
    interval(value, metric) {
        const known = value.intervals?.[metric];
        if (known)
            return known;
        const s = this.samples.get(value);
        if (!s)
            return undefined;
        const { baseline: bb, current: cb } = s;
        const conf = this.confidence;
        let made;
        const quantile = vocabulary/* QUANTILE_OF */.MX[metric];
        if (quantile) {
            made = percentileChangeInterval(bb.sorted, cb.sorted, LEVEL[quantile], conf, bb.clusters, cb.clusters);
        }
        else if (metric === 'latency.avg') {
            made = meanChangeInterval(bb.sorted, cb.sorted, conf, bb.clusters, cb.clusters);
        }
        else if (metric === 'error-rate') {
            const e = errorRateChangeInterval(bb.errors, bb.sorted.length, cb.errors, cb.sorted.length, conf, errorDesignEffect(bb, cb));
            // A relative error-rate rule reads the difference against the baseline's rate.
            const base = bb.sorted.length ? bb.errors / bb.sorted.length : 0;
            made = {
                ...e,
                relativeLow: base > 0 && e.low !== null ? e.low / base : null,
                relativeHigh: base > 0 && e.high !== null ? e.high / base : null,
            };
        }
        else {
            const [minutesB, minutesC] = metric === 'rate' ? [this.b.minutes, this.c.minutes] : [1, 1];
            made = rateChangeInterval(bb.sorted.length, minutesB, cb.sorted.length, minutesC, conf, dispersion(bb, cb));
        }
        made = roundInterval(made);
        (value.intervals ??= {})[metric] = made;
        return made;
    }
}
/** Intervals in the JSON: six significant digits are more than any bound's precision. */
function roundInterval(i) {
    const r = (x) => (x === null || !Number.isFinite(x) ? null : Number(x.toPrecision(6)));
    return {
        low: r(i.low),
        high: r(i.high),
        relativeLow: r(i.relativeLow),
        relativeHigh: r(i.relativeHigh),
        confidence: i.confidence,
    };
}
/** The pooled dispersion φ = Σ m² / Σ m of a value's span counts (1 when each trace holds one of its spans). */
function dispersion(baseline, current) {
    return (0,clusters/* worstCaseDesignEffect */.j)(baseline.sumSquares + current.sumSquares, baseline.sorted.length + current.sorted.length);
}
/**
 * The design effect of a value's error count. A failed request fails many of its spans, so errors
 * cluster by trace; the buckets count errors, not errors per trace, so the worst case is taken: the
 * spans of a trace all fail or all succeed (φ). Exact for whole-trace failures, conservative for
 * errors independent per span, and 1 when each trace holds one span of the value.
 */
function errorDesignEffect(baseline, current) {
    return dispersion(baseline, current);
}
/**
 * Whether a value's span rate changed. Spans of one trace arrive together, so a span count is a
 * compound Poisson count: its variance is Σ m² (m = the value's spans per trace), not Σ m. Dividing
 * both counts by the pooled dispersion φ = Σ m² / Σ m (1 when every trace has one span of the value)
 * gives the counts of independent arrivals they are worth, and the exact Poisson comparison of those
 * (quasi-Poisson). Without it a rare customer whose traces hold many spans shows "significant" drops
 * in noise.
 */
function rateTest(baseline, baselineMinutes, current, currentMinutes) {
    const phi = dispersion(baseline, current);
    return poissonRateTest(Math.round(baseline.sorted.length / phi), baselineMinutes, Math.round(current.sorted.length / phi), currentMinutes);
}
/** Files each one-sided value, once its q-value is known, as new, missing or undecided. */
function decidePresence(test, qValue, significance) {
    const { group, value, side, stats } = test;
    if (qValue !== undefined && qValue <= significance) {
        if (side === 'baseline-only')
            group.missing.push({ value, baseline: stats, pValue: test.pValue, qValue });
        else
            group.new.push({ value, current: stats, pValue: test.pValue, qValue });
        return;
    }
    const undecided = {
        value,
        side,
        reason: test.untested ?? 'too-little-traffic',
        ...(side === 'baseline-only' ? { baseline: stats } : { current: stats }),
        ...(test.pValue !== undefined ? { pValue: test.pValue, qValue } : {}),
    };
    group.undecided.push(undecided);
}
/**
 * `list` with most spans first, then by name (code units), in place, given each item's text number and
 * count (names are unique in a list). The names' order comes from ValueNames.order, whose integer
 * passes replace comparing texts (a hundred thousand call edges with long shared prefixes), the counts'
 * from one numeric sort of (count, name rank) packed in a double.
 */
function byCountThenRank(list, texts, counts, names) {
    const n = list.length;
    if (n < 2)
        return;
    const byName = names.order(texts);
    let max = 0;
    for (let i = 0; i < n; i++)
        max = Math.max(max, counts[i]);
    // Exact: below 2^53 while spans × values are (a billion spans and a million values would be 2^50).
    const keys = new Float64Array(n);
    for (let r = 0; r < n; r++)
        keys[r] = (max - counts[byName[r]]) * n + r;
    keys.sort();
    const copy = list.slice();
    for (let k = 0; k < n; k++)
        list[k] = copy[byName[keys[k] % n]];
}

// EXTERNAL MODULE: ./src/diff/group.ts + 2 modules
var group = __webpack_require__(48033);
;// CONCATENATED MODULE: ./src/diff/findings.ts

function metricValue(stats, metric) {
    switch (metric) {
        case 'occurrence':
            return stats.occurrence;
        case 'rate':
            return stats.ratePerMin;
        case 'error-rate':
            return stats.errorRate;
        case 'latency.avg':
            return stats.latencyUs.avg;
        case 'latency.p50':
            return stats.latencyUs.p50;
        case 'latency.p90':
            return stats.latencyUs.p90;
        case 'latency.p95':
            return stats.latencyUs.p95;
        case 'latency.p99':
            return stats.latencyUs.p99;
    }
}
/**
 * The q-value (BH-adjusted within its family) that says the metric's change is more than noise
 * (vocabulary: TESTS_OF). A percentile speaks through either test: the rank-sum test sees a shift of
 * the whole distribution, the quantile test a change at that percentile only (a slower tail). Which
 * level the change reaches is then decided by percentile evidence alone: the interval of that
 * percentile's change (judgeChanged), so a body shift cannot lift a p99 read from a handful of spans
 * past its level.
 */
function qFor(value, metric) {
    return (0,vocabulary/* qOfMetric */.dm)(value.qValue, metric);
}
/** `+34%`, `+2.1pp`, `+41ms`: how a change reads in a report, in the form of the rule that judged it. */
function describeChange(metric, baseline, current, kind = 'relative') {
    const sign = (x) => (x >= 0 ? '+' : '');
    if (kind === 'absolute' && metric.startsWith('latency.')) {
        const ms = (current - baseline) / 1000;
        return `${sign(ms)}${Math.abs(ms) < 10 ? ms.toFixed(1) : ms.toFixed(0)}ms`;
    }
    if (kind === 'absolute' && metric === 'rate')
        return `${sign(current - baseline)}${(current - baseline).toFixed(1)}/min`;
    if (kind === 'absolute' && metric === 'occurrence')
        return `${sign(current - baseline)}${current - baseline}`;
    if (metric === 'error-rate') {
        const pp = (current - baseline) * 100;
        return `${pp >= 0 ? '+' : ''}${pp.toFixed(Math.abs(pp) < 10 ? 1 : 0)}pp`;
    }
    if (baseline === 0)
        return current === 0 ? '0%' : 'from 0';
    const pct = ((current - baseline) / baseline) * 100;
    return `${pct >= 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
}
/** Whether a measured change crosses a threshold amount; the amount's sign is the bad direction. */
function crosses(measured, amount) {
    return amount >= 0 ? measured >= amount : measured <= amount;
}
/**
 * Whether an interval of a change lies wholly past a threshold amount: its bound nearest to no change
 * crosses it (the lower bound for an increase, the upper for a decrease). An unbounded side never does.
 */
function clears(interval, kind, amount) {
    const [low, high] = kind === 'relative' ? [interval.relativeLow, interval.relativeHigh] : [interval.low, interval.high];
    const bound = amount >= 0 ? low : high;
    return bound !== null && crosses(bound, amount);
}
/** `98% interval +3% … +48%` (or `+0.4pp … +3.1pp`, `+2.0ms … +41ms`): the interval in the level's terms. */
function intervalText(interval, metric, kind) {
    const [low, high] = kind === 'relative' ? [interval.relativeLow, interval.relativeHigh] : [interval.low, interval.high];
    const bound = (x) => {
        if (x === null)
            return '?';
        if (kind === 'absolute')
            return describeChange(metric, 0, x, 'absolute');
        return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;
    };
    return `${Math.round(interval.confidence * 100)}% interval ${bound(low)} … ${bound(high)}`;
}
/**
 * Turns one changed value into findings (bad direction) and improvements (good direction). A finding
 * needs enough traces on both sides, a significant q-value of the metric's own test, and a confidence
 * interval of the change that lies wholly past the level's threshold in the bad direction (as
 * Kayenta's judge asks its interval to clear the allowed band): a level is reached only when the
 * evidence supports that level, not when a point estimate happens to land past it. The interval is
 * two-sided at 1 − 2 · significance, so its bound is a one-sided bound at `significance`.
 */
function judgeChanged(key, value, rules, significance, intervalOf, cap = 'fail') {
    const findings = [];
    const improvements = [];
    if (!value.enoughData || cap === 'ignore')
        return { findings, improvements };
    for (const rule of rules) {
        const q = qFor(value, rule.metric);
        if (q === undefined || q > significance)
            continue;
        const base = metricValue(value.baseline, rule.metric);
        const cur = metricValue(value.current, rule.metric);
        const delta = cur - base;
        const relative = base === 0 ? (cur === 0 ? 0 : Infinity * Math.sign(delta)) : delta / base;
        const measure = (kind) => (kind === 'relative' ? relative : delta);
        const mildest = rule.levels[rule.levels.length - 1];
        // An interval contains its estimate: where the estimate crosses no level either way, neither can the interval.
        const inReach = rule.levels.some((level) => crosses(measure(level.change.kind), level.change.amount)) ||
            (mildest !== undefined && crosses(measure(mildest.change.kind), -mildest.change.amount));
        if (!inReach)
            continue;
        const interval = intervalOf(value, rule.metric);
        if (!interval)
            continue;
        const spans = Math.max(value.baseline.occurrence, value.current.occurrence);
        const size = rule.metric === 'error-rate' ? Math.abs(delta) * 100 : Math.min(Math.abs(relative), 100);
        const finding = (severity, kind, capped = false) => ({
            severity,
            key,
            value: value.value,
            metric: rule.metric,
            baseline: base,
            current: cur,
            change: describeChange(rule.metric, base, cur, kind),
            pValue: q,
            rule: capped ? `${rule.text}, capped by edges: ${severity}` : rule.text,
            impact: spans * size,
            interval,
        });
        const hit = rule.levels.find((level) => clears(interval, level.change.kind, level.change.amount));
        if (hit) {
            const capped = (0,vocabulary/* severityRank */.qs)(hit.severity) > (0,vocabulary/* severityRank */.qs)(cap);
            findings.push(finding(capped ? cap : hit.severity, hit.change.kind, capped));
            continue;
        }
        // Significant, its point estimate past a level, its interval not (yet) past it: shown as a notice, so
        // a real change seen in too few traces is not lost, but it never warns or fails a check on luck.
        const reached = rule.levels.find((level) => crosses(measure(level.change.kind), level.change.amount));
        if (reached) {
            findings.push({
                ...finding('notice', reached.change.kind),
                rule: `${rule.metric} ${reached.change.text} (${intervalText(interval, rule.metric, reached.change.kind)}, not yet established)`,
            });
            continue;
        }
        // The mildest level, mirrored: a change that surely large in the good direction is an improvement.
        if (mildest && clears(interval, mildest.change.kind, -mildest.change.amount))
            improvements.push(finding('notice', mildest.change.kind));
    }
    return { findings, improvements };
}
/** New and missing values (or call edges) become findings at the severity the config gives them. */
function judgeNewAndMissing(group, thresholds, isEdge) {
    const out = [];
    const newSeverity = isEdge ? thresholds.edges : thresholds.new;
    const missingSeverity = isEdge ? thresholds.edges : thresholds.missing;
    const key = isEdge ? 'edge' : group.key;
    if (newSeverity !== 'ignore') {
        for (const v of group.new) {
            out.push({
                severity: newSeverity,
                key,
                value: v.value,
                metric: 'new',
                baseline: null,
                current: v.current.occurrence,
                change: 'new',
                pValue: v.qValue ?? null,
                rule: `${isEdge ? 'edges' : 'new'}: ${newSeverity}`,
                impact: v.current.occurrence,
            });
        }
    }
    if (missingSeverity !== 'ignore') {
        for (const v of group.missing) {
            out.push({
                severity: missingSeverity,
                key,
                value: v.value,
                metric: 'missing',
                baseline: v.baseline.occurrence,
                current: 0,
                change: 'missing',
                pValue: v.qValue ?? null,
                rule: `${isEdge ? 'edges' : 'missing'}: ${missingSeverity}`,
                impact: v.baseline.occurrence,
            });
        }
    }
    return out;
}
/** Most severe first, then by impact, so the first line of a report is the thing to look at. */
function rankFindings(findings) {
    return findings.sort((a, b) => (0,vocabulary/* severityRank */.qs)(b.severity) - (0,vocabulary/* severityRank */.qs)(a.severity) || (b.impact ?? 0) - (a.impact ?? 0));
}
function verdictOf(findings) {
    return (0,vocabulary/* worstVerdict */.zP)(findings.map((f) => f.severity));
}

;// CONCATENATED MODULE: ./src/diff/types.ts
const DIFF_SCHEMA = 'trace-differ/diff@1';

;// CONCATENATED MODULE: ./src/diff/diff.ts










/** The percentile metrics and the quantile test each gets when a rule names it. */
const QUANTILES = Object.entries(vocabulary/* QUANTILE_OF */.MX);
/** The time range of a table's spans, one pass over its rows made once per table in a diff (the rate and the side's range both read it). */
function windowsOnce() {
    const windows = new Map();
    return (table) => {
        if (!windows.has(table))
            windows.set(table, (0,assemble/* spanWindow */.p)(table));
        return windows.get(table);
    };
}
/** Minutes the dataset's spans cover: the source's window when it gave one, else the spans' extent (at least 1). */
function windowMinutes(d, spanWindow) {
    const p = d.provenance;
    const window = p.windowStartUs !== undefined && p.windowEndUs !== undefined
        ? { windowStartUs: p.windowStartUs, windowEndUs: p.windowEndUs }
        : spanWindow(d.table);
    const minutes = window ? (window.windowEndUs - window.windowStartUs) / 60e6 : 0;
    return Number.isFinite(minutes) && minutes > 1 ? minutes : 1;
}
/** Sources whose datasets are read from files: their time is the spans' own, not a collection's. */
const FILE_SOURCES = new Set(['otlp', 'file']);
/** The time range of the spans of file datasets (undefined for collections or no spans). */
function spansRange(datasets, table, spanWindow) {
    if (table.size === 0 || !datasets.every((d) => FILE_SOURCES.has(d.provenance.source)))
        return undefined;
    const window = spanWindow(table);
    if (!window || !Number.isFinite(window.windowStartUs) || !Number.isFinite(window.windowEndUs))
        return undefined;
    const iso = (us) => new Date(Math.floor(us / 1000)).toISOString();
    return { spansFrom: iso(window.windowStartUs), spansTo: iso(window.windowEndUs) };
}
function summary(datasets, table, minutes, spanWindow) {
    const newest = datasets[datasets.length - 1];
    const wanted = datasets.reduce((n, d) => n + d.coverage.tracesWanted, 0);
    const fetched = datasets.reduce((n, d) => n + d.coverage.tracesFetched, 0);
    return {
        snapshotId: newest.provenance.snapshotId,
        collectedAt: newest.provenance.collectedAt,
        spans: table.size,
        // The sources count the traces they fetched; counting a million trace ids again costs a second.
        traces: datasets.reduce((n, d) => n + d.coverage.tracesFetched, 0),
        coverage: datasets.length === 1 ? coverageRatio(newest.coverage) : wanted === 0 ? 1 : fetched / wanted,
        complete: datasets.every((d) => d.coverage.complete),
        uiLink: newest.provenance.uiLink,
        windowMinutes: Math.round(minutes * 100) / 100,
        ...spansRange(datasets, table, spanWindow),
        ...(datasets.length > 1 ? { pooled: datasets.length } : {}),
    };
}
/**
 * The diff engine: group both sides by every key, compare every value, test every change,
 * control the false-discovery rate across all tests, and judge against the thresholds.
 * Pure: plain data in, the DiffResult of DESIGN.md out.
 */
function diff(input) {
    const { current, settings } = input;
    const spanWindow = windowsOnce();
    const currentMinutes = windowMinutes(current, spanWindow);
    const currentSummary = summary([current], current.table, currentMinutes, spanWindow);
    const emptyEdges = { new: [], missing: [], changed: [], undecided: [] };
    const base = {
        schema: DIFF_SCHEMA,
        query: input.query,
        current: currentSummary,
        edges: emptyEdges,
        findings: [],
        improvements: [],
        traffic: [],
    };
    if (input.baseline.length === 0) {
        return {
            ...base,
            baseline: null,
            verdict: 'inconclusive',
            reason: 'There is no baseline yet: this dataset is stored and becomes the baseline of the next run.',
            groups: [],
        };
    }
    // Pooled baselines: spans concatenated, windows summed, so rates stay per minute of observation.
    const baselineTable = (0,dataset_table/* concatTables */.mm)(input.baseline.map((d) => d.table));
    const baselineMinutes = input.baseline.reduce((m, d) => m + windowMinutes(d, spanWindow), 0);
    const baselineSummary = summary(input.baseline, baselineTable, baselineMinutes, spanWindow);
    if (current.table.size === 0 || baselineTable.size === 0) {
        return {
            ...base,
            baseline: baselineSummary,
            verdict: 'inconclusive',
            reason: `The ${current.table.size === 0 ? 'current' : 'baseline'} dataset has no spans: there is nothing to compare.`,
            groups: [],
        };
    }
    const b = {
        spans: baselineTable.size,
        traces: baselineSummary.traces > 0 ? baselineSummary.traces : baselineTable.size,
        minutes: baselineMinutes,
        complete: baselineSummary.complete,
    };
    const c = {
        spans: current.table.size,
        traces: currentSummary.traces > 0 ? currentSummary.traces : current.table.size,
        minutes: currentMinutes,
        complete: currentSummary.complete,
    };
    const quantiles = QUANTILES.filter(([metric]) => settings.thresholds.metrics.some((r) => r.metric === metric)).map(([, test]) => test);
    const comparison = new Comparison(b, c, {
        minSamples: settings.minSamples,
        significance: settings.significance,
        quantiles,
    });
    // One set of value names for both sides: a value's lookups across the sides compare one string with itself.
    const names = new group.ValueNames();
    const before = new group.Grouping(baselineTable, names);
    const after = new group.Grouping(current.table, names);
    const groups = settings.groupBy.map((key) => comparison.compare(groupKeyName(key), before.groups(key), after.groups(key)));
    const beforeEdges = before.edgeGroups();
    const afterEdges = after.edgeGroups();
    const edgeGroup = comparison.compare('edge', beforeEdges, afterEdges);
    // A family of tests per question (see adjustPValues), each hypothesis once. Only tested values have
    // p-values (most values of a big diff do not): the others are not walked again.
    const tested = [];
    for (const group of [...groups, edgeGroup])
        for (const value of group.changed)
            if (value.enoughData)
                tested.push(value);
    const presenceQ = adjustPValues(tested, comparison.presence, comparison);
    comparison.presence.forEach((test, i) => decidePresence(test, presenceQ[i], settings.significance));
    const intervalOf = (value, metric) => comparison.interval(value, metric);
    const findings = [];
    const improvements = [];
    const shifted = new Set();
    for (const group of groups) {
        for (const value of group.changed) {
            // An untested value has no finding (judgeChanged): not asked.
            if (!value.enoughData)
                continue;
            const judged = judgeChanged(group.key, value, settings.thresholds.metrics, settings.significance, intervalOf);
            findings.push(...judged.findings);
            improvements.push(...judged.improvements);
            if ([...judged.findings, ...judged.improvements].some((f) => f.metric.startsWith('latency.')))
                shifted.add(value);
        }
        findings.push(...judgeNewAndMissing(group, settings.thresholds, false));
    }
    // A call edge that changed in count or latency is judged by the same rules, at most at the edges' severity:
    // its callee's own key already carries the full severity, the edge says which caller's calls changed.
    // An edge that is its callee's only one says nothing the callee's own values do not: it is skipped.
    // Only tested edges can have findings. A tested edge X (on both sides) shares its callee C when the
    // edges into C of both sides are more than X: then one side has another, so a side has two or more.
    // Counted per side by the callee's text number (no set of edge names per callee); a tested edge is on both sides.
    const testedEdges = edgeGroup.changed.filter((v) => v.enoughData);
    const calleeOf = (edges, value) => edges.callee[edges.indexOf(names.of(value))];
    const into = testedEdges.length > 0 ? [edgesInto(beforeEdges, names.size), edgesInto(afterEdges, names.size)] : [];
    const sharedCallee = (value) => {
        const callee = calleeOf(beforeEdges, value);
        // Names that read alike can give an edge another callee on the current side: then it is not one of C's there.
        return into[0][callee] > 1 || into[1][callee] > (calleeOf(afterEdges, value) === callee ? 1 : 0);
    };
    for (const value of testedEdges.filter((v) => sharedCallee(v.value))) {
        const judged = judgeChanged('edge', value, settings.thresholds.metrics, settings.significance, intervalOf, settings.thresholds.edges);
        findings.push(...judged.findings);
        improvements.push(...judged.improvements);
        if ([...judged.findings, ...judged.improvements].some((f) => f.metric.startsWith('latency.')))
            shifted.add(value);
    }
    findings.push(...judgeNewAndMissing(edgeGroup, settings.thresholds, true));
    // The Hodges-Lehmann shift costs O(spans · log range) per value: made for the values a reader will
    // look at (a latency finding or improvement) when their rank-sum test is significant too.
    for (const value of shifted)
        if ((value.qValue?.latency ?? 1) <= settings.significance)
            comparison.estimateShift(value);
    rankFindings(findings);
    rankFindings(improvements);
    // More or less traffic is not better or worse by itself: it is listed apart, as context.
    const isTraffic = (f) => f.metric === 'rate' || f.metric === 'occurrence';
    const { key: _edgeKey, ...edges } = edgeGroup;
    return {
        ...base,
        baseline: baselineSummary,
        verdict: verdictOf(findings),
        groups,
        edges,
        findings,
        improvements: improvements.filter((f) => !isTraffic(f)),
        traffic: improvements.filter(isTraffic),
    };
}
/** How many call edges lead into each callee, by the callee's text number (below `texts`). */
function edgesInto(edges, texts) {
    const into = new Int32Array(texts);
    const callee = edges.callee;
    for (let i = 0; i < callee.length; i++)
        into[callee[i]]++;
    return into;
}
/**
 * Benjamini-Hochberg within families that match the questions a reader asks: "did latency shift?"
 * (rank-sum), "did p95 move?" (each percentile's quantile test), "did errors rise?", "did traffic
 * move?" (rate) and "is a value gone or new?" (presence). One family for everything let a burst of
 * traffic, which rejects nearly every rate test, loosen the bar for latency and errors. Within a
 * family, values holding the same spans under several keys (a service with one operation, an edge
 * that is its callee's only caller) are one hypothesis: tested once, counted once, q-value shared.
 * Change tests are written back as q-values; the presence q-values are returned in their order.
 */
function adjustPValues(values, presence, comparison) {
    const families = new Map();
    const slot = (family, hypothesis, p) => {
        let f = families.get(family);
        if (!f)
            families.set(family, (f = { p: [], index: new Map() }));
        let at = f.index.get(hypothesis);
        if (at === undefined) {
            at = f.p.length;
            f.index.set(hypothesis, at);
            f.p.push(p);
        }
        return [family, at];
    };
    const changeSlots = [];
    values.forEach((value, i) => {
        const hypothesis = comparison.hypothesisOf(value);
        const print = hypothesis === undefined ? `#${i}` : `h${hypothesis}`;
        for (const [test, p] of Object.entries(value.pValue)) {
            if (p !== undefined)
                changeSlots.push({ value, test, at: slot(test, print, p) });
        }
    });
    const presenceSlots = presence.map((t, i) => t.pValue === undefined ? undefined : slot('presence', t.fingerprint ?? `#${i}`, t.pValue));
    const q = new Map([...families].map(([name, f]) => [name, benjaminiHochberg(f.p)]));
    const qAt = ([family, at]) => q.get(family)[at];
    for (const { value, test, at } of changeSlots) {
        value.qValue ??= {};
        value.qValue[test] = qAt(at);
    }
    return presenceSlots.map((at) => (at === undefined ? undefined : qAt(at)));
}

;// CONCATENATED MODULE: ./src/diff/index.ts
/** diff: the engine. Pure functions over plain data: datasets and settings in, a DiffResult out. */




// EXTERNAL MODULE: ./src/sources/lightstep/index.ts + 4 modules
var lightstep = __webpack_require__(64914);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
// EXTERNAL MODULE: ./src/sources/endpoint.ts
var endpoint = __webpack_require__(2745);
// EXTERNAL MODULE: ./src/sources/lightstep/limiter.ts
var limiter = __webpack_require__(9971);
// EXTERNAL MODULE: ./src/sources/http/retry.ts
var retry = __webpack_require__(26825);
;// CONCATENATED MODULE: ./src/sources/http/client.ts






/**
 * A JSON-over-HTTP client of a trace backend: credentials sent to the configured host only, retries
 * with backoff on 429, 5xx and dropped connections (the machinery the Lightstep client uses), a
 * per-request timeout, cancellation, and secrets blotted out of every message.
 */
class BackendHttp {
    options;
    base;
    host;
    concurrency;
    headers;
    secrets;
    dispatcher;
    ownsDispatcher;
    retry;
    limiter;
    rawSleep;
    constructor(options) {
        this.options = options;
        this.base = options.baseUrl.replace(/\/+$/, '');
        this.host = new URL(this.base).host;
        const c = options.credentials ?? {};
        const headers = { accept: 'application/json', ...options.headers };
        const secrets = [];
        const secret = (value, what) => {
            const v = value.trim();
            // A secret pasted with a newline or a space would make undici refuse the header with a message we do not control.
            if (!v || /[^\x20-\x7e]/.test(v)) {
                throw new errors/* SourceError */.c8(`the ${options.backend} ${what} is empty or contains control characters`, `set the secret to the value alone, without a trailing newline`);
            }
            secrets.push(v);
            return v;
        };
        if (c.token)
            headers.authorization = `Bearer ${secret(c.token, 'token')}`;
        else if (c.username !== undefined || c.password !== undefined) {
            const basic = Buffer.from(`${c.username ?? ''}:${secret(c.password ?? '', 'password')}`).toString('base64');
            secrets.push(basic);
            headers.authorization = `Basic ${basic}`;
        }
        for (const [name, value] of Object.entries(c.headers ?? {}))
            headers[name.toLowerCase()] = secret(value, `header ${name}`);
        // Masked as soon as we hold them, so that nothing a later step prints can show them.
        for (const s of secrets)
            (0,endpoint/* maskSecret */.$l)(s);
        this.headers = headers;
        this.secrets = secrets;
        this.concurrency = Math.max(1, options.concurrency ?? 8);
        this.ownsDispatcher = !options.dispatcher;
        this.dispatcher = options.dispatcher ?? new undici/* EnvHttpProxyAgent */.J2({ connections: this.concurrency });
        this.retry = { ...retry/* DEFAULT_RETRY */.vI, ...options.retry };
        this.limiter = options.requestsPerSecond ? new limiter/* SlidingWindowLimiter */.P(options.requestsPerSecond, 1000) : undefined;
        this.rawSleep = options.sleep ?? ((ms) => (0,external_node_timers_promises_.setTimeout)(ms, undefined, { signal: options.signal }));
    }
    get signal() {
        return this.options.signal;
    }
    cancelled() {
        return new errors/* SourceError */.c8(`cancelled: the collection from ${this.options.backend} at ${this.host} was stopped before it finished`, 'nothing to fix here: the run was cancelled (or timed out); the next run collects again');
    }
    checkCancelled() {
        if (this.options.signal?.aborted)
            throw this.cancelled();
    }
    sleep(ms) {
        return (0,retry/* unlessCancelled */.MS)(this.rawSleep(ms), this.options.signal, () => this.cancelled());
    }
    async close() {
        if (this.ownsDispatcher)
            await this.dispatcher.close();
    }
    /** Any text that leaves this class with the secrets blotted out, whatever the server echoed. */
    redact(text) {
        let out = text;
        for (const s of this.secrets)
            out = out.split(s).join('***');
        return out;
    }
    /**
     * GET a path (with its query) and parse the JSON answer. A 404 answers `undefined` when `notFound`
     * is 'undefined' (a trace not found, "no traces found"); 401/403 is a SourceError naming the host
     * and the fix; 429, 5xx, dropped connections and cut-off bodies are retried with backoff.
     */
    async getJson(path, init = {}) {
        for (let attempt = 1;; attempt++) {
            const text = await this.getText(path, init);
            if (text === undefined)
                return undefined;
            try {
                return this.parse(text, path);
            }
            catch (error) {
                // A body cut off mid-answer (the connection dropped): worth another try, as a reset is.
                if (attempt >= this.retry.attempts)
                    throw error;
                await this.sleep((0,retry/* backoffMs */.jo)(attempt, this.retry, this.options.random));
            }
        }
    }
    /** The answer's text (see `getJson`); the body is checked as JSON by the caller. */
    async getText(path, init = {}) {
        const random = this.options.random ?? Math.random;
        const name = `GET ${path.split('?')[0]}`;
        for (let attempt = 1;; attempt++) {
            this.checkCancelled();
            let serverWaitMs;
            let failure;
            const slot = this.limiter
                ? await this.limiter.acquire(this.retry.maxServerWaitMs, this.options.signal)
                : undefined;
            try {
                let res;
                let text;
                try {
                    res = await (0,undici/* request */.Em)(`${this.base}${path}`, {
                        method: 'GET',
                        dispatcher: this.dispatcher,
                        headers: this.headers,
                        headersTimeout: this.options.timeoutMs ?? 30_000,
                        bodyTimeout: this.options.timeoutMs ?? 30_000,
                        signal: this.options.signal,
                    });
                    text = await res.body.text();
                }
                finally {
                    slot?.release();
                }
                if (res.statusCode >= 200 && res.statusCode < 300)
                    return text;
                if (res.statusCode === 404 && init.notFound === 'undefined')
                    return undefined;
                // One line, short: a server's body is untrusted text, and a line break could start a workflow command.
                const detail = oneLine(this.redact(text)) || `HTTP ${res.statusCode}`;
                if (res.statusCode === 401 || res.statusCode === 403) {
                    throw new errors/* SourceError */.c8(`${this.options.backend} at ${this.host} refused the request (${res.statusCode}: ${detail}) to ${name}`, this.options.authFix);
                }
                failure = new retry/* HttpError */.j$(res.statusCode, `${name} answered ${res.statusCode}: ${detail}`);
                if (!(res.statusCode === 429 || res.statusCode >= 500) || attempt >= this.retry.attempts)
                    throw failure;
                serverWaitMs = (0,retry/* retryAfterMs */.Vs)(res.headers);
                if (serverWaitMs !== undefined && serverWaitMs > this.retry.maxServerWaitMs) {
                    throw new errors/* SourceError */.c8(`${this.options.backend} at ${this.host} asks to wait ${Math.ceil(serverWaitMs / 1000)} s before the next request`, 'run fewer queries at once, or lower the limit of traces');
                }
            }
            catch (error) {
                if (error instanceof errors/* SourceError */.c8 || error instanceof retry/* HttpError */.j$)
                    throw error;
                if (this.options.signal?.aborted)
                    throw this.cancelled();
                const code = error.code ?? '';
                failure = new Error(`${name} failed: ${this.redact(code || error.message)}`);
                if (!retry/* RETRYABLE_CODES */.wX.has(code) || attempt >= this.retry.attempts)
                    throw failure;
            }
            const wait = serverWaitMs ?? (0,retry/* backoffMs */.jo)(attempt, this.retry, random);
            this.options.logger.debug(`retrying ${name} in ${Math.round(wait)} ms (attempt ${attempt + 1} of ${this.retry.attempts}): ${failure.message}`);
            await this.sleep(wait);
        }
    }
    /** JSON.parse, or an HttpError that says the answer was not JSON (a cut-off body, a proxy's HTML page). */
    parse(text, path) {
        try {
            return JSON.parse(text);
        }
        catch {
            throw new retry/* HttpError */.j$(200, `the answer to GET ${path.split('?')[0]} was not JSON (${text.length} bytes: ${JSON.stringify(this.redact(text.slice(0, 60)))})`);
        }
    }
}
/** Untrusted text (a server's answer) as one short line: control characters and line breaks become spaces. */
function oneLine(text, max = 200) {
    let out = '';
    for (const ch of text) {
        const c = ch.codePointAt(0);
        out += c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 ? ' ' : ch;
    }
    return out.replace(/ {2,}/g, ' ').trim().slice(0, max);
}

;// CONCATENATED MODULE: ./src/sources/backend.ts





const NAMES = {
    tempo: { backend: 'Tempo' },
    jaeger: { backend: 'Jaeger' },
    zipkin: { backend: 'Zipkin' },
};
const CREDENTIALS_HELP = "pass them from secrets: 'backend-token' (a bearer token), or 'backend-username' and 'backend-password' (basic auth), or 'backend-headers' (CLI: TRACE_DIFFER_BACKEND_TOKEN, _USERNAME, _PASSWORD, _HEADERS)";
/**
 * Extra headers as an input or environment variable writes them: one `Name: value` a line. A line
 * that is not one is an InputError naming the line (never its value, which may be a secret).
 */
function parseHeaderLines(text, where) {
    if (!text?.trim())
        return undefined;
    const headers = {};
    for (const [i, line] of text.split(/\r?\n/).entries()) {
        if (!line.trim())
            continue;
        const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line);
        if (!m || !m[2]) {
            throw new errors/* InputError */.dz(`${where}, line ${i + 1}: expected 'Name: value'`, `write one header a line, e.g. 'X-Api-Key: \${{ secrets.TRACES_API_KEY }}'`);
        }
        headers[m[1]] = m[2];
    }
    return headers;
}
/** The backend settings of the CLI: the URL and credentials from TRACE_DIFFER_BACKEND_* environment variables. */
function backendSettingsFromEnv(env) {
    const get = (name) => env[`TRACE_DIFFER_BACKEND_${name}`] || undefined;
    return {
        url: get('URL'),
        token: get('TOKEN'),
        username: get('USERNAME'),
        password: get('PASSWORD'),
        headers: parseHeaderLines(get('HEADERS'), 'TRACE_DIFFER_BACKEND_HEADERS'),
    };
}
function backendName(kind) {
    return NAMES[kind].backend;
}
/** The client of a query's backend, or a SourceError when its URL may not receive the credentials. */
function backendClient(source, settings, run, extra) {
    const { backend } = NAMES[source.kind];
    const withSecrets = Boolean(settings.token || settings.username || settings.password || Object.keys(settings.headers ?? {}).length);
    // The project's one endpoint check: https (or loopback), and on pull-request events only a URL the workflow names.
    const baseUrl = (0,endpoint/* trustedEndpoint */.nh)(source.url, {
        input: settings.url,
        withSecrets,
        event: run.event,
        documentedHosts: [],
        names: { backend, input: 'backend-url', configKey: `source.${source.kind}.url` },
    });
    return new BackendHttp({
        backend,
        baseUrl,
        credentials: {
            token: settings.token,
            username: settings.username,
            password: settings.password,
            headers: settings.headers,
        },
        headers: extra.headers,
        authFix: extra.authFix,
        dispatcher: settings.dispatcher,
        concurrency: source.concurrency,
        retry: settings.retry,
        timeoutMs: settings.timeoutMs,
        sleep: settings.sleep,
        signal: run.signal,
        logger: run.logger,
    });
}
function windowOf(source, settings) {
    const endMs = settings.now?.() ?? Date.now();
    return { startUs: Math.round((endMs - source.windowMinutes * 60_000) * 1000), endUs: Math.round(endMs * 1000) };
}
/** Progress lines on a long fetch: at most one every 5 s, and the last. */
function progress(logger, total, what) {
    let last = Date.now();
    return (done) => {
        if (done === total || Date.now() - last >= 5000) {
            last = Date.now();
            logger.info(`fetched ${done} of ${total} ${what}`);
        }
    };
}
const MAX_FAILURES_KEPT = 50;
/** The dataset of a pull: the window and query asked, the traces found, fetched, partial and failed. */
function pulledDataset(builder, kind, query, source, origin, window, result) {
    const dataset = (0,assemble/* assembleDataset */.L)(builder, {
        provenance: {
            source: kind,
            queryId: query.id,
            queryName: query.name,
            query: query.query,
            collectedAt: new Date().toISOString(),
            createdAt: new Date(window.endUs / 1000).toISOString(),
            windowStartUs: window.startUs,
            windowEndUs: window.endUs,
            origin,
        },
    });
    const fetched = (0,dataset_table/* traceCount */.BI)(dataset.table);
    const found = result.found ?? fetched;
    dataset.coverage = {
        ...dataset.coverage,
        complete: result.failed === 0 && result.partial === 0,
        tracesWanted: Math.max(found, fetched),
        tracesFetched: fetched,
        tracesFailed: result.failed,
        failures: result.failures.slice(0, MAX_FAILURES_KEPT),
        limit: source.limit,
        limitReached: found >= source.limit,
        ...(result.partial ? { tracesPartial: result.partial } : {}),
    };
    return dataset;
}

// EXTERNAL MODULE: ./src/sources/otlp/read.ts + 2 modules
var read = __webpack_require__(44767);
// EXTERNAL MODULE: ./src/sources/jaeger/json.ts
var json = __webpack_require__(62059);
;// CONCATENATED MODULE: ./src/sources/jaeger/index.ts







function createJaegerSource(options) {
    return { kind: 'jaeger', collect: (query, context) => collectJaeger(query, context, options) };
}
const rfc3339 = (us) => new Date(Math.floor(us / 1000)).toISOString().replace(/\.(\d{3})Z$/, `.$1${String(us % 1000).padStart(3, '0')}000Z`);
function v3Path(search, window, limit) {
    const p = new URLSearchParams();
    const both = (camel, snake, value) => {
        p.set(`query.${camel}`, value);
        p.set(`query.${snake}`, value);
    };
    both('serviceName', 'service_name', search.service);
    if (search.operation)
        both('operationName', 'operation_name', search.operation);
    both('startTimeMin', 'start_time_min', rfc3339(window.startUs));
    both('startTimeMax', 'start_time_max', rfc3339(window.endUs));
    both('searchDepth', 'num_traces', String(limit));
    // Only the newer spelling filters on attributes; v2.16.0 had no attribute filter.
    if (Object.keys(search.tags).length)
        p.set('query.attributes', JSON.stringify(search.tags));
    return `/api/v3/traces?${p}`;
}
function v1Path(search, window, limit) {
    const p = new URLSearchParams({ service: search.service });
    if (search.operation)
        p.set('operation', search.operation);
    if (Object.keys(search.tags).length)
        p.set('tags', JSON.stringify(search.tags));
    p.set('start', String(window.startUs));
    p.set('end', String(window.endUs));
    p.set('limit', String(limit));
    return `/api/traces?${p}`;
}
/** The api_v3 answer: one {"result": …} document, or several in a row when the gateway streams them. */
function v3Documents(text, http, path) {
    try {
        return [JSON.parse(text)];
    }
    catch {
        return text
            .split(/\n(?=\s*\{)/)
            .filter((line) => line.trim())
            .map((line) => http.parse(line, path));
    }
}
async function collectJaeger(query, context, options) {
    const source = query.source;
    const search = jaegerSearch(query.query);
    const http = backendClient(source, options.settings, { event: options.event, logger: context.logger, signal: context.signal }, { authFix: `check the credentials of the proxy in front of Jaeger (${CREDENTIALS_HELP})` });
    try {
        const window = windowOf(source, options.settings);
        const builder = new dataset_table/* SpanTableBuilder */.Sd();
        const path = source.api === 'v1' ? v1Path(search, window, source.limit) : v3Path(search, window, source.limit);
        let text;
        try {
            text = await http.getText(path, { notFound: 'undefined' });
        }
        catch (error) {
            if (error instanceof retry/* HttpError */.j$ && error.status >= 400 && error.status < 500) {
                throw new errors/* SourceError */.c8(`Jaeger at ${http.host} refused the search ${JSON.stringify(query.query)}: ${error.message}`, source.api === 'v1'
                    ? "check the query's service and operation; Jaeger's main branch no longer serves /api/traces searches: try 'api: v3'"
                    : "check the query's service and operation; a Jaeger older than v2 has no api_v3: try 'api: v1'");
            }
            throw error;
        }
        if (text !== undefined) {
            const where = `Jaeger at ${http.host}, ${path.split('?')[0]}`;
            if (source.api === 'v1') {
                const doc = http.parse(text, path);
                if (doc.errors?.length) {
                    throw new errors/* SourceError */.c8(`${where} answered errors: ${doc.errors.map((e) => e.msg).join('; ')}`, 'check the query');
                }
                (0,json/* readJaegerJson */.PZ)(doc, where, builder);
            }
            else {
                for (const doc of v3Documents(text, http, path)) {
                    const result = doc.result;
                    (result?.resourceSpans ?? []).forEach((rs, i) => (0,read/* resourceSpansInto */.i4)(builder, rs, where, `result.resourceSpans[${i}]`));
                }
            }
        }
        const dataset = pulledDataset(builder, 'jaeger', query, source, http.base, window, {
            failed: 0,
            partial: 0,
            failures: [],
        });
        const found = dataset.coverage.tracesFetched;
        context.logger.info(`Jaeger at ${http.host}: ${found} traces of ${search.service} in the last ${source.windowMinutes} min` +
            (found >= source.limit ? ` (the limit of ${source.limit}: the first found, not all the window's traces)` : ''));
        return dataset;
    }
    finally {
        await http.close();
    }
}

// EXTERNAL MODULE: ./src/sources/files/spans.ts + 1 modules
var spans = __webpack_require__(64945);
// EXTERNAL MODULE: ./src/sources/files/detect.ts
var detect = __webpack_require__(75879);
// EXTERNAL MODULE: ./src/sources/files/read.ts + 2 modules
var files_read = __webpack_require__(71807);
;// CONCATENATED MODULE: ./src/sources/files/index.ts




/**
 * Reads every trace file a path names (a file, a folder read recursively, or a glob), each in the
 * format recognised from its content, into one dataset. A span in several files is kept once.
 */
async function loadTraceFiles(path, options) {
    const files = await (0,spans/* traceFiles */.RK)(path, options.basePath, options.confine);
    return (0,spans.readSpanFiles)(files, {
        queryId: options.queryId,
        ...(options.queryName ? { queryName: options.queryName } : {}),
        ...(options.filter ? { filter: options.filter } : {}),
        query: options.filter ?? '',
        origin: path,
        ...(options.groupBy ? { groupBy: options.groupBy } : {}),
    });
}

;// CONCATENATED MODULE: ./src/sources/otlp/index.ts



/**
 * Reads every file of a path, keeps the spans the filter selects, de-duplicated by trace and span id.
 * Files of the other formats (Jaeger, Zipkin) found there are read too, each recognised from its content.
 */
async function loadOtlpDataset(path, options) {
    return loadTraceFiles(path, options);
}
/** `confine`: the path comes from the configuration, and must stay inside `basePath` (see `traceFiles`). */
function createOtlpSource(options = {}) {
    return {
        kind: 'otlp',
        async collect(query, context) {
            if (query.source.kind !== 'otlp')
                throw new Error('the OTLP source was given a query of another source');
            const dataset = await loadOtlpDataset(query.source.path, {
                queryId: query.id,
                queryName: query.name,
                filter: query.query,
                basePath: options.basePath,
                confine: options.confine,
            });
            context.logger.info(`read ${dataset.table.size} spans of ${dataset.coverage.tracesFetched} traces from ${query.source.path}`);
            return dataset;
        },
    };
}

// EXTERNAL MODULE: ./src/dataset/ids.ts
var dataset_ids = __webpack_require__(16546);
;// CONCATENATED MODULE: ./src/sources/tempo/index.ts








function createTempoSource(options) {
    return {
        kind: 'tempo',
        collect: (query, context) => collectTempo(query, context, options),
    };
}
async function collectTempo(query, context, options) {
    const source = query.source;
    const log = context.logger;
    const http = backendClient(source, options.settings, { event: options.event, logger: log, signal: context.signal }, {
        headers: source.tenant ? { 'x-scope-orgid': source.tenant } : {},
        authFix: `check the credentials (${CREDENTIALS_HELP}); a multi-tenant Tempo also needs 'tenant:' (X-Scope-OrgID) under source.tempo`,
    });
    try {
        const window = windowOf(source, options.settings);
        const start = Math.floor(window.startUs / 1e6);
        const end = Math.ceil(window.endUs / 1e6);
        const search = new URLSearchParams({
            q: query.query,
            start: String(start),
            end: String(end),
            limit: String(source.limit),
        });
        let answer;
        try {
            answer = await http.getJson(`/api/search?${search}`);
        }
        catch (error) {
            if (error instanceof retry/* HttpError */.j$ && error.status >= 400 && error.status < 500) {
                throw new errors/* SourceError */.c8(`Tempo at ${http.host} refused the search ${JSON.stringify(query.query)}: ${error.message}`, 'check the TraceQL query (e.g. { resource.service.name = "checkout" }) and the window (at most 168 h)');
            }
            throw error;
        }
        const ids = [...new Set((answer?.traces ?? []).map((t) => (0,dataset_ids/* traceIdOf */.aB)(t.traceID)).filter((id) => id !== undefined))];
        const limitReached = ids.length >= source.limit;
        log.info(`Tempo at ${http.host}: ${ids.length} traces found in the last ${source.windowMinutes} min` +
            (limitReached ? ` (the limit of ${source.limit}: the first found, not all the window's traces)` : ''));
        const builder = new dataset_table/* SpanTableBuilder */.Sd();
        const failures = [];
        let failed = 0;
        let partial = 0;
        let done = 0;
        const report = progress(log, ids.length, `traces from Tempo at ${http.host}`);
        // Which trace endpoint this Tempo has: v2 (2.6 and later), else the older one; found on the first answer.
        let api;
        const range = `start=${start}&end=${end}`;
        const fetchTrace = async (id) => {
            if (api !== 'v1') {
                const v2 = await http.getJson(`/api/v2/traces/${id}?${range}`, { notFound: 'undefined' });
                if (v2 !== undefined || api === 'v2') {
                    api ??= 'v2';
                    return v2;
                }
            }
            const v1 = await http.getJson(`/api/traces/${id}?${range}`, { notFound: 'undefined' });
            if (v1 !== undefined)
                api = 'v1';
            return v1;
        };
        const queue = new p_queue_dist/* default */.Ay({ concurrency: http.concurrency });
        let stop;
        for (const [n, id] of ids.entries()) {
            // The first trace alone, so that its answer says which endpoint the rest are fetched from.
            if (n === 1)
                await queue.onIdle();
            void queue.add(async () => {
                if (stop)
                    return;
                let trace;
                try {
                    trace = await fetchTrace(id);
                }
                catch (error) {
                    // Credentials refused, cancelled: nothing more can be fetched. Anything else costs this trace only.
                    if (error instanceof errors/* UserError */.yo) {
                        stop ??= error;
                        queue.clear();
                    }
                    else {
                        failed++;
                        failures.push({ ref: id, reason: http.redact(error.message) });
                    }
                    report(++done);
                    return;
                }
                if (!trace) {
                    failed++;
                    failures.push({ ref: id, reason: 'not found (404)' });
                }
                else {
                    if (trace.status === 'PARTIAL') {
                        partial++;
                        const why = typeof trace.message === 'string' ? oneLine(trace.message) : 'larger than max_bytes_per_trace';
                        failures.push({ ref: id, reason: `partial: ${why}` });
                    }
                    const lists = trace.trace?.resourceSpans ?? trace.trace?.batches ?? trace.resourceSpans ?? trace.batches ?? [];
                    try {
                        // A trace is read whole before its spans join the dataset: a malformed answer costs the trace, not half of it.
                        const one = new dataset_table/* SpanTableBuilder */.Sd(64);
                        lists.forEach((rs, i) => (0,read/* resourceSpansInto */.i4)(one, rs, `Tempo trace ${id}`, `resourceSpans[${i}]`));
                        builder.addTable(one.finish());
                    }
                    catch (error) {
                        failed++;
                        failures.push({ ref: id, reason: error.message });
                    }
                }
                report(++done);
            });
        }
        await queue.onIdle();
        if (stop)
            throw stop;
        return pulledDataset(builder, 'tempo', query, source, http.base, window, {
            found: ids.length,
            failed,
            partial,
            failures,
        });
    }
    finally {
        await http.close();
    }
}

// EXTERNAL MODULE: ./src/sources/zipkin/json.ts
var zipkin_json = __webpack_require__(95892);
;// CONCATENATED MODULE: ./src/sources/zipkin/index.ts






function createZipkinSource(options) {
    return { kind: 'zipkin', collect: (query, context) => collectZipkin(query, context, options) };
}
async function collectZipkin(query, context, options) {
    const source = query.source;
    const search = zipkinSearch(query.query);
    const http = backendClient(source, options.settings, { event: options.event, logger: context.logger, signal: context.signal }, { authFix: `check the credentials of the proxy in front of Zipkin (${CREDENTIALS_HELP})` });
    try {
        const window = windowOf(source, options.settings);
        const endMs = Math.floor(window.endUs / 1000);
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(search))
            if (value)
                params.set(key, value);
        params.set('endTs', String(endMs));
        params.set('lookback', String(endMs - Math.floor(window.startUs / 1000)));
        params.set('limit', String(source.limit));
        const path = `/api/v2/traces?${params}`;
        let answer;
        try {
            answer = await http.getJson(path);
        }
        catch (error) {
            if (error instanceof retry/* HttpError */.j$ && error.status >= 400 && error.status < 500) {
                throw new errors/* SourceError */.c8(`Zipkin at ${http.host} refused the search ${JSON.stringify(query.query)}: ${error.message}`, 'check the query: service, span, remote-service, and tags (key = "value")');
            }
            throw error;
        }
        const builder = new dataset_table/* SpanTableBuilder */.Sd();
        (0,zipkin_json/* readZipkinJson */.qG)(answer ?? [], `Zipkin at ${http.host}, /api/v2/traces`, builder);
        const dataset = pulledDataset(builder, 'zipkin', query, source, http.base, window, {
            ...(Array.isArray(answer) ? { found: answer.length } : {}),
            failed: 0,
            partial: 0,
            failures: [],
        });
        const found = dataset.coverage.tracesWanted;
        context.logger.info(`Zipkin at ${http.host}: ${found} traces in the last ${source.windowMinutes} min` +
            (found >= source.limit ? ` (the limit of ${source.limit}: the first found, not all the window's traces)` : ''));
        return dataset;
    }
    finally {
        await http.close();
    }
}

// EXTERNAL MODULE: ./src/dataset/file.ts + 3 modules
var dataset_file = __webpack_require__(1381);
// EXTERNAL MODULE: ./src/dataset/seed-spans.ts + 1 modules
var seed_spans = __webpack_require__(55902);
;// CONCATENATED MODULE: ./src/dataset/index.ts
/** dataset: the span dataset, its file format, and readers of the other shapes spans come in. */






;// CONCATENATED MODULE: ./src/sources/resolve.ts






/** Lightstep snapshot ids are 10 base62 characters (lightstep-api.md §1). */
const SNAPSHOT_ID = /^[A-Za-z0-9]{10}$/;
/** The argument that collects the query from its configured source (Tempo, Jaeger, Zipkin, Lightstep, OTLP) now. */
const COLLECT_NOW = 'now';
/**
 * "Where a dataset comes from", for an argument of the CLI or the action, tried in this order:
 * a file or folder (a trace-differ dataset, or trace files of any format read, recognised from
 * their content), a key (or pin name) of the store, a Lightstep snapshot id, or `now`: a
 * collection of the query's own source (a backend query over its window).
 */
async function resolveDataset(ref, query, ctx, options = {}) {
    const file = await (0,promises_.stat)(ref).catch(() => undefined);
    if (file?.isFile() && (await (0,dataset_file/* isDatasetFile */.Fm)(ref))) {
        // As stored (no filter), through the reader of files: a large one is read in a worker beside the other side.
        return (0,spans.readSpanFiles)([ref], { queryId: query.id, ...options });
    }
    if (file?.isFile() || file?.isDirectory()) {
        return loadTraceFiles(ref, {
            queryId: query.id,
            queryName: query.name,
            filter: query.source.kind === 'otlp' ? query.query : undefined,
            ...options,
        });
    }
    if (ctx.store) {
        const entries = await ctx.store.list(query.id, { limit: 1000 });
        const entry = entries.find((e) => e.key === ref || e.pinnedAs === ref);
        if (entry) {
            const loaded = await ctx.store.load(entry);
            if (!loaded.ok)
                throw new errors/* InputError */.dz(loaded.problem, 'choose another stored dataset');
            return loaded.dataset;
        }
    }
    if (ref === COLLECT_NOW) {
        return sourceFor(query, ctx.sources).collect(query, { logger: ctx.logger, signal: ctx.signal });
    }
    if (SNAPSHOT_ID.test(ref) && query.source.kind === 'lightstep') {
        const { collectSnapshot } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 64914));
        const ls = ctx.sources.lightstep;
        if (!ls.apiKey) {
            throw new errors/* InputError */.dz(`'${ref}' looks like a Lightstep snapshot id, but no API key was given`, 'set LIGHTSTEP_API_KEY');
        }
        return collectSnapshot(ref, {
            apiKey: ls.apiKey,
            organization: ls.organization ?? query.source.organization,
            project: ls.project ?? query.source.project,
            apiUrl: lightstepApiUrl(query, ctx.sources),
            // Both sides may be snapshots fetched at once: the client's per-organization limiters keep them within the API's limits together.
            dispatcher: ls.dispatcher,
            requestsPerSecond: ls.requestsPerSecond ?? query.source.requestsPerSecond,
            snapshotRequestsPerHour: ls.snapshotRequestsPerHour ?? query.source.snapshotRequestsPerHour,
            timeScale: ctx.sources.timeScale,
            query,
            logger: ctx.logger,
        });
    }
    throw new errors/* InputError */.dz(`'${ref}' is not a file, a folder, a stored dataset key, a Lightstep snapshot id or '${COLLECT_NOW}'`, `pass the path of a dataset or trace file (check the spelling and the working directory), or '${COLLECT_NOW}' to collect the query's source`);
}

;// CONCATENATED MODULE: ./src/sources/index.ts









/** The Lightstep hosts the API documents (lightstep-api.md): a configuration may always name these. */
const LIGHTSTEP_HOSTS = ['api.lightstep.com', 'api.eu.lightstep.com'];
/** The base URL a query's Lightstep key may be sent to (see `trustedEndpoint`). */
function lightstepApiUrl(query, settings) {
    return (0,endpoint/* trustedEndpoint */.nh)(query.source.kind === 'lightstep' ? query.source.apiUrl : undefined, {
        input: settings.lightstep.apiUrl,
        fallback: 'https://api.lightstep.com',
        event: settings.event,
        documentedHosts: LIGHTSTEP_HOSTS,
        names: { backend: 'Lightstep', input: 'lightstep-api-url', configKey: 'source.lightstep.api-url' },
    });
}
/** One memo of snapshots per run: the queries of a run share one `SourceSettings` object. */
const runs = new WeakMap();
/**
 * The source of a query. `run.attempt` is GITHUB_RUN_ATTEMPT: on a re-run of a failed job, the
 * Lightstep source lists the snapshots once to pick up those of the failed attempt.
 */
function sourceFor(query, settings, run = {}) {
    const kind = query.source.kind;
    if (kind === 'otlp')
        return createOtlpSource({ basePath: settings.basePath, confine: settings.confinePaths });
    if (kind === 'tempo' || kind === 'jaeger' || kind === 'zipkin') {
        const options = { settings: settings.backend ?? {}, event: settings.event };
        return kind === 'tempo'
            ? createTempoSource(options)
            : kind === 'jaeger'
                ? createJaegerSource(options)
                : createZipkinSource(options);
    }
    const source = query.source;
    const ls = settings.lightstep;
    const organization = ls.organization ?? source.organization;
    const project = ls.project ?? source.project;
    if (!ls.apiKey) {
        throw new errors/* SourceError */.c8(`query '${query.id}' reads from Lightstep, but no API key was given`, "pass it from a secret: 'lightstep-api-key: ${{ secrets.LIGHTSTEP_API_KEY }}' (CLI: the LIGHTSTEP_API_KEY environment variable)");
    }
    let memo = runs.get(settings);
    if (!memo)
        runs.set(settings, (memo = (0,lightstep/* newSnapshotMemo */.P_)()));
    return (0,lightstep/* createLightstepSource */.SQ)({
        apiKey: ls.apiKey,
        organization,
        project,
        apiUrl: lightstepApiUrl(query, settings),
        dispatcher: ls.dispatcher,
        // The client keeps one pair of limiters per organization, so queries collected at once share the API's limits.
        requestsPerSecond: ls.requestsPerSecond ?? source.requestsPerSecond,
        snapshotRequestsPerHour: ls.snapshotRequestsPerHour ?? source.snapshotRequestsPerHour,
        timeScale: settings.timeScale,
        reuse: {
            withinMs: (ls.reuseSnapshotsWithinMinutes ?? source.reuseSnapshotsWithinMinutes ?? lightstep/* DEFAULT_REUSE_WITHIN_MS */.mn / 60_000) *
                60_000,
            list: ls.listSnapshots ?? Number(run.attempt) > 1,
            memo,
        },
    });
}

// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 84 modules
var artifact = __webpack_require__(77935);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
;// CONCATENATED MODULE: ./src/store/summary.ts

/** Type-7 percentile of sorted values (as the diff reports them), kept here so the store needs nothing of diff/. */
function percentile(sorted, p) {
    const n = sorted.length;
    if (n === 0)
        return 0;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
/** The summary numbers of a whole dataset, as the history index keeps them: read from the table's columns. */
function summary_summariseDataset(dataset, key, verdict) {
    const t = dataset.table;
    const durations = t.duration.slice().sort();
    let errors = 0;
    for (let i = 0; i < t.size; i++)
        errors += t.error[i];
    const n = t.size;
    const { windowStartUs, windowEndUs, github } = dataset.provenance;
    const minutes = windowStartUs !== undefined && windowEndUs !== undefined ? (windowEndUs - windowStartUs) / 60e6 : 0;
    return {
        key,
        queryId: dataset.provenance.queryId,
        collectedAt: dataset.provenance.collectedAt,
        ...(dataset.provenance.snapshotId ? { snapshotId: dataset.provenance.snapshotId } : {}),
        spans: n,
        traces: (0,dataset_table/* traceCount */.BI)(t),
        complete: dataset.coverage.complete,
        ...(verdict ? { verdict } : {}),
        ...(github?.ref ? { ref: github.ref } : {}),
        ...(github?.runId ? { runId: github.runId } : {}),
        ...(minutes > 0 ? { ratePerMin: n / minutes } : {}),
        errorRate: n ? errors / n : 0,
        latencyP50Us: Math.round(percentile(durations, 0.5)),
        latencyP95Us: Math.round(percentile(durations, 0.95)),
        latencyP99Us: Math.round(percentile(durations, 0.99)),
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(64377);
;// CONCATENATED MODULE: ./src/store/history.ts

/** How many collections the history index of a query keeps (older datasets may stay where they are kept). */
const HISTORY_LENGTH = 50;
// Stored text is written by other runs, so it is held to the shapes trace-differ writes: no control
// characters (a newline in a log line would be a workflow command), bounded lengths, finite numbers.
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
const history_text = (max) => schemas/* string */.YjP().min(1).max(max).regex(NO_CONTROL, 'holds control characters');
const count = schemas/* number */.aig().int().nonnegative();
const micros = schemas/* number */.aig().nonnegative();
/** One line of a stored history index; z.number() refuses NaN and ±Infinity. */
const HistoryEntrySchema = schemas/* object */.Ikc({
    key: history_text(300),
    queryId: history_text(200),
    collectedAt: iso/* datetime */.w$(),
    snapshotId: history_text(200).optional(),
    spans: count,
    traces: count,
    complete: schemas/* boolean */.zMY(),
    verdict: schemas/* enum */.k5n(['pass', 'notice', 'warn', 'fail', 'inconclusive']).optional(),
    errorRate: schemas/* number */.aig().min(0).max(1).optional(),
    latencyP50Us: micros.optional(),
    latencyP95Us: micros.optional(),
    latencyP99Us: micros.optional(),
    ratePerMin: schemas/* number */.aig().nonnegative().optional(),
    pinnedAs: history_text(200).optional(),
    ref: history_text(300).optional(),
    runId: history_text(40).optional(),
});
/** Where one stored entry was found, for the warning that sets it aside. */
function describeIssue(error) {
    const issue = error.issues[0];
    const field = issue.path.length ? issue.path.join('.') : 'the entry';
    return `${field}: ${issue.message}`;
}
/** A short, inert name for an entry that failed validation (its key when it has a usable one). */
function nameOf(raw, position) {
    const key = raw?.key;
    return typeof key === 'string' && key.length <= 300 && NO_CONTROL.test(key)
        ? `entry ${JSON.stringify(key)}`
        : position;
}
/**
 * Reads a stored index (parsed JSON, untrusted) entry by entry: every entry and pin is validated, one
 * that fails is left out and named in `problems`, never thrown on, so one bad or foreign line never
 * takes the good ones with it. Entries of another query are left out too. Only a file with no list of
 * entries at all throws (the caller sets the whole file aside, naming it).
 */
function history_readIndex(raw, queryId) {
    const problems = [];
    const index = { entries: [], pins: {} };
    // The whole file unusable is the caller's to say (it names the file): thrown, and caught there.
    if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.entries)) {
        throw new Error('it has no list of entries');
    }
    const check = (value, position, pin = false) => {
        const name = pin ? position : nameOf(value, position);
        const parsed = HistoryEntrySchema.safeParse(value);
        if (!parsed.success) {
            problems.push(`${name} was set aside (${describeIssue(parsed.error)})`);
            return undefined;
        }
        if (parsed.data.queryId !== queryId) {
            problems.push(`${name} was set aside (it belongs to query ${JSON.stringify(parsed.data.queryId)})`);
            return undefined;
        }
        return parsed.data;
    };
    const entries = raw.entries;
    entries.slice(0, HISTORY_LENGTH * 2).forEach((value, i) => {
        const entry = check(value, `entry ${i + 1}`);
        if (entry)
            index.entries.push(entry);
    });
    const pins = raw.pins;
    if (pins !== undefined && (typeof pins !== 'object' || pins === null || Array.isArray(pins))) {
        problems.push('its pins are not an object and were set aside');
    }
    else if (pins) {
        for (const [name, value] of Object.entries(pins).slice(0, 200)) {
            if (!NO_CONTROL.test(name) || name.length > 200) {
                problems.push(`a pin with an unreadable name was set aside`);
                continue;
            }
            const entry = check(value, `pin ${JSON.stringify(name)}`, true);
            if (entry)
                index.pins[name] = entry;
        }
    }
    index.entries = index.entries.reduce((kept, e) => history_withEntry(kept, e, { keep: 'newer' }), []);
    return { index, problems };
}
/** Whether two history lines describe the same collection: one key, one run (a re-run attempt), or one snapshot. */
function sameCollection(a, b) {
    return (a.key === b.key ||
        (a.runId !== undefined && a.runId === b.runId) ||
        (a.snapshotId !== undefined && a.snapshotId === b.snapshotId));
}
/**
 * The history with `entry` added, newest first, at most HISTORY_LENGTH long. It replaces a line of the
 * same collection: the same key, the same run (a re-run attempt replaces its first attempt's line), or the
 * same snapshot (a re-run that picked the snapshot up again), so no collection is in the history twice.
 * With `keep: 'newer'` the later-collected of the two stays (for merging indexes).
 */
function history_withEntry(history, entry, options = {}) {
    const same = history.filter((e) => sameCollection(e, entry));
    const winner = options.keep === 'newer' ? [entry, ...same].reduce((a, b) => (b.collectedAt > a.collectedAt ? b : a)) : entry;
    return [winner, ...history.filter((e) => !sameCollection(e, entry))]
        .sort((a, b) => b.collectedAt.localeCompare(a.collectedAt))
        .slice(0, HISTORY_LENGTH);
}
/**
 * Two versions of an index merged (what this run read at its start, and a fresh read just before it
 * writes): every collection either knows, and for each pin name the later-collected dataset. An
 * overlapping run's entries and pins are kept instead of overwritten by whichever writes last.
 */
function history_mergeIndexes(a, b) {
    let entries = [...a.entries];
    for (const e of b.entries)
        entries = history_withEntry(entries, e, { keep: 'newer' });
    const pins = { ...a.pins };
    for (const [name, pin] of Object.entries(b.pins)) {
        const known = pins[name];
        if (!known || pin.collectedAt > known.collectedAt)
            pins[name] = pin;
    }
    return { entries, pins };
}
/**
 * The entry with the workflow run that collected it (the dataset's, else the storing run's): a re-run
 * replaces its first attempt's line, and is never its baseline. Only a run id GitHub would give is kept.
 */
function history_withRun(entry, runId) {
    return entry.runId || !runId || !/^\d{1,20}$/.test(runId) ? entry : { ...entry, runId };
}
/** What every store's `list` answers: newest first, only those collected before `before`, at most `limit`. */
function history_listed(history, options = {}) {
    const earlier = options.before ? history.filter((e) => e.collectedAt < options.before) : [...history];
    return earlier.slice(0, options.limit ?? earlier.length);
}

;// CONCATENATED MODULE: ./src/store/artifact.ts








function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * The events whose runs may write the datasets, indexes and pins other runs read. A pull request's runs
 * (`pull_request`, and `pull_request_target` / `workflow_run`, which may run a pull request's code with the
 * base branch's name) can upload artifacts of any name, so theirs are never read.
 */
const TRUSTED_EVENTS = (/* unused pure expression or super */ null && ([
    'schedule',
    'workflow_dispatch',
    'push',
    'release',
    'repository_dispatch',
]));
/** The 403 GitHub answers a token without `actions: read`, named with the fix. */
function explainListing(error) {
    const status = error.status;
    const message = error.message ?? String(error);
    if (status === 403 && /not accessible by integration|resource not accessible/i.test(message)) {
        throw new StoreError(`'store: artifact' cannot list this repository's artifacts: GitHub answered 403 "${message.slice(0, 120)}", so the token lacks the 'actions: read' permission`, "add 'actions: read' to the job's permissions (permissions: { actions: read, contents: read })", { cause: error });
    }
    throw error;
}
/**
 * The artifact name a collection of a query is uploaded under, found across runs by this name. A re-run
 * attempt of a run that already uploaded it adds `-attempt-<n>`: artifact names are unique within a
 * workflow run, across its attempts (GitHub answers a second upload of a name with 409 Conflict "an
 * artifact with this name already exists on the workflow run", and artifacts are immutable).
 */
function datasetArtifactName(queryId, attempt) {
    const base = `trace-differ-dataset-${queryId}`;
    return attempt !== undefined && Number(attempt) > 1 ? `${base}-attempt-${attempt}` : base;
}
function runKey(artifactName, runId) {
    return `${artifactName}@run-${runId}`;
}
/**
 * Datasets as workflow artifacts (`@actions/artifact`). Each collection uploads one artifact named
 * `trace-differ-dataset-<query>` (a re-run attempt may add `-attempt-<n>`) holding the dataset file and the
 * query's history index. Earlier runs' artifacts are found by that name through the REST API
 * (`GET /repos/{o}/{r}/actions/artifacts?name=`, newest first, paged only until the branch's newest is found,
 * expired ones skipped) and downloaded through it (`…/artifacts/{id}/zip`). People can
 * download the same artifacts from the run page. Artifacts outlive the cache's 7 days unused (up to
 * the retention, at most 90 days) but are not scoped by branch, so the store reads only the branches it is given.
 */
class artifact_ArtifactStore {
    options;
    kind = 'artifact';
    client = new DefaultArtifactClient();
    listings = new Map();
    restClient;
    indexes = new Map();
    /** The artifact each query's index was read from, to tell whether another run uploaded one since. */
    indexFrom = new Map();
    /** Whether each run looked up may write what this run reads (see `trusted`). */
    runs = new Map();
    constructor(options) {
        this.options = options;
    }
    static create(options) {
        if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
            throw new StoreError('workflow artifacts are not available here: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set, so this is not a GitHub Actions job', "use 'store: local' with a 'store-path' that persists between runs, or 'store: none'");
        }
        if (!options.owner || !options.repo) {
            throw new StoreError("'store: artifact' does not know the repository (GITHUB_REPOSITORY is not set)", "run it in a GitHub Actions job, or use 'store: local'");
        }
        if (!options.token) {
            throw new StoreError("'store: artifact' reads earlier runs' artifacts through the REST API and has no token", "pass 'github-token: ${{ github.token }}' and give the job 'permissions: actions: read'");
        }
        if (options.retentionDays < 1) {
            throw new StoreError("'store: artifact' keeps datasets as artifacts, but 'artifact-retention-days' is 0 (no upload)", "set 'artifact-retention-days' to the days datasets should be kept (up to 90)");
        }
        return new artifact_ArtifactStore(options);
    }
    /**
     * The query's artifacts read so far (newest first, without expired ones or other branches') and the
     * pages still to read. GitHub lists a name's artifacts newest first, 100 a page, with a Link header
     * to the next; a busy repository holds thousands, so pages are read only until the caller has what it needs.
     */
    listing(queryId) {
        const known = this.listings.get(queryId);
        if (known)
            return known;
        const { owner, repo } = this.options;
        const pages = this.octokit().paginate.iterator(this.octokit().rest.actions.listArtifactsForRepo, {
            owner,
            repo,
            name: datasetArtifactName(queryId),
            per_page: 100,
        });
        const listing = { seen: [], pages: pages[Symbol.asyncIterator](), done: false };
        this.listings.set(queryId, listing);
        return listing;
    }
    /** Reads one more page of a listing, keeping its usable artifacts. */
    async readPage(listing) {
        const { branches } = this.options;
        let page;
        try {
            page = await listing.pages.next();
        }
        catch (error) {
            explainListing(error);
        }
        if (page.done) {
            listing.done = true;
            return;
        }
        const usable = page.value.data
            .filter((a) => !a.expired && a.workflow_run?.id !== undefined)
            .filter((a) => !branches || branches.includes(a.workflow_run?.head_branch ?? ''))
            .filter((a) => this.ofThisRepository(a))
            .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b.id - a.id);
        listing.seen.push(...usable);
    }
    /** Refuses an artifact the listing says a fork's run made (a fork may name its branch `main`). */
    ofThisRepository(a) {
        const run = a.workflow_run;
        const { repositoryId } = this.options;
        const repo = run.repository_id ?? repositoryId;
        if (run.head_repository_id === undefined || repo === undefined)
            return true; // the run is asked next
        if (run.head_repository_id === repo && (repositoryId === undefined || repo === repositoryId))
            return true;
        this.refused(a, `its run came from another repository (head repository id ${run.head_repository_id}, this one ${repo}): a fork's pull request`);
        return false;
    }
    refused(a, why) {
        this.options.logger.warn(`artifact ${a.name} (id ${a.id}) of run ${a.workflow_run?.id} was not read: ${why}, which may not write this repository's baselines`);
    }
    /**
     * Whether an artifact's run may write what other runs read: a run of this repository (not a fork's),
     * on a branch the store reads, started by a trusted event (not a pull request's). One request a run, remembered.
     */
    trusted(a) {
        const runId = a.workflow_run.id;
        const known = this.runs.get(runId);
        if (known)
            return known;
        const decided = (async () => {
            const { owner, repo, branches, repositoryId } = this.options;
            let run;
            try {
                run = (await this.octokit().rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
            }
            catch (error) {
                this.refused(a, `its run could not be looked up (${error.message})`);
                return false;
            }
            const repoId = run.repository?.id;
            const headId = run.head_repository?.id;
            if (repoId === undefined || headId !== repoId || (repositoryId !== undefined && repoId !== repositoryId)) {
                this.refused(a, `its run came from another repository (head repository id ${headId}, this one ${repositoryId ?? repoId}): a fork's pull request`);
                return false;
            }
            if (!TRUSTED_EVENTS.includes(run.event ?? '')) {
                this.refused(a, `its run was started by a ${JSON.stringify(String(run.event).slice(0, 40))} event (only ${TRUSTED_EVENTS.join(', ')} runs are read)`);
                return false;
            }
            if (branches && !branches.includes(run.head_branch ?? '')) {
                this.refused(a, 'its run is on another branch');
                return false;
            }
            return true;
        })();
        this.runs.set(runId, decided);
        return decided;
    }
    /**
     * The newest usable artifact of the query: pages are read until one is found (often the first page) whose
     * run is trusted. A re-run attempt of that run may have uploaded a newer one under `-attempt-<n>`, which the
     * listing by name does not show: the run's own artifacts are asked for once (one request) and the latest attempt's wins.
     */
    async newest(queryId) {
        const listing = this.listing(queryId);
        let newest;
        while (!newest) {
            while (listing.seen.length === 0 && !listing.done)
                await this.readPage(listing);
            const first = listing.seen[0];
            if (!first)
                return undefined;
            if (await this.trusted(first))
                newest = first;
            else
                listing.seen.shift();
        }
        const attemptOf = (a) => a.name === newest.name
            ? 1
            : Number(new RegExp(`^${escapeRegExp(newest.name)}-attempt-(\\d+)$`).exec(a.name)?.[1] ?? 0);
        try {
            const { owner, repo } = this.options;
            // One run's artifacts (a wide matrix may hold more than a page of them): read to the end.
            const ofRun = (await this.octokit().paginate(this.octokit().rest.actions.listWorkflowRunArtifacts, {
                owner,
                repo,
                run_id: newest.workflow_run.id,
                per_page: 100,
            }));
            const later = ofRun.filter((a) => !a.expired && attemptOf(a) > 1).sort((a, b) => attemptOf(b) - attemptOf(a))[0];
            if (later) {
                const found = { ...later, workflow_run: later.workflow_run ?? newest.workflow_run };
                listing.seen.unshift(found);
                return found;
            }
        }
        catch (error) {
            this.options.logger.debug(`the artifacts of run ${newest.workflow_run?.id} could not be listed (${error.message}); its first attempt's dataset is read`);
        }
        return newest;
    }
    /**
     * The names this run may upload a query's dataset under, in order: the plain name, unless an earlier
     * attempt of this run already uploaded it; then the attempt's own `-attempt-<n>`, which no other attempt
     * takes. Should the plain name be refused all the same (409: an upload the listing did not show, say one
     * an earlier attempt began and never finished), the next name is tried.
     */
    async uploadNames(queryId) {
        const attempt = this.options.runAttempt;
        const plain = datasetArtifactName(queryId);
        if (attempt === undefined || Number(attempt) <= 1)
            return [plain];
        const own = datasetArtifactName(queryId, attempt);
        try {
            const { artifacts } = await this.client.listArtifacts();
            return artifacts.some((a) => a.name === plain) ? [own] : [plain, own];
        }
        catch {
            return [own];
        }
    }
    octokit() {
        this.restClient ??= getOctokit(this.options.token, this.options.apiUrl ? { baseUrl: this.options.apiUrl } : {});
        return this.restClient;
    }
    /**
     * The artifact holding a stored dataset: among the pages already read, else asked of its run
     * (`GET /repos/{o}/{r}/actions/runs/{id}/artifacts?name=`, one request) rather than paging on.
     */
    async artifactOf(name, runId) {
        for (const listing of this.listings.values()) {
            const found = listing.seen.find((a) => a.name === name && String(a.workflow_run?.id) === runId);
            if (found)
                return (await this.trusted(found)) ? found : undefined;
        }
        const { owner, repo } = this.options;
        const { data } = await this.octokit().rest.actions.listWorkflowRunArtifacts({
            owner,
            repo,
            run_id: Number(runId),
            name,
            per_page: 100,
        });
        const found = data.artifacts.find((a) => a.name === name && !a.expired && String(a.workflow_run?.id ?? runId) === runId);
        if (!found)
            return undefined;
        const withRunId = { ...found, workflow_run: { ...found.workflow_run, id: Number(runId) } };
        return this.ofThisRepository(withRunId) && (await this.trusted(withRunId)) ? withRunId : undefined;
    }
    /** Downloads one artifact into a fresh directory and answers that directory. */
    async download(artifact) {
        const into = await mkdtemp(join(await this.staging('download'), `${artifact.id}-`));
        await this.client.downloadArtifact(artifact.id, {
            path: into,
            findBy: {
                token: this.options.token,
                workflowRunId: artifact.workflow_run.id,
                repositoryOwner: this.options.owner,
                repositoryName: this.options.repo,
            },
        });
        return into;
    }
    async staging(part) {
        const dir = join(this.options.dir, 'artifact', part);
        await mkdir(dir, { recursive: true });
        return dir;
    }
    /** The index inside one artifact, validated line by line; a file that cannot be read is set aside, named. */
    async readArtifactIndex(queryId, artifact) {
        try {
            const dir = await this.download(artifact);
            const { index, problems } = readIndex(JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')), queryId);
            for (const problem of problems)
                this.options.logger.warn(`the history index in artifact ${artifact.name} (id ${artifact.id}): ${problem}`);
            return index;
        }
        catch (error) {
            this.options.logger.warn(`the history index in artifact ${artifact.name} (id ${artifact.id}) was set aside (${error.message}); starting a new one`);
            return { entries: [], pins: {} };
        }
    }
    async index(queryId) {
        const known = this.indexes.get(queryId);
        if (known)
            return known;
        const newest = await this.newest(queryId);
        const index = newest ? await this.readArtifactIndex(queryId, newest) : { entries: [], pins: {} };
        if (newest)
            this.indexFrom.set(queryId, newest.id);
        this.indexes.set(queryId, index);
        return index;
    }
    /**
     * The index as it is now, when another run uploaded one since this run read it (an overlapping collect,
     * a pin): the listing is read again from its first page (two requests) and a newer artifact's index is
     * merged in, so the upload that comes last does not drop what the other run stored.
     */
    async fresh(queryId, index) {
        try {
            this.listings.delete(queryId);
            const newest = await this.newest(queryId);
            if (!newest || newest.id === this.indexFrom.get(queryId))
                return index;
            this.indexFrom.set(queryId, newest.id);
            return mergeIndexes(index, await this.readArtifactIndex(queryId, newest));
        }
        catch (error) {
            this.options.logger.warn(`the history index of query '${queryId}' could not be read again before writing (${error.message}); a run that stored meanwhile may be left out of it`);
            return index;
        }
    }
    async put(dataset, options = {}) {
        const queryId = dataset.provenance.queryId;
        const index = await this.fresh(queryId, await this.index(queryId));
        const names = await this.uploadNames(queryId);
        let stored;
        for (const [i, name] of names.entries()) {
            const key = runKey(name, this.options.runId);
            const entry = withRun(summariseDataset(dataset, key, options.verdict), dataset.provenance.github?.runId ?? this.options.runId);
            const next = {
                entries: withEntry(index.entries, entry),
                pins: options.pinAs ? { ...index.pins, [options.pinAs]: { ...entry, pinnedAs: options.pinAs } } : index.pins,
            };
            stored = { entry, index: next };
            const root = join(await this.staging('upload'), queryId);
            await rm(root, { recursive: true, force: true });
            await mkdir(root, { recursive: true });
            const files = [join(root, 'dataset.tdds'), join(root, 'history.json')];
            await writeDatasetFile(files[0], dataset);
            await writeFile(files[1], JSON.stringify(next, null, 1));
            try {
                const uploaded = await this.client.uploadArtifact(name, files, root, {
                    retentionDays: this.options.retentionDays,
                });
                this.options.logger.info(`stored dataset ${key} as artifact ${name} (id ${uploaded.id}, kept ${this.options.retentionDays} days)`);
                break;
            }
            catch (error) {
                const message = error.message;
                if (i + 1 < names.length && /\(409\)|already exists/i.test(message)) {
                    this.options.logger.info(`artifact ${name} already exists in this run (${message}); uploading as ${names[i + 1]}`);
                    continue;
                }
                this.options.logger.warn(`dataset ${key} could not be uploaded as an artifact (${message}); the next run will not see it`);
                break;
            }
        }
        // As before a failed upload too: this run's own reads see what it collected.
        this.indexes.set(queryId, stored.index);
        return stored.entry;
    }
    async list(queryId, options = {}) {
        return listed((await this.index(queryId)).entries, options);
    }
    async load(entry) {
        const [, name, runId] = /^(.*)@run-(\d+)$/.exec(entry.key) ?? [];
        let artifact;
        try {
            artifact = name && runId ? await this.artifactOf(name, runId) : undefined;
        }
        catch (error) {
            return {
                ok: false,
                problem: `dataset ${entry.key} could not be looked up among the artifacts: ${error.message}; it was set aside`,
            };
        }
        if (!artifact) {
            return {
                ok: false,
                problem: `dataset ${entry.key} is not among the artifacts any more (expired after its retention, or deleted); it was set aside`,
            };
        }
        let dir;
        try {
            dir = await this.download(artifact);
        }
        catch (error) {
            return {
                ok: false,
                problem: `dataset ${entry.key} (artifact id ${artifact.id}) could not be downloaded: ${error.message}; it was set aside`,
            };
        }
        const file = join(dir, 'dataset.tdds');
        const loaded = await readDatasetFile(file);
        if (loaded.ok)
            return loaded;
        return {
            ok: false,
            problem: loaded.problem.replace(`dataset ${file}`, `dataset ${entry.key} (artifact id ${artifact.id})`),
        };
    }
    async pinned(queryId, name) {
        return (await this.index(queryId)).pins[name];
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 89 modules
var lib_cache = __webpack_require__(51393);
;// CONCATENATED MODULE: ./src/store/cache.ts







/**
 * One part of a cache key. Query ids may hold `-` (`android-eu`), and keys are matched by
 * prefix, so `trace-differ-v1-android-` would also match every key of `android-eu`. Inside a
 * part `-` is written `~` and anything outside `[A-Za-z0-9._]` as `%XX`: a part never holds
 * the `-` that ends it, and two different ids never encode alike.
 */
function keyPart(text) {
    return text.replace(/[^A-Za-z0-9._]/g, (c) => c === '-' ? '~' : [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}
/** `2026-11-24T04:19:00.000Z` → `20261124T041900000Z`: sorts as the time does, holds no `-`. */
function stamp(iso) {
    return iso.replace(/[-:.]/g, '');
}
/**
 * Datasets in the Actions cache (`@actions/cache`, cache service v2).
 *
 * Cache entries are immutable, matched by key prefix (the newest match wins), scoped by branch
 * (a pull request run reads its own ref's entries, then its base branch's; a run on main never
 * sees a pull request's) and evicted after 7 days unused. So:
 * - every dataset is its own entry under a unique key
 *   `trace-differ-v1-<query>-<time>-<run id>-<attempt>-`, every part ending in `-`;
 * - the query's index (the rolling history and the pins) is written as a new entry each run,
 *   `trace-differ-index-v1-<query>-<time>-<run id>-<attempt>-`, and read back by prefix: the newest wins;
 * - with no readable index, the newest dataset itself is restored by the prefix `trace-differ-v1-<query>-`.
 *
 * The service matches an entry only when the cached paths are the same too (they are part of the
 * entry's "version"), so each query's files always live at the same path under `dir`.
 */
class cache_CacheStore {
    dir;
    runId;
    runAttempt;
    logger;
    kind = 'cache';
    indexes = new Map();
    /** Keys whose dataset was unreadable this run: left out of the index written next. */
    setAside = new Set();
    warned = new Set();
    constructor(dir, runId, runAttempt, logger) {
        this.dir = dir;
        this.runId = runId;
        this.runAttempt = runAttempt;
        this.logger = logger;
    }
    static async create(options) {
        if (!cache.isFeatureAvailable()) {
            throw new StoreError('the Actions cache is not available here: the environment names no cache service, so this is not a ' +
                'GitHub Actions job (or the runner has none)', "use 'store: local' with a 'store-path' that persists between runs, or 'store: none'");
        }
        // The runner narrows the cache for untrusted events (ACTIONS_CACHE_MODE); @actions/cache then
        // skips reads or writes with an info line only, so say what it means for the diff.
        const mode = (process.env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
        if (mode === 'none' || mode === 'write-only') {
            options.logger.warn(`the runner's cache mode is '${mode}': no stored dataset can be read, so there is no baseline in this run`);
        }
        if (mode === 'none' || mode === 'read') {
            options.logger.warn(`the runner's cache mode is '${mode}': this run's datasets are not stored`);
        }
        await mkdir(options.dir, { recursive: true });
        return new cache_CacheStore(options.dir, options.runId ?? 'local', options.runAttempt ?? '1', options.logger);
    }
    static dataPrefix(queryId) {
        return `trace-differ-v1-${keyPart(queryId)}-`;
    }
    static dataKey(queryId, collectedAt, runId, attempt) {
        return `${cache_CacheStore.dataPrefix(queryId)}${stamp(collectedAt)}-${keyPart(runId)}-${keyPart(attempt)}-`;
    }
    static indexPrefix(queryId) {
        return `trace-differ-index-v1-${keyPart(queryId)}-`;
    }
    async queryDir(queryId) {
        const dir = join(this.dir, 'cache', keyPart(queryId));
        await mkdir(dir, { recursive: true });
        return dir;
    }
    async dataFile(queryId) {
        return join(await this.queryDir(queryId), 'dataset.tdds');
    }
    async indexFile(queryId) {
        return join(await this.queryDir(queryId), 'index.json');
    }
    /**
     * The newest stored index of the query, validated entry by entry (a bad line is named and left out).
     * Answers an empty index when there is none or it is unreadable.
     */
    async readStored(queryId) {
        const file = await this.indexFile(queryId);
        const prefix = cache_CacheStore.indexPrefix(queryId);
        // restoreCache answers undefined on a miss and on a service error alike (it warns about the latter).
        const hit = await cache.restoreCache([file], prefix, [prefix]);
        if (!hit)
            return { entries: [], pins: {} };
        try {
            const { index, problems } = readIndex(JSON.parse(await readFile(file, 'utf8')), queryId);
            for (const problem of problems) {
                const line = `the stored index ${hit} of query '${queryId}': ${problem}`;
                // The index is read again before writing: each line is named once.
                if (!this.warned.has(line))
                    this.logger.warn(line);
                this.warned.add(line);
            }
            return index;
        }
        catch (error) {
            this.logger.warn(`the stored index ${hit} of query '${queryId}' was set aside (${error.message}); starting a new one`);
            return { entries: [], pins: {} };
        }
    }
    async index(queryId) {
        const known = this.indexes.get(queryId);
        if (known)
            return known;
        const index = await this.readStored(queryId);
        if (index.entries.length === 0) {
            const newest = await this.newestByPrefix(queryId);
            if (newest)
                index.entries = [newest];
        }
        this.indexes.set(queryId, index);
        return index;
    }
    /** The newest dataset of the query, restored by key prefix (when there is no index to read). */
    async newestByPrefix(queryId) {
        const file = await this.dataFile(queryId);
        const prefix = cache_CacheStore.dataPrefix(queryId);
        const key = await cache.restoreCache([file], prefix, [prefix]);
        if (!key)
            return undefined;
        const loaded = await readDatasetFile(file);
        if (!loaded.ok) {
            this.logger.warn(this.describe(loaded.problem, file, key));
            return undefined;
        }
        return withRun(summariseDataset(loaded.dataset, key), loaded.dataset.provenance.github?.runId);
    }
    describe(problem, file, key) {
        return problem.replace(`dataset ${file}`, `dataset ${key} (Actions cache)`);
    }
    async put(dataset, options = {}) {
        const queryId = dataset.provenance.queryId;
        const key = cache_CacheStore.dataKey(queryId, dataset.provenance.collectedAt, this.runId, this.runAttempt);
        // The index first: reading it may restore an older dataset into the very path written next.
        const index = await this.index(queryId);
        const file = await this.dataFile(queryId);
        await writeDatasetFile(file, dataset);
        const entry = withRun(summariseDataset(dataset, key, options.verdict), dataset.provenance.github?.runId ?? this.runId);
        // saveCache warns and answers -1 instead of throwing when the service refuses or fails.
        if ((await cache.saveCache([file], key)) === -1) {
            this.logger.warn(`dataset ${key} could not be saved to the Actions cache; the next run will not see it`);
            return entry;
        }
        // Another run may have written the index since this one read it (an overlapping collect, a pin):
        // a fresh read just before writing is merged in, so neither run's entries nor pins are lost.
        const merged = mergeIndexes(index, await this.readStored(queryId));
        index.entries = withEntry(merged.entries.filter((e) => !this.setAside.has(e.key)), entry);
        index.pins = merged.pins;
        if (options.pinAs)
            index.pins[options.pinAs] = { ...entry, pinnedAs: options.pinAs };
        for (const [name, pin] of Object.entries(index.pins))
            if (this.setAside.has(pin.key))
                delete index.pins[name];
        const indexFile = await this.indexFile(queryId);
        await writeFile(indexFile, JSON.stringify(index));
        const indexKey = `${cache_CacheStore.indexPrefix(queryId)}${stamp(dataset.provenance.collectedAt)}-${keyPart(this.runId)}-${keyPart(this.runAttempt)}-`;
        if ((await cache.saveCache([indexFile], indexKey)) === -1) {
            this.logger.warn(`the history index of query '${queryId}' could not be saved to the Actions cache`);
        }
        this.logger.info(`stored dataset ${key} in the Actions cache`);
        return entry;
    }
    async list(queryId, options = {}) {
        return listed((await this.index(queryId)).entries, options);
    }
    async load(entry) {
        const file = await this.dataFile(entry.queryId);
        // The key is unique, but the service matches it as a prefix too: check what came back.
        // A lookup first tells "evicted" apart from "there but unreadable" (restoreCache answers
        // undefined for both, after a warning for the latter).
        if ((await cache.restoreCache([file], entry.key, [], { lookupOnly: true })) !== entry.key) {
            this.setAside.add(entry.key);
            return {
                ok: false,
                problem: `dataset ${entry.key} is not in the Actions cache any more (entries unused for 7 days are evicted); it was set aside`,
            };
        }
        if ((await cache.restoreCache([file], entry.key)) !== entry.key) {
            this.setAside.add(entry.key);
            return {
                ok: false,
                problem: `dataset ${entry.key} could not be restored from the Actions cache (see the warning above: a damaged archive or a failed download); it was set aside`,
            };
        }
        const loaded = await readDatasetFile(file);
        if (loaded.ok)
            return loaded;
        this.setAside.add(entry.key);
        return { ok: false, problem: this.describe(loaded.problem, file, entry.key) };
    }
    async pinned(queryId, name) {
        return (await this.index(queryId)).pins[name];
    }
}

;// CONCATENATED MODULE: ./src/store/local.ts





/** A file-system-safe, time-ordered key: `2026-11-24T04-19-00-000Z-<run>`. */
function datasetKey(dataset, suffix) {
    return `${dataset.provenance.collectedAt.replace(/[:.]/g, '-')}-${suffix}`;
}
/**
 * Datasets in a directory: `<dir>/<query>/<key>.tdds`, with `<dir>/<query>/history.json`
 * (newest first) and `<dir>/<query>/pins.json` (name → key). For the CLI, `npm start`, and
 * self-hosted runners that keep a disk.
 */
class local_LocalStore {
    dir;
    suffix;
    logger;
    kind = 'local';
    constructor(dir, suffix = () => Math.random().toString(36).slice(2, 8), logger) {
        this.dir = dir;
        this.suffix = suffix;
        this.logger = logger;
    }
    /** The history or pins file, validated line by line: a bad line is named and left out. */
    async readValidated(queryId, file) {
        const raw = await this.readJson((0,external_node_path_.join)(this.queryDir(queryId), file), undefined);
        if (raw === undefined)
            return undefined;
        try {
            const { index, problems } = history_readIndex(file === 'pins.json' ? { entries: [], pins: raw } : { entries: raw }, queryId);
            for (const problem of problems)
                this.logger?.warn(`${(0,external_node_path_.join)(this.queryDir(queryId), file)}: ${problem}`);
            return index;
        }
        catch {
            return undefined;
        }
    }
    queryDir(queryId) {
        return (0,external_node_path_.join)(this.dir, queryId);
    }
    fileOf(entry) {
        return (0,external_node_path_.join)(this.queryDir(entry.queryId), `${entry.key}.tdds`);
    }
    async readJson(file, fallback) {
        try {
            return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        }
        catch {
            return fallback;
        }
    }
    async writeJson(file, value) {
        const temp = `${file}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(temp, JSON.stringify(value, null, 1));
        await (0,promises_.rename)(temp, file);
    }
    /** The ids of the queries this store holds datasets of, sorted. */
    async queryIds() {
        const entries = await (0,promises_.readdir)(this.dir, { withFileTypes: true }).catch(() => []);
        const ids = [];
        for (const e of entries) {
            if (!e.isDirectory())
                continue;
            const names = await (0,promises_.readdir)((0,external_node_path_.join)(this.dir, e.name)).catch(() => []);
            if (names.some((n) => n === 'history.json' || n.endsWith('.tdds')))
                ids.push(e.name);
        }
        return ids.sort();
    }
    async history(queryId) {
        const file = (0,external_node_path_.join)(this.queryDir(queryId), 'history.json');
        const stored = await this.readValidated(queryId, 'history.json');
        if (stored)
            return stored.entries;
        // A missing or damaged index is rebuilt from the dataset files beside it (their names start
        // with the time they were collected), so neither the baselines nor the trend are lost.
        const names = await (0,promises_.readdir)(this.queryDir(queryId)).catch(() => []);
        const keys = names
            .filter((n) => n.endsWith('.tdds'))
            .map((n) => n.slice(0, -'.tdds'.length))
            .sort()
            .reverse()
            .slice(0, HISTORY_LENGTH);
        const rebuilt = [];
        for (const key of keys) {
            const loaded = await (0,dataset_file/* readDatasetFile */.DN)(this.fileOf({ queryId, key }));
            if (loaded.ok)
                rebuilt.push(history_withRun(summary_summariseDataset(loaded.dataset, key), loaded.dataset.provenance.github?.runId));
        }
        if (rebuilt.length)
            await this.writeJson(file, rebuilt);
        return rebuilt;
    }
    async put(dataset, options = {}) {
        const queryId = dataset.provenance.queryId;
        await (0,promises_.mkdir)(this.queryDir(queryId), { recursive: true });
        const key = datasetKey(dataset, this.suffix());
        const entry = history_withRun(summary_summariseDataset(dataset, key, options.verdict), dataset.provenance.github?.runId);
        const earlier = await this.history(queryId);
        await (0,dataset_file/* writeDatasetFile */.Yc)(this.fileOf(entry), dataset);
        const history = history_withEntry(earlier, entry);
        await this.writeJson((0,external_node_path_.join)(this.queryDir(queryId), 'history.json'), history);
        if (options.pinAs) {
            const pinsFile = (0,external_node_path_.join)(this.queryDir(queryId), 'pins.json');
            const pins = (await this.readValidated(queryId, 'pins.json'))?.pins ?? {};
            pins[options.pinAs] = { ...entry, pinnedAs: options.pinAs };
            await this.writeJson(pinsFile, pins);
        }
        return entry;
    }
    async list(queryId, options = {}) {
        return history_listed(await this.history(queryId), options);
    }
    /**
     * Reads a stored dataset. One that cannot be read is set aside: renamed to `<key>.tdds.set-aside`
     * (kept for a person to look at) and dropped from the history and the pins, so later runs do not trip on it again.
     */
    async load(entry) {
        const file = this.fileOf(entry);
        const loaded = await (0,dataset_file/* readDatasetFile */.DN)(file);
        if (loaded.ok)
            return loaded;
        const aside = `${file}.set-aside`;
        const moved = await (0,promises_.rename)(file, aside).then(() => true, () => false);
        const queryDir = this.queryDir(entry.queryId);
        const history = await this.history(entry.queryId);
        if (history.some((e) => e.key === entry.key)) {
            await this.writeJson((0,external_node_path_.join)(queryDir, 'history.json'), history.filter((e) => e.key !== entry.key));
        }
        const pinsFile = (0,external_node_path_.join)(queryDir, 'pins.json');
        const pins = (await this.readValidated(entry.queryId, 'pins.json'))?.pins ?? {};
        const kept = Object.fromEntries(Object.entries(pins).filter(([, pin]) => pin.key !== entry.key));
        if (Object.keys(kept).length !== Object.keys(pins).length)
            await this.writeJson(pinsFile, kept);
        return { ok: false, problem: moved ? `${loaded.problem} (moved to ${aside})` : loaded.problem };
    }
    async pinned(queryId, name) {
        return (await this.readValidated(queryId, 'pins.json'))?.pins[name];
    }
}

;// CONCATENATED MODULE: ./src/store/baseline.ts
/** The current side of a diff, as the dataset says (its snapshot and the run that collected it). */
function currentSide(dataset, key) {
    return {
        ...(key ? { key } : {}),
        ...(dataset.provenance.snapshotId ? { snapshotId: dataset.provenance.snapshotId } : {}),
        ...(dataset.provenance.github?.runId ? { runId: dataset.provenance.github.runId } : {}),
    };
}
/** Why a stored entry (or the dataset loaded for it) is the current side again, or undefined when it is not. */
function sameAs(current, entry, dataset) {
    if (!current)
        return undefined;
    if (current.key !== undefined && entry.key === current.key)
        return 'it is the dataset diffed now';
    const snapshotId = entry.snapshotId ?? dataset?.provenance.snapshotId;
    if (current.snapshotId !== undefined && snapshotId === current.snapshotId)
        return `it holds snapshot ${current.snapshotId}, the one diffed now (a re-run picked it up again)`;
    const runId = entry.runId ?? dataset?.provenance.github?.runId;
    if (current.runId !== undefined && runId === current.runId)
        return `it was collected by run ${current.runId}, the one diffing now (an earlier attempt of this re-run)`;
    return undefined;
}
/**
 * Chooses the baseline from the store: `previous` (newest earlier readable dataset, complete
 * snapshots preferred among the last few),
 * `pinned:<name>`, or `median-of:<N>` (the last N readable datasets, pooled by the engine:
 * one previous run is too noisy a reference). A corrupt dataset is skipped with a warning.
 * A baseline is never the current side again (`current`: its key, snapshot or run): a re-run that picked
 * up its failed attempt's snapshot diffs against what that attempt did, not against itself; and no
 * snapshot is pooled twice.
 */
async function resolveBaseline(store, queryId, spec, options = {}) {
    const warnings = [];
    const { current } = options;
    if (spec.kind === 'pinned') {
        const entry = await store.pinned(queryId, spec.name);
        if (!entry) {
            warnings.push(`no dataset is pinned as '${spec.name}' for query '${queryId}': there is no baseline`);
            return { datasets: [], entries: [], warnings };
        }
        const loaded = await store.load(entry);
        if (!loaded.ok)
            return { datasets: [], entries: [], warnings: [loaded.problem] };
        const same = sameAs(current, entry, loaded.dataset);
        if (same) {
            warnings.push(`the dataset pinned as '${spec.name}' is not a baseline here: ${same}`);
            return { datasets: [], entries: [], warnings };
        }
        return { datasets: [loaded.dataset], entries: [entry], warnings };
    }
    const wanted = spec.kind === 'previous' ? 1 : spec.count;
    // The current side's own lines (a re-run's first attempt) are passed over before counting.
    const listed = await store.list(queryId, { before: options.before, limit: wanted + 10 });
    const recent = listed.filter((e) => !sameAs(current, e));
    // The history says which collections were partial snapshots. Among the recent ones complete
    // datasets go first: with a partial one in the baseline (pooled or not) the engine can call no
    // value new, only undecided. Partial ones fill in when there are too few complete ones.
    const candidates = [...recent.filter((e) => e.complete), ...recent.filter((e) => !e.complete)];
    const datasets = [];
    const entries = [];
    const pooled = new Set();
    for (const entry of candidates) {
        if (datasets.length === wanted)
            break;
        const loaded = await store.load(entry);
        if (loaded.ok) {
            // What the index did not say, the dataset does (an index written before lines carried the run).
            if (sameAs(current, entry, loaded.dataset))
                continue;
            const snapshot = loaded.dataset.provenance.snapshotId;
            if (snapshot !== undefined && pooled.has(snapshot))
                continue; // the same snapshot is pooled once
            if (snapshot !== undefined)
                pooled.add(snapshot);
            datasets.push(loaded.dataset);
            entries.push(entry);
        }
        else {
            warnings.push(loaded.problem);
        }
    }
    if (spec.kind === 'median-of' && datasets.length > 0 && datasets.length < wanted) {
        warnings.push(`baseline median-of:${wanted} pooled only ${datasets.length} dataset(s): no more are stored yet`);
    }
    const partial = entries.filter((e) => !e.complete).length;
    if (partial > 0) {
        warnings.push(`the baseline holds ${partial} partial snapshot(s), for want of complete ones among the recent collections: no value can be called new`);
    }
    // Oldest first, so the newest is last (the diff's baseline summary names the newest).
    const order = entries
        .map((e, i) => ({ e, d: datasets[i] }))
        .sort((a, b) => a.e.collectedAt.localeCompare(b.e.collectedAt));
    return { datasets: order.map((o) => o.d), entries: order.map((o) => o.e), warnings };
}

;// CONCATENATED MODULE: ./src/store/index.ts
/** store: keeps datasets between runs (local directory, Actions cache, artifacts) and chooses baselines. */









async function createStore(kind, options) {
    if (kind === 'local')
        return new LocalStore(options.dir, undefined, options.logger);
    if (kind === 'cache')
        return CacheStore.create(options);
    if (kind === 'artifact') {
        return ArtifactStore.create({
            dir: options.dir,
            token: options.token ?? '',
            owner: options.owner ?? '',
            repo: options.repo ?? '',
            runId: options.runId ?? 'local',
            runAttempt: options.runAttempt,
            retentionDays: options.retentionDays ?? 0,
            branches: options.branches,
            repositoryId: options.repositoryId,
            apiUrl: options.apiUrl,
            logger: options.logger,
        });
    }
    throw new InputError(`unknown store '${String(kind)}'`, "use 'cache', 'artifact', 'local' or 'none'");
}

;// CONCATENATED MODULE: ./src/modes/context.ts

/** Queries collected at once by default; together they share the API's rate limits (the Lightstep client's per-organization limiters). */
const QUERY_CONCURRENCY = 4;
/**
 * The one way the action, the CLI and the demo build a mode's context: what they differ in is
 * given, the rest (the clock, how many queries run at once) is the same for all.
 */
function createModeContext(options) {
    return { queryConcurrency: QUERY_CONCURRENCY, now: () => new Date(), ...options };
}
/** The `file` of a configuration made from command-line flags, not read from a file. */
const COMMAND_LINE = '(command line)';
/** The queries a run covers: every query of the config, or the one named (a matrix job). */
function selectQueries(config, only) {
    if (!only)
        return config.queries;
    const query = config.queries.find((q) => q.id === only);
    if (!query) {
        const known = config.queries.map((q) => q.id).join(', ');
        throw new errors/* InputError */.dz(`query '${only}' is not in ${config.file}`, `use one of: ${known}`);
    }
    return [query];
}

;// CONCATENATED MODULE: ./src/modes/inspect-sides.ts


/** Parts of a group-by key that every span has: they never need checking. */
const ALWAYS = new Set(['service', 'operation']);
/** How many of the keys that were seen an error lists. */
const LISTED = 12;
/**
 * Checks the query's group-by keys against the spans of both sides. A key no span has on either side
 * would put every span under `(none)`, and that is a typo or the wrong data: an error that lists the
 * keys the spans do have, most common first. A key on fewer spans than `min-samples` is a warning.
 */
function checkGroupKeys(query, sides, where) {
    const parts = [...new Set(query.groupBy.flat())].filter((p) => !ALWAYS.has(p));
    if (parts.length === 0)
        return [];
    // Only the keys grouped by are counted; all tags are counted only to word the error.
    const seenOn = new Map(parts.map((p) => [p, 0]));
    for (const t of sides) {
        for (const p of parts) {
            const column = t.tags[t.tagKeys.indexOf(p)];
            if (!column)
                continue;
            // Counted only as far as the warning below reads (min-samples): a million rows need not be.
            const enough = Math.max(1, query.minSamples) - seenOn.get(p);
            let n = 0;
            for (let i = 0; i < t.size && n < enough; i++)
                if (column[i] >= 0)
                    n++;
            seenOn.set(p, seenOn.get(p) + n);
        }
    }
    const missing = parts.filter((p) => seenOn.get(p) === 0);
    if (missing.length > 0) {
        const counts = new Map();
        for (const t of sides) {
            t.tagKeys.forEach((tag, k) => {
                const column = t.tags[k];
                let n = 0;
                for (let i = 0; i < t.size; i++)
                    if (column[i] >= 0)
                        n++;
                if (n > 0)
                    counts.set(tag, (counts.get(tag) ?? 0) + n);
            });
        }
        const seen = [...counts]
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .slice(0, LISTED)
            .map(([tag, n]) => `${tag} (${n})`);
        const keys = missing.map((k) => `'${k}'`).join(', ');
        throw new errors/* InputError */.dz(`group-by key${missing.length > 1 ? 's' : ''} ${keys} ${missing.length > 1 ? 'are' : 'is'} on no span of either side; the spans have service, operation` +
            (seen.length ? ` and the tags ${seen.join(', ')}${counts.size > LISTED ? ', …' : ''}` : ' and no tags'), `group by keys the spans have (${where})`);
    }
    const warnings = [];
    for (const p of parts) {
        const n = seenOn.get(p);
        if (n < query.minSamples) {
            const users = query.groupBy.filter((k) => k.includes(p)).map((k) => `'${groupKeyName(k)}'`);
            warnings.push(`Group-by key '${p}' is on only ${n} span${n === 1 ? '' : 's'} of both sides together (fewer than min-samples ${query.minSamples}): ` +
                `${users.join(', ')} puts the others under (none).`);
        }
    }
    return warnings;
}
/**
 * The distinct (service, operation) pairs of a table, as texts, each when first met: found by the
 * dictionary indices of each row (a few hundred pairs), so that a million rows make no string.
 */
function* distinctPairs(t) {
    const seen = new Set();
    const width = t.strings.length + 1;
    for (let i = 0; i < t.size; i++) {
        const key = t.service[i] * width + t.operation[i];
        if (seen.has(key))
            continue;
        seen.add(key);
        yield JSON.stringify([t.strings[t.service[i]], t.strings[t.operation[i]]]);
    }
}
/**
 * A warning when the two sides share no service/operation pair: every value is then "new" or
 * "missing", and the likelier story is that the inputs come from different systems.
 */
function sharedNothingWarning(baselines, current) {
    if (baselines.every((b) => b.size === 0) || current.size === 0)
        return undefined;
    // The sides are read in turns, a new pair at a time: sides that share pairs share them early, so the
    // usual answer comes after a few rows, not after every row of one side (a million for a large file).
    const before = new Set();
    const after = new Set();
    const readers = [
        ...baselines.map((b) => ({ pairs: distinctPairs(b), own: before, other: after })),
        { pairs: distinctPairs(current), own: after, other: before },
    ];
    while (readers.length > 0) {
        for (let r = readers.length - 1; r >= 0; r--) {
            const reader = readers[r];
            const next = reader.pairs.next();
            if (next.done)
                readers.splice(r, 1);
            else if (reader.other.has(next.value))
                return undefined;
            else
                reader.own.add(next.value);
        }
    }
    const services = (tables) => {
        const set = new Set();
        for (const t of tables)
            for (let i = 0; i < t.size; i++)
                set.add(t.strings[t.service[i]]);
        return set;
    };
    const list = (set) => {
        const all = [...set].sort();
        return all.slice(0, 5).join(', ') + (all.length > 5 ? `, … (${all.length})` : '');
    };
    return ('The two sides share no service/operation: they may come from different systems or queries ' +
        `(baseline services: ${list(services(baselines))}; current: ${list(services([current]))}).`);
}

;// CONCATENATED MODULE: ./src/modes/collect-query.ts







function queryRef(query) {
    return { id: query.id, name: query.name, query: query.query };
}
/**
 * One query of a collect or gate run: take the current dataset, choose the baseline from the store,
 * diff, and keep the new dataset. A failure is returned as the outcome's error, so one broken
 * query never stops the others.
 */
async function runQuery(query, ctx, options) {
    const log = ctx.logger;
    const warnings = [];
    try {
        await yieldToSignals(ctx.signal, query.id);
        let current = options.current;
        if (!current) {
            log.info(`[${query.id}] collecting: ${query.query}`);
            current = await sourceFor(query, ctx.sources, { attempt: ctx.github?.runAttempt }).collect(query, {
                logger: prefixed(ctx, query.id),
                signal: ctx.signal,
            });
            if (ctx.github) {
                current.provenance.github = {
                    ref: ctx.github.ref,
                    sha: ctx.github.sha,
                    runId: ctx.github.runId,
                    runAttempt: ctx.github.runAttempt,
                };
            }
        }
        if (current.coverage.limitReached) {
            const c = current.coverage;
            warnings.push(`The search reached its limit of ${c.limit} traces: the sample is the first ${c.limit} found in the window, not all its traffic (raise 'limit' or shorten 'window-minutes').`);
        }
        if (current.coverage.tracesPartial) {
            warnings.push(`${current.coverage.tracesPartial} traces were answered cut short by the backend (too large); their spans are incomplete.`);
        }
        if (!current.coverage.complete) {
            const c = current.coverage;
            warnings.push(`Partial snapshot: ${c.tracesFetched} of ${c.tracesWanted} traces fetched (${c.tracesFailed} failed); ` +
                'no value is reported missing on the strength of it.');
        }
        let baselines = options.baseline ?? [];
        if (!options.baseline && ctx.store) {
            const chosen = await resolveBaseline(ctx.store, query.id, query.baseline, {
                before: current.provenance.collectedAt,
                current: currentSide(current, options.currentKey),
            });
            baselines = chosen.datasets;
            warnings.push(...chosen.warnings);
            for (const w of chosen.warnings)
                log.warn(`[${query.id}] ${w}`);
        }
        await yieldToSignals(ctx.signal, query.id);
        const baselineTables = baselines.map((d) => d.table);
        const empty = current.table.size === 0;
        if (!empty) {
            warnings.push(...checkGroupKeys(query, [...baselineTables, current.table], groupByOrigin(ctx)));
            const unrelated = sharedNothingWarning(baselineTables, current.table);
            if (unrelated)
                warnings.push(unrelated);
        }
        let result = diff({ baseline: baselines, current, query: queryRef(query), settings: query });
        if (empty) {
            // An empty collection compares nothing and must not become the next baseline.
            result = {
                ...result,
                verdict: 'inconclusive',
                reason: `No spans: the current dataset is empty, so there is nothing to compare${options.keep ? ', and it is not stored' : ''}.`,
            };
        }
        log.info(`[${query.id}] ${current.table.size} spans; baseline ${baselines.length ? `${baselines.reduce((n, d) => n + d.table.size, 0)} spans` : 'none yet'}; verdict ${result.verdict}`);
        let history;
        if (ctx.store && options.keep && !empty) {
            await ctx.store.put(current, { verdict: result.verdict, pinAs: ctx.pin });
            ctx.onStored?.(current);
            if (ctx.pin)
                log.info(`[${query.id}] pinned this dataset as '${ctx.pin}' (baseline: pinned:${ctx.pin})`);
            history = await ctx.store.list(query.id, { limit: 10 });
        }
        else if (ctx.store) {
            history = await ctx.store.list(query.id, { limit: 10 });
        }
        return {
            outcome: {
                query: queryRef(query),
                result,
                warnings,
                history,
                significance: query.significance,
                rules: query.thresholds.metrics,
            },
            dataset: current,
        };
    }
    catch (error) {
        const message = error instanceof errors/* UserError */.yo ? error.describe() : error instanceof Error ? error.message : String(error);
        log.error(`[${query.id}] ${message}`);
        if (!(error instanceof errors/* UserError */.yo) && error instanceof Error && error.stack)
            log.debug(error.stack);
        return { outcome: { query: queryRef(query), error: message, warnings } };
    }
}
/** Where the group-by keys came from, for the fix of a key no span has. */
function groupByOrigin(ctx) {
    return ctx.config.file === COMMAND_LINE ? 'see --group-by' : `see group-by: in ${ctx.config.file}`;
}
/**
 * A diff runs synchronously, and a signal handler (the runner's SIGINT, then SIGTERM) only runs between
 * turns of the event loop: each query gives it one before collecting and before diffing, and stops if
 * the run was cancelled meanwhile, so a cancel takes effect at the next query rather than after all.
 */
async function yieldToSignals(signal, queryId) {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) {
        throw new errors/* UserError */.yo(`cancelled: the run was stopped before query '${queryId}' was done`, 'nothing to fix here: the run was cancelled (or timed out); the next run collects again');
    }
}
function prefixed(ctx, id) {
    const log = ctx.logger;
    return {
        info: (m) => log.info(`[${id}] ${m}`),
        warn: (m) => log.warn(`[${id}] ${m}`),
        error: (m) => log.error(`[${id}] ${m}`),
        debug: (m) => log.debug(`[${id}] ${m}`),
    };
}
/** Runs `fn` over `items` with at most `limit` at once, keeping the order of the results. */
async function mapLimit(items, limit, fn) {
    const queue = new p_queue_dist/* default */.Ay({ concurrency: Math.max(1, limit) });
    return queue.addAll(items.map((item) => () => fn(item)));
}

;// CONCATENATED MODULE: ./src/modes/outcomes.ts

/** The verdict of a whole run: the worst over its queries, a query that could not be diffed counting as `inconclusive`. */
function worstVerdict(outcomes) {
    return (0,vocabulary/* worstVerdict */.zP)(outcomes.map((o) => (o.result ? o.result.verdict : 'inconclusive')));
}
function countFindings(outcomes) {
    return outcomes.reduce((n, o) => n + (o.result?.findings.length ?? 0), 0);
}

;// CONCATENATED MODULE: ./src/modes/collect.ts


/**
 * `collect` (schedule, workflow_dispatch): snapshot every query, diff each against its baseline,
 * keep the new datasets. Queries run concurrently; one failing query does not stop the others.
 */
async function collect(ctx) {
    const runs = await mapLimit(ctx.queries, ctx.queryConcurrency, (q) => runQuery(q, ctx, { keep: true }));
    const outcomes = runs.map((r) => r.outcome);
    return { mode: 'collect', verdict: worstVerdict(outcomes), outcomes, generatedAt: ctx.now().toISOString() };
}

;// CONCATENATED MODULE: ./src/modes/diff.ts










/** `diff`: two given datasets, compared with one query's settings. Nothing is stored. */
async function diffMode(ctx, query, baselineRef, currentRef) {
    const notes = [];
    // Both sides load at once; when both are wrong, the baseline's mistake is told first, every time.
    const settled = await Promise.allSettled([baselineRef, currentRef].map(async (ref) => {
        const dataset = await resolveDataset(ref, query, ctx, { groupBy: query.groupBy });
        const side = await checkSide(ref, dataset, query, ctx, notes);
        // Grouped as it arrives, unless the worker that read it did: a side read here is often done while
        // the other is still read in a worker.
        (0,group.prepareGrouping)(side.table, query.groupBy);
        return side;
    }));
    const [baseline, current] = settled.map((s) => {
        if (s.status === 'rejected')
            throw s.reason;
        return s.value;
    });
    // A key no span has is an input error here (exit 2), not a query error as in collect.
    checkGroupKeys(query, [baseline.table, current.table], ctx.config.file === COMMAND_LINE ? 'see --group-by' : `see group-by: in ${ctx.config.file}`);
    // The given baseline replaces the store's choice: diff exactly what was asked for.
    const run = await runQuery(query, { ...ctx, store: undefined }, { current, keep: false, baseline: [baseline] });
    const outcomes = [{ ...run.outcome, warnings: [...new Set(notes), ...run.outcome.warnings] }];
    return { mode: 'diff', verdict: worstVerdict(outcomes), outcomes, generatedAt: ctx.now().toISOString() };
}
/**
 * A file side is filtered by the query's text when the query came from a configuration (the header
 * shows that text, so the spans must match it). A backend's query picks traces (Lightstep keeps the
 * whole trace of every matching span), so a file keeps the traces with a matching span; an OTLP
 * query is a span filter, as the OTLP source applies it. A side with no spans is an input error.
 */
async function checkSide(ref, dataset, query, ctx, notes) {
    const isPath = Boolean(await (0,promises_.stat)(ref).catch(() => undefined));
    let filtered = dataset;
    const text = query.query.trim();
    // Spans before any filter: an OTLP query's file sides were already filtered as they were read.
    let before = dataset.table.size;
    if (isPath && text !== '' && ctx.config.file !== COMMAND_LINE) {
        let matches;
        try {
            matches = (0,filter/* parseFilter */.aN)(text);
        }
        catch (error) {
            const why = error instanceof errors/* UserError */.yo ? error.message : String(error);
            const note = `The query text of '${query.id}' was not applied to ${ref}: it cannot be read as a span filter (${why}); every span of the file is compared.`;
            ctx.logger.warn(note);
            notes.push(note);
        }
        if (matches) {
            const t = dataset.table;
            let keep;
            if (query.source.kind === 'otlp') {
                before = Math.max(before, dataset.coverage.exemplars);
                keep = (row) => matches(t, row);
            }
            else {
                const traces = new Set();
                for (let i = 0; i < t.size; i++)
                    if (matches(t, i))
                        traces.add(t.trace[i]);
                keep = (row) => traces.has(t.trace[row]);
            }
            const table = (0,dataset_table/* canonicalTable */.Jh)(t, keep);
            ctx.logger.info(`'${ref}': ${table.size} of ${before} spans kept by the query text of '${query.id}': ${text}`);
            const traces = (0,dataset_table/* traceCount */.BI)(table);
            filtered = { ...dataset, table, coverage: { ...dataset.coverage, tracesWanted: traces, tracesFetched: traces } };
        }
    }
    if (filtered.table.size === 0) {
        const filteredAway = filtered !== dataset && before > 0;
        throw new errors/* InputError */.dz(filteredAway
            ? `'${ref}' has ${before} spans, but none matches the query text of '${query.id}' (${text})`
            : `'${ref}' holds no spans: there is nothing to compare`, filteredAway
            ? 'choose the query that matches the file with --query, or leave out --config'
            : 'pass a file or folder with spans: OTLP JSON, Jaeger, Zipkin or span JSON/NDJSON, or a trace-differ dataset');
    }
    return filtered;
}

;// CONCATENATED MODULE: ./src/report/json.ts
const REPORT_SCHEMA = 'trace-differ/report@1';
/** Below this many characters the JSON is indented for a person to read; above, it is for tools. */
const INDENT_BELOW = 1 << 20;
/**
 * The JSON report: the verdict and, per query, the DiffResult of DESIGN.md (or its error).
 * `merge` reads it back, so it is the Report itself with a schema tag. Indented while it is small
 * enough to read; a large one (a million spans over high-cardinality keys give ~175k values) is
 * written on one line, which is a third of the size (129 MB instead of 349 MB for that case).
 */
function renderJson(report) {
    const tagged = { schema: REPORT_SCHEMA, ...report };
    const compact = JSON.stringify(tagged);
    return `${compact.length < INDENT_BELOW ? JSON.stringify(tagged, null, 2) : compact}\n`;
}

;// CONCATENATED MODULE: ./src/modes/results-schema.ts





/**
 * The JSON results `merge` reads (a report-json, or a bare diff result). On `workflow_run` they come
 * from an artifact a fork's pull request uploaded, so every field is held to the shape trace-differ
 * writes: numbers finite (z.number() refuses ±Infinity, which `1e999` parses to), enums for what the
 * renderers look up or print as they are (verdicts, severities, metrics), an ISO time for `collectedAt`
 * and a plain number for `pooled` and a finding's `change`, which the markdown prints without escaping.
 * Free text (names, values, rules, warnings) stays text: the renderers escape it as they do span values.
 */
const results_schema_text = schemas/* string */.YjP().max(20_000);
const results_schema_count = schemas/* number */.aig().int().nonnegative();
const finite = schemas/* number */.aig();
const fraction = schemas/* number */.aig().min(0).max(1);
const probability = fraction.nullable().optional();
const verdict = schemas/* enum */.k5n(['pass', 'notice', 'warn', 'fail', 'inconclusive']);
/** What describeChange writes: `+34%`, `-1.2pp`, `+41ms`, `+3.0/min`, `+12`, `from 0` (or `new` / `missing`). */
const results_schema_CHANGE = /^(?:[+-]?\d[\d.]*(?:e[+-]?\d+)?(?:%|pp|ms|\/min)?|from 0|new|missing)$/;
const stats = schemas/* object */.Ikc({
    occurrence: results_schema_count,
    traces: results_schema_count.optional(),
    errors: results_schema_count,
    errorRate: fraction,
    ratePerMin: schemas/* number */.aig().nonnegative(),
    latencyUs: schemas/* object */.Ikc({ avg: finite, p50: finite, p90: finite, p95: finite, p99: finite, max: finite }),
});
const side = schemas/* object */.Ikc({
    snapshotId: results_schema_text.optional(),
    collectedAt: iso/* datetime */.w$(),
    spans: results_schema_count,
    traces: results_schema_count,
    coverage: fraction,
    complete: schemas/* boolean */.zMY(),
    uiLink: results_schema_text.optional(),
    windowMinutes: schemas/* number */.aig().positive().optional(),
    pooled: schemas/* number */.aig().int().min(1).max(10_000).optional(),
});
const tests = schemas/* object */.Ikc({
    latency: fraction.optional(),
    errorRate: fraction.optional(),
    rate: fraction.optional(),
    latencyP50: fraction.optional(),
    latencyP90: fraction.optional(),
    latencyP95: fraction.optional(),
    latencyP99: fraction.optional(),
})
    .partial();
/** A confidence interval of a change (ChangeInterval); null: the data do not bound that side. */
const results_schema_interval = schemas/* object */.Ikc({
    low: finite.nullable(),
    high: finite.nullable(),
    relativeLow: finite.nullable(),
    relativeHigh: finite.nullable(),
    confidence: fraction,
});
const histogram = schemas/* object */.Ikc({ from: schemas/* number */.aig().int().min(-100).max(200), counts: schemas/* array */.YOg(results_schema_count).max(400) });
const oneSided = schemas/* object */.Ikc({ value: results_schema_text, pValue: fraction.optional(), qValue: fraction.optional() });
const newValue = oneSided.extend({ current: stats });
const missingValue = oneSided.extend({ baseline: stats });
const undecided = oneSided.extend({
    side: schemas/* enum */.k5n(['baseline-only', 'current-only']),
    reason: schemas/* enum */.k5n(['too-little-traffic', 'partial-coverage']),
    baseline: stats.optional(),
    current: stats.optional(),
});
const changed = schemas/* object */.Ikc({
    value: results_schema_text,
    baseline: stats,
    current: stats,
    delta: schemas/* object */.Ikc({
        occurrence: finite,
        errorRate: finite,
        ratePerMin: finite.optional(),
        latencyAvgUs: finite,
        latencyP50Us: finite.optional(),
        latencyP90Us: finite.optional(),
        latencyP95Us: finite,
        latencyP99Us: finite.optional(),
    }),
    pValue: tests,
    qValue: tests.optional(),
    latencyShiftUs: schemas/* object */.Ikc({ estimate: finite, low: finite, high: finite, confidence: fraction }).optional(),
    enoughData: schemas/* boolean */.zMY().optional(),
    intervals: schemas/* partialRecord */.jgl(schemas/* enum */.k5n(vocabulary/* METRICS */.Cb), results_schema_interval).optional(),
    latencyHistogram: schemas/* object */.Ikc({ baseline: histogram, current: histogram }).optional(),
});
const lists = {
    new: schemas/* array */.YOg(newValue),
    missing: schemas/* array */.YOg(missingValue),
    changed: schemas/* array */.YOg(changed),
    undecided: schemas/* array */.YOg(undecided).default([]),
};
const finding = schemas/* object */.Ikc({
    severity: schemas/* enum */.k5n(['notice', 'warn', 'fail']),
    key: results_schema_text,
    value: results_schema_text,
    metric: schemas/* enum */.k5n([...vocabulary/* METRICS */.Cb, 'new', 'missing']),
    baseline: finite.nullable(),
    current: finite.nullable(),
    change: schemas/* string */.YjP().max(40).regex(results_schema_CHANGE, 'is not a change as trace-differ writes it (+34%, -1.2pp, +41ms)'),
    pValue: probability.transform((p) => p ?? null),
    rule: results_schema_text,
    impact: finite.optional(),
    interval: results_schema_interval.optional(),
});
const query = schemas/* object */.Ikc({ id: results_schema_text, name: results_schema_text, query: results_schema_text });
const rule = schemas/* object */.Ikc({
    metric: schemas/* enum */.k5n(vocabulary/* METRICS */.Cb),
    levels: schemas/* array */.YOg(schemas/* object */.Ikc({
        severity: schemas/* enum */.k5n(['notice', 'warn', 'fail']),
        change: schemas/* object */.Ikc({ kind: schemas/* enum */.k5n(['relative', 'absolute']), amount: finite, text: results_schema_text }),
    })),
    text: results_schema_text,
});
const DiffResultSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(DIFF_SCHEMA),
    query,
    baseline: side.nullable(),
    current: side,
    verdict,
    reason: results_schema_text.optional(),
    groups: schemas/* array */.YOg(schemas/* object */.Ikc({ key: results_schema_text, ...lists })),
    edges: schemas/* object */.Ikc(lists),
    findings: schemas/* array */.YOg(finding),
    improvements: schemas/* array */.YOg(finding).default([]),
    traffic: schemas/* array */.YOg(finding).default([]),
});
const ReportSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(REPORT_SCHEMA).optional(),
    verdict,
    mode: results_schema_text,
    outcomes: schemas/* array */.YOg(schemas/* object */.Ikc({
        query,
        result: DiffResultSchema.optional(),
        error: results_schema_text.optional(),
        warnings: schemas/* array */.YOg(results_schema_text).default([]),
        history: schemas/* array */.YOg(HistoryEntrySchema).optional(),
        significance: fraction.optional(),
        rules: schemas/* array */.YOg(rule).optional(),
    })),
    generatedAt: schemas/* string */.YjP().max(100).optional(),
    pullRequest: schemas/* number */.aig().int().positive().optional(),
    fullReportHint: results_schema_text.optional(),
});
/** Hosts a UI link in a result may point to: the Lightstep (Cloud Observability) app, over https. */
const TRUSTED_LINK_HOSTS = ['lightstep.com'];
/** Whether a UI link from a result goes to a host trace-differ trusts (https, lightstep.com or a subdomain). */
function trustedLink(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return false;
    }
    const host = parsed.hostname.toLowerCase();
    return (parsed.protocol === 'https:' &&
        !parsed.username &&
        !parsed.password &&
        TRUSTED_LINK_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)));
}
/** Where a validation failed, as one line: `outcomes.0.result.findings.2.change: is not a change …; …`. */
function results_schema_describeIssue(error) {
    const shown = error.issues.slice(0, 4).map((issue) => {
        return `${issue.path.length ? issue.path.join('.') : 'the file'}: ${issue.message}`;
    });
    const more = error.issues.length - shown.length;
    return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
/** Drops UI links to hosts not trusted, saying which; the rest of the result is kept. */
function withTrustedLinks(result, dropped) {
    const clean = (s) => {
        if (!s?.uiLink || trustedLink(s.uiLink))
            return s;
        dropped(s.uiLink);
        const { uiLink: _dropped, ...rest } = s;
        return rest;
    };
    return { ...result, baseline: clean(result.baseline), current: clean(result.current) };
}

;// CONCATENATED MODULE: ./src/modes/merge.ts






/**
 * Every `.json` file under `path` (a folder, searched recursively, as download-artifact lays them out),
 * `path` itself, or the files a glob (`results/*\/report.json`) matches.
 */
async function resultFiles(path) {
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info) {
        const matches = [];
        for await (const m of (0,promises_.glob)(path))
            matches.push(m);
        if (matches.length > 0)
            return matches.sort();
        throw new errors/* InputError */.dz(`results '${path}' does not exist and matches no file`, 'point it at the folder the result artifacts were downloaded to');
    }
    if (info.isFile())
        return [path];
    const entries = await (0,promises_.readdir)(path, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile() && e.name.endsWith('.json'))
        .map((e) => (0,external_node_path_.join)(e.parentPath, e.name))
        .sort();
}
function looksLikeDiffResult(x) {
    return typeof x === 'object' && x !== null && x.schema === DIFF_SCHEMA;
}
function looksLikeReport(x) {
    return typeof x === 'object' && x !== null && Array.isArray(x.outcomes);
}
/**
 * `merge`: combine the JSON results of matrix jobs (each a report-json output) into one report.
 * A file that is not a trace-differ result is named and skipped; the merged verdict is the worst.
 */
async function mergeResults(path, log, now) {
    const outcomes = [];
    let pullRequest;
    for (const file of await resultFiles(path)) {
        let parsed;
        try {
            parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        }
        catch (error) {
            log.warn(`${file} is not valid JSON (${error.message}); skipped`);
            continue;
        }
        // The results may come from a fork's artifact: validated whole, or set aside naming the field.
        const links = (result) => withTrustedLinks(result, (link) => log.warn(`${file}: a UI link to an untrusted host was left out (${JSON.stringify(link.slice(0, 80))})`));
        if (looksLikeReport(parsed)) {
            const report = ReportSchema.safeParse(parsed);
            if (!report.success) {
                log.warn(`${file} was set aside: ${results_schema_describeIssue(report.error)}`);
                continue;
            }
            outcomes.push(...report.data.outcomes.map((o) => (o.result ? { ...o, result: links(o.result) } : o)));
            pullRequest ??= report.data.pullRequest;
        }
        else if (looksLikeDiffResult(parsed)) {
            const result = DiffResultSchema.safeParse(parsed);
            if (!result.success) {
                log.warn(`${file} was set aside: ${results_schema_describeIssue(result.error)}`);
                continue;
            }
            outcomes.push({ query: result.data.query, result: links(result.data), warnings: [] });
        }
        else {
            log.warn(`${file} is not a trace-differ result (no 'outcomes' and no schema ${DIFF_SCHEMA}); skipped`);
        }
    }
    if (outcomes.length === 0) {
        throw new errors/* InputError */.dz(`no trace-differ results found in '${path}'`, "upload each job's report-json output as an artifact and download them all here");
    }
    log.info(`merged ${outcomes.length} query results`);
    return { mode: 'merge', verdict: worstVerdict(outcomes), outcomes, generatedAt: now.toISOString(), pullRequest };
}

;// CONCATENATED MODULE: ./src/modes/plan.ts
/**
 * `plan`: the query ids as a matrix, so a big configuration spreads over many runners.
 * GitHub's matrix is the distributed engine; trace-differ does not invent its own.
 */
function plan(config) {
    const matrix = { query: config.queries.map((q) => q.id) };
    return { matrix, json: JSON.stringify(matrix) };
}

;// CONCATENATED MODULE: ./src/report/order.ts

/**
 * How much a query's outcome matters to a reader: a failing query first, then one that could not be
 * diffed (it fails the step too), then warn, notice, inconclusive, pass.
 */
function weight(o) {
    if (o.error)
        return (0,vocabulary/* verdictRank */.uI)('warn') + 0.5;
    return (0,vocabulary/* verdictRank */.uI)(o.result.verdict);
}
function topImpact(o) {
    return o.result?.findings.reduce((m, f) => Math.max(m, f.impact ?? 0), 0) ?? 0;
}
/** The outcomes in order of importance: severity, then the impact of the top finding, then name (stable). */
function byImportance(outcomes) {
    return [...outcomes].sort((a, b) => weight(b) - weight(a) ||
        topImpact(b) - topImpact(a) ||
        (a.query.name < b.query.name ? -1 : a.query.name > b.query.name ? 1 : 0));
}
/** Findings most severe first, then by impact (the diff ranks them so; results read back may not be). */
function ranked(findings) {
    return [...findings].sort((a, b) => (0,vocabulary/* severityRank */.qs)(b.severity) - (0,vocabulary/* severityRank */.qs)(a.severity) || (b.impact ?? 0) - (a.impact ?? 0));
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
;// CONCATENATED MODULE: ./src/report/escape.ts

/**
 * Untrusted text (tag values, operation and service names) made inert for GitHub markdown, in
 * two forms that both read well as plain text in a terminal:
 *
 * - `code()` for identifiers: an inline code span. Nothing inside a code span is markdown, HTML,
 *   a link, an autolink, an @mention, a #reference or an emoji, and the value copies exactly.
 * - `md()` for prose: backslash escapes for the characters markdown gives meaning to (CommonMark
 *   allows one before any ASCII punctuation). GitHub turns text into links after rendering
 *   (@mentions, #123 references, bare URLs, :emoji:), which no escape prevents, so a word joiner
 *   (U+2060, invisible) is put where those patterns would start.
 *
 * In both, control characters become spaces (a newline would end a table row), characters that
 * show as nothing are spelt out (`<U+200B>`, see text.ts), and long text is cut. In prose a `|` is
 * written `\|` (a backslash escape anywhere); in code only inside a table cell, where GFM reads it as
 * a literal pipe even inside code.
 */
const JOINER = '\u2060';
/** Text for a terminal: control characters (cursor moves, bidirectional overrides) become spaces, invisible ones `<U+…>`. */
function plainText(text) {
    return (0,src_text/* visibleText */.Q6)(text);
}
// Cut before the invisible characters are spelt out, so that a cut never splits one `<U+…>`.
function clean(text, maxLength) {
    const s = text.replace(src_text/* CONTROL */.W3, ' ');
    return (s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s).replace(src_text/* INVISIBLE */.kH, src_text/* visibleCodePoint */.IC);
}
/** Breaks what GitHub links after rendering: @user / @org/team, #123 and org/repo#123, URLs, www., :emoji:. */
function defuse(s) {
    return s
        .replace(/@/g, `@${JOINER}`)
        .replace(/#/g, `#${JOINER}`)
        .replace(/:\/\//g, `:${JOINER}//`)
        .replace(/www\./gi, (m) => `${m.slice(0, 3)}${JOINER}.`)
        .replace(/:(?=[\w+-]+:)/g, `:${JOINER}`);
}
/** Escapes untrusted text for a markdown table cell, list item or paragraph. */
function md(text, maxLength = 200) {
    const s = defuse(clean(text, maxLength)).replace(/[\\`*_[\]<>|~$&#]/g, (c) => `\\${c}`);
    // Where the text starts a line (a list item, a paragraph), a leading -, +, = or "1." would start a block.
    return s.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
/**
 * Untrusted text as an inline code span: inert and verbatim. `(empty)` for the empty string, and
 * a count for text of blanks only (an empty-looking cell would hide it). `where` is `cell` for a
 * GFM table cell, where a pipe must be written `\|` even inside code, and `inline` elsewhere
 * (headings, list items, paragraphs), where that backslash would show.
 */
function code(text, maxLength = 200, where = 'cell') {
    // Most values are plain names (a report of a million spans has tens of thousands): nothing to clean,
    // fence wider or escape, so they skip the passes below, which would leave them as they are.
    if (text.length <= maxLength && PLAIN_NAME.test(text))
        return `\`${text}\``;
    const s = clean(text, maxLength);
    if (s === '')
        return '*(empty)*';
    if (s.trim() === '')
        return `*(${s.length} blank character${s.length === 1 ? '' : 's'})*`;
    // A GFM table reads `\|` as a pipe inside code too, but implementations disagree on a backslash
    // that comes before it; such rare values are written as escaped prose instead.
    if (where === 'cell' && /\\\|/.test(s))
        return md(s, maxLength);
    const longestTicks = Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length));
    const fence = '`'.repeat(longestTicks + 1);
    const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
    return `${fence}${pad}${where === 'cell' ? s.replace(/\|/g, '\\|') : s}${pad}${fence}`;
}
const PLAIN_NAME = /^[\w./:-]+$/;
/** Escapes untrusted text for a Mermaid node label inside `["…"]`: entity codes, no quotes, no newlines. */
function mermaidLabel(text, maxLength = 80) {
    const s = clean(text, maxLength);
    // Mermaid's own entity syntax is #name; or #code; — it reads those, so nothing here can end the label.
    return s.replace(/[^A-Za-z0-9 .,/_:+=-]/g, (c) => `#${c.codePointAt(0)};`);
}
/** A link target from a source (a UI link): http(s) only, with the characters that could end it encoded. */
function safeUrl(url) {
    if (!/^https?:\/\//i.test(url))
        return undefined;
    try {
        return encodeURI(url).replace(/[()<>[\]"'` ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    }
    catch {
        return undefined; // a lone surrogate: no link rather than a broken one
    }
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** Numbers as people read them. */
function duration(us) {
    if (us === null || us === undefined || !Number.isFinite(us))
        return 'n/a';
    const abs = Math.abs(us);
    if (abs < 1000)
        return `${Math.round(us)} µs`;
    if (abs < 1_000_000)
        return `${trim(us / 1000)} ms`;
    return `${trim(us / 1_000_000)} s`;
}
/** Three significant digits, without trailing zeros: 12.3, 161, 1.05. */
function trim(x) {
    const abs = Math.abs(x);
    const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
    return String(Number(x.toFixed(digits)));
}
function format_count(n) {
    return Math.round(n).toLocaleString('en-US');
}
function percent(fraction, digits = 1) {
    if (!Number.isFinite(fraction))
        return 'n/a';
    const p = fraction * 100;
    return `${p < 10 && p > 0 ? p.toFixed(digits) : Math.round(p * 10) / 10}%`;
}
function signedPercent(before, after) {
    if (before === 0)
        return after === 0 ? '±0%' : 'new';
    const p = ((after - before) / before) * 100;
    if (Math.abs(p) < 0.5)
        return '±0%';
    return `${p > 0 ? '+' : ''}${Math.abs(p) < 10 ? p.toFixed(1) : Math.round(p)}%`;
}
function pValue(p) {
    if (p === null || p === undefined)
        return '';
    if (p < 0.0001)
        return '<0.0001';
    return p < 0.01 ? p.toFixed(4) : p.toFixed(2);
}
const BARS = '▁▂▃▄▅▆▇█';
/** A sparkline of a series (oldest first). */
function sparkline(values) {
    if (values.length === 0)
        return '';
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return values.map((v) => BARS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * 7)]).join('');
}

;// CONCATENATED MODULE: ./src/report/headline.ts





const EMOJI = {
    pass: '✅',
    notice: 'ℹ️',
    warn: '⚠️',
    fail: '❌',
    inconclusive: '❔',
};
const MARKDOWN = { value: (s) => code(s, 120, 'inline'), prose: (s) => md(s) };
const PLAIN = { value: (s) => s, prose: (s) => s };
/** `120 → 161 ms`: the unit once when both sides share it. */
function range(before, after) {
    // Every cell of a value table has one or two: endsWith, not a regular expression.
    const unit = UNITS.find((u) => before.endsWith(u));
    if (unit && after.endsWith(unit))
        return `${before.slice(0, -unit.length)} → ${after}`;
    return `${before} → ${after}`;
}
const UNITS = [' µs', ' ms', ' s', '/min'];
/** A metric value in its own unit. */
function headline_metricValue(metric, v) {
    if (metric === 'error-rate')
        return percent(v ?? 0);
    if (metric === 'rate')
        return `${trimRate(v ?? 0)}/min`;
    if (metric === 'occurrence' || metric === 'new' || metric === 'missing')
        return format_count(v ?? 0);
    return duration(v);
}
function trimRate(x) {
    return x >= 100 ? String(Math.round(x)) : x.toFixed(1);
}
/** A finding's numbers in its own unit: `p95 +34% (120 → 161 ms)`. */
function findingNumbers(f) {
    if (f.metric === 'new')
        return `new (${format_count(f.current ?? 0)} spans)`;
    if (f.metric === 'missing')
        return `missing (${format_count(f.baseline ?? 0)} spans before)`;
    const label = f.metric.replace('latency.', '');
    return `${label} ${f.change} (${range(headline_metricValue(f.metric, f.baseline), headline_metricValue(f.metric, f.current))})`;
}
/**
 * `, 98% interval +20% … +55%`: how sure of a finding's change, beside it. Not for a notice whose rule
 * already gives it (a change not yet established), nor for results written before intervals.
 */
function howSure(f) {
    const i = f.interval;
    if (!i || f.metric === 'new' || f.metric === 'missing' || f.rule.includes('not yet established'))
        return '';
    // In the unit the change is written in, which is its rule's: `+34%` relative, `+4.4pp` or `+41ms` absolute.
    return `, ${intervalText(i, f.metric, f.change.endsWith('%') ? 'relative' : 'absolute')}`;
}
function regressions(result) {
    return ranked(result.findings.filter((f) => f.severity === 'warn' || f.severity === 'fail'));
}
/** `key = value` (or `call a -> b` for a call edge): a value never appears without the key it is a value of. */
function keyValue(key, value, esc) {
    return key === 'edge' ? `call ${esc.value(value)}` : `${esc.value(key)} = ${esc.value(value)}`;
}
/** How many keyed values regressed: a value slower at p95, p99 and avg is one regression, not three. */
function regressedValues(findings) {
    return new Set(findings.map((f) => `${f.key}\u0000${f.value}`)).size;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** The most severe finding, a named value before the `(none)` bucket among equally severe ones. */
function topFinding(bad, esc) {
    const worst = bad.filter((f) => f.severity === bad[0].severity);
    // The `(none)` value (spans without the tag) lumps everything else together: a named value says more.
    const top = worst.find((f) => f.value !== vocabulary/* NONE */.x3) ?? worst[0];
    return `${keyValue(top.key, top.value, esc)} ${findingNumbers(top)}`;
}
function querySentence(outcome, esc) {
    const name = esc.prose(outcome.query.name);
    if (outcome.error)
        return `could not diff ${name}`;
    const r = outcome.result;
    if (r.verdict === 'inconclusive')
        return `${name} is inconclusive: ${esc.prose(r.reason ?? 'nothing to compare')}`;
    const bad = regressions(r);
    if (bad.length > 0) {
        const n = regressedValues(bad);
        return `${plural(n, 'regression')} in ${name}: ${topFinding(bad, esc)}${n > 1 ? '…' : ''}`;
    }
    if (r.findings.length > 0)
        return `nothing to act on in ${name}, ${plural(r.findings.length, 'notice')}`;
    return `no regressions in ${name}: ${format_count(r.current.spans)} spans compared with ${format_count(r.baseline?.spans ?? 0)}`;
}
function capitalised(emoji, s) {
    return `${emoji} ${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}
/**
 * The first line of every report: the verdict and the one thing to look at, in one sentence.
 * `esc` decides how names and values are written (escaped markdown, or plain text for a terminal).
 */
function headline(report, esc = MARKDOWN) {
    const outcomes = byImportance(report.outcomes);
    const emoji = EMOJI[report.verdict];
    if (outcomes.length === 1)
        return capitalised(emoji, querySentence(outcomes[0], esc));
    const failed = outcomes.filter((o) => o.error).length;
    const regressed = outcomes.filter((o) => o.result && regressions(o.result).length > 0);
    const inconclusive = outcomes.filter((o) => o.result?.verdict === 'inconclusive');
    const compared = outcomes.length - failed - inconclusive.length;
    const parts = [];
    if (regressed.length) {
        const each = regressed.slice(0, 3).map((o) => {
            const bad = regressions(o.result);
            const more = regressedValues(bad) - 1;
            return `${esc.prose(o.query.name)}: ${topFinding(bad, esc)}${more > 0 ? ` and ${more} more` : ''}`;
        });
        if (regressed.length > 3)
            each.push('…');
        parts.push(`${regressed.length} of ${outcomes.length} queries regressed — ${each.join('; ')}`);
    }
    else if (compared > 0) {
        parts.push(`no regressions in ${compared} of ${outcomes.length} queries`);
    }
    if (inconclusive.length) {
        // An inconclusive query is not a passing one: say so, with the first reason (usually "no baseline yet").
        const reason = inconclusive[0].result.reason;
        const why = reason ? `: ${esc.prose(reason.charAt(0).toLowerCase() + reason.slice(1))}` : '';
        parts.push(compared > 0 || regressed.length
            ? `${inconclusive.length} inconclusive`
            : `${inconclusive.length} of ${outcomes.length} queries inconclusive${why}`);
    }
    if (failed)
        parts.push(`${failed} could not be diffed`);
    return capitalised(emoji, parts.join('; '));
}

;// CONCATENATED MODULE: ./src/report/html/assets.generated.ts
// Generated by scripts/html-assets.mjs from node_modules/uplot and src/report/html/client: do not edit.
// uPlot (MIT License, Copyright (c) 2022 Leon Sorokin), inlined into the HTML pages.
const UPLOT_VERSION = "1.6.32";
const UPLOT_JS = "/*! https://github.com/leeoniya/uPlot (v1.6.32) */\nvar uPlot=function(){\"use strict\";const l=\"u-off\",e=\"u-label\",t=\"width\",n=\"height\",i=\"top\",o=\"bottom\",s=\"left\",r=\"right\",u=\"#000\",a=u+\"0\",f=\"mousemove\",c=\"mousedown\",h=\"mouseup\",d=\"mouseenter\",p=\"mouseleave\",m=\"dblclick\",g=\"change\",x=\"dppxchange\",w=\"--\",_=\"undefined\"!=typeof window,b=_?document:null,v=_?window:null,k=_?navigator:null;let y,M;function S(l,e){if(null!=e){let t=l.classList;!t.contains(e)&&t.add(e)}}function T(l,e){let t=l.classList;t.contains(e)&&t.remove(e)}function E(l,e,t){l.style[e]=t+\"px\"}function z(l,e,t,n){let i=b.createElement(l);return null!=e&&S(i,e),null!=t&&t.insertBefore(i,n),i}function D(l,e){return z(\"div\",l,e)}const P=new WeakMap;function A(e,t,n,i,o){let s=\"translate(\"+t+\"px,\"+n+\"px)\";s!=P.get(e)&&(e.style.transform=s,P.set(e,s),0>t||0>n||t>i||n>o?S(e,l):T(e,l))}const W=new WeakMap;function Y(l,e,t){let n=e+t;n!=W.get(l)&&(W.set(l,n),l.style.background=e,l.style.borderColor=t)}const C=new WeakMap;function H(l,e,t,n){let i=e+\"\"+t;i!=C.get(l)&&(C.set(l,i),l.style.height=t+\"px\",l.style.width=e+\"px\",l.style.marginLeft=n?-e/2+\"px\":0,l.style.marginTop=n?-t/2+\"px\":0)}const F={passive:!0},R={...F,capture:!0};function G(l,e,t,n){e.addEventListener(l,t,n?R:F)}function I(l,e,t){e.removeEventListener(l,t,F)}function L(l,e,t,n){let i;t=t||0;let o=2147483647>=(n=n||e.length-1);for(;n-t>1;)i=o?t+n>>1:sl((t+n)/2),l>e[i]?t=i:n=i;return l-e[t]>e[n]-l?n:t}function O(l){return(e,t,n)=>{let i=-1,o=-1;for(let o=t;n>=o;o++)if(l(e[o])){i=o;break}for(let i=n;i>=t;i--)if(l(e[i])){o=i;break}return[i,o]}}_&&function l(){let e=devicePixelRatio;y!=e&&(y=e,M&&I(g,M,l),M=matchMedia(`(min-resolution: ${y-.001}dppx) and (max-resolution: ${y+.001}dppx)`),G(g,M,l),v.dispatchEvent(new CustomEvent(x)))}();const N=l=>null!=l,j=l=>null!=l&&l>0,U=O(N),V=O(j);function B(l,e,t,n){let i=hl(l),o=hl(e);l==e&&(-1==i?(l*=t,e/=t):(l/=t,e*=t));let s=10==t?dl:pl,r=1==o?ul:sl,u=(1==i?sl:ul)(s(ol(l))),a=r(s(ol(e))),f=cl(t,u),c=cl(t,a);return 10==t&&(0>u&&(f=Al(f,-u)),0>a&&(c=Al(c,-a))),n||2==t?(l=f*i,e=c*o):(l=Pl(l,f),e=Dl(e,c)),[l,e]}function $(l,e,t,n){let i=B(l,e,t,n);return 0==l&&(i[0]=0),0==e&&(i[1]=0),i}const J=.1,q={mode:3,pad:J},K={pad:0,soft:null,mode:0},X={min:K,max:K};function Z(l,e,t,n){return Ol(t)?ll(l,e,t):(K.pad=t,K.soft=n?0:null,K.mode=n?3:0,ll(l,e,X))}function Q(l,e){return null==l?e:l}function ll(l,e,t){let n=t.min,i=t.max,o=Q(n.pad,0),s=Q(i.pad,0),r=Q(n.hard,-gl),u=Q(i.hard,gl),a=Q(n.soft,gl),f=Q(i.soft,-gl),c=Q(n.mode,0),h=Q(i.mode,0),d=e-l,p=dl(d),m=fl(ol(l),ol(e)),g=dl(m),x=ol(g-p);(1e-24>d||x>10)&&(d=0,0!=l&&0!=e||(d=1e-24,2==c&&a!=gl&&(o=0),2==h&&f!=-gl&&(s=0)));let w=d||m||1e3,_=dl(w),b=cl(10,sl(_)),v=Al(Pl(l-w*(0==d?0==l?.1:1:o),b/10),24),k=a>l||1!=c&&(3!=c||v>a)&&(2!=c||a>v)?gl:a,y=fl(r,k>v&&l>=k?k:al(k,v)),M=Al(Dl(e+w*(0==d?0==e?.1:1:s),b/10),24),S=e>f||1!=h&&(3!=h||f>M)&&(2!=h||M>f)?-gl:f,T=al(u,M>S&&S>=e?S:fl(S,M));return y==T&&0==y&&(T=100),[y,T]}const el=new Intl.NumberFormat(_?k.language:\"en-US\"),tl=l=>el.format(l),nl=Math,il=nl.PI,ol=nl.abs,sl=nl.floor,rl=nl.round,ul=nl.ceil,al=nl.min,fl=nl.max,cl=nl.pow,hl=nl.sign,dl=nl.log10,pl=nl.log2,ml=(l,e=1)=>nl.asinh(l/e),gl=1/0;function xl(l){return 1+(0|dl((l^l>>31)-(l>>31)))}function wl(l,e,t){return al(fl(l,e),t)}function _l(l){return\"function\"==typeof l}function bl(l){return _l(l)?l:()=>l}const vl=l=>l,kl=(l,e)=>e,yl=()=>null,Ml=()=>!0,Sl=(l,e)=>l==e,Tl=/\\.\\d*?(?=9{6,}|0{6,})/gm,El=l=>{if(Il(l)||Wl.has(l))return l;const e=\"\"+l,t=e.match(Tl);if(null==t)return l;let n=t[0].length-1;if(-1!=e.indexOf(\"e-\")){let[l,t]=e.split(\"e\");return+`${El(l)}e${t}`}return Al(l,n)};function zl(l,e){return El(Al(El(l/e))*e)}function Dl(l,e){return El(ul(El(l/e))*e)}function Pl(l,e){return El(sl(El(l/e))*e)}function Al(l,e=0){if(Il(l))return l;let t=10**e;return rl(l*t*(1+Number.EPSILON))/t}const Wl=new Map;function Yl(l){return((\"\"+l).split(\".\")[1]||\"\").length}function Cl(l,e,t,n){let i=[],o=n.map(Yl);for(let s=e;t>s;s++){let e=ol(s),t=Al(cl(l,s),e);for(let r=0;n.length>r;r++){let u=10==l?+`${n[r]}e${s}`:n[r]*t,a=(0>s?e:0)+(o[r]>s?o[r]:0),f=10==l?u:Al(u,a);i.push(f),Wl.set(f,a)}}return i}const Hl={},Fl=[],Rl=[null,null],Gl=Array.isArray,Il=Number.isInteger;function Ll(l){return\"string\"==typeof l}function Ol(l){let e=!1;if(null!=l){let t=l.constructor;e=null==t||t==Object}return e}function Nl(l){return null!=l&&\"object\"==typeof l}const jl=Object.getPrototypeOf(Uint8Array),Ul=\"__proto__\";function Vl(l,e=Ol){let t;if(Gl(l)){let n=l.find((l=>null!=l));if(Gl(n)||e(n)){t=Array(l.length);for(let n=0;l.length>n;n++)t[n]=Vl(l[n],e)}else t=l.slice()}else if(l instanceof jl)t=l.slice();else if(e(l)){t={};for(let n in l)n!=Ul&&(t[n]=Vl(l[n],e))}else t=l;return t}function Bl(l){let e=arguments;for(let t=1;e.length>t;t++){let n=e[t];for(let e in n)e!=Ul&&(Ol(l[e])?Bl(l[e],Vl(n[e])):l[e]=Vl(n[e]))}return l}function $l(l,e,t){for(let n,i=0,o=-1;e.length>i;i++){let s=e[i];if(s>o){for(n=s-1;n>=0&&null==l[n];)l[n--]=null;for(n=s+1;t>n&&null==l[n];)l[o=n++]=null}}}const Jl=\"undefined\"==typeof queueMicrotask?l=>Promise.resolve().then(l):queueMicrotask,ql=[\"January\",\"February\",\"March\",\"April\",\"May\",\"June\",\"July\",\"August\",\"September\",\"October\",\"November\",\"December\"],Kl=[\"Sunday\",\"Monday\",\"Tuesday\",\"Wednesday\",\"Thursday\",\"Friday\",\"Saturday\"];function Xl(l){return l.slice(0,3)}const Zl=Kl.map(Xl),Ql=ql.map(Xl),le={MMMM:ql,MMM:Ql,WWWW:Kl,WWW:Zl};function ee(l){return(10>l?\"0\":\"\")+l}const te={YYYY:l=>l.getFullYear(),YY:l=>(l.getFullYear()+\"\").slice(2),MMMM:(l,e)=>e.MMMM[l.getMonth()],MMM:(l,e)=>e.MMM[l.getMonth()],MM:l=>ee(l.getMonth()+1),M:l=>l.getMonth()+1,DD:l=>ee(l.getDate()),D:l=>l.getDate(),WWWW:(l,e)=>e.WWWW[l.getDay()],WWW:(l,e)=>e.WWW[l.getDay()],HH:l=>ee(l.getHours()),H:l=>l.getHours(),h:l=>{let e=l.getHours();return 0==e?12:e>12?e-12:e},AA:l=>12>l.getHours()?\"AM\":\"PM\",aa:l=>12>l.getHours()?\"am\":\"pm\",a:l=>12>l.getHours()?\"a\":\"p\",mm:l=>ee(l.getMinutes()),m:l=>l.getMinutes(),ss:l=>ee(l.getSeconds()),s:l=>l.getSeconds(),fff:l=>function(l){return(10>l?\"00\":100>l?\"0\":\"\")+l}(l.getMilliseconds())};function ne(l,e){e=e||le;let t,n=[],i=/\\{([a-z]+)\\}|[^{]+/gi;for(;t=i.exec(l);)n.push(\"{\"==t[0][0]?te[t[1]]:t[0]);return l=>{let t=\"\";for(let i=0;n.length>i;i++)t+=\"string\"==typeof n[i]?n[i]:n[i](l,e);return t}}const ie=(new Intl.DateTimeFormat).resolvedOptions().timeZone,oe=l=>l%1==0,se=[1,2,2.5,5],re=Cl(10,-32,0,se),ue=Cl(10,0,32,se),ae=ue.filter(oe),fe=re.concat(ue),ce=\"{YYYY}\",he=\"\\n\"+ce,de=\"{M}/{D}\",pe=\"\\n\"+de,me=pe+\"/{YY}\",ge=\"{aa}\",xe=\"{h}:{mm}\"+ge,we=\"\\n\"+xe,_e=\":{ss}\",be=null;function ve(l){let e=1e3*l,t=60*e,n=60*t,i=24*n,o=30*i,s=365*i;return[(1==l?Cl(10,0,3,se).filter(oe):Cl(10,-3,0,se)).concat([e,5*e,10*e,15*e,30*e,t,5*t,10*t,15*t,30*t,n,2*n,3*n,4*n,6*n,8*n,12*n,i,2*i,3*i,4*i,5*i,6*i,7*i,8*i,9*i,10*i,15*i,o,2*o,3*o,4*o,6*o,s,2*s,5*s,10*s,25*s,50*s,100*s]),[[s,ce,be,be,be,be,be,be,1],[28*i,\"{MMM}\",he,be,be,be,be,be,1],[i,de,he,be,be,be,be,be,1],[n,\"{h}\"+ge,me,be,pe,be,be,be,1],[t,xe,me,be,pe,be,be,be,1],[e,_e,me+\" \"+xe,be,pe+\" \"+xe,be,we,be,1],[l,_e+\".{fff}\",me+\" \"+xe,be,pe+\" \"+xe,be,we,be,1]],function(e){return(r,u,a,f,c,h)=>{let d=[],p=c>=s,m=c>=o&&s>c,g=e(a),x=Al(g*l,3),w=Pe(g.getFullYear(),p?0:g.getMonth(),m||p?1:g.getDate()),_=Al(w*l,3);if(m||p){let t=m?c/o:0,n=p?c/s:0,i=x==_?x:Al(Pe(w.getFullYear()+n,w.getMonth()+t,1)*l,3),r=new Date(rl(i/l)),u=r.getFullYear(),a=r.getMonth();for(let o=0;f>=i;o++){let s=Pe(u+n*o,a+t*o,1),r=s-e(Al(s*l,3));i=Al((+s+r)*l,3),i>f||d.push(i)}}else{let o=i>c?c:i,s=_+(sl(a)-sl(x))+Dl(x-_,o);d.push(s);let p=e(s),m=p.getHours()+p.getMinutes()/t+p.getSeconds()/n,g=c/n,w=h/r.axes[u]._space;for(;s=Al(s+c,1==l?0:3),f>=s;)if(g>1){let l=sl(Al(m+g,6))%24,t=e(s).getHours()-l;t>1&&(t=-1),s-=t*n,m=(m+g)%24,.7>Al((s-d[d.length-1])/c,3)*w||d.push(s)}else d.push(s)}return d}}]}const[ke,ye,Me]=ve(1),[Se,Te,Ee]=ve(.001);function ze(l,e){return l.map((l=>l.map(((t,n)=>0==n||8==n||null==t?t:e(1==n||0==l[8]?t:l[1]+t)))))}function De(l,e){return(t,n,i,o,s)=>{let r,u,a,f,c,h,d=e.find((l=>s>=l[0]))||e[e.length-1];return n.map((e=>{let t=l(e),n=t.getFullYear(),i=t.getMonth(),o=t.getDate(),s=t.getHours(),p=t.getMinutes(),m=t.getSeconds(),g=n!=r&&d[2]||i!=u&&d[3]||o!=a&&d[4]||s!=f&&d[5]||p!=c&&d[6]||m!=h&&d[7]||d[1];return r=n,u=i,a=o,f=s,c=p,h=m,g(t)}))}}function Pe(l,e,t){return new Date(l,e,t)}function Ae(l,e){return e(l)}function We(l,e){return(t,n,i,o)=>null==o?w:e(l(n))}Cl(2,-53,53,[1]);const Ye={show:!0,live:!0,isolate:!1,mount:()=>{},markers:{show:!0,width:2,stroke:function(l,e){let t=l.series[e];return t.width?t.stroke(l,e):t.points.width?t.points.stroke(l,e):null},fill:function(l,e){return l.series[e].fill(l,e)},dash:\"solid\"},idx:null,idxs:null,values:[]},Ce=[0,0];function He(l,e,t,n=!0){return l=>{0==l.button&&(!n||l.target==e)&&t(l)}}function Fe(l,e,t,n=!0){return l=>{(!n||l.target==e)&&t(l)}}const Re={show:!0,x:!0,y:!0,lock:!1,move:function(l,e,t){return Ce[0]=e,Ce[1]=t,Ce},points:{one:!1,show:function(l,e){let i=l.cursor.points,o=D(),s=i.size(l,e);E(o,t,s),E(o,n,s);let r=s/-2;E(o,\"marginLeft\",r),E(o,\"marginTop\",r);let u=i.width(l,e,s);return u&&E(o,\"borderWidth\",u),o},size:function(l,e){return l.series[e].points.size},width:0,stroke:function(l,e){let t=l.series[e].points;return t._stroke||t._fill},fill:function(l,e){let t=l.series[e].points;return t._fill||t._stroke}},bind:{mousedown:He,mouseup:He,click:He,dblclick:He,mousemove:Fe,mouseleave:Fe,mouseenter:Fe},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(l,e)=>{e.stopPropagation(),e.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(l,e,t,n,i)=>n-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},Ge={show:!0,stroke:\"rgba(0,0,0,0.07)\",width:2},Ie=Bl({},Ge,{filter:kl}),Le=Bl({},Ie,{size:10}),Oe=Bl({},Ge,{show:!1}),Ne='12px system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif, \"Apple Color Emoji\", \"Segoe UI Emoji\", \"Segoe UI Symbol\", \"Noto Color Emoji\"',je=\"bold \"+Ne,Ue={show:!0,scale:\"x\",stroke:u,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:je,side:2,grid:Ie,ticks:Le,border:Oe,font:Ne,lineGap:1.5,rotate:0},Ve={show:!0,scale:\"x\",auto:!1,sorted:1,min:gl,max:-gl,idxs:[]};function Be(l,e){return e.map((l=>null==l?\"\":tl(l)))}function $e(l,e,t,n,i,o,s){let r=[],u=Wl.get(i)||0;for(let l=t=s?t:Al(Dl(t,i),u);n>=l;l=Al(l+i,u))r.push(Object.is(l,-0)?0:l);return r}function Je(l,e,t,n,i){const o=[],s=l.scales[l.axes[e].scale].log,r=sl((10==s?dl:pl)(t));i=cl(s,r),10==s&&(i=fe[L(i,fe)]);let u=t,a=i*s;10==s&&(a=fe[L(a,fe)]);do{o.push(u),u+=i,10!=s||Wl.has(u)||(u=Al(u,Wl.get(i))),a>u||(a=(i=u)*s,10==s&&(a=fe[L(a,fe)]))}while(n>=u);return o}function qe(l,e,t,n,i){let o=l.scales[l.axes[e].scale].asinh,s=n>o?Je(l,e,fl(o,t),n,i):[o],r=0>n||t>0?[]:[0];return(-o>t?Je(l,e,fl(o,-n),-t,i):[o]).reverse().map((l=>-l)).concat(r,s)}const Ke=/./,Xe=/[12357]/,Ze=/[125]/,Qe=/1/,lt=(l,e,t,n)=>l.map(((l,i)=>4==e&&0==l||i%n==0&&t.test(l.toExponential()[0>l?1:0])?l:null));function et(l,e,t){let n=l.axes[t],i=n.scale,o=l.scales[i],s=l.valToPos,r=n._space,u=s(10,i),a=s(9,i)-u<r?s(7,i)-u<r?s(5,i)-u<r?Qe:Ze:Xe:Ke;if(a==Qe){let l=ol(s(1,i)-u);if(r>l)return lt(e.slice().reverse(),o.distr,a,ul(r/l)).reverse()}return lt(e,o.distr,a,1)}function tt(l,e,t){let n=l.axes[t],i=n.scale,o=n._space,s=l.valToPos,r=ol(s(1,i)-s(2,i));return o>r?lt(e.slice().reverse(),3,Ke,ul(o/r)).reverse():e}function nt(l,e,t,n){return null==n?w:null==e?\"\":tl(e)}const it={show:!0,scale:\"y\",stroke:u,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:je,side:3,grid:Ie,ticks:Le,border:Oe,font:Ne,lineGap:1.5,rotate:0},ot={scale:null,auto:!0,sorted:0,min:gl,max:-gl},st=(l,e,t,n,i)=>i,rt={show:!0,auto:!0,sorted:0,gaps:st,alpha:1,facets:[Bl({},ot,{scale:\"x\"}),Bl({},ot,{scale:\"y\"})]},ut={scale:\"y\",auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:st,alpha:1,points:{show:function(l,e){let{scale:t,idxs:n}=l.series[0],i=l._data[0],o=l.valToPos(i[n[0]],t,!0),s=l.valToPos(i[n[1]],t,!0);return ol(s-o)/(l.series[e].points.space*y)>=n[1]-n[0]},filter:null},values:null,min:gl,max:-gl,idxs:[],path:null,clip:null};function at(l,e,t){return t/10}const ft={time:!0,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},ct=Bl({},ft,{time:!1,ori:1}),ht={};function dt(l){let e=ht[l];return e||(e={key:l,plots:[],sub(l){e.plots.push(l)},unsub(l){e.plots=e.plots.filter((e=>e!=l))},pub(l,t,n,i,o,s,r){for(let u=0;e.plots.length>u;u++)e.plots[u]!=t&&e.plots[u].pub(l,t,n,i,o,s,r)}},null!=l&&(ht[l]=e)),e}function pt(l,e,t){const n=l.mode,i=l.series[e],o=2==n?l._data[e]:l._data,s=l.scales,r=l.bbox;let u=o[0],a=2==n?o[1]:o[e],f=2==n?s[i.facets[0].scale]:s[l.series[0].scale],c=2==n?s[i.facets[1].scale]:s[i.scale],h=r.left,d=r.top,p=r.width,m=r.height,g=l.valToPosH,x=l.valToPosV;return 0==f.ori?t(i,u,a,f,c,g,x,h,d,p,m,kt,Mt,Tt,zt,Pt):t(i,u,a,f,c,x,g,d,h,m,p,yt,St,Et,Dt,At)}function mt(l,e){let t=0,n=0,i=Q(l.bands,Fl);for(let l=0;i.length>l;l++){let o=i[l];o.series[0]==e?t=o.dir:o.series[1]==e&&(n|=1==o.dir?1:2)}return[t,1==n?-1:2==n?1:3==n?2:0]}function gt(l,e,t,n,i){let o=l.series[e],s=l.scales[2==l.mode?o.facets[1].scale:o.scale];return-1==i?s.min:1==i?s.max:3==s.distr?1==s.dir?s.min:s.max:0}function xt(l,e,t,n,i,o){return pt(l,e,((l,e,s,r,u,a,f,c,h,d,p)=>{let m=l.pxRound;const g=0==r.ori?Mt:St;let x,w;1==r.dir*(0==r.ori?1:-1)?(x=t,w=n):(x=n,w=t);let _=m(a(e[x],r,d,c)),b=m(f(s[x],u,p,h)),v=m(a(e[w],r,d,c)),k=m(f(1==o?u.max:u.min,u,p,h)),y=new Path2D(i);return g(y,v,k),g(y,_,k),g(y,_,b),y}))}function wt(l,e,t,n,i,o){let s=null;if(l.length>0){s=new Path2D;const r=0==e?Tt:Et;let u=t;for(let e=0;l.length>e;e++){let t=l[e];if(t[1]>t[0]){let l=t[0]-u;l>0&&r(s,u,n,l,n+o),u=t[1]}}let a=t+i-u,f=10;a>0&&r(s,u,n-f/2,a,n+o+f)}return s}function _t(l,e,t,n,i,o,s){let r=[],u=l.length;for(let a=1==i?t:n;a>=t&&n>=a;a+=i)if(null===e[a]){let f=a,c=a;if(1==i)for(;++a<=n&&null===e[a];)c=a;else for(;--a>=t&&null===e[a];)c=a;let h=o(l[f]),d=c==f?h:o(l[c]),p=f-i;h=s>0||0>p||p>=u?h:o(l[p]);let m=c+i;d=0>s||0>m||m>=u?d:o(l[m]),h>d||r.push([h,d])}return r}function bt(l){return 0==l?vl:1==l?rl:e=>zl(e,l)}function vt(l){let e=0==l?kt:yt,t=0==l?(l,e,t,n,i,o)=>{l.arcTo(e,t,n,i,o)}:(l,e,t,n,i,o)=>{l.arcTo(t,e,i,n,o)},n=0==l?(l,e,t,n,i)=>{l.rect(e,t,n,i)}:(l,e,t,n,i)=>{l.rect(t,e,i,n)};return(l,i,o,s,r,u=0,a=0)=>{0==u&&0==a?n(l,i,o,s,r):(u=al(u,s/2,r/2),a=al(a,s/2,r/2),e(l,i+u,o),t(l,i+s,o,i+s,o+r,u),t(l,i+s,o+r,i,o+r,a),t(l,i,o+r,i,o,a),t(l,i,o,i+s,o,u),l.closePath())}}const kt=(l,e,t)=>{l.moveTo(e,t)},yt=(l,e,t)=>{l.moveTo(t,e)},Mt=(l,e,t)=>{l.lineTo(e,t)},St=(l,e,t)=>{l.lineTo(t,e)},Tt=vt(0),Et=vt(1),zt=(l,e,t,n,i,o)=>{l.arc(e,t,n,i,o)},Dt=(l,e,t,n,i,o)=>{l.arc(t,e,n,i,o)},Pt=(l,e,t,n,i,o,s)=>{l.bezierCurveTo(e,t,n,i,o,s)},At=(l,e,t,n,i,o,s)=>{l.bezierCurveTo(t,e,i,n,s,o)};function Wt(){return(l,e,t,n,i)=>pt(l,e,((e,o,s,r,u,a,f,c,h,d,p)=>{let m,g,{pxRound:x,points:w}=e;0==r.ori?(m=kt,g=zt):(m=yt,g=Dt);const _=Al(w.width*y,3);let b=(w.size-w.width)/2*y,v=Al(2*b,3),k=new Path2D,M=new Path2D,{left:S,top:T,width:E,height:z}=l.bbox;Tt(M,S-v,T-v,E+2*v,z+2*v);const D=l=>{if(null!=s[l]){let e=x(a(o[l],r,d,c)),t=x(f(s[l],u,p,h));m(k,e+b,t),g(k,e,t,b,0,2*il)}};if(i)i.forEach(D);else for(let l=t;n>=l;l++)D(l);return{stroke:_>0?k:null,fill:k,clip:M,flags:3}}))}function Yt(l){return(e,t,n,i,o,s)=>{n!=i&&(o!=n&&s!=n&&l(e,t,n),o!=i&&s!=i&&l(e,t,i),l(e,t,s))}}const Ct=Yt(Mt),Ht=Yt(St);function Ft(l){const e=Q(l?.alignGaps,0);return(l,t,n,i)=>pt(l,t,((o,s,r,u,a,f,c,h,d,p,m)=>{[n,i]=U(r,n,i);let g,x,w=o.pxRound,_=l=>w(f(l,u,p,h)),b=l=>w(c(l,a,m,d));0==u.ori?(g=Mt,x=Ct):(g=St,x=Ht);const v=u.dir*(0==u.ori?1:-1),k={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:1},y=k.stroke;let M=!1;if(i-n<4*p)for(let l=1==v?n:i;l>=n&&i>=l;l+=v){let e=r[l];null===e?M=!0:null!=e&&g(y,_(s[l]),b(e))}else{let e,t,o,a=e=>l.posToVal(e,u.key,!0),f=null,c=null,h=_(s[1==v?n:i]),d=_(s[n]),p=_(s[i]),m=a(1==v?d+1:p-1);for(let l=1==v?n:i;l>=n&&i>=l;l+=v){let n=s[l],i=(1==v?m>n:n>m)?h:_(n),o=r[l];i==h?null!=o?(t=o,null==f?(g(y,i,b(t)),e=f=c=t):f>t?f=t:t>c&&(c=t)):null===o&&(M=!0):(null!=f&&x(y,h,b(f),b(c),b(e),b(t)),null!=o?(t=o,g(y,i,b(t)),f=c=e=t):(f=c=null,null===o&&(M=!0)),h=i,m=a(h+v))}null!=f&&f!=c&&o!=h&&x(y,h,b(f),b(c),b(e),b(t))}let[S,T]=mt(l,t);if(null!=o.fill||0!=S){let e=k.fill=new Path2D(y),r=b(o.fillTo(l,t,o.min,o.max,S)),u=_(s[n]),a=_(s[i]);-1==v&&([a,u]=[u,a]),g(e,a,r),g(e,u,r)}if(!o.spanGaps){let a=[];M&&a.push(..._t(s,r,n,i,v,_,e)),k.gaps=a=o.gaps(l,t,n,i,a),k.clip=wt(a,u.ori,h,d,p,m)}return 0!=T&&(k.band=2==T?[xt(l,t,n,i,y,-1),xt(l,t,n,i,y,1)]:xt(l,t,n,i,y,T)),k}))}function Rt(l,e,t,n,i,o,s=gl){if(l.length>1){let r=null;for(let u=0,a=1/0;l.length>u;u++)if(void 0!==e[u]){if(null!=r){let e=ol(l[u]-l[r]);a>e&&(a=e,s=ol(t(l[u],n,i,o)-t(l[r],n,i,o)))}r=u}}return s}function Gt(l,e,t,n,i){const o=l.length;if(2>o)return null;const s=new Path2D;if(t(s,l[0],e[0]),2==o)n(s,l[1],e[1]);else{let t=Array(o),n=Array(o-1),r=Array(o-1),u=Array(o-1);for(let t=0;o-1>t;t++)r[t]=e[t+1]-e[t],u[t]=l[t+1]-l[t],n[t]=r[t]/u[t];t[0]=n[0];for(let l=1;o-1>l;l++)0===n[l]||0===n[l-1]||n[l-1]>0!=n[l]>0?t[l]=0:(t[l]=3*(u[l-1]+u[l])/((2*u[l]+u[l-1])/n[l-1]+(u[l]+2*u[l-1])/n[l]),isFinite(t[l])||(t[l]=0));t[o-1]=n[o-2];for(let n=0;o-1>n;n++)i(s,l[n]+u[n]/3,e[n]+t[n]*u[n]/3,l[n+1]-u[n]/3,e[n+1]-t[n+1]*u[n]/3,l[n+1],e[n+1])}return s}const It=new Set;function Lt(){for(let l of It)l.syncRect(!0)}_&&(G(\"resize\",v,Lt),G(\"scroll\",v,Lt,!0),G(x,v,(()=>{en.pxRatio=y})));const Ot=Ft(),Nt=Wt();function jt(l,e,t,n){return(n?[l[0],l[1]].concat(l.slice(2)):[l[0]].concat(l.slice(1))).map(((l,n)=>Ut(l,n,e,t)))}function Ut(l,e,t,n){return Bl({},0==e?t:n,l)}function Vt(l,e,t){return null==e?Rl:[e,t]}const Bt=Vt;function $t(l,e,t){return null==e?Rl:Z(e,t,J,!0)}function Jt(l,e,t,n){return null==e?Rl:B(e,t,l.scales[n].log,!1)}const qt=Jt;function Kt(l,e,t,n){return null==e?Rl:$(e,t,l.scales[n].log,!1)}const Xt=Kt;function Zt(l,e,t,n,i){let o=fl(xl(l),xl(e)),s=e-l,r=L(i/n*s,t);do{let l=t[r],e=n*l/s;if(e>=i&&17>=o+(5>l?Wl.get(l):0))return[l,e]}while(++r<t.length);return[0,0]}function Qt(l){let e,t;return[l=l.replace(/(\\d+)px/,((l,n)=>(e=rl((t=+n)*y))+\"px\")),e,t]}function ln(l){l.show&&[l.font,l.labelFont].forEach((l=>{let e=Al(l[2]*y,1);l[0]=l[0].replace(/[0-9.]+px/,e+\"px\"),l[1]=e}))}function en(u,g,_){const k={mode:Q(u.mode,1)},M=k.mode;function P(l,e,t,n){let i=e.valToPct(l);return n+t*(-1==e.dir?1-i:i)}function W(l,e,t,n){let i=e.valToPct(l);return n+t*(-1==e.dir?i:1-i)}function C(l,e,t,n){return 0==e.ori?P(l,e,t,n):W(l,e,t,n)}k.valToPosH=P,k.valToPosV=W;let F=!1;k.status=0;const R=k.root=D(\"uplot\");null!=u.id&&(R.id=u.id),S(R,u.class),u.title&&(D(\"u-title\",R).textContent=u.title);const O=z(\"canvas\"),K=k.ctx=O.getContext(\"2d\"),X=D(\"u-wrap\",R);G(\"click\",X,(l=>{l.target===el&&(Nn!=Gn||jn!=In)&&Zn.click(k,l)}),!0);const ll=k.under=D(\"u-under\",X);X.appendChild(O);const el=k.over=D(\"u-over\",X),tl=+Q((u=Vl(u)).pxAlign,1),sl=bt(tl);(u.plugins||[]).forEach((l=>{l.opts&&(u=l.opts(k,u)||u)}));const hl=u.ms||.001,pl=k.series=1==M?jt(u.series||[],Ve,ut,!1):function(l,e){return l.map(((l,t)=>0==t?{}:Bl({},e,l)))}(u.series||[null],rt),xl=k.axes=jt(u.axes||[],Ue,it,!0),vl=k.scales={},Tl=k.bands=u.bands||[];Tl.forEach((l=>{l.fill=bl(l.fill||null),l.dir=Q(l.dir,-1)}));const El=2==M?pl[1].facets[0].scale:pl[0].scale,Dl={axes:function(){for(let l=0;xl.length>l;l++){let e=xl[l];if(!e.show||!e._show)continue;let t,n,u=e.side,a=u%2,f=e.stroke(k,l),c=0==u||3==u?-1:1,[h,d]=e._found;if(null!=e.label){let s=rl((e._lpos+e.labelGap*c)*y);_n(e.labelFont[0],f,\"center\",2==u?i:o),K.save(),1==a?(t=n=0,K.translate(s,rl(lt+st/2)),K.rotate((3==u?-il:il)/2)):(t=rl(Qe+ot/2),n=s);let r=_l(e.label)?e.label(k,l,h,d):e.label;K.fillText(r,t,n),K.restore()}if(0==d)continue;let p=vl[e.scale],m=0==a?ot:st,g=0==a?Qe:lt,x=e._splits,w=2==p.distr?x.map((l=>pn[l])):x,_=2==p.distr?pn[x[1]]-pn[x[0]]:h,b=e.ticks,v=e.border,M=b.show?b.size:0,S=rl(M*y),T=rl((2==e.alignTo?e._size-M-e.gap:e.gap)*y),E=e._rotate*-il/180,z=sl(e._pos*y),D=z+(S+T)*c;n=0==a?D:0,t=1==a?D:0,_n(e.font[0],f,1==e.align?s:2==e.align?r:E>0?s:0>E?r:0==a?\"center\":3==u?r:s,E||1==a?\"middle\":2==u?i:o);let P=e.font[1]*e.lineGap,A=x.map((l=>sl(C(l,p,m,g)))),W=e._values;for(let l=0;W.length>l;l++){let e=W[l];if(null!=e){0==a?t=A[l]:n=A[l],e=\"\"+e;let i=-1==e.indexOf(\"\\n\")?[e]:e.split(/\\n/gm);for(let l=0;i.length>l;l++){let e=i[l];E?(K.save(),K.translate(t,n+l*P),K.rotate(E),K.fillText(e,0,0),K.restore()):K.fillText(e,t,n+l*P)}}}b.show&&zn(A,b.filter(k,w,l,d,_),a,u,z,S,Al(b.width*y,3),b.stroke(k,l),b.dash,b.cap);let Y=e.grid;Y.show&&zn(A,Y.filter(k,w,l,d,_),a,0==a?2:1,0==a?lt:Qe,0==a?st:ot,Al(Y.width*y,3),Y.stroke(k,l),Y.dash,Y.cap),v.show&&zn([z],[1],0==a?1:0,0==a?1:2,1==a?lt:Qe,1==a?st:ot,Al(v.width*y,3),v.stroke(k,l),v.dash,v.cap)}Ci(\"drawAxes\")},series:function(){if(Gt>0){let l=pl.some((l=>l._focus))&&dn!=Tt.alpha;l&&(K.globalAlpha=dn=Tt.alpha),pl.forEach(((l,e)=>{if(e>0&&l.show&&(kn(e,!1),kn(e,!0),null==l._paths)){let t=dn;dn!=l.alpha&&(K.globalAlpha=dn=l.alpha);let n=2==M?[0,g[e][0].length-1]:function(l){let e=wl(Lt-1,0,Gt-1),t=wl(en+1,0,Gt-1);for(;null==l[e]&&e>0;)e--;for(;null==l[t]&&Gt-1>t;)t++;return[e,t]}(g[e]);l._paths=l.paths(k,e,n[0],n[1]),dn!=t&&(K.globalAlpha=dn=t)}})),pl.forEach(((l,e)=>{if(e>0&&l.show){let t=dn;dn!=l.alpha&&(K.globalAlpha=dn=l.alpha),null!=l._paths&&yn(e,!1);{let t=null!=l._paths?l._paths.gaps:null,n=l.points.show(k,e,Lt,en,t),i=l.points.filter(k,e,n,t);(n||i)&&(l.points._paths=l.points.paths(k,e,Lt,en,i),yn(e,!0))}dn!=t&&(K.globalAlpha=dn=t),Ci(\"drawSeries\",e)}})),l&&(K.globalAlpha=dn=1)}}},Pl=(u.drawOrder||[\"axes\",\"series\"]).map((l=>Dl[l]));function Cl(l){const e=3==l.distr?e=>dl(e>0?e:l.clamp(k,e,l.min,l.max,l.key)):4==l.distr?e=>ml(e,l.asinh):100==l.distr?e=>l.fwd(e):l=>l;return t=>{let n=e(t),{_min:i,_max:o}=l;return(n-i)/(o-i)}}function Il(l){let e=vl[l];if(null==e){let t=(u.scales||Hl)[l]||Hl;if(null!=t.from){Il(t.from);let e=Bl({},vl[t.from],t,{key:l});e.valToPct=Cl(e),vl[l]=e}else{e=vl[l]=Bl({},l==El?ft:ct,t),e.key=l;let n=e.time,i=e.range,o=Gl(i);if((l!=El||2==M&&!n)&&(!o||null!=i[0]&&null!=i[1]||(i={min:null==i[0]?q:{mode:1,hard:i[0],soft:i[0]},max:null==i[1]?q:{mode:1,hard:i[1],soft:i[1]}},o=!1),!o&&Ol(i))){let l=i;i=(e,t,n)=>null==t?Rl:Z(t,n,l)}e.range=bl(i||(n?Bt:l==El?3==e.distr?qt:4==e.distr?Xt:Vt:3==e.distr?Jt:4==e.distr?Kt:$t)),e.auto=bl(!o&&e.auto),e.clamp=bl(e.clamp||at),e._min=e._max=null,e.valToPct=Cl(e)}}}Il(\"x\"),Il(\"y\"),1==M&&pl.forEach((l=>{Il(l.scale)})),xl.forEach((l=>{Il(l.scale)}));for(let l in u.scales)Il(l);const jl=vl[El],Ul=jl.distr;let $l,ql;0==jl.ori?(S(R,\"u-hz\"),$l=P,ql=W):(S(R,\"u-vt\"),$l=W,ql=P);const Kl={};for(let l in vl){let e=vl[l];null==e.min&&null==e.max||(Kl[l]={min:e.min,max:e.max},e.min=e.max=null)}const Xl=u.tzDate||(l=>new Date(rl(l/hl))),Zl=u.fmtDate||ne,Ql=1==hl?Me(Xl):Ee(Xl),le=De(Xl,ze(1==hl?ye:Te,Zl)),ee=We(Xl,Ae(\"{YYYY}-{MM}-{DD} {h}:{mm}{aa}\",Zl)),te=[],ie=k.legend=Bl({},Ye,u.legend),oe=k.cursor=Bl({},Re,{drag:{y:2==M}},u.cursor),se=ie.show,re=oe.show,ue=ie.markers;let ce,he,de;ie.idxs=te,ue.width=bl(ue.width),ue.dash=bl(ue.dash),ue.stroke=bl(ue.stroke),ue.fill=bl(ue.fill);let pe,me=[],ge=[],xe=!1,we={};if(ie.live){const l=pl[1]?pl[1].values:null;xe=null!=l,pe=xe?l(k,1,0):{_:0};for(let l in pe)we[l]=w}if(se)if(ce=z(\"table\",\"u-legend\",R),de=z(\"tbody\",null,ce),ie.mount(k,ce),xe){he=z(\"thead\",null,ce,de);let l=z(\"tr\",null,he);for(var _e in z(\"th\",null,l),pe)z(\"th\",e,l).textContent=_e}else S(ce,\"u-inline\"),ie.live&&S(ce,\"u-live\");const be={show:!0},ve={show:!1},Pe=new Map;function Ce(l,e,t,n=!0){const i=Pe.get(e)||{},o=oe.bind[l](k,e,t,n);o&&(G(l,e,i[l]=o),Pe.set(e,i))}function He(l,e){const t=Pe.get(e)||{};for(let n in t)null!=l&&n!=l||(I(n,e,t[n]),delete t[n]);null==l&&Pe.delete(e)}let Fe=0,Ge=0,Ie=0,Le=0,Oe=0,Ne=0,je=Oe,Ke=Ne,Xe=Ie,Ze=Le,Qe=0,lt=0,ot=0,st=0;k.bbox={};let ht=!1,pt=!1,mt=!1,xt=!1,wt=!1,_t=!1;function vt(l,e,t){(t||l!=k.width||e!=k.height)&&kt(l,e),An(!1),mt=!0,pt=!0,Jn()}function kt(l,e){k.width=Fe=Ie=l,k.height=Ge=Le=e,Oe=Ne=0,function(){let l=!1,e=!1,t=!1,n=!1;xl.forEach((i=>{if(i.show&&i._show){let{side:o,_size:s}=i,r=s+(null!=i.label?i.labelSize:0);r>0&&(o%2?(Ie-=r,3==o?(Oe+=r,n=!0):t=!0):(Le-=r,0==o?(Ne+=r,l=!0):e=!0))}})),Ct[0]=l,Ct[1]=t,Ct[2]=e,Ct[3]=n,Ie-=Rt[1]+Rt[3],Oe+=Rt[3],Le-=Rt[2]+Rt[0],Ne+=Rt[0]}(),function(){let l=Oe+Ie,e=Ne+Le,t=Oe,n=Ne;function i(i,o){switch(i){case 1:return l+=o,l-o;case 2:return e+=o,e-o;case 3:return t-=o,t+o;case 0:return n-=o,n+o}}xl.forEach((l=>{if(l.show&&l._show){let e=l.side;l._pos=i(e,l._size),null!=l.label&&(l._lpos=i(e,l.labelSize))}}))}();let t=k.bbox;Qe=t.left=zl(Oe*y,.5),lt=t.top=zl(Ne*y,.5),ot=t.width=zl(Ie*y,.5),st=t.height=zl(Le*y,.5)}const yt=3;if(k.setSize=function({width:l,height:e}){vt(l,e)},null==oe.dataIdx){let l=oe.hover,e=l.skip=new Set(l.skip??[]);e.add(void 0);let t=l.prox=bl(l.prox),n=l.bias??=0;oe.dataIdx=(l,i,o,s)=>{if(0==i)return o;let r=o,u=t(l,i,o,s)??gl,a=u>=0&&gl>u,f=0==jl.ori?Ie:Le,c=oe.left,h=g[0],d=g[i];if(e.has(d[o])){r=null;let l,t=null,i=null;if(0==n||-1==n)for(l=o;null==t&&l-- >0;)e.has(d[l])||(t=l);if(0==n||1==n)for(l=o;null==i&&l++<d.length;)e.has(d[l])||(i=l);if(null!=t||null!=i)if(a){let l=c-(null==t?-1/0:$l(h[t],jl,f,0)),e=(null==i?1/0:$l(h[i],jl,f,0))-c;l>e?e>u||(r=i):l>u||(r=t)}else r=null==i?t:null==t||o-t>i-o?i:t}else a&&ol(c-$l(h[o],jl,f,0))>u&&(r=null);return r}}const Mt=l=>{oe.event=l};oe.idxs=te,oe._lock=!1;let St=oe.points;St.show=bl(St.show),St.size=bl(St.size),St.stroke=bl(St.stroke),St.width=bl(St.width),St.fill=bl(St.fill);const Tt=k.focus=Bl({},u.focus||{alpha:.3},oe.focus),Et=Tt.prox>=0,zt=Et&&St.one;let Dt=[],Pt=[],At=[];function Wt(l,e){let t=St.show(k,e);if(t instanceof HTMLElement)return S(t,\"u-cursor-pt\"),S(t,l.class),A(t,-10,-10,Ie,Le),el.insertBefore(t,Dt[e]),t}function Yt(t,n){if(1==M||n>0){let l=1==M&&vl[t.scale].time,e=t.value;t.value=l?Ll(e)?We(Xl,Ae(e,Zl)):e||ee:e||nt,t.label=t.label||(l?\"Time\":\"Value\")}if(zt||n>0){t.width=null==t.width?1:t.width,t.paths=t.paths||Ot||yl,t.fillTo=bl(t.fillTo||gt),t.pxAlign=+Q(t.pxAlign,tl),t.pxRound=bt(t.pxAlign),t.stroke=bl(t.stroke||null),t.fill=bl(t.fill||null),t._stroke=t._fill=t._paths=t._focus=null;let l=function(l){return Al(1*(3+2*(l||1)),3)}(fl(1,t.width)),e=t.points=Bl({},{size:l,width:fl(1,.2*l),stroke:t.stroke,space:2*l,paths:Nt,_stroke:null,_fill:null},t.points);e.show=bl(e.show),e.filter=bl(e.filter),e.fill=bl(e.fill),e.stroke=bl(e.stroke),e.paths=bl(e.paths),e.pxAlign=t.pxAlign}if(se){let i=function(t,n){if(0==n&&(xe||!ie.live||2==M))return Rl;let i=[],o=z(\"tr\",\"u-series\",de,de.childNodes[n]);S(o,t.class),t.show||S(o,l);let s=z(\"th\",null,o);if(ue.show){let l=D(\"u-marker\",s);if(n>0){let e=ue.width(k,n);e&&(l.style.border=e+\"px \"+ue.dash(k,n)+\" \"+ue.stroke(k,n)),l.style.background=ue.fill(k,n)}}let r=D(e,s);for(var u in t.label instanceof HTMLElement?r.appendChild(t.label):r.textContent=t.label,n>0&&(ue.show||(r.style.color=t.width>0?ue.stroke(k,n):ue.fill(k,n)),Ce(\"click\",s,(l=>{if(oe._lock)return;Mt(l);let e=pl.indexOf(t);if((l.ctrlKey||l.metaKey)!=ie.isolate){let l=pl.some(((l,t)=>t>0&&t!=e&&l.show));pl.forEach(((t,n)=>{n>0&&oi(n,l?n==e?be:ve:be,!0,Fi.setSeries)}))}else oi(e,{show:!t.show},!0,Fi.setSeries)}),!1),Et&&Ce(d,s,(l=>{oe._lock||(Mt(l),oi(pl.indexOf(t),ai,!0,Fi.setSeries))}),!1)),pe){let l=z(\"td\",\"u-value\",o);l.textContent=\"--\",i.push(l)}return[o,i]}(t,n);me.splice(n,0,i[0]),ge.splice(n,0,i[1]),ie.values.push(null)}if(re){te.splice(n,0,null);let l=null;zt?0==n&&(l=Wt(t,n)):n>0&&(l=Wt(t,n)),Dt.splice(n,0,l),Pt.splice(n,0,0),At.splice(n,0,0)}Ci(\"addSeries\",n)}k.addSeries=function(l,e){e=null==e?pl.length:e,l=1==M?Ut(l,e,Ve,ut):Ut(l,e,{},rt),pl.splice(e,0,l),Yt(pl[e],e)},k.delSeries=function(l){if(pl.splice(l,1),se){ie.values.splice(l,1),ge.splice(l,1);let e=me.splice(l,1)[0];He(null,e.firstChild),e.remove()}re&&(te.splice(l,1),Dt.splice(l,1)[0].remove(),Pt.splice(l,1),At.splice(l,1)),Ci(\"delSeries\",l)};const Ct=[!1,!1,!1,!1];function Ht(l,e,t){let[n,i,o,s]=t,r=e%2,u=0;return 0==r&&(s||i)&&(u=0==e&&!n||2==e&&!o?rl(Ue.size/3):0),1==r&&(n||o)&&(u=1==e&&!i||3==e&&!s?rl(it.size/2):0),u}const Ft=k.padding=(u.padding||[Ht,Ht,Ht,Ht]).map((l=>bl(Q(l,Ht)))),Rt=k._padding=Ft.map(((l,e)=>l(k,e,Ct,0)));let Gt,Lt=null,en=null;const tn=1==M?pl[0].idxs:null;let nn,on,sn,rn,un,an,fn,cn,hn,dn,pn=null,mn=!1;function gn(l,e){if(k.data=k._data=g=null==l?[]:l,2==M){Gt=0;for(let l=1;pl.length>l;l++)Gt+=g[l][0].length}else{0==g.length&&(k.data=k._data=g=[[]]),pn=g[0],Gt=pn.length;let l=g;if(2==Ul){l=g.slice();let e=l[0]=Array(Gt);for(let l=0;Gt>l;l++)e[l]=l}k._data=g=l}if(An(!0),Ci(\"setData\"),2==Ul&&(mt=!0),!1!==e){let l=jl;l.auto(k,mn)?xn():ii(El,l.min,l.max),xt=xt||oe.left>=0,_t=!0,Jn()}}function xn(){let l,e;mn=!0,1==M&&(Gt>0?(Lt=tn[0]=0,en=tn[1]=Gt-1,l=g[0][Lt],e=g[0][en],2==Ul?(l=Lt,e=en):l==e&&(3==Ul?[l,e]=B(l,l,jl.log,!1):4==Ul?[l,e]=$(l,l,jl.log,!1):jl.time?e=l+rl(86400/hl):[l,e]=Z(l,e,J,!0))):(Lt=tn[0]=l=null,en=tn[1]=e=null)),ii(El,l,e)}function wn(l,e,t,n,i,o){l??=a,t??=Fl,n??=\"butt\",i??=a,o??=\"round\",l!=nn&&(K.strokeStyle=nn=l),i!=on&&(K.fillStyle=on=i),e!=sn&&(K.lineWidth=sn=e),o!=un&&(K.lineJoin=un=o),n!=an&&(K.lineCap=an=n),t!=rn&&K.setLineDash(rn=t)}function _n(l,e,t,n){e!=on&&(K.fillStyle=on=e),l!=fn&&(K.font=fn=l),t!=cn&&(K.textAlign=cn=t),n!=hn&&(K.textBaseline=hn=n)}function bn(l,e,t,n,i=0){if(n.length>0&&l.auto(k,mn)&&(null==e||null==e.min)){let e=Q(Lt,0),o=Q(en,n.length-1),s=null==t.min?function(l,e,t,n=0,i=!1){let o=i?V:U,s=i?j:N;[e,t]=o(l,e,t);let r=l[e],u=l[e];if(e>-1)if(1==n)r=l[e],u=l[t];else if(-1==n)r=l[t],u=l[e];else for(let n=e;t>=n;n++){let e=l[n];s(e)&&(r>e?r=e:e>u&&(u=e))}return[r??gl,u??-gl]}(n,e,o,i,3==l.distr):[t.min,t.max];l.min=al(l.min,t.min=s[0]),l.max=fl(l.max,t.max=s[1])}}k.setData=gn;const vn={min:null,max:null};function kn(l,e){let t=e?pl[l].points:pl[l];t._stroke=t.stroke(k,l),t._fill=t.fill(k,l)}function yn(l,e){let t=e?pl[l].points:pl[l],{stroke:n,fill:i,clip:o,flags:s,_stroke:r=t._stroke,_fill:u=t._fill,_width:a=t.width}=t._paths;a=Al(a*y,3);let f=null,c=a%2/2;e&&null==u&&(u=a>0?\"#fff\":r);let h=1==t.pxAlign&&c>0;if(h&&K.translate(c,c),!e){let l=Qe-a/2,e=lt-a/2,t=ot+a,n=st+a;f=new Path2D,f.rect(l,e,t,n)}e?Sn(r,a,t.dash,t.cap,u,n,i,s,o):function(l,e,t,n,i,o,s,r,u,a,f){let c=!1;0!=u&&Tl.forEach(((h,d)=>{if(h.series[0]==l){let l,p=pl[h.series[1]],m=g[h.series[1]],x=(p._paths||Hl).band;Gl(x)&&(x=1==h.dir?x[0]:x[1]);let w=null;p.show&&x&&function(l,e,t){for(e=Q(e,0),t=Q(t,l.length-1);t>=e;){if(null!=l[e])return!0;e++}return!1}(m,Lt,en)?(w=h.fill(k,d)||o,l=p._paths.clip):x=null,Sn(e,t,n,i,w,s,r,u,a,f,l,x),c=!0}})),c||Sn(e,t,n,i,o,s,r,u,a,f)}(l,r,a,t.dash,t.cap,u,n,i,s,f,o),h&&K.translate(-c,-c)}const Mn=3;function Sn(l,e,t,n,i,o,s,r,u,a,f,c){wn(l,e,t,n,i),(u||a||c)&&(K.save(),u&&K.clip(u),a&&K.clip(a)),c?(r&Mn)==Mn?(K.clip(c),f&&K.clip(f),En(i,s),Tn(l,o,e)):2&r?(En(i,s),K.clip(c),Tn(l,o,e)):1&r&&(K.save(),K.clip(c),f&&K.clip(f),En(i,s),K.restore(),Tn(l,o,e)):(En(i,s),Tn(l,o,e)),(u||a||c)&&K.restore()}function Tn(l,e,t){t>0&&(e instanceof Map?e.forEach(((l,e)=>{K.strokeStyle=nn=e,K.stroke(l)})):null!=e&&l&&K.stroke(e))}function En(l,e){e instanceof Map?e.forEach(((l,e)=>{K.fillStyle=on=e,K.fill(l)})):null!=e&&l&&K.fill(e)}function zn(l,e,t,n,i,o,s,r,u,a){let f=s%2/2;1==tl&&K.translate(f,f),wn(r,s,u,a,r),K.beginPath();let c,h,d,p,m=i+(0==n||3==n?-o:o);0==t?(h=i,p=m):(c=i,d=m);for(let n=0;l.length>n;n++)null!=e[n]&&(0==t?c=d=l[n]:h=p=l[n],K.moveTo(c,h),K.lineTo(d,p));K.stroke(),1==tl&&K.translate(-f,-f)}function Dn(l){let e=!0;return xl.forEach(((t,n)=>{if(!t.show)return;let i=vl[t.scale];if(null==i.min)return void(t._show&&(e=!1,t._show=!1,An(!1)));t._show||(e=!1,t._show=!0,An(!1));let o=t.side,s=o%2,{min:r,max:u}=i,[a,f]=function(l,e,t,n){let i,o=xl[l];if(n>0){let s=o._space=o.space(k,l,e,t,n);i=Zt(e,t,o._incrs=o.incrs(k,l,e,t,n,s),n,s)}else i=[0,0];return o._found=i}(n,r,u,0==s?Ie:Le);if(0==f)return;let c=t._splits=t.splits(k,n,r,u,a,f,2==i.distr),h=2==i.distr?c.map((l=>pn[l])):c,d=2==i.distr?pn[c[1]]-pn[c[0]]:a,p=t._values=t.values(k,t.filter(k,h,n,f,d),n,f,d);t._rotate=2==o?t.rotate(k,p,n,f):0;let m=t._size;t._size=ul(t.size(k,p,n,l)),null!=m&&t._size!=m&&(e=!1)})),e}function Pn(l){let e=!0;return Ft.forEach(((t,n)=>{let i=t(k,n,Ct,l);i!=Rt[n]&&(e=!1),Rt[n]=i})),e}function An(l){pl.forEach(((e,t)=>{t>0&&(e._paths=null,l&&(1==M?(e.min=null,e.max=null):e.facets.forEach((l=>{l.min=null,l.max=null}))))}))}let Wn,Yn,Cn,Hn,Fn,Rn,Gn,In,Ln,On,Nn,jn,Un=!1,Vn=!1,Bn=[];function $n(){Vn=!1;for(let l=0;Bn.length>l;l++)Ci(...Bn[l]);Bn.length=0}function Jn(){Un||(Jl(qn),Un=!0)}function qn(){if(ht&&(function(){for(let l in vl){let e=vl[l];null==Kl[l]&&(null==e.min||null!=Kl[El]&&e.auto(k,mn))&&(Kl[l]=vn)}for(let l in vl){let e=vl[l];null==Kl[l]&&null!=e.from&&null!=Kl[e.from]&&(Kl[l]=vn)}null!=Kl[El]&&An(!0);let l={};for(let e in Kl){let t=Kl[e];if(null!=t){let n=l[e]=Vl(vl[e],Nl);if(null!=t.min)Bl(n,t);else if(e!=El||2==M)if(0==Gt&&null==n.from){let l=n.range(k,null,null,e);n.min=l[0],n.max=l[1]}else n.min=gl,n.max=-gl}}if(Gt>0){pl.forEach(((e,t)=>{if(1==M){let n=e.scale,i=Kl[n];if(null==i)return;let o=l[n];if(0==t){let l=o.range(k,o.min,o.max,n);o.min=l[0],o.max=l[1],Lt=L(o.min,g[0]),en=L(o.max,g[0]),en-Lt>1&&(o.min>g[0][Lt]&&Lt++,g[0][en]>o.max&&en--),e.min=pn[Lt],e.max=pn[en]}else e.show&&e.auto&&bn(o,i,e,g[t],e.sorted);e.idxs[0]=Lt,e.idxs[1]=en}else if(t>0&&e.show&&e.auto){let[n,i]=e.facets,o=n.scale,s=i.scale,[r,u]=g[t],a=l[o],f=l[s];null!=a&&bn(a,Kl[o],n,r,n.sorted),null!=f&&bn(f,Kl[s],i,u,i.sorted),e.min=i.min,e.max=i.max}}));for(let e in l){let t=l[e],n=Kl[e];if(null==t.from&&(null==n||null==n.min)){let l=t.range(k,t.min==gl?null:t.min,t.max==-gl?null:t.max,e);t.min=l[0],t.max=l[1]}}}for(let e in l){let t=l[e];if(null!=t.from){let n=l[t.from];if(null==n.min)t.min=t.max=null;else{let l=t.range(k,n.min,n.max,e);t.min=l[0],t.max=l[1]}}}let e={},t=!1;for(let n in l){let i=l[n],o=vl[n];if(o.min!=i.min||o.max!=i.max){o.min=i.min,o.max=i.max;let l=o.distr;o._min=3==l?dl(o.min):4==l?ml(o.min,o.asinh):100==l?o.fwd(o.min):o.min,o._max=3==l?dl(o.max):4==l?ml(o.max,o.asinh):100==l?o.fwd(o.max):o.max,e[n]=t=!0}}if(t){pl.forEach(((l,t)=>{2==M?t>0&&e.y&&(l._paths=null):e[l.scale]&&(l._paths=null)}));for(let l in e)mt=!0,Ci(\"setScale\",l);re&&oe.left>=0&&(xt=_t=!0)}for(let l in Kl)Kl[l]=null}(),ht=!1),mt&&(function(){let l=!1,e=0;for(;!l;){e++;let t=Dn(e),n=Pn(e);l=e==yt||t&&n,l||(kt(k.width,k.height),pt=!0)}}(),mt=!1),pt){if(E(ll,s,Oe),E(ll,i,Ne),E(ll,t,Ie),E(ll,n,Le),E(el,s,Oe),E(el,i,Ne),E(el,t,Ie),E(el,n,Le),E(X,t,Fe),E(X,n,Ge),O.width=rl(Fe*y),O.height=rl(Ge*y),xl.forEach((({_el:e,_show:t,_size:n,_pos:i,side:o})=>{if(null!=e)if(t){let t=o%2==1;E(e,t?\"left\":\"top\",i-(3===o||0===o?n:0)),E(e,t?\"width\":\"height\",n),E(e,t?\"top\":\"left\",t?Ne:Oe),E(e,t?\"height\":\"width\",t?Le:Ie),T(e,l)}else S(e,l)})),nn=on=sn=un=an=fn=cn=hn=rn=null,dn=1,_i(!0),Oe!=je||Ne!=Ke||Ie!=Xe||Le!=Ze){An(!1);let l=Ie/Xe,e=Le/Ze;if(re&&!xt&&oe.left>=0){oe.left*=l,oe.top*=e,Cn&&A(Cn,rl(oe.left),0,Ie,Le),Hn&&A(Hn,0,rl(oe.top),Ie,Le);for(let t=0;Dt.length>t;t++){let n=Dt[t];null!=n&&(Pt[t]*=l,At[t]*=e,A(n,ul(Pt[t]),ul(At[t]),Ie,Le))}}if(ei.show&&!wt&&ei.left>=0&&ei.width>0){ei.left*=l,ei.width*=l,ei.top*=e,ei.height*=e;for(let l in ki)E(ti,l,ei[l])}je=Oe,Ke=Ne,Xe=Ie,Ze=Le}Ci(\"setSize\"),pt=!1}Fe>0&&Ge>0&&(K.clearRect(0,0,O.width,O.height),Ci(\"drawClear\"),Pl.forEach((l=>l())),Ci(\"draw\")),ei.show&&wt&&(ni(ei),wt=!1),re&&xt&&(xi(null,!0,!1),xt=!1),ie.show&&ie.live&&_t&&(mi(),_t=!1),F||(F=!0,k.status=1,Ci(\"ready\")),mn=!1,Un=!1}function Kn(l,e){let t=vl[l];if(null==t.from){if(0==Gt){let n=t.range(k,e.min,e.max,l);e.min=n[0],e.max=n[1]}if(e.min>e.max){let l=e.min;e.min=e.max,e.max=l}if(Gt>1&&null!=e.min&&null!=e.max&&1e-16>e.max-e.min)return;l==El&&2==t.distr&&Gt>0&&(e.min=L(e.min,g[0]),e.max=L(e.max,g[0]),e.min==e.max&&e.max++),Kl[l]=e,ht=!0,Jn()}}k.batch=function(l,e=!1){Un=!0,Vn=e,l(k),qn(),e&&Bn.length>0&&queueMicrotask($n)},k.redraw=(l,e)=>{mt=e||!1,!1!==l?ii(El,jl.min,jl.max):Jn()},k.setScale=Kn;let Xn=!1;const Zn=oe.drag;let Qn=Zn.x,li=Zn.y;re&&(oe.x&&(Wn=D(\"u-cursor-x\",el)),oe.y&&(Yn=D(\"u-cursor-y\",el)),0==jl.ori?(Cn=Wn,Hn=Yn):(Cn=Yn,Hn=Wn),Nn=oe.left,jn=oe.top);const ei=k.select=Bl({show:!0,over:!0,left:0,width:0,top:0,height:0},u.select),ti=ei.show?D(\"u-select\",ei.over?el:ll):null;function ni(l,e){if(ei.show){for(let e in l)ei[e]=l[e],e in ki&&E(ti,e,l[e]);!1!==e&&Ci(\"setSelect\")}}function ii(l,e,t){Kn(l,{min:e,max:t})}function oi(e,t,n,i){null!=t.focus&&function(l){if(l!=ui){let e=null==l,t=1!=Tt.alpha;pl.forEach(((n,i)=>{if(1==M||i>0){let o=e||0==i||i==l;n._focus=e?null:o,t&&function(l,e){pl[l].alpha=e,re&&null!=Dt[l]&&(Dt[l].style.opacity=e),se&&me[l]&&(me[l].style.opacity=e)}(i,o?1:Tt.alpha)}})),ui=l,t&&Jn()}}(e),null!=t.show&&pl.forEach(((n,i)=>{0>=i||e!=i&&null!=e||(n.show=t.show,function(e){if(pl[e].show)se&&T(me[e],l);else if(se&&S(me[e],l),re){let l=zt?Dt[0]:Dt[e];null!=l&&A(l,-10,-10,Ie,Le)}}(i),2==M?(ii(n.facets[0].scale,null,null),ii(n.facets[1].scale,null,null)):ii(n.scale,null,null),Jn())})),!1!==n&&Ci(\"setSeries\",e,t),i&&Ii(\"setSeries\",k,e,t)}let si,ri,ui;k.setSelect=ni,k.setSeries=oi,k.addBand=function(l,e){l.fill=bl(l.fill||null),l.dir=Q(l.dir,-1),Tl.splice(e=null==e?Tl.length:e,0,l)},k.setBand=function(l,e){Bl(Tl[l],e)},k.delBand=function(l){null==l?Tl.length=0:Tl.splice(l,1)};const ai={focus:!0};function fi(l,e,t){let n=vl[e];t&&(l=l/y-(1==n.ori?Ne:Oe));let i=Ie;1==n.ori&&(i=Le,l=i-l),-1==n.dir&&(l=i-l);let o=n._min,s=o+l/i*(n._max-o),r=n.distr;return 3==r?cl(10,s):4==r?((l,e=1)=>nl.sinh(l)*e)(s,n.asinh):100==r?n.bwd(s):s}function ci(l,e){E(ti,s,ei.left=l),E(ti,t,ei.width=e)}function hi(l,e){E(ti,i,ei.top=l),E(ti,n,ei.height=e)}se&&Et&&Ce(p,ce,(l=>{oe._lock||(Mt(l),null!=ui&&oi(null,ai,!0,Fi.setSeries))})),k.valToIdx=l=>L(l,g[0]),k.posToIdx=function(l,e){return L(fi(l,El,e),g[0],Lt,en)},k.posToVal=fi,k.valToPos=(l,e,t)=>0==vl[e].ori?P(l,vl[e],t?ot:Ie,t?Qe:0):W(l,vl[e],t?st:Le,t?lt:0),k.setCursor=(l,e,t)=>{Nn=l.left,jn=l.top,xi(null,e,t)};let di=0==jl.ori?ci:hi,pi=1==jl.ori?ci:hi;function mi(l,e){if(null!=l&&(l.idxs?l.idxs.forEach(((l,e)=>{te[e]=l})):(l=>void 0===l)(l.idx)||te.fill(l.idx),ie.idx=te[0]),se&&ie.live){for(let l=0;pl.length>l;l++)(l>0||1==M&&!xe)&&gi(l,te[l]);!function(){if(se&&ie.live)for(let l=2==M?1:0;pl.length>l;l++){if(0==l&&xe)continue;let e=ie.values[l],t=0;for(let n in e)ge[l][t++].firstChild.nodeValue=e[n]}}()}_t=!1,!1!==e&&Ci(\"setLegend\")}function gi(l,e){let t,n=pl[l],i=0==l&&2==Ul?pn:g[l];xe?t=n.values(k,l,e)??we:(t=n.value(k,null==e?null:i[e],l,e),t=null==t?we:{_:t}),ie.values[l]=t}function xi(l,e,t){let n;Ln=Nn,On=jn,[Nn,jn]=oe.move(k,Nn,jn),oe.left=Nn,oe.top=jn,re&&(Cn&&A(Cn,rl(Nn),0,Ie,Le),Hn&&A(Hn,0,rl(jn),Ie,Le)),si=gl,ri=null;let i=0==jl.ori?Ie:Le,o=1==jl.ori?Ie:Le;if(0>Nn||0==Gt||Lt>en){n=oe.idx=null;for(let l=0;pl.length>l;l++){let e=Dt[l];null!=e&&A(e,-10,-10,Ie,Le)}Et&&oi(null,ai,!0,null==l&&Fi.setSeries),ie.live&&(te.fill(n),_t=!0)}else{let l,e,t;1==M&&(l=0==jl.ori?Nn:jn,e=fi(l,El),n=oe.idx=L(e,g[0],Lt,en),t=$l(g[0][n],jl,i,0));let s=-10,r=-10,u=0,a=0,f=!0,c=\"\",h=\"\";for(let l=2==M?1:0;pl.length>l;l++){let d=pl[l],p=te[l],m=null==p?null:1==M?g[l][p]:g[l][1][p],x=oe.dataIdx(k,l,n,e),w=null==x?null:1==M?g[l][x]:g[l][1][x];if(_t=_t||w!=m||x!=p,te[l]=x,l>0&&d.show){let e=null==x?-10:x==n?t:$l(1==M?g[0][x]:g[l][0][x],jl,i,0),p=null==w?-10:ql(w,1==M?vl[d.scale]:vl[d.facets[1].scale],o,0);if(Et&&null!=w){let e=1==jl.ori?Nn:jn,t=ol(Tt.dist(k,l,x,p,e));if(si>t){let n=Tt.bias;if(0!=n){let i=fi(e,d.scale),o=0>i?-1:1;o!=(0>w?-1:1)||(1==o?1==n?i>w:w>i:1==n?w>i:i>w)||(si=t,ri=l)}else si=t,ri=l}}if(_t||zt){let t,n;0==jl.ori?(t=e,n=p):(t=p,n=e);let i,o,d,m,g,x,w=!0,_=St.bbox;if(null!=_){w=!1;let e=_(k,l);d=e.left,m=e.top,i=e.width,o=e.height}else d=t,m=n,i=o=St.size(k,l);if(x=St.fill(k,l),g=St.stroke(k,l),zt)l!=ri||si>Tt.prox||(s=d,r=m,u=i,a=o,f=w,c=x,h=g);else{let e=Dt[l];null!=e&&(Pt[l]=d,At[l]=m,H(e,i,o,w),Y(e,x,g),A(e,ul(d),ul(m),Ie,Le))}}}}if(zt){let l=Tt.prox;if(_t||(null==ui?l>=si:si>l||ri!=ui)){let l=Dt[0];null!=l&&(Pt[0]=s,At[0]=r,H(l,u,a,f),Y(l,c,h),A(l,ul(s),ul(r),Ie,Le))}}}if(ei.show&&Xn)if(null!=l){let[e,t]=Fi.scales,[n,s]=Fi.match,[r,u]=l.cursor.sync.scales,a=l.cursor.drag;if(Qn=a._x,li=a._y,Qn||li){let a,f,c,h,d,{left:p,top:m,width:g,height:x}=l.select,w=l.scales[r].ori,_=l.posToVal,b=null!=e&&n(e,r),v=null!=t&&s(t,u);b&&Qn?(0==w?(a=p,f=g):(a=m,f=x),c=vl[e],h=$l(_(a,r),c,i,0),d=$l(_(a+f,r),c,i,0),di(al(h,d),ol(d-h))):di(0,i),v&&li?(1==w?(a=p,f=g):(a=m,f=x),c=vl[t],h=ql(_(a,u),c,o,0),d=ql(_(a+f,u),c,o,0),pi(al(h,d),ol(d-h))):pi(0,o)}else yi()}else{let l=ol(Ln-Fn),e=ol(On-Rn);if(1==jl.ori){let t=l;l=e,e=t}Qn=Zn.x&&l>=Zn.dist,li=Zn.y&&e>=Zn.dist;let t,n,s=Zn.uni;null!=s?Qn&&li&&(Qn=l>=s,li=e>=s,Qn||li||(e>l?li=!0:Qn=!0)):Zn.x&&Zn.y&&(Qn||li)&&(Qn=li=!0),Qn&&(0==jl.ori?(t=Gn,n=Nn):(t=In,n=jn),di(al(t,n),ol(n-t)),li||pi(0,o)),li&&(1==jl.ori?(t=Gn,n=Nn):(t=In,n=jn),pi(al(t,n),ol(n-t)),Qn||di(0,i)),Qn||li||(di(0,0),pi(0,0))}if(Zn._x=Qn,Zn._y=li,null==l){if(t){if(null!=Ri){let[l,e]=Fi.scales;Fi.values[0]=null!=l?fi(0==jl.ori?Nn:jn,l):null,Fi.values[1]=null!=e?fi(1==jl.ori?Nn:jn,e):null}Ii(f,k,Nn,jn,Ie,Le,n)}if(Et){let l=t&&Fi.setSeries,e=Tt.prox;null==ui?si>e||oi(ri,ai,!0,l):si>e?oi(null,ai,!0,l):ri!=ui&&oi(ri,ai,!0,l)}}_t&&(ie.idx=n,mi()),!1!==e&&Ci(\"setCursor\")}k.setLegend=mi;let wi=null;function _i(l=!1){l?wi=null:(wi=el.getBoundingClientRect(),Ci(\"syncRect\",wi))}function bi(l,e,t,n,i,o){oe._lock||Xn&&null!=l&&0==l.movementX&&0==l.movementY||(vi(l,e,t,n,i,o,0,!1,null!=l),null!=l?xi(null,!0,!0):xi(e,!0,!1))}function vi(l,e,t,n,i,o,s,r,u){if(null==wi&&_i(!1),Mt(l),null!=l)t=l.clientX-wi.left,n=l.clientY-wi.top;else{if(0>t||0>n)return Nn=-10,void(jn=-10);let[l,s]=Fi.scales,r=e.cursor.sync,[u,a]=r.values,[f,c]=r.scales,[h,d]=Fi.match,p=e.axes[0].side%2==1,m=0==jl.ori?Ie:Le,g=1==jl.ori?Ie:Le,x=p?o:i,w=p?i:o,_=p?n:t,b=p?t:n;if(t=null!=f?h(l,f)?C(u,vl[l],m,0):-10:m*(_/x),n=null!=c?d(s,c)?C(a,vl[s],g,0):-10:g*(b/w),1==jl.ori){let l=t;t=n,n=l}}!u||null!=e&&e.cursor.event.type!=f||(t>1&&Ie-1>t||(t=zl(t,Ie)),n>1&&Le-1>n||(n=zl(n,Le))),r?(Fn=t,Rn=n,[Gn,In]=oe.move(k,t,n)):(Nn=t,jn=n)}Object.defineProperty(k,\"rect\",{get:()=>(null==wi&&_i(!1),wi)});const ki={width:0,height:0,left:0,top:0};function yi(){ni(ki,!1)}let Mi,Si,Ti,Ei;function zi(l,e,t,n,i,o){Xn=!0,Qn=li=Zn._x=Zn._y=!1,vi(l,e,t,n,i,o,0,!0,!1),null!=l&&(Ce(h,b,Di,!1),Ii(c,k,Gn,In,Ie,Le,null));let{left:s,top:r,width:u,height:a}=ei;Mi=s,Si=r,Ti=u,Ei=a}function Di(l,e,t,n,i,o){Xn=Zn._x=Zn._y=!1,vi(l,e,t,n,i,o,0,!1,!0);let{left:s,top:r,width:u,height:a}=ei,f=u>0||a>0,c=Mi!=s||Si!=r||Ti!=u||Ei!=a;if(f&&c&&ni(ei),Zn.setScale&&f&&c){let l=s,e=u,t=r,n=a;if(1==jl.ori&&(l=r,e=a,t=s,n=u),Qn&&ii(El,fi(l,El),fi(l+e,El)),li)for(let l in vl){let e=vl[l];l!=El&&null==e.from&&e.min!=gl&&ii(l,fi(t+n,l),fi(t,l))}yi()}else oe.lock&&(oe._lock=!oe._lock,xi(e,!0,null!=l));null!=l&&(He(h,b),Ii(h,k,Nn,jn,Ie,Le,null))}function Pi(l){oe._lock||(Mt(l),xn(),yi(),null!=l&&Ii(m,k,Nn,jn,Ie,Le,null))}function Ai(){xl.forEach(ln),vt(k.width,k.height,!0)}G(x,v,Ai);const Wi={};Wi.mousedown=zi,Wi.mousemove=bi,Wi.mouseup=Di,Wi.dblclick=Pi,Wi.setSeries=(l,e,t,n)=>{-1!=(t=(0,Fi.match[2])(k,e,t))&&oi(t,n,!0,!1)},re&&(Ce(c,el,zi),Ce(f,el,bi),Ce(d,el,(l=>{Mt(l),_i(!1)})),Ce(p,el,(function(l){if(oe._lock)return;Mt(l);let e=Xn;if(Xn){let l,e,t=!0,n=!0,i=10;0==jl.ori?(l=Qn,e=li):(l=li,e=Qn),l&&e&&(t=i>=Nn||Nn>=Ie-i,n=i>=jn||jn>=Le-i),l&&t&&(Nn=Gn>Nn?0:Ie),e&&n&&(jn=In>jn?0:Le),xi(null,!0,!0),Xn=!1}Nn=-10,jn=-10,te.fill(null),xi(null,!0,!0),e&&(Xn=e)})),Ce(m,el,Pi),It.add(k),k.syncRect=_i);const Yi=k.hooks=u.hooks||{};function Ci(l,e,t){Vn?Bn.push([l,e,t]):l in Yi&&Yi[l].forEach((l=>{l.call(null,k,e,t)}))}(u.plugins||[]).forEach((l=>{for(let e in l.hooks)Yi[e]=(Yi[e]||[]).concat(l.hooks[e])}));const Hi=(l,e,t)=>t,Fi=Bl({key:null,setSeries:!1,filters:{pub:Ml,sub:Ml},scales:[El,pl[1]?pl[1].scale:null],match:[Sl,Sl,Hi],values:[null,null]},oe.sync);2==Fi.match.length&&Fi.match.push(Hi),oe.sync=Fi;const Ri=Fi.key,Gi=dt(Ri);function Ii(l,e,t,n,i,o,s){Fi.filters.pub(l,e,t,n,i,o,s)&&Gi.pub(l,e,t,n,i,o,s)}function Li(){Ci(\"init\",u,g),gn(g||u.data,!1),Kl[El]?Kn(El,Kl[El]):xn(),wt=ei.show&&(ei.width>0||ei.height>0),xt=_t=!0,vt(u.width,u.height)}return Gi.sub(k),k.pub=function(l,e,t,n,i,o,s){Fi.filters.sub(l,e,t,n,i,o,s)&&Wi[l](null,e,t,n,i,o,s)},k.destroy=function(){Gi.unsub(k),It.delete(k),Pe.clear(),I(x,v,Ai),R.remove(),ce?.remove(),Ci(\"destroy\")},pl.forEach(Yt),xl.forEach((function(l,e){if(l._show=l.show,l.show){let t=vl[l.scale];null==t&&(l.scale=l.side%2?pl[1].scale:El,t=vl[l.scale]);let n=t.time;l.size=bl(l.size),l.space=bl(l.space),l.rotate=bl(l.rotate),Gl(l.incrs)&&l.incrs.forEach((l=>{!Wl.has(l)&&Wl.set(l,Yl(l))})),l.incrs=bl(l.incrs||(2==t.distr?ae:n?1==hl?ke:Se:fe)),l.splits=bl(l.splits||(n&&1==t.distr?Ql:3==t.distr?Je:4==t.distr?qe:$e)),l.stroke=bl(l.stroke),l.grid.stroke=bl(l.grid.stroke),l.ticks.stroke=bl(l.ticks.stroke),l.border.stroke=bl(l.border.stroke);let i=l.values;l.values=Gl(i)&&!Gl(i[0])?bl(i):n?Gl(i)?De(Xl,ze(i,Zl)):Ll(i)?function(l,e){let t=ne(e);return(e,n)=>n.map((e=>t(l(e))))}(Xl,i):i||le:i||Be,l.filter=bl(l.filter||(3>t.distr||10!=t.log?3==t.distr&&2==t.log?tt:kl:et)),l.font=Qt(l.font),l.labelFont=Qt(l.labelFont),l._size=l.size(k,null,e,0),l._space=l._rotate=l._incrs=l._found=l._splits=l._values=null,l._size>0&&(Ct[e]=!0,l._el=D(\"u-axis\",X))}})),_?_ instanceof HTMLElement?(_.appendChild(R),Li()):_(k,Li):Li(),k}en.assign=Bl,en.fmtNum=tl,en.rangeNum=Z,en.rangeLog=B,en.rangeAsinh=$,en.orient=pt,en.pxRatio=y,en.join=function(l,e){if(function(l){let e=l[0][0],t=e.length;for(let n=1;l.length>n;n++){let i=l[n][0];if(i.length!=t)return!1;if(i!=e)for(let l=0;t>l;l++)if(i[l]!=e[l])return!1}return!0}(l)){let e=l[0].slice();for(let t=1;l.length>t;t++)e.push(...l[t].slice(1));return function(l,e=100){const t=l.length;if(1>=t)return!0;let n=0,i=t-1;for(;i>=n&&null==l[n];)n++;for(;i>=n&&null==l[i];)i--;if(n>=i)return!0;const o=fl(1,sl((i-n+1)/e));for(let e=l[n],t=n+o;i>=t;t+=o){const n=l[t];if(null!=n){if(e>=n)return!1;e=n}}return!0}(e[0])||(e=function(l){let e=l[0],t=e.length,n=Array(t);for(let l=0;n.length>l;l++)n[l]=l;n.sort(((l,t)=>e[l]-e[t]));let i=[];for(let e=0;l.length>e;e++){let o=l[e],s=Array(t);for(let l=0;t>l;l++)s[l]=o[n[l]];i.push(s)}return i}(e)),e}let t=new Set;for(let e=0;l.length>e;e++){let n=l[e][0],i=n.length;for(let l=0;i>l;l++)t.add(n[l])}let n=[Array.from(t).sort(((l,e)=>l-e))],i=n[0].length,o=new Map;for(let l=0;i>l;l++)o.set(n[0][l],l);for(let t=0;l.length>t;t++){let s=l[t],r=s[0];for(let l=1;s.length>l;l++){let u=s[l],a=Array(i).fill(void 0),f=e?e[t][l]:1,c=[];for(let l=0;u.length>l;l++){let e=u[l],t=o.get(r[l]);null===e?0!=f&&(a[t]=e,2==f&&c.push(t)):a[t]=e}$l(a,c,i),n.push(a)}}return n},en.fmtDate=ne,en.tzDate=function(l,e){let t;return\"UTC\"==e||\"Etc/UTC\"==e?t=new Date(+l+6e4*l.getTimezoneOffset()):e==ie?t=l:(t=new Date(l.toLocaleString(\"en-US\",{timeZone:e})),t.setMilliseconds(l.getMilliseconds())),t},en.sync=dt;{en.addGap=function(l,e,t){let n=l[l.length-1];n&&n[0]==e?n[1]=t:l.push([e,t])},en.clipGaps=wt;let l=en.paths={points:Wt};l.linear=Ft,l.stepped=function(l){const e=Q(l.align,1),t=Q(l.ascDesc,!1),n=Q(l.alignGaps,0),i=Q(l.extend,!1);return(l,o,s,r)=>pt(l,o,((u,a,f,c,h,d,p,m,g,x,w)=>{[s,r]=U(f,s,r);let _=u.pxRound,{left:b,width:v}=l.bbox,k=l=>_(d(l,c,x,m)),M=l=>_(p(l,h,w,g)),S=0==c.ori?Mt:St;const T={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:1},E=T.stroke,z=c.dir*(0==c.ori?1:-1);let D=M(f[1==z?s:r]),P=k(a[1==z?s:r]),A=P,W=P;i&&-1==e&&(W=b,S(E,W,D)),S(E,P,D);for(let l=1==z?s:r;l>=s&&r>=l;l+=z){let t=f[l];if(null==t)continue;let n=k(a[l]),i=M(t);1==e?S(E,n,D):S(E,A,i),S(E,n,i),D=i,A=n}let Y=A;i&&1==e&&(Y=b+v,S(E,Y,D));let[C,H]=mt(l,o);if(null!=u.fill||0!=C){let e=T.fill=new Path2D(E),t=M(u.fillTo(l,o,u.min,u.max,C));S(e,Y,t),S(e,W,t)}if(!u.spanGaps){let i=[];i.push(..._t(a,f,s,r,z,k,n));let h=u.width*y/2,d=t||1==e?h:-h,p=t||-1==e?-h:h;i.forEach((l=>{l[0]+=d,l[1]+=p})),T.gaps=i=u.gaps(l,o,s,r,i),T.clip=wt(i,c.ori,m,g,x,w)}return 0!=H&&(T.band=2==H?[xt(l,o,s,r,E,-1),xt(l,o,s,r,E,1)]:xt(l,o,s,r,E,H)),T}))},l.bars=function(l){const e=Q((l=l||Hl).size,[.6,gl,1]),t=l.align||0,n=l.gap||0;let i=l.radius;i=null==i?[0,0]:\"number\"==typeof i?[i,0]:i;const o=bl(i),s=1-e[0],r=Q(e[1],gl),u=Q(e[2],1),a=Q(l.disp,Hl),f=Q(l.each,(()=>{})),{fill:c,stroke:h}=a;return(l,e,i,d)=>pt(l,e,((p,m,g,x,w,_,b,v,k,M,S)=>{let T,E,z=p.pxRound,D=t,P=n*y,A=r*y,W=u*y;0==x.ori?[T,E]=o(l,e):[E,T]=o(l,e);const Y=x.dir*(0==x.ori?1:-1);let C,H,F,R=0==x.ori?Tt:Et,G=0==x.ori?f:(l,e,t,n,i,o,s)=>{f(l,e,t,i,n,s,o)},I=Q(l.bands,Fl).find((l=>l.series[0]==e)),L=p.fillTo(l,e,p.min,p.max,null!=I?I.dir:0),O=z(b(L,w,S,k)),N=M,j=z(p.width*y),U=!1,V=null,B=null,$=null,J=null;null==c||0!=j&&null==h||(U=!0,V=c.values(l,e,i,d),B=new Map,new Set(V).forEach((l=>{null!=l&&B.set(l,new Path2D)})),j>0&&($=h.values(l,e,i,d),J=new Map,new Set($).forEach((l=>{null!=l&&J.set(l,new Path2D)}))));let{x0:q,size:K}=a;if(null!=q&&null!=K){D=1,m=q.values(l,e,i,d),2==q.unit&&(m=m.map((e=>l.posToVal(v+e*M,x.key,!0))));let t=K.values(l,e,i,d);H=2==K.unit?t[0]*M:_(t[0],x,M,v)-_(0,x,M,v),N=Rt(m,g,_,x,M,v,N),F=N-H+P}else N=Rt(m,g,_,x,M,v,N),F=N*s+P,H=N-F;1>F&&(F=0),H/2>j||(j=0),5>F&&(z=vl);let X=F>0;H=z(wl(N-F-(X?j:0),W,A)),C=(0==D?H/2:D==Y?0:H)-D*Y*((0==D?P/2:0)+(X?j/2:0));const Z={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},ll=U?null:new Path2D;let el=null;if(null!=I)el=l.data[I.series[1]];else{let{y0:t,y1:n}=a;null!=t&&null!=n&&(g=n.values(l,e,i,d),el=t.values(l,e,i,d))}let tl=T*H,nl=E*H;for(let t=1==Y?i:d;t>=i&&d>=t;t+=Y){let n=g[t];if(null==n)continue;if(null!=el){let l=el[t]??0;if(n-l==0)continue;O=b(l,w,S,k)}let i=_(2!=x.distr||null!=a?m[t]:t,x,M,v),o=b(Q(n,L),w,S,k),s=z(i-C),r=z(fl(o,O)),u=z(al(o,O)),f=r-u;if(null!=n){let i=0>n?nl:tl,o=0>n?tl:nl;U?(j>0&&null!=$[t]&&R(J.get($[t]),s,u+sl(j/2),H,fl(0,f-j),i,o),null!=V[t]&&R(B.get(V[t]),s,u+sl(j/2),H,fl(0,f-j),i,o)):R(ll,s,u+sl(j/2),H,fl(0,f-j),i,o),G(l,e,t,s-j/2,u,H+j,f)}}return j>0?Z.stroke=U?J:ll:U||(Z._fill=0==p.width?p._fill:p._stroke??p._fill,Z.width=0),Z.fill=U?B:ll,Z}))},l.spline=function(l){return function(l,e){const t=Q(e?.alignGaps,0);return(e,n,i,o)=>pt(e,n,((s,r,u,a,f,c,h,d,p,m,g)=>{[i,o]=U(u,i,o);let x,w,_,b=s.pxRound,v=l=>b(c(l,a,m,d)),k=l=>b(h(l,f,g,p));0==a.ori?(x=kt,_=Mt,w=Pt):(x=yt,_=St,w=At);const y=a.dir*(0==a.ori?1:-1);let M=v(r[1==y?i:o]),S=M,T=[],E=[];for(let l=1==y?i:o;l>=i&&o>=l;l+=y)if(null!=u[l]){let e=v(r[l]);T.push(S=e),E.push(k(u[l]))}const z={stroke:l(T,E,x,_,w,b),fill:null,clip:null,band:null,gaps:null,flags:1},D=z.stroke;let[P,A]=mt(e,n);if(null!=s.fill||0!=P){let l=z.fill=new Path2D(D),t=k(s.fillTo(e,n,s.min,s.max,P));_(l,S,t),_(l,M,t)}if(!s.spanGaps){let l=[];l.push(..._t(r,u,i,o,y,v,t)),z.gaps=l=s.gaps(e,n,i,o,l),z.clip=wt(l,a.ori,d,p,m,g)}return 0!=A&&(z.band=2==A?[xt(e,n,i,o,D,-1),xt(e,n,i,o,D,1)]:xt(e,n,i,o,D,A)),z}))}(Gt,l)}}return en}();";
const UPLOT_CSS = ".uplot, .uplot *, .uplot *::before, .uplot *::after {box-sizing: border-box;}.uplot {font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif, \"Apple Color Emoji\", \"Segoe UI Emoji\", \"Segoe UI Symbol\", \"Noto Color Emoji\";line-height: 1.5;width: min-content;}.u-title {text-align: center;font-size: 18px;font-weight: bold;}.u-wrap {position: relative;user-select: none;}.u-over, .u-under {position: absolute;}.u-under {overflow: hidden;}.uplot canvas {display: block;position: relative;width: 100%;height: 100%;}.u-axis {position: absolute;}.u-legend {font-size: 14px;margin: auto;text-align: center;}.u-inline {display: block;}.u-inline * {display: inline-block;}.u-inline tr {margin-right: 16px;}.u-legend th {font-weight: 600;}.u-legend th > * {vertical-align: middle;display: inline-block;}.u-legend .u-marker {width: 1em;height: 1em;margin-right: 4px;background-clip: padding-box !important;}.u-inline.u-live th::after {content: \":\";vertical-align: middle;}.u-inline:not(.u-live) .u-value {display: none;}.u-series > * {padding: 4px;}.u-series th {cursor: pointer;}.u-legend .u-off > * {opacity: 0.3;}.u-select {background: rgba(0,0,0,0.07);position: absolute;pointer-events: none;}.u-cursor-x, .u-cursor-y {position: absolute;left: 0;top: 0;pointer-events: none;will-change: transform;}.u-hz .u-cursor-x, .u-vt .u-cursor-y {height: 100%;border-right: 1px dashed #607D8B;}.u-hz .u-cursor-y, .u-vt .u-cursor-x {width: 100%;border-bottom: 1px dashed #607D8B;}.u-cursor-pt {position: absolute;top: 0;left: 0;border-radius: 50%;border: 0 solid;pointer-events: none;will-change: transform;/*this has to be !important since we set inline \"background\" shorthand */background-clip: padding-box !important;}.u-axis.u-off, .u-select.u-off, .u-cursor-x.u-off, .u-cursor-y.u-off, .u-cursor-pt.u-off {display: none;}";
const REPORT_JS = "\"use strict\";(()=>{var ce=[\"ignore\",\"notice\",\"warn\",\"fail\"];function Q(e){return ce.indexOf(e)}var V=\"(none)\",j=\" / \";function G(e,n){return n===V||e.includes(\"+\")&&n.split(j).includes(V)}function K(e,n){return e.includes(\"+\")?[\"A \",n(V),\" part stands for the spans that have no value for that part of \",n(e),\", counted together.\"]:[n(V),\" stands for the spans that have no \",n(e),\" value, counted together as one value.\"]}function f(e){if(e==null||!Number.isFinite(e))return\"n/a\";let n=Math.abs(e);return n<1e3?`${Math.round(e)} \\xB5s`:n<1e6?`${Z(e/1e3)} ms`:`${Z(e/1e6)} s`}function Z(e){let n=Math.abs(e),a=n>=100?0:n>=10?1:2;return String(Number(e.toFixed(a)))}function s(e,n={},...a){let t=document.createElement(e);n.class&&(t.className=n.class),n.title&&(t.title=n.title),n.id&&(t.id=n.id),n.role&&t.setAttribute(\"role\",n.role),n.label&&t.setAttribute(\"aria-label\",n.label);for(let r of a)r!=null&&r!==!1&&t.append(typeof r==\"number\"?String(r):r);return t}function Y(){return JSON.parse(document.getElementById(\"data\").textContent)}function E(e){if(e==null||!Number.isFinite(e))return\"n/a\";let n=e*100;return`${n>0&&n<10?n.toFixed(2):n.toFixed(1)}%`}function T(e){return e==null?\"n/a\":Math.round(e).toLocaleString(\"en-US\")}function q(e){return e==null?\"n/a\":`${e>=100?Math.round(e):Number(e.toPrecision(3))}/min`}function A(e){return e==null?\"\\u2014\":e<1e-4?\"<0.0001\":e<.01?e.toFixed(4):e.toFixed(2)}function ee(e){return e.replace(\"T\",\" \").replace(/\\.\\d+Z$/,\"Z\")}function O(e){return s(\"span\",{class:`badge v-${e??\"none\"}`},e??\"\\u2014\")}function U(e,n){if(!e||!(/^https?:\\/\\//i.test(e)||/^[\\w./-]+$/.test(e)||/^#[\\w-]+$/.test(e)))return document.createTextNode(n);let a=s(\"a\",{},n);return a.href=e,a.rel=\"noopener noreferrer\",a}var H=100;function I(e,n,a){let t=s(\"table\",{class:\"data\"});t.append(s(\"caption\",{class:\"sr-only\"},a.caption));let r=s(\"tr\"),o=s(\"tbody\"),i=e.map((g,m)=>({row:g,index:m,text:n.map(b=>String(b.sort(g)??\"\")).join(\"\\0\").toLowerCase()})),u=i,c=H,p=g=>{let m=s(\"tr\");for(let b of n)m.append(s(\"td\",{class:b.numeric?\"num\":void 0},b.cell?b.cell(g.row):b.sort(g.row)));if(a.onRow){m.tabIndex=0,m.classList.add(\"clickable\");let b=()=>a.onRow(g.row,m);m.addEventListener(\"click\",b),m.addEventListener(\"keydown\",P=>{P.key===\"Enter\"&&b()})}return g.tr=m,m},M=s(\"button\",{class:\"more\"});M.type=\"button\",M.addEventListener(\"click\",()=>{c+=H*10,h()});let d=s(\"span\",{class:\"shown\"}),h=()=>{let g=document.createDocumentFragment();for(let b of u.slice(0,c))g.append(b.tr??p(b));o.replaceChildren(g);let m=u.length-c;M.hidden=m<=0,M.textContent=`show ${Math.min(m,H*10)} more of ${m}`,d.textContent=u.length===i.length?\"\":`${u.length} of ${i.length} match`},k=n.map((g,m)=>{let b=s(\"th\",{title:g.title,class:g.numeric?\"num\":void 0});b.setAttribute(\"aria-sort\",\"none\");let P=s(\"button\",{class:\"sort\"},g.label);return P.type=\"button\",P.addEventListener(\"click\",()=>{let l=b.getAttribute(\"aria-sort\");v(m,l===\"none\"?g.numeric?-1:1:l===\"ascending\"?-1:1),h()}),b.append(P),r.append(b),b});function v(g,m){let b=n[g].sort,P=[];for(let l of i)P[l.index]=b(l.row);i.sort((l,y)=>{let x=P[l.index],w=P[y.index];return x===w?l.index-y.index:x===null?1:w===null?-1:(typeof x==\"number\"&&typeof w==\"number\"?x-w:String(x).localeCompare(String(w)))*m}),k.forEach((l,y)=>l.setAttribute(\"aria-sort\",y===g?m===1?\"ascending\":\"descending\":\"none\")),u=$.value.trim()?i.filter(l=>l.text.includes($.value.trim().toLowerCase())):i}let $=s(\"input\",{class:\"filter\",label:`filter ${a.caption}`});return $.type=\"search\",$.placeholder=`filter ${e.length} rows`,$.addEventListener(\"input\",()=>{let g=$.value.trim().toLowerCase();u=g?i.filter(m=>m.text.includes(g)):i,c=H,h()}),a.sortBy!==void 0&&v(a.sortBy,a.descending?-1:1),h(),t.append(s(\"thead\",{},r),o),s(\"div\",{class:\"table\"},e.length>8?s(\"div\",{class:\"tools\"},$,d):null,s(\"div\",{class:\"scroll\"},t),M)}var J;function ue(){let e=getComputedStyle(document.documentElement);return{fg:getComputedStyle(document.body).color,line:e.getPropertyValue(\"--line\").trim()||\"#e5e7eb\"}}var X=new Map;function _(e,n,a){let t=X.get(e.className);t===void 0&&(t=Math.max(280,Math.min(e.clientWidth||560,900)),X.set(e.className,t));let r=n.hooks??{},o={...r,draw:[...r.draw??[],p=>{e.dataset.series=String(p.series.length-1),e.dataset.points=String(p.data[0].length),e.classList.add(\"drawn\")}]},{fg:i,line:u}=J??(J=ue()),c=(n.axes??[{},{}]).map(p=>({stroke:i,grid:{stroke:u,width:1},ticks:{stroke:u,width:1},...p}));return new uPlot({...n,axes:c,width:t,height:n.height??220,hooks:o},a,e)}var R={baseline:\"#6b7280\",current:\"#2563eb\",p50:\"#059669\",p95:\"#d97706\",p99:\"#dc2626\"};var de=12,te={\"latency.avg\":{test:\"latency\",name:\"Mann-Whitney rank-sum\"},\"latency.p50\":{test:\"latencyP50\",name:\"quantile test (p50)\"},\"latency.p90\":{test:\"latencyP90\",name:\"quantile test (p90)\"},\"latency.p95\":{test:\"latencyP95\",name:\"quantile test (p95)\"},\"latency.p99\":{test:\"latencyP99\",name:\"quantile test (p99)\"},\"error-rate\":{test:\"errorRate\",name:\"Fisher / two-proportion z\"},rate:{test:\"rate\",name:\"Poisson rate (quasi-Poisson)\"},occurrence:{test:\"rate\",name:\"Poisson rate (quasi-Poisson)\"},new:{name:\"presence (zero on the other side)\"},missing:{name:\"presence (zero on the other side)\"}},{report:D,binsPerDecade:pe}=Y(),ne=document.getElementById(\"app\");function me(e){let n=new Map,a=(t,r)=>{for(let o of r.changed)n.set(`${t}\\0${o.value}`,{kind:\"changed\",key:t,item:o});for(let o of r.new)n.set(`${t}\\0${o.value}`,{kind:\"new\",key:t,item:o});for(let o of r.missing)n.set(`${t}\\0${o.value}`,{kind:\"missing\",key:t,item:o});for(let o of r.undecided)n.set(`${t}\\0${o.value}`,{kind:\"undecided\",key:t,item:o})};for(let t of e.groups)a(t.key,t);return a(\"edge\",e.edges),n}function oe(e,n){return s(\"span\",{class:\"kv\",title:`${e} = ${n}`},s(\"span\",{class:\"k\"},e),\" = \",s(\"code\",{},n===\"\"?\"(empty)\":n))}function ge(e,n){let a=Math.min(e.counts.length?e.from:1/0,n.counts.length?n.from:1/0),t=Math.max(e.from+e.counts.length,n.from+n.counts.length),r=[],o=[[],[]],i=[e,n].map(u=>u.counts.reduce((c,p)=>c+p,0)||1);for(let u=a;u<t;u++)r.push(Math.pow(10,(u+.5)/pe)),[e,n].forEach((c,p)=>o[p].push((c.counts[u-c.from]??0)/i[p]));return[r,o[0],o[1]]}function fe(e,n){return a=>{let t=a.ctx,{top:r,height:o}=a.bbox;t.save(),t.font=`${Math.round(10*devicePixelRatio)}px system-ui, sans-serif`,[[e,R.baseline,[4,4]],[n,R.current,[]]].forEach(([i,u,c],p)=>{let M=i;for(let d of[\"p50\",\"p95\",\"p99\"]){let h=a.valToPos(Math.max(1,M.latencyUs[d]),\"x\",!0);t.strokeStyle=u,t.fillStyle=u,t.setLineDash(c.map(k=>k*devicePixelRatio)),t.lineWidth=devicePixelRatio,t.beginPath(),t.moveTo(h,r),t.lineTo(h,r+o),t.stroke(),t.fillText(d,h+2*devicePixelRatio,r+(p?22:10)*devicePixelRatio)}}),t.restore()}}function he(e,n){let{min:a=1,max:t=10}=e.scales.x,r=Math.log10(t/Math.max(a,1e-9))>3;return n.map(o=>{if(o==null||o<=0)return\"\";let i=Math.round(o/Math.pow(10,Math.floor(Math.log10(o)+1e-9)));return i===1||!r&&(i===2||i===5)?f(o):\"\"})}function be(e,n,a){let t=a.latencyHistogram,r=ge(t.baseline,t.current),o=a.baseline.latencyUs,i=a.current.latencyUs;e.setAttribute(\"role\",\"img\"),e.setAttribute(\"aria-label\",`Latency distribution of ${n}: baseline p50 ${f(o.p50)}, p95 ${f(o.p95)}, p99 ${f(o.p99)}; current p50 ${f(i.p50)}, p95 ${f(i.p95)}, p99 ${f(i.p99)}`),_(e,{title:\"latency distribution (share of spans per bin, log axis)\",scales:{x:{time:!1,distr:3,log:10},y:{range:(u,c,p)=>[0,p*1.1||1]}},axes:[{values:he,space:30},{values:(u,c)=>c.map(p=>E(p)),size:60}],series:[{label:\"latency\",value:(u,c)=>c===null?\"\":f(c)},{label:\"baseline\",stroke:R.baseline,fill:\"rgba(107,114,128,0.15)\",dash:[4,4],width:1.5,value:(u,c)=>c===null?\"\\u2014\":E(c)},{label:\"current\",stroke:R.current,fill:\"rgba(37,99,235,0.12)\",width:2,value:(u,c)=>c===null?\"\\u2014\":E(c)}],hooks:{draw:[fe(a.baseline,a.current)]}},r)}function re(e,n){let a=Math.max(...n.map(t=>t[1]??0),1e-12);return s(\"div\",{class:\"bars\",role:\"group\",label:e},s(\"div\",{class:\"bars-title\"},e),...n.map(([t,r,o])=>{let i=s(\"span\",{class:`bar-fill ${t}`});return i.style.width=`${(r??0)/a*100}%`,s(\"div\",{class:\"bar\"},s(\"span\",{class:\"bar-label\"},t),s(\"span\",{class:\"bar-track\"},i),s(\"span\",{class:\"bar-value\"},o))}))}function ye(e){let a=[[\"latency\",\"latency (Mann-Whitney)\"],[\"latencyP50\",\"p50 (quantile test)\"],[\"latencyP90\",\"p90 (quantile test)\"],[\"latencyP95\",\"p95 (quantile test)\"],[\"latencyP99\",\"p99 (quantile test)\"],[\"errorRate\",\"error rate (Fisher / z)\"],[\"rate\",\"rate (quasi-Poisson)\"]].filter(([t])=>e.pValue[t]!==void 0);return a.length===0?s(\"p\",{class:\"muted\"},e.enoughData===!1?\"not tested: fewer spans than min-samples on a side\":\"no tests\"):s(\"table\",{class:\"tests\"},s(\"thead\",{},s(\"tr\",{},s(\"th\",{},\"test\"),s(\"th\",{class:\"num\"},\"p\"),s(\"th\",{class:\"num\"},\"q\"))),s(\"tbody\",{},...a.map(([t,r])=>s(\"tr\",{},s(\"td\",{},r),s(\"td\",{class:\"num\"},A(e.pValue[t])),s(\"td\",{class:\"num\"},A(e.qValue?.[t]))))))}function se(e,n){if(!n)return s(\"div\",{class:\"side\"},s(\"strong\",{},e),\" not seen\");let a=n.latencyUs;return s(\"div\",{class:\"side\"},s(\"strong\",{},e),` ${T(n.occurrence)} spans${C(n)===void 0?\"\":` in ${T(C(n))} traces`}, ${T(n.errors)} errors (${E(n.errorRate)}), ${q(n.ratePerMin)}; p50 ${f(a.p50)}, p95 ${f(a.p95)}, p99 ${f(a.p99)}, max ${f(a.max)}`)}function $e(e){let{key:n,item:a}=e,t=\"baseline\"in a?a.baseline:void 0,r=\"current\"in a?a.current:void 0,o=s(\"article\",{class:\"card\"});o.dataset.value=a.value,o.append(s(\"h4\",{},oe(n,a.value),\" \",s(\"span\",{class:`kind ${e.kind}`},e.kind))),o.append(se(\"baseline\",t),se(\"current\",r));let i=s(\"div\",{class:\"card-row\"});if(e.kind===\"changed\"&&e.item.latencyHistogram){let u=s(\"div\",{class:\"chart distribution\"});i.append(u),o.append(i),requestAnimationFrame(()=>be(u,`${n} = ${a.value}`,e.item))}else i.append(s(\"p\",{class:\"muted chart-none\"},e.kind!==\"changed\"?\"seen on one side only: no distribution to compare\":e.item.enoughData===!1?\"too few traces on a side to test: no distribution drawn\":\"no latency histogram in this result\")),o.append(i);if(i.append(s(\"div\",{class:\"side-bars\"},re(\"error rate\",[[\"baseline\",t?.errorRate,t?E(t.errorRate):\"\\u2014\"],[\"current\",r?.errorRate,r?E(r.errorRate):\"\\u2014\"]]),re(\"rate\",[[\"baseline\",t?.ratePerMin,t?q(t.ratePerMin):\"\\u2014\"],[\"current\",r?.ratePerMin,r?q(r.ratePerMin):\"\\u2014\"]]))),e.kind===\"changed\"){let u=e.item,c=u.latencyShiftUs;o.append(s(\"div\",{class:\"stats\"},ye(u),c?s(\"p\",{},`latency shift (Hodges-Lehmann) ${f(c.estimate)}, ${Math.round(c.confidence*100)}% interval ${f(c.low)} \\u2026 ${f(c.high)}`):null))}else e.item.pValue!==void 0&&o.append(s(\"p\",{class:\"stats\"},`presence test: p ${A(e.item.pValue)}, q ${A(e.item.qValue)}`));return e.kind===\"undecided\"&&o.append(s(\"p\",{class:\"muted\"},`undecided: ${e.item.reason.replace(/-/g,\" \")}`)),o}function B(e,n){let a=te[e.metric],t=e.pValue??void 0;if(n?.kind===\"changed\"&&a.test?.startsWith(\"latencyP\")&&t!==void 0){let r=n.item.qValue??{};if(r.latency===t&&r[a.test]!==t)return{name:te[\"latency.avg\"].name,q:t}}return{name:a.name,q:t}}function ve(e,n){let a=e.interval;if(a){let r=a.relativeLow!==null||a.relativeHigh!==null,o=c=>{if(c===null)return\"?\";let p=c>0?\"+\":\"\";return r?`${p}${Math.round(c*100)}%`:e.metric===\"error-rate\"?`${p}${(c*100).toFixed(1)}pp`:e.metric.startsWith(\"latency\")?`${p}${f(c)}`:`${p}${Number(c.toPrecision(3))}`},[i,u]=r?[a.relativeLow,a.relativeHigh]:[a.low,a.high];return`${Math.round(a.confidence*100)}%: ${o(i)} \\u2026 ${o(u)}`}if(!n||n.kind!==\"changed\"||!e.metric.startsWith(\"latency\"))return\"\";let t=n.item.latencyShiftUs;return t?`${f(t.low)} \\u2026 ${f(t.high)}`:\"\"}function C(e){let n=e?.traces;return typeof n==\"number\"?n:void 0}function we(e){if(!e)return\"\";let n=e.item,a=t=>t?`${T(t.occurrence)}${C(t)===void 0?\"\":` (${T(C(t))} tr.)`}`:\"0\";return`${a(n.baseline)} \\u2192 ${a(n.current)}`}function W(e,n,a,t){return I(e,[{label:\"severity\",sort:r=>Q(r.severity),cell:r=>s(\"span\",{class:`sev ${r.severity}`},r.severity)},{label:\"value\",sort:r=>`${r.key} = ${r.value}`,cell:r=>oe(r.key,r.value)},{label:\"metric\",sort:r=>r.metric},{label:\"baseline \\u2192 current\",sort:r=>r.current,cell:r=>`${ae(r.metric,r.baseline)} \\u2192 ${ae(r.metric,r.current)}`,numeric:!0},{label:\"change\",sort:r=>r.change,numeric:!0},{label:\"test\",sort:r=>B(r,n.get(`${r.key}\\0${r.value}`)).name},{label:\"q\",sort:r=>B(r,n.get(`${r.key}\\0${r.value}`)).q??null,cell:r=>A(B(r,n.get(`${r.key}\\0${r.value}`)).q),numeric:!0,title:\"Benjamini-Hochberg adjusted p-value of the test that made the finding\"},{label:\"interval\",sort:r=>ve(r,n.get(`${r.key}\\0${r.value}`)),title:\"confidence interval of the change that reached the finding\\u2019s level\"},{label:\"spans\",sort:r=>n.get(`${r.key}\\0${r.value}`)?.item?.current?.occurrence??0,cell:r=>we(n.get(`${r.key}\\0${r.value}`)),numeric:!0,title:\"spans baseline \\u2192 current\"},{label:\"rule\",sort:r=>r.rule}],{caption:t,onRow:a})}function ae(e,n){return n===null?\"\\u2014\":e.startsWith(\"latency\")?f(n):e===\"error-rate\"?E(n):e===\"rate\"?q(n):T(n)}function ie(e,n,a,t){let r=(i,u)=>i.item[u],o=(i,u)=>i&&u!==void 0?(u-i)/i:null;return I(n,[{label:\"value\",sort:i=>i.item.value,cell:i=>s(\"code\",{},i.item.value===\"\"?\"(empty)\":i.item.value)},{label:\"status\",sort:i=>i.kind===\"changed\"?a.get(`${e}\\0${i.item.value}`)?.[0]?.severity??\"ok\":i.kind},{label:\"spans b \\u2192 c\",sort:i=>r(i,\"current\")?.occurrence??0,cell:i=>`${T(r(i,\"baseline\")?.occurrence??0)} \\u2192 ${T(r(i,\"current\")?.occurrence??0)}`,numeric:!0},{label:\"errors b \\u2192 c\",sort:i=>r(i,\"current\")?.errorRate??null,cell:i=>`${E(r(i,\"baseline\")?.errorRate)} \\u2192 ${E(r(i,\"current\")?.errorRate)}`,numeric:!0},{label:\"rate b \\u2192 c\",sort:i=>r(i,\"current\")?.ratePerMin??null,cell:i=>`${q(r(i,\"baseline\")?.ratePerMin)} \\u2192 ${q(r(i,\"current\")?.ratePerMin)}`,numeric:!0},{label:\"p50 b \\u2192 c\",sort:i=>r(i,\"current\")?.latencyUs.p50??null,cell:i=>`${f(r(i,\"baseline\")?.latencyUs.p50)} \\u2192 ${f(r(i,\"current\")?.latencyUs.p50)}`,numeric:!0},{label:\"p95 b \\u2192 c\",sort:i=>r(i,\"current\")?.latencyUs.p95??null,cell:i=>`${f(r(i,\"baseline\")?.latencyUs.p95)} \\u2192 ${f(r(i,\"current\")?.latencyUs.p95)}`,numeric:!0},{label:\"p95 \\u0394\",sort:i=>o(r(i,\"baseline\")?.latencyUs.p95,r(i,\"current\")?.latencyUs.p95),cell:i=>xe(o(r(i,\"baseline\")?.latencyUs.p95,r(i,\"current\")?.latencyUs.p95)),numeric:!0},{label:\"min q\",sort:i=>le(i),cell:i=>A(le(i)),numeric:!0,title:\"smallest q-value of the value\\u2019s tests\"}],{caption:`values of ${e}`,onRow:t,sortBy:2,descending:!0})}function xe(e){return e===null||!Number.isFinite(e)?\"\\u2014\":`${e>0?\"+\":\"\"}${(e*100).toFixed(Math.abs(e)<.1?1:0)}%`}function le(e){if(e.kind===\"changed\"){let n=Object.values(e.item.qValue??{}).filter(a=>typeof a==\"number\");return n.length?Math.min(...n):null}return e.item.qValue??null}function Me(e,n){let a=[...e.edges.changed.map(l=>({value:l.value,kind:n.get(`edge\\0${l.value}`)?.[0]?.severity??\"same\",spans:l.current.occurrence})),...e.edges.new.map(l=>({value:l.value,kind:\"new\",spans:l.current.occurrence})),...e.edges.missing.map(l=>({value:l.value,kind:\"missing\",spans:l.baseline.occurrence})),...e.edges.undecided.map(l=>({value:l.value,kind:\"undecided\",spans:(l.current??l.baseline)?.occurrence??0}))],t=150,r=a.map(l=>({...l,ends:l.value.split(\" -> \")})).filter(l=>l.ends.length===2).sort((l,y)=>+(y.kind!==\"same\")-+(l.kind!==\"same\")||y.spans-l.spans).slice(0,t);if(r.length===0)return null;let o=new Map,i=new Set,u=new Set;for(let l of r){let[y,x]=l.ends;i.add(y),i.add(x),u.add(x),o.set(y,[...o.get(y)??[],x])}let c=new Map,p=[...i].filter(l=>!u.has(l)).sort();p.length===0&&p.push([...i].sort()[0]);for(let l of p)c.set(l,0);for(;p.length;){let l=p.shift();for(let y of o.get(l)??[])c.has(y)||(c.set(y,c.get(l)+1),p.push(y))}for(let l of[...i].sort())c.has(l)||c.set(l,0);let M=new Map;for(let l of[...i].sort())M.set(c.get(l),[...M.get(c.get(l))??[],l]);let d=230,h=30,k=new Map;for(let[l,y]of M)y.forEach((x,w)=>k.set(x,{x:10+l*(d+60),y:20+w*h}));let v=20+(Math.max(...M.keys())+1)*(d+60),$=30+Math.max(...[...M.values()].map(l=>l.length))*h,g=\"http://www.w3.org/2000/svg\",m=document.createElementNS(g,\"svg\");m.setAttribute(\"viewBox\",`0 0 ${v} ${$}`),m.setAttribute(\"width\",String(v)),m.setAttribute(\"height\",String($)),m.setAttribute(\"role\",\"img\"),m.setAttribute(\"aria-label\",`call-edge graph: ${i.size} operations, ${r.length} edges; the table below lists them`);for(let l of r){let y=k.get(l.ends[0]),x=k.get(l.ends[1]),w=document.createElementNS(g,\"path\"),S=y.x+d,L=y.y,N=x.x,F=x.y;w.setAttribute(\"d\",N>S?`M${S},${L} C${S+40},${L} ${N-40},${F} ${N},${F}`:`M${S},${L} C${S+60},${L-40} ${N-60},${F-40} ${N},${F}`),w.setAttribute(\"class\",`edge ${l.kind}`);let z=document.createElementNS(g,\"title\");z.textContent=`${l.value} (${l.kind}, ${T(l.spans)} spans)`,w.append(z),m.append(w)}for(let[l,y]of k){let x=document.createElementNS(g,\"g\");x.setAttribute(\"class\",\"node\");let w=document.createElementNS(g,\"rect\");w.setAttribute(\"x\",String(y.x)),w.setAttribute(\"y\",String(y.y-11)),w.setAttribute(\"width\",String(d)),w.setAttribute(\"height\",\"22\"),w.setAttribute(\"rx\",\"4\");let S=document.createElementNS(g,\"text\");S.setAttribute(\"x\",String(y.x+6)),S.setAttribute(\"y\",String(y.y+4)),S.textContent=l.length>34?`${l.slice(0,33)}\\u2026`:l;let L=document.createElementNS(g,\"title\");L.textContent=l,x.append(L,w,S),m.append(x)}let b=s(\"div\",{class:\"graph\"});b.dataset.nodes=String(i.size),b.dataset.edges=String(r.length),b.append(m);let P=s(\"p\",{class:\"legend\"},...[\"new\",\"missing\",\"fail\",\"warn\",\"notice\",\"same\",\"undecided\"].map(l=>s(\"span\",{class:`key edge-${l}`},l)));return s(\"div\",{},P,a.length>t?s(\"p\",{class:\"muted\"},`showing the ${t} edges that changed most or carry most spans, of ${a.length}`):null,b)}function ke(e){let n=(e.history??[]).filter(t=>t.latencyP95Us!==void 0).slice().reverse();if(n.length<2)return null;let a=s(\"div\",{class:\"chart history\"});return a.setAttribute(\"role\",\"img\"),a.setAttribute(\"aria-label\",`p50, p95 and p99 of the last ${n.length} collections`),requestAnimationFrame(()=>_(a,{title:\"recent collections (whole query)\",height:180,scales:{x:{time:!0}},axes:[{},{values:(t,r)=>r.map(o=>f(o)),size:60}],series:[{},{label:\"p50\",stroke:R.p50,value:(t,r)=>r===null?\"\\u2014\":f(r)},{label:\"p95\",stroke:R.p95,value:(t,r)=>r===null?\"\\u2014\":f(r)},{label:\"p99\",stroke:R.p99,value:(t,r)=>r===null?\"\\u2014\":f(r)}]},[n.map(t=>Date.parse(t.collectedAt)/1e3),n.map(t=>t.latencyP50Us??null),n.map(t=>t.latencyP95Us??null),n.map(t=>t.latencyP99Us??null)])),a}function Te(e){let n=(a,t)=>s(\"tr\",{},s(\"th\",{},a+(t?.pooled?` (${t.pooled} pooled)`:\"\")),s(\"td\",{},t?.snapshotId?U(t.uiLink,t.snapshotId):\"\\u2014\"),s(\"td\",{},t?ee(t.collectedAt):\"(none yet)\"),s(\"td\",{class:\"num\"},t?.windowMinutes?`${Math.round(t.windowMinutes)} min`:\"\\u2014\"),s(\"td\",{class:\"num\"},t?`${T(t.spans)} / ${T(t.traces)}`:\"\\u2014\"),s(\"td\",{class:\"num\"},t?`${E(t.coverage)}${t.complete?\"\":\" partial\"}`:\"\\u2014\"));return s(\"table\",{class:\"sides\"},s(\"thead\",{},s(\"tr\",{},s(\"th\",{}),s(\"th\",{},\"snapshot\"),s(\"th\",{},\"collected\"),s(\"th\",{class:\"num\"},\"window\"),s(\"th\",{class:\"num\"},\"spans / traces\"),s(\"th\",{class:\"num\"},\"coverage\"))),s(\"tbody\",{},n(\"baseline\",e.baseline),n(\"current\",e.current)))}function Pe(e,n){let a=s(\"section\",{class:\"query\",id:`q-${n}`});a.append(s(\"h2\",{},O(e.result?.verdict??(e.error?\"error\":void 0)),\" \",e.query.name,\" \",s(\"span\",{class:\"muted\"},`(${e.query.id})`))),e.query.query&&a.append(s(\"p\",{class:\"querytext\"},s(\"code\",{},e.query.query))),e.error&&a.append(s(\"p\",{class:\"error\"},e.error)),e.warnings.length&&a.append(s(\"ul\",{class:\"warnings\"},...e.warnings.map(d=>s(\"li\",{},d))));let t=e.result;if(!t)return a;t.reason&&a.append(s(\"p\",{class:\"reason\"},t.reason)),a.append(Te(t));let r=ke(e);r&&a.append(r);let o=me(t),i=new Map;for(let d of t.findings)i.set(`${d.key}\\0${d.value}`,[...i.get(`${d.key}\\0${d.value}`)??[],d]);let u=s(\"div\",{class:\"cards\"}),c=new Map,p=(d,h,k)=>{let v=`${d}\\0${h}`,$=c.get(v);if($)return $.scrollIntoView({block:\"nearest\"}),$;let g=o.get(v);if(!g)return;let m=$e(g);return c.set(v,m),(k??u).append(m),m};if(a.append(s(\"h3\",{},`Findings (${t.findings.length})`)),t.findings.length){a.append(W(t.findings,o,h=>p(h.key,h.value)?.scrollIntoView({block:\"nearest\"}),\"findings\")),a.append(s(\"p\",{class:\"muted\"},\"The values behind the first findings are drawn below; open any row to draw its value.\")),a.append(u);let d=0;for(let h of t.findings){if(d>=de)break;!c.has(`${h.key}\\0${h.value}`)&&p(h.key,h.value)&&(d+=1)}}else a.append(s(\"p\",{class:\"muted\"},\"No value crossed a threshold with significance.\"),u);t.improvements.length&&a.append(s(\"h3\",{},`Improvements (${t.improvements.length})`),W(t.improvements,o,d=>p(d.key,d.value)?.scrollIntoView({block:\"nearest\"}),\"improvements\")),t.traffic?.length&&a.append(s(\"h3\",{},`Traffic shifts (${t.traffic.length})`),W(t.traffic,o,d=>p(d.key,d.value)?.scrollIntoView({block:\"nearest\"}),\"traffic shifts\"));for(let d of t.groups){let h=[...o.values()].filter($=>$.key===d.key),k=s(\"div\",{class:\"cards\"}),v=s(\"details\",{class:\"group\"});v.open=t.groups.length<=3,v.append(s(\"summary\",{},s(\"h3\",{},\"by \",s(\"code\",{},d.key),` (${h.length} values)`))),v.append(ie(d.key,h,i,$=>p(d.key,$.item.value,k)?.scrollIntoView({block:\"nearest\"}))),h.some($=>G(d.key,$.item.value))&&v.append(s(\"p\",{class:\"muted none-note\"},...K(d.key,$=>s(\"code\",{},$)))),v.append(k),a.append(v)}let M=t.edges.changed.length+t.edges.new.length+t.edges.missing.length+t.edges.undecided.length;if(M){let d=s(\"details\",{class:\"group\"});d.open=!0,d.append(s(\"summary\",{},s(\"h3\",{},`Call edges (${M})`)));let h=Me(t,i);h&&d.append(h);let k=s(\"div\",{class:\"cards\"});d.append(ie(\"edge\",[...o.values()].filter(v=>v.key===\"edge\"),i,v=>p(\"edge\",v.item.value,k)?.scrollIntoView({block:\"nearest\"})),k),a.append(d)}return a}function Ee(){let e=s(\"nav\",{label:\"queries\"});D.outcomes.length>1&&e.append(s(\"ul\",{},...D.outcomes.map((n,a)=>s(\"li\",{},O(n.result?.verdict??(n.error?\"error\":void 0)),\" \",U(`#q-${a}`,n.query.name))))),ne.append(e),D.outcomes.forEach((n,a)=>ne.append(Pe(n,a))),document.body.dataset.ready=\"true\"}Ee();})();";
const DASHBOARD_JS = "\"use strict\";(()=>{function g(t){if(t==null||!Number.isFinite(t))return\"n/a\";let n=Math.abs(t);return n<1e3?`${Math.round(t)} \\xB5s`:n<1e6?`${H(t/1e3)} ms`:`${H(t/1e6)} s`}function H(t){let n=Math.abs(t),r=n>=100?0:n>=10?1:2;return String(Number(t.toFixed(r)))}function o(t,n={},...r){let l=document.createElement(t);n.class&&(l.className=n.class),n.title&&(l.title=n.title),n.id&&(l.id=n.id),n.role&&l.setAttribute(\"role\",n.role),n.label&&l.setAttribute(\"aria-label\",n.label);for(let a of r)a!=null&&a!==!1&&l.append(typeof a==\"number\"?String(a):a);return l}function I(){return JSON.parse(document.getElementById(\"data\").textContent)}function C(t){if(t==null||!Number.isFinite(t))return\"n/a\";let n=t*100;return`${n>0&&n<10?n.toFixed(2):n.toFixed(1)}%`}function k(t){return t==null?\"n/a\":Math.round(t).toLocaleString(\"en-US\")}function S(t){return t==null?\"n/a\":`${t>=100?Math.round(t):Number(t.toPrecision(3))}/min`}function M(t){return t.replace(\"T\",\" \").replace(/\\.\\d+Z$/,\"Z\")}function A(t){return o(\"span\",{class:`badge v-${t??\"none\"}`},t??\"\\u2014\")}function D(t,n){if(!t||!(/^https?:\\/\\//i.test(t)||/^[\\w./-]+$/.test(t)||/^#[\\w-]+$/.test(t)))return document.createTextNode(n);let r=o(\"a\",{},n);return r.href=t,r.rel=\"noopener noreferrer\",r}var $=100;function _(t,n,r){let l=o(\"table\",{class:\"data\"});l.append(o(\"caption\",{class:\"sr-only\"},r.caption));let a=o(\"tr\"),p=o(\"tbody\"),i=t.map((c,d)=>({row:c,index:d,text:n.map(u=>String(u.sort(c)??\"\")).join(\"\\0\").toLowerCase()})),s=i,e=$,m=c=>{let d=o(\"tr\");for(let u of n)d.append(o(\"td\",{class:u.numeric?\"num\":void 0},u.cell?u.cell(c.row):u.sort(c.row)));if(r.onRow){d.tabIndex=0,d.classList.add(\"clickable\");let u=()=>r.onRow(c.row,d);d.addEventListener(\"click\",u),d.addEventListener(\"keydown\",h=>{h.key===\"Enter\"&&u()})}return c.tr=d,d},b=o(\"button\",{class:\"more\"});b.type=\"button\",b.addEventListener(\"click\",()=>{e+=$*10,v()});let F=o(\"span\",{class:\"shown\"}),v=()=>{let c=document.createDocumentFragment();for(let u of s.slice(0,e))c.append(u.tr??m(u));p.replaceChildren(c);let d=s.length-e;b.hidden=d<=0,b.textContent=`show ${Math.min(d,$*10)} more of ${d}`,F.textContent=s.length===i.length?\"\":`${s.length} of ${i.length} match`},q=n.map((c,d)=>{let u=o(\"th\",{title:c.title,class:c.numeric?\"num\":void 0});u.setAttribute(\"aria-sort\",\"none\");let h=o(\"button\",{class:\"sort\"},c.label);return h.type=\"button\",h.addEventListener(\"click\",()=>{let f=u.getAttribute(\"aria-sort\");N(d,f===\"none\"?c.numeric?-1:1:f===\"ascending\"?-1:1),v()}),u.append(h),a.append(u),u});function N(c,d){let u=n[c].sort,h=[];for(let f of i)h[f.index]=u(f.row);i.sort((f,P)=>{let w=h[f.index],T=h[P.index];return w===T?f.index-P.index:w===null?1:T===null?-1:(typeof w==\"number\"&&typeof T==\"number\"?w-T:String(w).localeCompare(String(T)))*d}),q.forEach((f,P)=>f.setAttribute(\"aria-sort\",P===c?d===1?\"ascending\":\"descending\":\"none\")),s=y.value.trim()?i.filter(f=>f.text.includes(y.value.trim().toLowerCase())):i}let y=o(\"input\",{class:\"filter\",label:`filter ${r.caption}`});return y.type=\"search\",y.placeholder=`filter ${t.length} rows`,y.addEventListener(\"input\",()=>{let c=y.value.trim().toLowerCase();s=c?i.filter(d=>d.text.includes(c)):i,e=$,v()}),r.sortBy!==void 0&&N(r.sortBy,r.descending?-1:1),v(),l.append(o(\"thead\",{},a),p),o(\"div\",{class:\"table\"},t.length>8?o(\"div\",{class:\"tools\"},y,F):null,o(\"div\",{class:\"scroll\"},l),b)}var U;function j(){let t=getComputedStyle(document.documentElement);return{fg:getComputedStyle(document.body).color,line:t.getPropertyValue(\"--line\").trim()||\"#e5e7eb\"}}var O=new Map;function B(t,n,r){let l=O.get(t.className);l===void 0&&(l=Math.max(280,Math.min(t.clientWidth||560,900)),O.set(t.className,l));let a=n.hooks??{},p={...a,draw:[...a.draw??[],m=>{t.dataset.series=String(m.series.length-1),t.dataset.points=String(m.data[0].length),t.classList.add(\"drawn\")}]},{fg:i,line:s}=U??(U=j()),e=(n.axes??[{},{}]).map(m=>({stroke:i,grid:{stroke:s,width:1},ticks:{stroke:s,width:1},...m}));return new uPlot({...n,axes:e,width:l,height:n.height??220,hooks:p},r,t)}var x={baseline:\"#6b7280\",current:\"#2563eb\",p50:\"#059669\",p95:\"#d97706\",p99:\"#dc2626\"};var E=I(),R=document.getElementById(\"app\"),V={fail:\"#dc2626\",warn:\"#d97706\",notice:\"#2563eb\",pass:\"#059669\",inconclusive:\"#6b7280\"},K=t=>Date.parse(t.collectedAt)/1e3;function Q(t,n){return r=>{let l=r.ctx,{top:a,height:p}=r.bbox,i=devicePixelRatio;l.save(),t.forEach((s,e)=>{let m=r.valToPos(r.data[0][e],\"x\",!0),b=r.data[n][e];s.verdict&&b!==null&&b!==void 0&&s.verdict!==\"pass\"&&(l.fillStyle=V[s.verdict]??\"#6b7280\",l.beginPath(),l.arc(m,r.valToPos(b,\"y\",!0),4*i,0,2*Math.PI),l.fill()),s.pinnedAs&&(l.strokeStyle=\"#7c3aed\",l.fillStyle=\"#7c3aed\",l.setLineDash([3*i,3*i]),l.beginPath(),l.moveTo(m,a),l.lineTo(m,a+p),l.stroke(),l.font=`${11*i}px system-ui, sans-serif`,l.fillText(`pinned: ${s.pinnedAs.slice(0,40)}`,m+3*i,a+12*i))}),l.restore()}}function Z(t){return n=>{n.over.addEventListener(\"click\",()=>{let r=n.cursor.idx,l=r==null?void 0:t[r]?.link;l&&/^(https?:\\/\\/|[\\w./-]+$)/i.test(l)&&window.open(l,\"_blank\",\"noopener,noreferrer\")})}}function L(t,n,r,l){let a=o(\"div\",{class:\"chart\"});a.setAttribute(\"role\",\"img\"),a.setAttribute(\"aria-label\",`${n} over ${t.length} collections; the table below lists every value`);let p=[t.map(K),...r.map(i=>t.map(s=>i.value(s)??null))];return requestAnimationFrame(()=>B(a,{title:n,height:200,scales:{x:{time:!0}},axes:[{},{values:(i,s)=>s.map(e=>r[0].format(e)),size:64}],series:[{},...r.map(i=>({label:i.label,stroke:i.color,width:1.5,points:{show:t.length<=60},value:(s,e)=>e===null?\"\\u2014\":i.format(e)}))],hooks:{draw:[Q(t,l)],ready:[Z(t)]}},p)),a}function z(t,n){let r=[...t.points].sort((e,m)=>e.collectedAt.localeCompare(m.collectedAt)),l=r.at(-1),a=o(\"section\",{class:\"query\",id:`q-${n}`});a.append(o(\"h2\",{},A(l?.verdict),\" \",t.name??t.id,\" \",o(\"span\",{class:\"muted\"},`(${t.id})`)));let p=r.filter(e=>e.pinnedAs);if(a.append(o(\"p\",{class:\"muted\"},`${r.length} collections${l?`, the last ${M(l.collectedAt)}`:\"\"}`,p.length?`; pinned baselines: ${p.map(e=>`${e.pinnedAs} (${M(e.collectedAt)})`).join(\", \")}`:\"\",\". Dots mark verdicts (red fail, orange warn, blue notice); click a chart to open that collection\\u2019s run.\")),r.length===0)return a;let i=r.some(e=>e.ratePerMin!==void 0),s=o(\"div\",{class:\"card-row\"});return s.append(L(r,\"latency percentiles (whole query)\",[{label:\"p50\",color:x.p50,value:e=>e.latencyP50Us,format:g},{label:\"p95\",color:x.p95,value:e=>e.latencyP95Us,format:g},{label:\"p99\",color:x.p99,value:e=>e.latencyP99Us,format:g}],2),L(r,\"error rate\",[{label:\"error rate\",color:x.p99,value:e=>e.errorRate,format:C}],1),i?L(r,\"rate (spans per minute)\",[{label:\"rate\",color:x.current,value:e=>e.ratePerMin,format:S}],1):L(r,\"spans per collection\",[{label:\"spans\",color:x.current,value:e=>e.spans,format:k}],1)),a.append(s),a.append(_(r,[{label:\"collected\",sort:e=>e.collectedAt,cell:e=>M(e.collectedAt)},{label:\"verdict\",sort:e=>e.verdict??null,cell:e=>A(e.verdict)},{label:\"p50\",sort:e=>e.latencyP50Us??null,cell:e=>g(e.latencyP50Us),numeric:!0},{label:\"p95\",sort:e=>e.latencyP95Us??null,cell:e=>g(e.latencyP95Us),numeric:!0},{label:\"p99\",sort:e=>e.latencyP99Us??null,cell:e=>g(e.latencyP99Us),numeric:!0},{label:\"errors\",sort:e=>e.errorRate??null,cell:e=>C(e.errorRate),numeric:!0},{label:\"rate\",sort:e=>e.ratePerMin??null,cell:e=>S(e.ratePerMin),numeric:!0},{label:\"spans / traces\",sort:e=>e.spans,cell:e=>`${k(e.spans)} / ${k(e.traces)}${e.complete?\"\":\" partial\"}`,numeric:!0},{label:\"pinned\",sort:e=>e.pinnedAs??null,cell:e=>e.pinnedAs?o(\"code\",{},e.pinnedAs):\"\"},{label:\"ref\",sort:e=>e.ref??null,cell:e=>e.ref?o(\"code\",{},e.ref):\"\"},{label:\"run\",sort:e=>e.key,cell:e=>D(e.link,e.link?\"open\":\"\\u2014\")}],{caption:`collections of ${t.id}`,sortBy:0,descending:!0})),a}E.queries.length>1&&R.append(o(\"nav\",{label:\"queries\"},o(\"ul\",{},...E.queries.map((t,n)=>o(\"li\",{},A(t.points.at(-1)?.verdict),\" \",D(`#q-${n}`,t.name??t.id))))));E.queries.length===0&&R.append(o(\"p\",{},\"The store holds no collections yet.\"));E.queries.forEach((t,n)=>R.append(z(t,n)));document.body.dataset.ready=\"true\";})();";

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/report/html/document.ts
/**
 * One self-contained HTML page: the charting library, the page's script and its data inline, and a
 * Content-Security-Policy that lets only those exact scripts and styles run (by their SHA-256).
 * Nothing on the page may reach the network: `default-src 'none'`, `connect-src 'none'`, no
 * `unsafe-inline`, no `unsafe-eval`.
 */

/** Untrusted text as HTML text or a quoted attribute value. */
function html(text) {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
/**
 * Data as the body of a `<script type="application/json">` block. JSON.parse reads `\u003c` as `<`,
 * and no `</script`, `<!--` or line separator can appear in the block to end or confuse it.
 */
function jsonBlock(data) {
    // One pass: the data of a large result is ~100 MB of JSON.
    return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c]);
}
const JSON_ESCAPES = {
    '<': '\\u003c',
    '>': '\\u003e',
    '&': '\\u0026',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029',
};
function sha256(text) {
    return `'sha256-${(0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('base64')}'`;
}
/** The Content-Security-Policy of a page holding exactly these scripts and styles. */
function contentSecurityPolicy(scripts, styles) {
    return [
        "default-src 'none'",
        `script-src ${scripts.map(sha256).join(' ')}`,
        `style-src ${styles.map(sha256).join(' ')}`,
        // uPlot draws on canvas; data: images only (none are used today, but a canvas export would need it).
        'img-src data:',
        "connect-src 'none'",
        "font-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
}
function page(parts) {
    // A `</script` inside a script would end it early; the bundles are checked, not trusted blindly.
    for (const s of parts.scripts)
        if (/<\/script/i.test(s))
            throw new Error('an inline script holds </script');
    for (const s of parts.styles)
        if (/<\/style/i.test(s))
            throw new Error('an inline style holds </style');
    const csp = contentSecurityPolicy(parts.scripts, parts.styles);
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${html(csp)}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        `<title>${html(parts.title)}</title>`,
        ...parts.styles.map((s) => `<style>${s}</style>`),
        '</head>',
        '<body>',
        parts.body,
        `<script type="application/json" id="data">${jsonBlock(parts.data)}</script>`,
        ...parts.scripts.map((s) => `<script>${s}</script>`),
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/html/styles.ts
/** The pages' own stylesheet (uPlot's is added beside it). Light and dark, readable printed. */
const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#111827;--muted:#6b7280;--bg:#fff;--line:#e5e7eb;--panel:#f9fafb;--accent:#2563eb;
--fail:#dc2626;--warn:#d97706;--notice:#2563eb;--pass:#059669;--new:#059669;--missing:#dc2626}
@media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--muted:#9ca3af;--bg:#111827;--line:#374151;--panel:#1f2937;--accent:#60a5fa}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header.top{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--panel)}
header.top h1{margin:0 0 4px;font-size:20px}
main{padding:8px 24px 48px;max-width:1400px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px;display:inline-block}
h4{font-size:14px;margin:0 0 6px}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.muted{color:var(--muted)}
.error{color:var(--fail);font-weight:600}
.headline{margin:0;font-size:15px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:var(--muted);vertical-align:middle}
.v-fail,.v-error{background:var(--fail)}.v-warn{background:var(--warn)}.v-notice{background:var(--notice)}.v-pass{background:var(--pass)}
.sev{font-weight:600}.sev.fail{color:var(--fail)}.sev.warn{color:var(--warn)}.sev.notice{color:var(--notice)}
.kind{font-size:11px;text-transform:uppercase;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 4px}
.kv .k{color:var(--muted)}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
table{border-collapse:collapse}
table.data,table.sides,table.tests{font-size:13px}
table.data th,table.data td,table.sides th,table.sides td,table.tests th,table.tests td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
table.data td code{display:inline-block;max-width:48ch;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom}
table.data thead th{position:sticky;top:0;background:var(--bg);z-index:1}
button.sort{font:inherit;font-weight:600;background:none;border:0;color:inherit;cursor:pointer;padding:0}
th[aria-sort=ascending] button.sort::after{content:" ▲"}th[aria-sort=descending] button.sort::after{content:" ▼"}
tr.clickable{cursor:pointer}tr.clickable:hover,tr.clickable:focus{background:var(--panel);outline:none}
.table .scroll{max-height:480px;overflow:auto;border:1px solid var(--line);border-radius:4px}
.tools{margin:4px 0}button.more{margin:4px 0;font:inherit;cursor:pointer}.tools input{font:inherit;padding:3px 6px;width:260px}.shown{margin-left:8px;color:var(--muted)}
details.group{margin:8px 0}details.group>summary{cursor:pointer}
.cards{display:flex;flex-direction:column;gap:12px;margin:10px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--panel)}
.card-row{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.chart{min-width:300px;flex:1 1 560px;max-width:900px}
.side{font-size:13px}
.side-bars{flex:0 1 320px;display:flex;flex-direction:column;gap:10px;padding-top:24px}
.bars-title{font-weight:600;font-size:12px}
.bar{display:grid;grid-template-columns:64px 1fr 80px;gap:6px;align-items:center;font-size:12px}
.bar-track{height:10px;background:var(--line);border-radius:2px;overflow:hidden}
.bar-fill{display:block;height:100%;background:var(--muted)}.bar-fill.current{background:var(--accent)}
.bar-value{text-align:right}
.stats p{margin:4px 0}
.graph{overflow:auto;border:1px solid var(--line);border-radius:4px;max-height:600px}
.graph text{font:11px ui-monospace,monospace;fill:var(--fg)}
.graph rect{fill:var(--panel);stroke:var(--muted)}
.edge{fill:none;stroke:#9ca3af;stroke-width:1.2}
.edge.new{stroke:var(--new);stroke-width:2}.edge.missing{stroke:var(--missing);stroke-dasharray:5 4;stroke-width:2}
.edge.fail{stroke:var(--fail);stroke-width:2.5}.edge.warn{stroke:var(--warn);stroke-width:2}.edge.notice{stroke:var(--notice)}
.edge.undecided{stroke-dasharray:2 3}
.legend .key{margin-right:12px;font-size:12px}.legend .key::before{content:"";display:inline-block;width:18px;height:3px;margin-right:4px;vertical-align:middle;background:#9ca3af}
.edge-new::before{background:var(--new)!important}.edge-missing::before{background:var(--missing)!important}.edge-fail::before{background:var(--fail)!important}.edge-warn::before{background:var(--warn)!important}.edge-notice::before{background:var(--notice)!important}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.u-title{font-size:13px!important;font-weight:600!important}
.u-legend{font-size:12px}
.querytext{margin:0 0 6px}
.points a{margin-right:6px}
`;

;// CONCATENATED MODULE: ./src/report/html/report.ts





/**
 * The report as one self-contained HTML page (`--format html`, `report.html`): the report's JSON is
 * the page's data, and the page's script draws the tables, distributions and the call-edge graph.
 */
function renderHtml(report) {
    const title = `trace-differ ${report.mode}: ${report.verdict}`;
    const body = [
        '<header class="top">',
        `<h1>trace-differ report <span class="badge v-${html(report.verdict)}">${html(report.verdict)}</span></h1>`,
        `<p class="headline">${html(headline(report, PLAIN))}</p>`,
        `<p class="muted">${html(report.mode)} · generated ${html(report.generatedAt)}</p>`,
        '</header>',
        '<main id="app"><noscript>This report draws its tables and charts with JavaScript.</noscript></main>',
    ].join('\n');
    return page({
        title,
        body,
        data: { report, binsPerDecade: BINS_PER_DECADE },
        scripts: [UPLOT_JS, REPORT_JS],
        styles: [UPLOT_CSS, PAGE_CSS],
    });
}

;// CONCATENATED MODULE: ./src/report/html/dashboard.ts



/** The history dashboard as one self-contained HTML page: per query, percentiles, error rate and rate over time. */
function renderDashboard(dashboard) {
    const collections = dashboard.queries.reduce((n, q) => n + q.points.length, 0);
    const body = [
        '<header class="top">',
        `<h1>${html(dashboard.title)}</h1>`,
        `<p class="muted">${dashboard.queries.length} queries, ${collections} collections · generated ${html(dashboard.generatedAt)}</p>`,
        '</header>',
        '<main id="app"><noscript>This dashboard draws its charts with JavaScript.</noscript></main>',
    ].join('\n');
    return page({
        title: dashboard.title,
        body,
        data: dashboard,
        scripts: [UPLOT_JS, DASHBOARD_JS],
        styles: [UPLOT_CSS, PAGE_CSS],
    });
}

;// CONCATENATED MODULE: ./src/report/html/index.ts
/** HTML renderers: pure, data in and one self-contained page out. */




;// CONCATENATED MODULE: ./src/report/calls.ts


/** `key\0value`: the identity of a row. */
function rowId(key, value) {
    return `${key}\u0000${value}`;
}
/** Per-value trace counts, when the diff gives them (trace-level statistics); spans otherwise. */
function sampleSize(v) {
    const b = v.baseline.traces;
    const c = v.current.traces;
    if (b !== undefined && c !== undefined)
        return { baseline: b, current: c, unit: 'traces' };
    return { baseline: v.baseline.occurrence, current: v.current.occurrence, unit: 'spans' };
}
function isTraffic(f) {
    return f.metric === 'rate' || f.metric === 'occurrence';
}
/** The relative or absolute change a rule level measures. */
function measured(kind, base, cur) {
    if (kind === 'absolute')
        return cur - base;
    return base === 0 ? (cur === 0 ? 0 : Infinity * Math.sign(cur - base)) : (cur - base) / base;
}
/**
 * The calls of every row of a result. `rules` are the query's threshold rules (carried by the
 * outcome; a result read back from an older report has none, and then only the diff's own
 * findings, improvements and traffic are called). `significance` is the query's level.
 */
function callsOf(result, rules, significance) {
    const rows = new Map();
    const row = (key, value) => {
        const id = rowId(key, value);
        let r = rows.get(id);
        if (!r)
            rows.set(id, (r = { key, value, calls: [] }));
        return r;
    };
    // Only the values named by a finding, an improvement or a traffic shift are looked up (a few), so
    // the values of a result (a million spans give ~150k call edges) are walked without a key made for each.
    const named = new Map();
    for (const f of [...result.findings, ...result.improvements, ...(result.traffic ?? [])]) {
        let values = named.get(f.key);
        if (!values)
            named.set(f.key, (values = new Set()));
        values.add(f.value);
    }
    const changed = new Map();
    // New and missing values have one side: n is that side's, 0 on the other.
    const oneSided = new Map();
    const sides = [...result.groups, { ...result.edges, key: 'edge' }];
    for (const g of sides) {
        const values = named.get(g.key);
        if (!values)
            continue;
        for (const v of g.changed)
            if (values.has(v.value))
                changed.set(rowId(g.key, v.value), v);
        for (const v of g.new) {
            if (!values.has(v.value))
                continue;
            const t = v.current.traces;
            oneSided.set(rowId(g.key, v.value), {
                baseline: 0,
                current: t ?? v.current.occurrence,
                unit: t === undefined ? 'spans' : 'traces',
            });
        }
        for (const v of g.missing) {
            if (!values.has(v.value))
                continue;
            const t = v.baseline.traces;
            oneSided.set(rowId(g.key, v.value), {
                baseline: t ?? v.baseline.occurrence,
                current: 0,
                unit: t === undefined ? 'spans' : 'traces',
            });
        }
    }
    const listed = (f, kind) => {
        const v = changed.get(rowId(f.key, f.value));
        const metric = f.metric;
        const q = v && metric !== 'new' && metric !== 'missing' ? (0,vocabulary/* qOfMetric */.dm)(v.qValue, metric) : undefined;
        row(f.key, f.value).calls.push({
            kind,
            metric,
            finding: f,
            q: q ?? f.pValue ?? undefined,
            n: v ? sampleSize(v) : oneSided.get(rowId(f.key, f.value)),
            up: f.current === f.baseline ? undefined : (f.current ?? 0) > (f.baseline ?? 0),
        });
    };
    for (const f of result.findings)
        listed(f, 'finding');
    // Results written before the diff listed traffic apart carry it among the improvements.
    for (const f of result.improvements)
        listed(f, isTraffic(f) ? 'traffic' : 'improvement');
    for (const f of result.traffic ?? [])
        listed(f, 'traffic');
    // Call edges are judged only where a callee has several callers, and have no value table: only groups here.
    for (const g of result.groups)
        for (const v of g.changed)
            unproven(g.key, v);
    function unproven(key, v) {
        // The findings of the value (the calls added below are not findings).
        const made = rows.get(rowId(key, v.value))?.calls;
        for (const rule of rules ?? []) {
            if (made?.some((c) => c.metric === rule.metric && c.kind === 'finding'))
                continue;
            const base = metricValue(v.baseline, rule.metric);
            const cur = metricValue(v.current, rule.metric);
            const mildest = rule.levels[rule.levels.length - 1];
            if (!mildest || !crosses(measured(mildest.change.kind, base, cur), mildest.change.amount))
                continue;
            const q = (0,vocabulary/* qOfMetric */.dm)(v.qValue, rule.metric);
            const why = v.enoughData === false ? 'too-few' : q === undefined || q > significance ? 'not-significant' : 'interval';
            row(key, v.value).calls.push({
                kind: 'unproven',
                metric: rule.metric,
                why,
                change: describeChange(rule.metric, base, cur, mildest.change.kind),
                rule: rule.text,
                q,
                n: sampleSize(v),
                up: cur > base,
                interval: intervalOf(v, rule.metric),
            });
        }
    }
    return rows;
}
function intervalOf(v, metric) {
    const i = v.intervals?.[metric];
    return i ? { low: i.relativeLow, high: i.relativeHigh, confidence: i.confidence } : undefined;
}
/** The most severe finding of a row's calls, if any. */
function worstFinding(calls) {
    let worst;
    for (const c of calls)
        if (c.kind === 'finding' && (!worst || (0,vocabulary/* severityRank */.qs)(c.finding.severity) > (0,vocabulary/* severityRank */.qs)(worst.severity)))
            worst = c.finding;
    return worst;
}
function columnOf(metric) {
    if (metric === 'rate' || metric === 'occurrence')
        return 'count';
    if (metric === 'error-rate' || metric === 'latency.avg' || metric === 'latency.p95')
        return metric;
    return undefined;
}
/** ▲ or ▼ on a column: the direction of the finding, improvement or traffic shift made on its metric. */
function marker(calls, column) {
    const c = calls.find((x) => x.kind !== 'unproven' && columnOf(x.metric) === column && x.up !== undefined);
    return c ? (c.up ? ' ▲' : ' ▼') : '';
}

;// CONCATENATED MODULE: ./src/report/none.ts

/**
 * Whether a value is the one of the spans that lack its key, `(none)`, or (for a combined key,
 * `service+customer`) has such a part.
 */
function hasNone(key, value) {
    return value === vocabulary/* NONE */.x3 || (key.includes('+') && value.split(vocabulary/* PART_SEPARATOR */.eo).includes(vocabulary/* NONE */.x3));
}
/**
 * What `(none)` means, said once under the values of a key that show it, in every rendering: the
 * text in parts, with the key and `(none)` as `value` writes a value there (a code span, a DOM node).
 */
function noneNote(key, value) {
    return key.includes('+')
        ? [
            'A ',
            value(vocabulary/* NONE */.x3),
            ' part stands for the spans that have no value for that part of ',
            value(key),
            ', counted together.',
        ]
        : [value(vocabulary/* NONE */.x3), ' stands for the spans that have no ', value(key), ' value, counted together as one value.'];
}

;// CONCATENATED MODULE: ./src/report/markdown.ts







/** What a query's section says when its tier left something out (tier 0 keeps the verdict and the failing and warning findings). */
const CUT = {
    4: '',
    3: 'the values without findings and the undecided values were left out',
    2: 'the improvements, traffic, trends, call edges and values without findings were left out',
    1: 'only the findings and what was compared are shown',
    0: 'only the failing and warning findings are shown',
};
/**
 * The renderings tried, richest first; each shows a part of the one before, so the first that fits
 * is found by bisection (a few renderings, not one per budget, for a report of 5,000 values).
 */
const BUDGETS = [
    { tier: 4, rows: Infinity },
    { tier: 3, rows: Infinity },
    { tier: 2, rows: Infinity },
    { tier: 2, rows: 200 },
    { tier: 1, rows: 200 },
    { tier: 1, rows: 50 },
    { tier: 0, rows: 50 },
    { tier: 0, rows: 20 },
    { tier: 0, rows: 5 },
    { tier: 0, rows: 1 },
];
const SEVERITY_MARK = { fail: '❌ fail', warn: '⚠️ warn', notice: 'ℹ️ notice' };
const MOST_SEVERE_FIRST = vocabulary/* SEVERITY_ORDER */.B.filter((s) => s !== 'ignore').reverse();
const DEFAULT_SIGNIFICANCE = 0.01;
function markdown_plural(n, word) {
    return `${format_count(n)} ${word}${n === 1 ? '' : 's'}`;
}
function pp(before, after) {
    const d = (after - before) * 100;
    // Two decimals below 0.1pp, so a visible 0.5% → 0.6% never reads +0.0pp.
    return `${d > 0 ? '+' : ''}${d.toFixed(Math.abs(d) < 0.1 ? 2 : 1)}pp`;
}
function minutes(m) {
    return m >= 120 ? `${Number((m / 60).toFixed(1))} h` : `${Math.round(m)} min`;
}
/** Counts are compared per minute when the two sides cover windows of different length (a pooled baseline). */
function perMinute(r) {
    const b = r.baseline?.windowMinutes;
    const c = r.current.windowMinutes;
    return b !== undefined && c !== undefined && Math.abs(b - c) > 0.01 * Math.max(b, c);
}
function markdown_side(s, label, mixed = false) {
    if (!s)
        return [label, '(none yet)', '', '', ''];
    const link = s.uiLink ? safeUrl(s.uiLink) : undefined;
    const id = s.snapshotId ? code(s.snapshotId, 80) : '';
    const snapshot = s.snapshotId ? (link ? `[${id}](${link})` : id) : '—';
    const coverage = `${percent(s.coverage, 0)}${s.complete ? '' : ' ⚠️ partial'}`;
    const pooled = s.pooled ? ` (${s.pooled} pooled)` : '';
    const window = s.windowMinutes ? `, ${minutes(s.windowMinutes)} window` : '';
    const time = (iso) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    // A file's spans have their own time; when it was read says nothing about them.
    const when = s.spansFrom && s.spansTo
        ? `spans ${time(s.spansFrom)} – ${time(s.spansTo)}`
        : `${mixed ? 'collected ' : ''}${time(s.collectedAt)}`;
    return [label + pooled, snapshot, `${when}${window}`, `${format_count(s.spans)} / ${format_count(s.traces)}`, coverage];
}
function comparedTable(r) {
    const collected = !r.current.spansFrom && !r.baseline?.spansFrom;
    const rows = [markdown_side(r.baseline, 'baseline', !collected), markdown_side(r.current, 'current', !collected)];
    const table = [
        `| | snapshot | ${collected ? 'collected' : 'time'} | spans / traces | coverage |`,
        '| --- | --- | --- | --- | --- |',
        ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ].join('\n');
    if (!perMinute(r))
        return table;
    const b = r.baseline;
    const pooled = b.pooled && b.pooled > 1 ? ` (${b.pooled} collections pooled)` : '';
    return `${table}\n\nThe windows differ — the baseline covers ${minutes(b.windowMinutes)}${pooled}, the current ${minutes(r.current.windowMinutes)} — so span counts below are compared **per minute**.`;
}
function keyLabel(key) {
    return key === 'edge' ? 'call edge' : code(key, 80);
}
/** `n = 227 → 212 traces`: the sample behind a test. */
function sample(n) {
    if (!n)
        return '';
    return `${format_count(n.baseline)} → ${format_count(n.current)} ${n.unit}`;
}
/** What a change past a threshold that made no finding is: not significant, too few spans, or short of its level. */
function unprovenText(c, metricLabel, qText = pValue) {
    const what = `${metricLabel(c.metric)} ${c.change}`;
    const stats = [
        c.q !== undefined ? `q = ${qText(c.q)}` : undefined,
        c.interval ? markdown_intervalText(c.interval) : undefined,
        c.n ? `n = ${sample(c.n)}` : undefined,
    ]
        .filter(Boolean)
        .join(', ');
    const why = c.why === 'too-few'
        ? `too few ${c.n?.unit ?? 'spans'} to test`
        : c.why === 'not-significant'
            ? 'not significant'
            : 'significant, but the evidence does not reach the threshold';
    return `${what}: ${why}${stats ? ` (${stats})` : ''}`;
}
/** `95% interval +3% … +40%`: how sure, for a relative change; `?` where the data do not bound it. */
function markdown_intervalText(i) {
    const bound = (x) => (x === null ? '?' : `${x >= 0 ? '+' : ''}${Math.round(x * 100)}%`);
    return `${Math.round(i.confidence * 100)}% interval ${bound(i.low)} … ${bound(i.high)}`;
}
function metricLabel(m) {
    return m.replace('latency.', '');
}
/** Findings of one keyed value together, in the order of the value's most impactful finding. */
function byValue(findings) {
    const rows = new Map();
    for (const f of findings) {
        const id = rowId(f.key, f.value);
        rows.set(id, [...(rows.get(id) ?? []), f]);
    }
    return [...rows.values()];
}
function findingsTable(findings, calls, limit) {
    const groups = byValue(findings);
    const rows = groups.slice(0, limit).map((fs) => {
        const worst = fs[0];
        const n = calls.get(rowId(worst.key, worst.value))?.calls.find((c) => c.n)?.n;
        const cells = [
            SEVERITY_MARK[worst.severity],
            keyLabel(worst.key),
            code(worst.value),
            fs.map((f) => findingNumbers(f) + howSure(f)).join('<br>'),
            // One q when they agree (the usual <0.0001), else one per change.
            [...new Set(fs.map((f) => pValue(f.pValue) || '—'))].length === 1
                ? pValue(worst.pValue) || '—'
                : fs.map((f) => pValue(f.pValue) || '—').join('<br>'),
            n ? sample(n) : '—',
            fs.map((f) => code(f.rule, 80)).join('<br>'),
        ];
        return `| ${cells.join(' | ')} |`;
    });
    const more = groups.length > limit ? `\n\n…and ${groups.length - limit} more (see the full report).` : '';
    return (['| severity | key | value | change | q | n | rule |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + more);
}
/** A significant change in the direction a rule calls good: latency or errors down. */
function improvementsTable(improvements, limit) {
    const rows = improvements
        .slice(0, limit)
        .map((f) => `| ${keyLabel(f.key)} | ${code(f.value)} | ${findingNumbers(f)} | ${pValue(f.pValue)} |`);
    const more = improvements.length > limit ? `\n\n…and ${improvements.length - limit} more.` : '';
    return ['| key | value | change | q |', '| --- | --- | --- | --- |', ...rows].join('\n') + more;
}
/**
 * Traffic that moved a lot, in the direction no rule judges (the rate rule watches for drops).
 * More traffic is not better service, so it is context, not an improvement. The list is the
 * `traffic` calls, the same that put ▲ ▼ on the count column.
 */
function trafficList(calls, limit) {
    const changes = [...calls.values()].flatMap((r) => r.calls.filter((c) => c.kind === 'traffic').map((c) => c.finding));
    if (changes.length === 0)
        return '';
    const lines = changes.slice(0, limit).map((f) => {
        const rose = (f.current ?? 0) > (f.baseline ?? 0);
        return `- ${keyValue(f.key, f.value, MARKDOWN)}: ${rose ? 'up' : 'down'} ${f.change.replace(/^[+-]/, '')} (${range(headline_metricValue(f.metric, f.baseline), headline_metricValue(f.metric, f.current))})`;
    });
    if (changes.length > limit)
        lines.push(`- …and ${changes.length - limit} more`);
    return `#### Traffic\n\nSignificant shifts in the direction no rule judges, for context:\n\n${lines.join('\n')}`;
}
function beforeAfter(before, after, change) {
    return before === after ? before : `${range(before, after)} (${change})`;
}
function markdown_rate(x) {
    return x >= 100 ? String(Math.round(x)) : x.toFixed(1);
}
/** The last cell of a value row: the finding and its metrics, and every change past a threshold that made none. */
function statusCell(calls, v) {
    if (calls.length === 0)
        return v.enoughData === false ? 'few spans' : '';
    const parts = [];
    const worst = worstFinding(calls);
    // Each severity with its metrics, most severe first: a fail on p95 beside a notice on avg (its interval
    // not yet past the level) must not read as a fail of both.
    if (worst)
        for (const severity of MOST_SEVERE_FIRST) {
            const metrics = [
                ...new Set(calls
                    .filter((c) => c.kind === 'finding' && c.finding.severity === severity)
                    .map((c) => metricLabel(c.metric))),
            ];
            if (metrics.length)
                parts.push(`${SEVERITY_MARK[severity]} (${metrics.join(', ')})`);
        }
    for (const c of calls)
        if (c.kind === 'unproven')
            parts.push(md(unprovenText(c, metricLabel)));
    if (!worst) {
        const better = calls.filter((c) => c.kind === 'improvement').map((c) => metricLabel(c.metric));
        const traffic = calls.filter((c) => c.kind === 'traffic').map((c) => metricLabel(c.metric));
        if (better.length)
            parts.push(`improved (${[...new Set(better)].join(', ')})`);
        if (traffic.length)
            parts.push(`traffic (${[...new Set(traffic)].join(', ')})`);
    }
    if (parts.length === 0 && v.enoughData === false)
        parts.push('few spans');
    return parts.join('<br>');
}
function valueRow(v, calls, perMin) {
    const b = v.baseline;
    const c = v.current;
    const counts = perMin
        ? beforeAfter(markdown_rate(b.ratePerMin), markdown_rate(c.ratePerMin), signedPercent(b.ratePerMin, c.ratePerMin))
        : beforeAfter(format_count(b.occurrence), format_count(c.occurrence), signedPercent(b.occurrence, c.occurrence));
    return [
        code(v.value),
        counts + marker(calls, 'count'),
        beforeAfter(percent(b.errorRate), percent(c.errorRate), pp(b.errorRate, c.errorRate)) + marker(calls, 'error-rate'),
        beforeAfter(duration(b.latencyUs.avg), duration(c.latencyUs.avg), signedPercent(b.latencyUs.avg, c.latencyUs.avg)) +
            marker(calls, 'latency.avg'),
        beforeAfter(duration(b.latencyUs.p95), duration(c.latencyUs.p95), signedPercent(b.latencyUs.p95, c.latencyUs.p95)) +
            marker(calls, 'latency.p95'),
        statusCell(calls, v),
    ].join(' | ');
}
function valueHeader(perMin) {
    return `| value | ${perMin ? 'spans/min' : 'spans'} | error % | avg | p95 | statistics |\n| --- | --- | --- | --- | --- | --- |`;
}
function statsLine(s) {
    if (!s)
        return '';
    return `${format_count(s.occurrence)} spans, ${percent(s.errorRate)} errors, p95 ${duration(s.latencyUs.p95)}`;
}
function undecidedList(items, limit) {
    const lines = items.slice(0, limit).map((u) => {
        const why = u.reason === 'partial-coverage' ? 'the other side is a partial snapshot' : 'too little traffic to tell';
        const where = u.side === 'baseline-only' ? 'only in the baseline' : 'only in the current';
        return `- ${code(u.value, 200, 'inline')}: ${where} (${statsLine(u.baseline ?? u.current)}); ${why}`;
    });
    if (items.length > limit)
        lines.push(`- …and ${items.length - limit} more`);
    return lines.join('\n');
}
function limited(items, limit, line) {
    const lines = items.slice(0, limit).map(line);
    if (items.length > limit)
        lines.push(`- …and ${items.length - limit} more`);
    return lines.join('\n');
}
/** Rank of a row: its worst finding's severity and impact, then rows with a change that made no finding. */
function rowOrder(calls) {
    const f = worstFinding(calls);
    if (f)
        return [3, ['notice', 'warn', 'fail'].indexOf(f.severity), Math.max(...calls.map((c) => c.finding?.impact ?? 0))];
    return [calls.some((c) => c.kind === 'unproven') ? 1 : 0, 0, 0];
}
function compareRows(a, b) {
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return b[i] - a[i];
    return 0;
}
/** A group's rows, hot (a finding or a change past a threshold, in order of importance) and quiet. */
function groupRows(g, calls) {
    const hot = [];
    const quiet = [];
    for (const v of g.changed) {
        const of = calls.get(rowId(g.key, v.value))?.calls ?? [];
        if (of.some((c) => c.kind === 'finding' || c.kind === 'unproven'))
            hot.push({ v, calls: of, order: rowOrder(of) });
        else
            quiet.push({ v, calls: of });
    }
    hot.sort((a, b) => compareRows(a.order, b.order));
    return { hot, quiet };
}
function groupSection(g, o, budget, perMin) {
    const out = [];
    const calls = outcomeCalls(o);
    const of = (value) => calls.get(rowId(g.key, value))?.calls ?? [];
    // A cut report renders a group at several budgets, and the action renders the report for its file before
    // the job summary: the rows, their order and their text are made once per outcome.
    let made = ROWS.get(o);
    if (!made)
        ROWS.set(o, (made = { groups: new Map(), texts: new Map() }));
    let rows = made.groups.get(g);
    if (!rows)
        made.groups.set(g, (rows = groupRows(g, calls)));
    const texts = made.texts;
    const line = (r) => {
        let text = texts.get(r.v);
        if (text === undefined)
            texts.set(r.v, (text = `| ${valueRow(r.v, r.calls, perMin)} |`));
        return text;
    };
    const { hot, quiet } = rows;
    const header = valueHeader(perMin);
    out.push(`#### ${code(g.key, 80, 'inline')}`);
    if (hot.length) {
        const rows = hot.slice(0, budget.rows).map(line);
        const more = hot.length > budget.rows ? `\n\n…and ${hot.length - budget.rows} more values past a threshold.` : '';
        out.push(`${header}\n${rows.join('\n')}${more}`);
    }
    if (quiet.length && budget.tier >= 4) {
        const rows = quiet.slice(0, budget.rows).map(line);
        const more = quiet.length > budget.rows ? `\n\n…and ${quiet.length - budget.rows} more.` : '';
        out.push(`<details><summary>${markdown_plural(quiet.length, 'value')} with no change past a threshold</summary>\n\n${header}\n${rows.join('\n')}${more}\n\n</details>`);
    }
    else if (quiet.length) {
        out.push(`${markdown_plural(quiet.length, 'value')} with no change past a threshold (not shown).`);
    }
    const severityOf = (value) => {
        const f = worstFinding(of(value));
        return f ? ` (${SEVERITY_MARK[f.severity]})` : '';
    };
    const inline = (v) => code(v.value, 200, 'inline');
    if (g.new.length)
        out.push(`**New** (not in the baseline):\n${limited(g.new, budget.rows, (v) => `- ${inline(v)}: ${statsLine(v.current)}${severityOf(v.value)}`)}`);
    if (g.missing.length)
        out.push(`**Missing** (gone since the baseline):\n${limited(g.missing, budget.rows, (v) => `- ${inline(v)}: had ${statsLine(v.baseline)}${severityOf(v.value)}`)}`);
    if (g.undecided.length && budget.tier >= 4)
        out.push(`<details><summary>${markdown_plural(g.undecided.length, 'value')} seen on one side only, undecided</summary>\n\n${undecidedList(g.undecided, budget.rows)}\n\n</details>`);
    const showsNone = (values) => values.slice(0, budget.rows).some((v) => hasNone(g.key, v.value));
    const all = budget.tier >= 4;
    if (showsNone(hot.map((r) => r.v)) ||
        (all && showsNone(quiet.map((r) => r.v))) ||
        showsNone(g.new) ||
        showsNone(g.missing) ||
        (all && showsNone(g.undecided)))
        out.push(noneNote(g.key, (text) => code(text, 80, 'inline')).join(''));
    return out.join('\n\n');
}
/** New and missing call edges, and edges with findings labelled with their change, as a Mermaid graph. */
function edgesSection(r, limit) {
    const e = r.edges;
    const edgeFindings = new Map();
    for (const f of r.findings)
        if (f.key === 'edge' && f.metric !== 'new' && f.metric !== 'missing' && !edgeFindings.has(f.value))
            edgeFindings.set(f.value, f);
    if (e.new.length === 0 && e.missing.length === 0 && edgeFindings.size === 0)
        return '';
    const ids = new Map();
    const id = (node) => {
        if (!ids.has(node))
            ids.set(node, `n${ids.size}`);
        return ids.get(node);
    };
    const lines = ['```mermaid', 'graph LR'];
    const edge = (value, style) => {
        // `caller -> callee`: a name that holds ' -> ' itself leaves no telling where the caller ends, and a
        // guess would draw an edge nobody made. Such an edge is drawn as one node, labelled with all of it.
        const parts = value.split(' -> ');
        if (parts.length !== 2) {
            lines.push(`  ${id(value)}["${mermaidLabel(value, 120)}"]`);
            return;
        }
        const [from, to] = parts;
        lines.push(`  ${id(from)}["${mermaidLabel(from)}"] ${style} ${id(to)}["${mermaidLabel(to)}"]`);
    };
    const LIMIT = Math.min(30, limit);
    for (const v of e.new.slice(0, LIMIT))
        edge(v.value, '==>|new|');
    for (const v of e.missing.slice(0, LIMIT))
        edge(v.value, '-.->|missing|');
    for (const [value, f] of [...edgeFindings].slice(0, LIMIT))
        edge(value, `-->|"${mermaidLabel(`${f.metric.replace('latency.', '')} ${f.change}`, 40)}"|`);
    lines.push('```');
    const left = Math.max(0, e.new.length - LIMIT) + Math.max(0, e.missing.length - LIMIT) + Math.max(0, edgeFindings.size - LIMIT);
    const more = left ? `\n\n…and ${left} more edges (see the full report).` : '';
    return `#### Call edges\n\n${lines.join('\n')}${more}`;
}
function trend(outcome) {
    const h = (outcome.history ?? []).slice(0, 12).reverse();
    if (h.length < 2)
        return '';
    const p95 = h.map((e) => e.latencyP95Us).filter((v) => v !== undefined);
    const errors = h.map((e) => e.errorRate).filter((v) => v !== undefined);
    const parts = [];
    if (p95.length >= 2)
        parts.push(`p95 ${sparkline(p95)} ${range(duration(p95[0]), duration(p95.at(-1)))}`);
    if (errors.length >= 2)
        parts.push(`errors ${range(percent(errors[0]), percent(errors.at(-1)))}`);
    parts.push(`verdicts ${h.map((e) => (e.verdict ? (EMOJI[e.verdict] ?? '·') : '·')).join('')}`);
    return `**Trend** over the last ${h.length} collections, oldest first: ${parts.join(' · ')}`;
}
/** The calls of a query's result: one decision for the findings, the row marks, the last cells and the Traffic list. */
function outcomeCalls(o) {
    // A cut report is rendered several times over: the calls are made once per outcome.
    let calls = CALLS.get(o);
    if (!calls)
        CALLS.set(o, (calls = callsOf(o.result, o.rules, o.significance ?? DEFAULT_SIGNIFICANCE)));
    return calls;
}
const CALLS = new WeakMap();
// The rows of an outcome's groups and their text, made from its calls: once per outcome, as they are.
const ROWS = new WeakMap();
function querySection(o, budget) {
    const out = [];
    // A diff of two files without a config has no query text: its name says what was compared.
    const queryText = o.query.query.trim() ? ` · ${code(o.query.query, 160, 'inline')}` : '';
    out.push(`### ${o.result ? EMOJI[o.result.verdict] : '⚠️'} ${md(o.query.name)}${queryText}`);
    if (o.error) {
        // An error is a message and, on its own indented line, the fix: kept on one line here.
        out.push(`This query could not be diffed: ${md(o.error.replace(/\s*\n\s*/g, ' — '), 500)}`);
        return out.join('\n\n');
    }
    const r = o.result;
    const calls = outcomeCalls(o);
    const cut = leftOut(budget);
    if (cut)
        out.push(`*✂️ Shortened: ${cut}.*`);
    if (budget.tier >= 1) {
        for (const w of o.warnings)
            out.push(`> ⚠️ ${md(w, 400)}`);
        out.push(comparedTable(r));
    }
    if (r.reason)
        out.push(md(r.reason, 300));
    if (budget.tier >= 3) {
        const t = trend(o);
        if (t)
            out.push(t);
    }
    const findings = ranked(r.findings);
    const shown = budget.tier === 0 ? findings.filter((f) => f.severity !== 'notice') : findings;
    if (shown.length)
        out.push(`#### Findings\n\n${findingsTable(shown, calls, budget.rows)}`);
    if (shown.length < findings.length)
        out.push(`${markdown_plural(findings.length - shown.length, 'notice')} (see the full report).`);
    else if (findings.length === 0 && r.baseline)
        out.push('No findings: no change crossed a threshold with statistical significance.');
    if (budget.tier >= 3) {
        const better = r.improvements.filter((f) => f.metric !== 'rate' && f.metric !== 'occurrence');
        if (better.length)
            out.push(`#### Improvements\n\n${improvementsTable(better, Math.min(10, budget.rows))}`);
        const traffic = trafficList(calls, Math.min(10, budget.rows));
        if (traffic)
            out.push(traffic);
    }
    if (budget.tier >= 2) {
        const perMin = perMinute(r);
        for (const g of r.groups)
            out.push(groupSection(g, o, budget, perMin));
    }
    if (budget.tier >= 3) {
        const edges = edgesSection(r, budget.rows);
        if (edges)
            out.push(edges);
    }
    return out.join('\n\n');
}
function legend(report) {
    const significance = report.outcomes.find((o) => o.significance !== undefined)?.significance;
    const level = significance ?? DEFAULT_SIGNIFICANCE;
    // Inside an HTML block GitHub renders no markdown: emphasis is written as tags.
    return [
        '<sub>',
        `A <strong>finding</strong> is a change past its threshold in the bad direction that is statistically significant (q ≤ ${level};`,
        'q is the p-value adjusted for the number of tests, Benjamini-Hochberg) with at least min-samples on both sides.',
        'It warns or fails only when its confidence interval lies past the threshold too; while only its estimate does, it',
        'is a notice, “not yet established”. A change past its threshold that made no finding says why: “not significant”',
        '(its q, and n: the traces, or spans, on each side), or “too few traces”. ▲ ▼ mark the metric of a finding, an',
        'improvement or a traffic shift, in the direction it moved; the folded values crossed no threshold in the bad',
        'direction. <strong>Undecided</strong>: a value seen on one',
        'side only, but too rarely (or against a partial snapshot) to call it new or missing. Latencies are per span.',
        '</sub>',
    ].join('\n');
}
/** What a budget leaves out of a query, or '' when nothing. */
function leftOut(budget) {
    const what = [CUT[budget.tier]];
    if (budget.rows < Infinity)
        what.push(`tables show their first ${markdown_plural(budget.rows, 'row')}`);
    return what.filter(Boolean).join('; ');
}
/** The note at the top of a cut report: how it was cut, and where the whole report is. */
function cutNote(links, hint) {
    return ("> ✂️ This report was shortened to fit GitHub's size limit: the least important parts went first, and the most " +
        `severe queries kept the most (each says what it left out).${where(links, hint)}`);
}
function where(links, hint) {
    const to = [
        links?.summary && safeUrl(links.summary) ? `[the job summary](${safeUrl(links.summary)})` : undefined,
        links?.artifact && safeUrl(links.artifact) ? `[the report artifact](${safeUrl(links.artifact)})` : undefined,
    ].filter(Boolean);
    if (to.length)
        return ` The full report is in ${to.join(' and ')}.`;
    return hint ? ` The full report is in ${md(hint, 300)}.` : '';
}
function part(text) {
    return { text, chars: text.length, bytes: Buffer.byteLength(text, 'utf8') };
}
/**
 * The markdown report: the verdict first, then per query (most severe first) what was compared,
 * the findings ranked by severity and impact, per key the table of values, new / missing /
 * undecided values and call edges. When `maxChars` or `maxBytes` is given and the report is
 * larger, each query gets the richest budget that still fits, the most important query first (a
 * less important one is cut further so that a failing one keeps its tables); the report says
 * what was cut and links to the whole.
 */
function renderMarkdown(report, options = {}) {
    const maxChars = options.maxChars ?? Infinity;
    const maxBytes = options.maxBytes ?? Infinity;
    const outcomes = byImportance(report.outcomes);
    const head = `## ${headline(report)}`;
    const tail = legend(report);
    const whole = outcomes.map((o) => querySection(o, BUDGETS[0]));
    const full = `${[head, ...whole, tail].join('\n\n')}\n`;
    if (full.length <= maxChars && (maxBytes === Infinity || Buffer.byteLength(full, 'utf8') <= maxBytes))
        return full;
    // Sections are rendered once per budget they are tried at; a query's size only shrinks down the chain.
    const fixed = part(`${[head, cutNote(options.links, options.fullReportHint ?? report.fullReportHint), tail].join('\n\n')}\n`);
    const cache = outcomes.map(() => new Map());
    const section = (i, b) => {
        let p = cache[i].get(b);
        if (!p)
            cache[i].set(b, (p = part(b === 0 ? whole[i] : querySection(outcomes[i], BUDGETS[b]))));
        return p;
    };
    const last = BUDGETS.length - 1;
    const budgets = outcomes.map(() => last);
    const fits = () => {
        let chars = fixed.chars;
        let bytes = fixed.bytes;
        budgets.forEach((b, i) => {
            const p = section(i, b);
            chars += p.chars + 2; // the blank line before it
            bytes += p.bytes + 2;
        });
        return chars <= maxChars && bytes <= maxBytes;
    };
    const assemble = () => {
        const [first, note, legendText] = [
            head,
            cutNote(options.links, options.fullReportHint ?? report.fullReportHint),
            tail,
        ];
        return `${[first, note, ...budgets.map((b, i) => section(i, b).text), legendText].join('\n\n')}\n`;
    };
    if (fits()) {
        for (let i = 0; i < outcomes.length; i++) {
            // The richest budget of this query that fits with the queries after it at their poorest.
            let lo = 0;
            let hi = last;
            while (lo < hi) {
                const mid = Math.floor((lo + hi) / 2);
                budgets[i] = mid;
                if (fits())
                    hi = mid;
                else
                    lo = mid + 1;
            }
            budgets[i] = hi;
        }
        return assemble();
    }
    // Still too large (hundreds of queries, most severe first): whole lines from the top, then a closing note.
    const lines = assemble().split('\n');
    const note = `\n\n> ✂️ …cut here to fit GitHub's size limit.${where(options.links, options.fullReportHint ?? report.fullReportHint) || ' See the full report.'}\n`;
    const fitsText = (text) => text.length <= maxChars && (maxBytes === Infinity || Buffer.byteLength(text, 'utf8') <= maxBytes);
    let keep = 0;
    let top = lines.length;
    while (keep < top) {
        const mid = Math.ceil((keep + top) / 2);
        if (fitsText(lines.slice(0, mid).join('\n') + note))
            keep = mid;
        else
            top = mid - 1;
    }
    return lines.slice(0, keep).join('\n') + note;
}

;// CONCATENATED MODULE: ./src/report/text.ts







// Control characters from span text would move the cursor or clear the terminal.
const plain = plainText;
function text_name(f) {
    return plain(keyValue(f.key, f.value, PLAIN));
}
/** One line per key whose `(none)` the lines show, saying what it means. */
function noneNotes(shown) {
    const keys = new Set(shown.filter((v) => hasNone(v.key, v.value)).map((v) => v.key));
    return [...keys].map((key) => `  note: ${noneNote(key, plain).join('')}`);
}
function text_sample(n) {
    return n ? `, n = ${format_count(n.baseline)} → ${format_count(n.current)} ${n.unit}` : '';
}
/** `q <0.0001, n = 569 → 562 spans`: the statistics behind a line, as the markdown's q and n columns. */
function statistics(fs, row) {
    const qs = [...new Set(fs.map((f) => pValue(f.pValue)).filter(Boolean))];
    const q = qs.length ? `q ${qs.join('/')}` : '';
    const n = row?.calls.find((c) => c.n)?.n;
    return q || n ? `  (${q}${q ? text_sample(n) : text_sample(n).slice(2)})` : '';
}
/**
 * Plain text for a terminal, with the markdown's content: the headline, and per query (most severe
 * first) what was compared, the findings with their q and n, the changes past a threshold that made
 * no finding, improvements and traffic.
 */
function renderText(report) {
    const lines = [plain(headline(report, PLAIN)), ''];
    for (const o of byImportance(report.outcomes)) {
        const query = o.query.query.trim() ? `: ${plain(o.query.query)}` : '';
        const id = o.query.id !== o.query.name ? ` (${plain(o.query.id)})` : '';
        lines.push(`${plain(o.query.name)}${id}${query}`);
        if (o.error) {
            lines.push(`  could not be diffed: ${plain(o.error)}`, '');
            continue;
        }
        const r = o.result;
        for (const w of o.warnings)
            lines.push(`  warning: ${plain(w)}`);
        const b = r.baseline;
        const window = (m) => (m ? `, ${Math.round(m)} min window` : '');
        const pooled = b?.pooled && b.pooled > 1 ? `, ${b.pooled} pooled` : '';
        lines.push(`  baseline: ${b ? `${format_count(b.spans)} spans, ${format_count(b.traces)} traces, coverage ${percent(b.coverage, 0)}${window(b.windowMinutes)}${pooled}` : 'none yet'}`);
        lines.push(`  current:  ${format_count(r.current.spans)} spans, ${format_count(r.current.traces)} traces, coverage ${percent(r.current.coverage, 0)}${window(r.current.windowMinutes)}`);
        if (perMinute(r))
            lines.push('  (the windows differ: counts are compared per minute)');
        lines.push(`  verdict:  ${r.verdict}${r.reason ? ` (${plain(r.reason)})` : ''}`);
        const calls = outcomeCalls(o);
        const shown = [];
        // One line per value, its changes together, in the order of its most severe, most impactful finding.
        const byValue = new Map();
        for (const f of ranked(r.findings)) {
            const id = rowId(f.key, f.value);
            byValue.set(id, [...(byValue.get(id) ?? []), f]);
        }
        for (const [id, fs] of byValue) {
            const f = fs[0];
            shown.push(f);
            lines.push(`  ${f.severity.padEnd(7)} ${text_name(f)}: ${fs.map((x) => findingNumbers(x) + howSure(x)).join('; ')}${statistics(fs, calls.get(id))}  [${fs.map((x) => x.rule).join('; ')}]`);
        }
        for (const row of calls.values())
            for (const c of row.calls)
                if (c.kind === 'unproven') {
                    shown.push(row);
                    lines.push(`  unproven ${text_name(row)}: ${unprovenText(c, metricLabel)}  [${c.rule}]`);
                }
        const listed = (kind) => [...calls.values()].flatMap((row) => row.calls.filter((c) => c.kind === kind).map((c) => c.finding));
        const better = listed('improvement').slice(0, 5);
        const traffic = listed('traffic').slice(0, 5);
        for (const f of better)
            lines.push(`  better  ${text_name(f)}: ${findingNumbers(f)}${statistics([f], calls.get(rowId(f.key, f.value)))}`);
        for (const f of traffic)
            lines.push(`  traffic ${text_name(f)}: ${findingNumbers(f)}${statistics([f], calls.get(rowId(f.key, f.value)))}`);
        lines.push(...noneNotes([...shown, ...better, ...traffic]), '');
    }
    return `${lines.join('\n')}`;
}

;// CONCATENATED MODULE: ./src/report/index.ts
/** report: pure renderers of a run's outcome — markdown for GitHub, text for terminals, JSON for tools. */







;// CONCATENATED MODULE: ./src/cli/store.ts



/**
 * Resolves the sides of `diff` that are not paths to datasets of the local store, across all its
 * queries, so that `trace-differ diff <key> <key>` works without `--config --query`. A name stored
 * under several queries is ambiguous: the error lists them.
 */
async function findStoredSides(store, refs) {
    const pending = [];
    for (const ref of refs)
        if (!(await (0,promises_.stat)(ref).catch(() => undefined)))
            pending.push(ref);
    if (pending.length === 0)
        return [];
    const found = new Map();
    for (const queryId of await store.queryIds()) {
        const entries = await store.list(queryId, { limit: 1000 });
        for (const ref of pending) {
            const entry = entries.find((e) => e.key === ref) ?? (await store.pinned(queryId, ref));
            if (entry)
                found.set(ref, [...(found.get(ref) ?? []), { ref, queryId, file: store.fileOf(entry) }]);
        }
    }
    const sides = [];
    for (const [ref, matches] of found) {
        if (matches.length > 1) {
            throw new errors/* InputError */.dz(`'${ref}' is stored under ${matches.length} queries of ${store.dir}: ${matches.map((m) => m.queryId).join(', ')}`, `say which with --config <file> --query <id>, or pass the dataset file (e.g. ${matches[0].file})`);
        }
        sides.push(matches[0]);
    }
    return sides;
}
/** `history`: what the store holds, newest first, one line per collection with its numbers and verdict. */
async function historyTable(store, only) {
    const ids = await store.queryIds();
    if (ids.length === 0) {
        throw new errors/* InputError */.dz(`the store ${store.dir} holds no datasets`, 'run `trace-differ collect` (or `trace-differ demo`) first, or pass the store folder with --store');
    }
    if (only && !ids.includes(only)) {
        throw new errors/* InputError */.dz(`the store ${store.dir} holds no query '${only}'`, `use one of: ${ids.join(', ')}`);
    }
    const blocks = [];
    for (const id of only ? [only] : ids) {
        const entries = await store.history(id);
        const header = ['collected', 'key', 'spans', 'traces', 'errors', 'p50', 'p95', 'p99', 'verdict'];
        const rows = entries.map((e) => row(e));
        blocks.push(`${id}: ${entries.length} collection${entries.length === 1 ? '' : 's'}, newest first\n${table([header, ...rows])}`);
    }
    return blocks.join('\n\n');
}
function row(e) {
    return [
        e.collectedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
        e.key + (e.pinnedAs ? ` (pinned: ${e.pinnedAs})` : ''),
        format_count(e.spans),
        format_count(e.traces) + (e.complete ? '' : ' (partial)'),
        e.errorRate === undefined ? '—' : percent(e.errorRate),
        duration(e.latencyP50Us),
        duration(e.latencyP95Us),
        duration(e.latencyP99Us),
        e.verdict ?? '—',
    ];
}
function table(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
    return rows
        .map((r) => '  ' +
        r
            .map((c, i) => c.padEnd(widths[i]))
            .join('  ')
            .trimEnd())
        .join('\n');
}

;// CONCATENATED MODULE: ./src/cli/commands.ts
















/** The local store `collect` writes to and `diff`/`history` read from by default. */
const DEFAULT_STORE = '.trace-differ';
/** Prints or writes the report, and turns the verdict into the exit code (1 = reached --fail-on). */
async function emit(report, opts, log) {
    const text = opts.format === 'json'
        ? renderJson(report)
        : opts.format === 'text'
            ? renderText(report)
            : opts.format === 'html'
                ? renderHtml(report)
                : renderMarkdown(report);
    if (opts.output) {
        try {
            // A folder that does not exist yet is made, as `> file` users expect of `-o dir/file`.
            await (0,promises_.mkdir)((0,external_node_path_.dirname)((0,external_node_path_.resolve)(opts.output)), { recursive: true });
            await (0,promises_.writeFile)(opts.output, text);
        }
        catch (error) {
            // The report is not lost: it goes to stdout, and the exit code says the output could not be written.
            process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
            const why = error instanceof Error ? error.message : String(error);
            throw new errors/* InputError */.dz(`cannot write the report to '${opts.output}' (${why}); it was printed to stdout instead`, 'pass -o a file path in a folder you can write to');
        }
        log.info(`report written to ${opts.output}`);
    }
    else {
        process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
    const errored = report.outcomes.some((o) => o.error);
    return errored || (0,vocabulary/* reaches */.O6)(report.verdict, opts.failOn) ? 1 : 0;
}
/**
 * A query built from the built-in defaults and the CLI's --group-by, for `diff` without a config file.
 * Its query text is empty: for OTLP files that is the filter, and an empty filter keeps every span.
 */
function adHocQuery(groupBy, baseline, current) {
    return {
        ...DEFAULT_SETTINGS,
        groupBy: groupBy ? parseGroupBy(groupBy) : DEFAULT_SETTINGS.groupBy,
        id: 'diff',
        name: `${(0,external_node_path_.basename)(baseline)} → ${(0,external_node_path_.basename)(current)}`,
        query: '',
        source: { kind: 'otlp', path: '.' },
        baseline: DEFAULT_BASELINE,
    };
}
function cliContext(config, queries, log, storeDir) {
    return createModeContext({
        logger: log,
        config,
        queries,
        sources: {
            lightstep: { apiKey: process.env.LIGHTSTEP_API_KEY || undefined },
            backend: backendSettingsFromEnv(process.env),
            basePath: process.cwd(),
            // Run inside a workflow, the CLI trusts the configuration's endpoints no more than the action does.
            event: (0,endpoint/* runEvent */.K9)(),
        },
        store: storeDir ? new local_LocalStore((0,external_node_path_.resolve)(storeDir)) : undefined,
    });
}
async function runDiffCommand(baseline, current, opts, log) {
    let query;
    let config;
    // Sides named by a stored key or pin: found in the store under whichever query holds them.
    const store = new local_LocalStore((0,external_node_path_.resolve)(opts.store ?? DEFAULT_STORE));
    const stored = await findStoredSides(store, [baseline, current]);
    const storedQueries = [...new Set(stored.map((s) => s.queryId))];
    const pathOf = (ref) => stored.find((s) => s.ref === ref)?.file ?? ref;
    if (opts.config) {
        config = await loadConfig(opts.config);
        // Without --query, the query the stored sides belong to chooses the settings, when there is one.
        const only = opts.query ??
            (storedQueries.length === 1 && config.queries.some((q) => q.id === storedQueries[0])
                ? storedQueries[0]
                : undefined);
        const [selected] = selectQueries(config, only);
        if (!selected)
            throw new errors/* InputError */.dz(`${opts.config} has no queries`, 'add one under queries:');
        query = opts.groupBy ? { ...selected, groupBy: parseGroupBy(opts.groupBy) } : selected;
    }
    else {
        if (opts.query)
            throw new errors/* InputError */.dz('--query needs --config', 'pass --config .github/trace-differ.yml');
        query = adHocQuery(opts.groupBy, baseline, current);
        config = { version: 1, file: COMMAND_LINE, queries: [query] };
    }
    for (const s of stored)
        log.info(`'${s.ref}': the dataset stored for query '${s.queryId}' (${s.file})`);
    const report = await diffMode(cliContext(config, [query], log, opts.store), query, pathOf(baseline), pathOf(current));
    return emit(report, opts, log);
}
async function runCollectCommand(opts, log) {
    const config = await loadConfig(opts.config);
    const ctx = cliContext(config, selectQueries(config, opts.query), log, opts.store);
    ctx.pin = opts.pin;
    const lightstep = ctx.sources.lightstep;
    if (opts.lightstepApiUrl)
        lightstep.apiUrl = opts.lightstepApiUrl;
    if (opts.lightstepOrganization)
        lightstep.organization = opts.lightstepOrganization;
    if (opts.lightstepProject)
        lightstep.project = opts.lightstepProject;
    if (opts.backendUrl)
        ctx.sources.backend = { ...ctx.sources.backend, url: opts.backendUrl };
    // Said once, before any query starts, rather than once per query.
    const needKey = ctx.queries.filter((q) => q.source.kind === 'lightstep').map((q) => q.id);
    if (needKey.length > 0 && !lightstep.apiKey) {
        throw new errors/* InputError */.dz(`LIGHTSTEP_API_KEY is not set, and the Lightstep queries (${needKey.join(', ')}) need it`, 'export LIGHTSTEP_API_KEY=<your API key> (against `trace-differ simulate`, any value does)');
    }
    return emit(await collect(ctx), opts, log);
}
/** `history`: the collections a local store holds, per query, newest first. */
async function runHistoryCommand(query, opts) {
    process.stdout.write(`${await historyTable(new local_LocalStore((0,external_node_path_.resolve)(opts.store)), query)}\n`);
    return 0;
}
async function runPlanCommand(opts) {
    const config = await loadConfig(opts.config);
    process.stdout.write(`${plan(config).json}\n`);
    return 0;
}
async function runMergeCommand(results, opts, log) {
    return emit(await mergeResults(results, log, new Date()), opts, log);
}

;// CONCATENATED MODULE: ./src/modes/convert.ts




/**
 * `trace-differ convert IN… OUT`: reads spans in any accepted format (files or folders, any mix,
 * gzipped or not) once, and writes them as one trace-differ dataset file, so a large export is
 * read once and diffed many times.
 */
async function convert(inputs, output, options, logger) {
    if (inputs.length === 0)
        throw new errors/* InputError */.dz('convert needs at least one input and the file to write', 'trace-differ convert IN… OUT.tdds');
    const files = [];
    for (const input of inputs) {
        // A path that is neither a file nor a folder is taken as a glob; one that matches nothing is refused.
        const found = await (0,spans/* traceFiles */.RK)(input).catch(() => {
            throw new errors/* InputError */.dz(`${input}: no such file or folder, and no files match it`, 'pass span files or folders');
        });
        if (found.length === 0)
            throw new errors/* InputError */.dz(`${input}: holds no span files`, 'pass span files or folders');
        files.push(...found);
    }
    const dataset = await (0,spans.readSpanFiles)(files, {
        queryId: options.queryId ?? 'file',
        ...(options.filter ? { filter: options.filter } : {}),
        origin: inputs.join(', '),
        // One large file of JSON Lines is read in two parts at once: convert has both cores to itself.
        parallel: true,
    });
    const { bytes } = await (0,dataset_file/* writeDatasetFile */.Yc)(output, dataset);
    const result = { spans: dataset.table.size, traces: (0,dataset_table/* traceCount */.BI)(dataset.table), bytes };
    logger.info(`${output}: ${result.spans} spans of ${result.traces} traces from ${files.length} file${files.length === 1 ? '' : 's'}, ${bytes} bytes (${result.spans ? (bytes / result.spans).toFixed(1) : 0} bytes a span)`);
    return result;
}

;// CONCATENATED MODULE: ./src/modes/dashboard.ts
/**
 * The history dashboard (`trace-differ dashboard`, and the action's `dashboard` input): every
 * query's stored collections, read from the store's history index (no dataset is loaded), with the
 * pinned baselines, rendered as one self-contained page `index.html`.
 */




function point(e, runLink) {
    return {
        key: e.key,
        collectedAt: e.collectedAt,
        spans: e.spans,
        traces: e.traces,
        complete: e.complete,
        ...(e.verdict ? { verdict: e.verdict } : {}),
        ...(e.errorRate !== undefined ? { errorRate: e.errorRate } : {}),
        ...(e.ratePerMin !== undefined ? { ratePerMin: e.ratePerMin } : {}),
        ...(e.latencyP50Us !== undefined ? { latencyP50Us: e.latencyP50Us } : {}),
        ...(e.latencyP95Us !== undefined ? { latencyP95Us: e.latencyP95Us } : {}),
        ...(e.latencyP99Us !== undefined ? { latencyP99Us: e.latencyP99Us } : {}),
        ...(e.ref ? { ref: e.ref } : {}),
        ...(e.runId && runLink ? { link: runLink(e.runId) } : {}),
    };
}
/** The dashboard's data: each query's history (oldest first), pinned datasets marked (added when they left the history). */
async function buildDashboard(store, queries, options) {
    const out = {
        title: options.title ?? 'trace-differ history',
        generatedAt: options.now.toISOString(),
        queries: [],
    };
    for (const q of queries) {
        const points = (await store.list(q.id)).map((e) => point(e, options.runLink));
        for (const name of q.pins) {
            const pinned = await store.pinned(q.id, name);
            if (!pinned)
                continue;
            const same = points.find((p) => p.key === pinned.key);
            if (same)
                same.pinnedAs = same.pinnedAs ? `${same.pinnedAs}, ${name}` : name;
            else
                points.push({ ...point(pinned, options.runLink), pinnedAs: name });
        }
        points.sort((a, b) => a.collectedAt.localeCompare(b.collectedAt) || a.key.localeCompare(b.key));
        out.queries.push({ id: q.id, ...(q.name ? { name: q.name } : {}), points });
    }
    return out;
}
/** The queries a local store directory holds (`<dir>/<query>/history.json`) and the names in their pins.json. */
async function localStoreQueries(dir) {
    const names = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch((error) => {
        throw new errors/* InputError */.dz(`store directory ${dir} cannot be read (${error.code ?? error.message})`, 'pass --store the directory `collect --store` wrote to (default .trace-differ)');
    });
    const specs = [];
    for (const d of names.filter((n) => n.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
        const queryDir = (0,external_node_path_.join)(dir, d.name);
        if (!(await (0,promises_.stat)((0,external_node_path_.join)(queryDir, 'history.json')).catch(() => undefined)))
            continue;
        const pins = await (0,promises_.readFile)((0,external_node_path_.join)(queryDir, 'pins.json'), 'utf8')
            .then((text) => Object.keys(JSON.parse(text)))
            .catch(() => []);
        specs.push({ id: d.name, pins: pins.sort() });
    }
    return specs;
}
/** Writes `<dir>/index.html`; returns its path. */
async function writeDashboard(dir, dashboard) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = (0,external_node_path_.join)(dir, 'index.html');
    await (0,promises_.writeFile)(file, renderDashboard(dashboard));
    return file;
}
/** The run page link of a GitHub repository (`https://github.com/owner/repo`). */
function runLinkOf(repositoryUrl) {
    if (!repositoryUrl || !/^https?:\/\/[^\s]+$/i.test(repositoryUrl))
        return undefined;
    const base = repositoryUrl.replace(/\/+$/, '');
    return (runId) => `${base}/actions/runs/${encodeURIComponent(runId)}`;
}

;// CONCATENATED MODULE: ./src/cli/dashboard.ts




/**
 * `trace-differ dashboard`: the history of every query a local store holds as `<output>/index.html`.
 * With --config, the config's queries (their names, in its order, and their pinned baselines).
 */
async function runDashboardCommand(opts, log) {
    const dir = (0,external_node_path_.resolve)(opts.store);
    const held = await localStoreQueries(dir);
    let queries = held;
    if (opts.config) {
        const config = await loadConfig(opts.config);
        queries = config.queries.map((q) => ({
            id: q.id,
            name: q.name,
            pins: [
                ...new Set([
                    ...(q.baseline.kind === 'pinned' ? [q.baseline.name] : []),
                    ...(held.find((h) => h.id === q.id)?.pins ?? []),
                ]),
            ],
        }));
    }
    const env = process.env;
    const repositoryUrl = opts.repositoryUrl ??
        (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined);
    const dashboard = await buildDashboard(new local_LocalStore(dir), queries, {
        title: opts.title,
        now: new Date(),
        runLink: runLinkOf(repositoryUrl),
    });
    const file = await writeDashboard((0,external_node_path_.resolve)(opts.output), dashboard);
    const collections = dashboard.queries.reduce((n, q) => n + q.points.length, 0);
    log.info(`dashboard of ${dashboard.queries.length} queries, ${collections} collections written to ${file}`);
    return 0;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./src/simulator/random.ts
/** A small seeded PRNG (mulberry32): the simulator's traffic must be the same for the same seed. */
class Random {
    state;
    constructor(seed) {
        this.state = seed >>> 0 || 0x9e3779b9;
    }
    next() {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** A standard normal draw (Box-Muller). */
    normal() {
        const u = Math.max(this.next(), 1e-12);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
    }
    /** Log-normal with the given median and shape: latencies have long right tails. */
    logNormal(median, sigma) {
        return median * Math.exp(sigma * this.normal());
    }
    pick(items, weights) {
        if (!weights)
            return items[Math.floor(this.next() * items.length)];
        const total = weights.reduce((a, b) => a + b, 0);
        let r = this.next() * total;
        for (let i = 0; i < items.length; i++) {
            r -= weights[i];
            if (r < 0)
                return items[i];
        }
        return items[items.length - 1];
    }
    hex(length) {
        let s = '';
        while (s.length < length)
            s += Math.floor(this.next() * 0x100000000)
                .toString(16)
                .padStart(8, '0');
        return s.slice(0, length);
    }
}

;// CONCATENATED MODULE: ./src/simulator/traffic.ts

const SANDBOX = [
    {
        service: 'android',
        operation: '/api/get-transactions',
        medianUs: 120_000,
        sigma: 0.4,
        errorRate: 0.01,
        calls: ['api-server:get-transactions'],
    },
    {
        service: 'android',
        operation: '/api/make-payment',
        medianUs: 180_000,
        sigma: 0.45,
        errorRate: 0.02,
        calls: ['api-server:make-payment'],
    },
    {
        service: 'iOS',
        operation: '/api/get-transactions',
        medianUs: 110_000,
        sigma: 0.4,
        errorRate: 0.01,
        calls: ['api-server:get-transactions'],
    },
    {
        service: 'iOS',
        operation: '/api/make-payment',
        medianUs: 170_000,
        sigma: 0.45,
        errorRate: 0.02,
        calls: ['api-server:make-payment'],
    },
    {
        service: 'web',
        operation: '/api/get-catalog',
        medianUs: 90_000,
        sigma: 0.35,
        errorRate: 0.005,
        calls: ['api-server:get-catalog'],
    },
    {
        service: 'api-server',
        operation: 'get-transactions',
        medianUs: 60_000,
        sigma: 0.35,
        errorRate: 0.005,
        calls: ['api-server:user-space-mapping'],
    },
    {
        service: 'api-server',
        operation: 'make-payment',
        medianUs: 90_000,
        sigma: 0.4,
        errorRate: 0.01,
        calls: ['inventory:update-inventory', 'payments:charge-card'],
    },
    {
        service: 'api-server',
        operation: 'get-catalog',
        medianUs: 40_000,
        sigma: 0.3,
        errorRate: 0.002,
        calls: ['inventory:write-cache'],
    },
    { service: 'api-server', operation: 'user-space-mapping', medianUs: 8_000, sigma: 0.3, errorRate: 0.001, calls: [] },
    {
        service: 'inventory',
        operation: 'update-inventory',
        medianUs: 25_000,
        sigma: 0.5,
        errorRate: 0.01,
        calls: ['inventory:write-cache'],
    },
    { service: 'inventory', operation: 'write-cache', medianUs: 3_000, sigma: 0.6, errorRate: 0.002, calls: [] },
    { service: 'payments', operation: 'charge-card', medianUs: 45_000, sigma: 0.5, errorRate: 0.01, calls: [] },
];
/** The entry points of traces (client operations), with how often each is called. */
const ROOTS = [
    ['android:/api/get-transactions', 30],
    ['android:/api/make-payment', 15],
    ['iOS:/api/get-transactions', 25],
    ['iOS:/api/make-payment', 12],
    ['web:/api/get-catalog', 18],
];
const CUSTOMERS = ['meowsy', 'BEEMO', 'acme', 'globex', 'initech'];
const CUSTOMER_WEIGHTS = [35, 25, 20, 15, 5];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const REGION_WEIGHTS = [50, 30, 20];
/**
 * The production-like shape the demo and docs/statistics.md use: api-server's user-space mapping is
 * called 10 times per get-transactions (an N+1 loop) and the cache written 3 times per call, a
 * per-trace latency factor of σ 0.3 (a trace at the 90th percentile of it is 47 % slower in every
 * span), 2 % of traces failing whole, and 2 % of spans with a Pareto(1.5) tail.
 */
const PRODUCTION = {
    fanOut: { 'api-server:user-space-mapping': 10, 'inventory:write-cache': 3 },
    traceLatencySigma: 0.3,
    traceFailureRate: 0.02,
    tail: { share: 0.02, alpha: 1.5 },
};
function matches(m, s) {
    return m.operation === s.operation && (s.service === undefined || m.service === s.service);
}
/** Generates whole traces (every span of each), in time order. */
function generateTraffic(options) {
    const rng = new Random(options.seed);
    const scenario = options.scenario ?? {};
    const models = new Map(SANDBOX.map((m) => [`${m.service}:${m.operation}`, { ...m, calls: [...m.calls] }]));
    for (const add of scenario.addCall ?? []) {
        if (!models.has(add.to)) {
            const [service, operation] = add.to.split(':');
            models.set(add.to, {
                service,
                operation,
                medianUs: add.medianUs ?? 15_000,
                sigma: 0.4,
                errorRate: 0.005,
                calls: [],
            });
        }
        models.get(add.from)?.calls.push(add.to);
    }
    for (const remove of scenario.removeCall ?? []) {
        const from = models.get(remove.from);
        if (from)
            from.calls = from.calls.filter((c) => c !== remove.to);
    }
    const spans = [];
    const windowUs = options.windowMinutes * 60e6;
    const shape = options.shape ?? {};
    const roots = shape.roots ?? ROOTS;
    const rootKeys = roots.map((r) => r[0]);
    const rootWeights = roots.map((r) => r[1]);
    /** The current trace's shared latency factor and whether it fails whole. */
    let traceFactor = 1;
    let traceFails = false;
    const emit = (key, traceId, parentSpanId, startUs, tags) => {
        const model = models.get(key);
        let duration = rng.logNormal(model.medianUs, model.sigma);
        const ownDuration = duration;
        duration *= traceFactor;
        if (shape.tail && rng.next() < shape.tail.share)
            duration *= Math.pow(1 - rng.next(), -1 / shape.tail.alpha);
        for (const slow of scenario.slower ?? []) {
            if (!matches(model, slow))
                continue;
            // The tail of the span's own log-normal: z above 1.28 is its slowest 10 %.
            if (!slow.tailOnly || ownDuration > model.medianUs * Math.exp(model.sigma * 1.28))
                duration *= 1 + slow.percent / 100;
        }
        let errorRate = model.errorRate;
        for (const up of scenario.errorsUp ?? [])
            if (matches(model, up))
                errorRate += up.pp / 100;
        const error = traceFails || rng.next() < errorRate;
        const spanTags = { ...tags };
        if (model.operation.startsWith('/api/'))
            spanTags['http.status_code'] = error ? rng.pick(['500', '503']) : rng.next() < 0.02 ? '404' : '200';
        if (error)
            spanTags.error = 'true';
        const span = {
            spanId: rng.hex(16),
            traceId,
            ...(parentSpanId ? { parentSpanId } : {}),
            service: model.service,
            operation: model.operation,
            startUs: Math.round(startUs),
            durationUs: Math.max(1, Math.round(duration)),
            error,
            host: `${model.service}-${1 + Math.floor(rng.next() * 3)}`,
            tags: spanTags,
        };
        spans.push(span);
        let childStart = startUs + span.durationUs * 0.05;
        for (const call of model.calls) {
            for (let k = shape.fanOut?.[call] ?? 1; k > 0; k--) {
                const child = emit(call, traceId, span.spanId, childStart, tags);
                childStart += child.durationUs * 0.2;
            }
        }
        return span;
    };
    for (let t = 0; t < options.traces; t++) {
        let customer = rng.pick(CUSTOMERS, CUSTOMER_WEIGHTS);
        for (const removed of scenario.removeTagValue ?? []) {
            if (removed.tag === 'customer' && removed.value === customer)
                customer = 'acme';
        }
        let region = rng.pick(REGIONS, REGION_WEIGHTS);
        for (const removed of scenario.removeTagValue ?? []) {
            if (removed.tag === 'region' && removed.value === region)
                region = 'us-east-1';
        }
        const tags = { customer, region };
        for (const added of scenario.addTagValue ?? [])
            if (rng.next() < added.share)
                tags[added.tag] = added.value;
        const root = rng.pick(rootKeys, rootWeights);
        if (shape.traceLatencySigma)
            traceFactor = rng.logNormal(1, shape.traceLatencySigma);
        if (shape.traceFailureRate)
            traceFails = rng.next() < shape.traceFailureRate;
        emit(root, rng.hex(16), undefined, options.startUs + (t / options.traces) * windowUs, tags);
    }
    return spans;
}

;// CONCATENATED MODULE: ./src/simulator/server.ts



/** The query forms the sandbox uses: `service IN ("a", "b")`, `operation IN (…)`, joined by AND. */
function matcher(query) {
    const clauses = [...query.matchAll(/\b(service|operation)\s+IN\s*\(([^)]*)\)/gi)].map((m) => ({
        field: m[1].toLowerCase(),
        values: new Set([...m[2].matchAll(/"([^"]*)"/g)].map((v) => v[1])),
    }));
    return (s) => clauses.every((c) => c.values.has(c.field === 'service' ? s.service : s.operation));
}
function reporterId(service, host) {
    let h = 0x811c9dc5;
    for (const c of `${service}/${host ?? ''}`)
        h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
    return (h >>> 0).toString(16).padStart(8, '0').repeat(2);
}
async function startSimulator(options = {}) {
    const organization = options.organization ?? 'demo-org';
    const project = options.project ?? 'demo-project';
    const base = `/public/v0.2/${organization}/projects/${project}`;
    const seed = options.seed ?? 42;
    const ids = new Random(seed ^ 0x5eed);
    const snapshots = new Map();
    const spanToTrace = new Map();
    let scenario;
    let faults = {};
    const transientSeen = new Set();
    const snapshotCalls = [];
    const storedTraceCalls = [];
    const stats = {
        requests: {},
        storedTraceRequests: new Map(),
        rateLimited: 0,
        limitExceeded: 0,
        maxInFlight: 0,
        inFlight: 0,
        snapshotsCreated: 0,
        unauthorized: 0,
    };
    const completeTime = (ms) => options.completeTimeFormat === 'epoch-seconds'
        ? Math.ceil(ms / 1000)
        : options.completeTimeFormat === 'epoch-ms'
            ? ms
            : new Date(ms).toISOString();
    const failureRoll = new Map();
    const roll = (traceId) => {
        if (!failureRoll.has(traceId))
            failureRoll.set(traceId, new Random(parseInt(traceId.slice(0, 8), 16)).next());
        return failureRoll.get(traceId);
    };
    const send = (res, status, body, headers = {}) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(text);
    };
    const error = (res, status, message, headers = {}) => send(res, status, { errors: [message] }, headers);
    const rateHeaders = (limit, remaining, resetSeconds) => ({
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(Math.max(0, remaining)),
        'x-ratelimit-reset': String(resetSeconds),
    });
    const createSnapshot = (query) => {
        const index = snapshots.size;
        const now = Date.now();
        const windowMinutes = options.windowMinutes ?? 10;
        const traffic = generateTraffic({
            seed: seed + 7919 * (index + 1),
            traces: options.tracesPerSnapshot ?? 300,
            startUs: (now - windowMinutes * 60_000) * 1000,
            windowMinutes,
            scenario,
            shape: options.shape,
        });
        const match = matcher(query);
        const exemplars = traffic.filter(match);
        const wanted = new Set(exemplars.map((s) => s.traceId));
        const traces = new Map();
        for (const s of traffic) {
            if (!wanted.has(s.traceId))
                continue;
            let list = traces.get(s.traceId);
            if (!list)
                traces.set(s.traceId, (list = []));
            list.push(s);
        }
        const snapshot = {
            id: ids.hex(10).replace(/^\d/, 'S'),
            query,
            createdAt: now,
            completeAt: now + (options.completeAfterMs ?? 0),
            exemplars,
            traces,
        };
        snapshots.set(snapshot.id, snapshot);
        stats.snapshotsCreated++;
        for (const [traceId, spans] of traces)
            for (const s of spans)
                spanToTrace.set(s.spanId, { snapshot, traceId });
        return snapshot;
    };
    const storedTrace = (snapshot, traceId, requested, url) => {
        const spans = snapshot.traces.get(traceId);
        const reporters = new Map();
        const rows = spans.map((s) => {
            const rid = reporterId(s.service, s.host);
            reporters.set(rid, { service: s.service, host: s.host });
            return {
                'span-name': s.operation,
                'span-id': s.spanId,
                'is-error': s.error,
                'start-time-micros': s.startUs,
                'end-time-micros': s.startUs + s.durationUs,
                'trace-id': s.traceId,
                'reporter-id': rid,
                tags: { ...s.tags, ...(s.parentSpanId ? { parent_span_guid: s.parentSpanId } : {}) },
            };
        });
        const start = Math.min(...spans.map((s) => s.startUs));
        const end = Math.max(...spans.map((s) => s.startUs + s.durationUs));
        return {
            data: [
                {
                    type: 'stored-traces',
                    id: requested,
                    attributes: { 'start-time-micros': start, 'end-time-micros': end, spans: rows },
                    relationships: {
                        reporters: [...reporters].map(([rid, r]) => ({
                            'reporter-id': rid,
                            attributes: {
                                'lightstep.component_name': r.service,
                                'lightstep.hostname': r.host ?? '',
                                'lightstep.tracer': 'simulator',
                            },
                        })),
                    },
                },
            ],
            links: { self: url },
        };
    };
    /**
     * For `trace-differ simulate` run as its own process (the self-test workflow, a demo by hand):
     * scenarios and faults set over HTTP, stats read back. Not part of the Lightstep API.
     */
    const admin = async (req, res, path) => {
        let text = '';
        for await (const chunk of req)
            text += chunk;
        let body;
        try {
            body = text ? JSON.parse(text) : undefined;
        }
        catch {
            return error(res, 400, 'Invalid JSON body');
        }
        if (req.method === 'PUT' && path === '/_simulator/scenario') {
            scenario = body ?? undefined;
            return send(res, 200, { scenario: scenario ?? null });
        }
        if (req.method === 'PUT' && path === '/_simulator/faults') {
            faults = { ...(body ?? {}) };
            return send(res, 200, { faults });
        }
        if (req.method === 'GET' && path === '/_simulator/stats') {
            return send(res, 200, { ...stats, storedTraceRequests: Object.fromEntries(stats.storedTraceRequests) });
        }
        return error(res, 404, 'Not found: the simulator answers PUT /_simulator/scenario, PUT /_simulator/faults, GET /_simulator/stats');
    };
    const handle = async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://simulator');
        const path = url.pathname;
        const route = req.method === 'POST' && path === `${base}/snapshots`
            ? 'create-snapshot'
            : req.method === 'GET' && path === `${base}/snapshots`
                ? 'list-snapshots'
                : req.method === 'GET' && path.startsWith(`${base}/snapshots/`)
                    ? 'get-snapshot'
                    : req.method === 'GET' && path === `${base}/stored-traces`
                        ? 'stored-traces'
                        : 'unknown';
        if (path.startsWith('/_simulator/'))
            return admin(req, res, path);
        stats.requests[route] = (stats.requests[route] ?? 0) + 1;
        if (route === 'stored-traces') {
            stats.inFlight++;
            stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
            res.once('close', () => stats.inFlight--);
        }
        if (faults.slowMs)
            await new Promise((r) => setTimeout(r, faults.slowMs));
        const auth = req.headers.authorization ?? '';
        const key = /^bearer\s+(.+)$/i.exec(auth)?.[1];
        if (!key || (options.apiKey !== undefined && key !== options.apiKey)) {
            stats.unauthorized++;
            return error(res, options.badKeyStatus ?? 401, faults.echoKeyInErrors
                ? `Unauthorized: '${auth}' is not a valid API key`
                : 'Unauthorized: invalid or missing API key');
        }
        if (route === 'unknown') {
            return error(res, 404, path.startsWith(base) ? 'Not found' : 'Unknown organization or project');
        }
        if (faults.rateLimitBurst &&
            faults.rateLimitBurst > 0 &&
            (faults.rateLimitBurstOn !== 'stored-traces' || route === 'stored-traces')) {
            faults.rateLimitBurst--;
            stats.rateLimited++;
            const headers = rateHeaders(100, 0, 1);
            if (faults.retryAfterSeconds !== undefined)
                headers['retry-after'] = String(faults.retryAfterSeconds);
            return error(res, 429, 'Too many requests', headers);
        }
        const isSnapshotEndpoint = route !== 'stored-traces';
        if (!isSnapshotEndpoint) {
            const now = Date.now();
            while (storedTraceCalls.length && storedTraceCalls[0] <= now - 1000)
                storedTraceCalls.shift();
            const limit = options.storedTraceLimitPerSecond ?? 100;
            if (storedTraceCalls.length >= limit) {
                stats.rateLimited++;
                stats.limitExceeded++;
                return error(res, 429, 'Too many requests', rateHeaders(limit, 0, 1));
            }
            storedTraceCalls.push(now);
        }
        if (isSnapshotEndpoint) {
            const hourAgo = Date.now() - 3_600_000;
            while (snapshotCalls.length && snapshotCalls[0] < hourAgo)
                snapshotCalls.shift();
            const limit = options.snapshotLimitPerHour ?? 60;
            if (snapshotCalls.length >= limit) {
                stats.rateLimited++;
                stats.limitExceeded++;
                return error(res, 429, 'Snapshot creation exceeded rate limit', rateHeaders(limit, 0, Math.ceil((snapshotCalls[0] - hourAgo) / 1000)));
            }
            snapshotCalls.push(Date.now());
        }
        if (route === 'create-snapshot') {
            let body = '';
            for await (const chunk of req)
                body += chunk;
            let query;
            try {
                query = JSON.parse(body).data?.attributes?.query;
            }
            catch {
                return error(res, 400, 'Invalid JSON body');
            }
            if (typeof query !== 'string' || query.trim() === '')
                return error(res, 400, 'Invalid query: data.attributes.query is required');
            const snapshot = createSnapshot(query);
            if (faults.createFailures && faults.createFailures > 0) {
                faults.createFailures--;
                return error(res, 500, 'Internal Server Error');
            }
            return send(res, 200, {
                data: {
                    type: 'snapshot',
                    id: snapshot.id,
                    attributes: { query, 'complete-time': completeTime(snapshot.completeAt) },
                },
            });
        }
        if (route === 'list-snapshots') {
            return send(res, 200, {
                data: [...snapshots.values()].map((s) => ({
                    type: 'snapshot',
                    id: s.id,
                    attributes: {
                        query: s.query,
                        ...(options.listCompleteTime === false ? {} : { 'complete-time': completeTime(s.completeAt) }),
                    },
                })),
                links: { self: url.href },
            });
        }
        if (route === 'get-snapshot') {
            const id = decodeURIComponent(path.slice(`${base}/snapshots/`.length));
            const snapshot = snapshots.get(id);
            if (!snapshot)
                return error(res, 404, `No snapshot with id ${id}`);
            const attributes = {
                query: snapshot.query,
                'complete-time': completeTime(snapshot.completeAt),
            };
            let assembling = false;
            if (Date.now() >= snapshot.completeAt && faults.notCompleteReads && faults.notCompleteReads > 0) {
                faults.notCompleteReads--;
                assembling = true;
            }
            if (!assembling && Date.now() >= snapshot.completeAt && url.searchParams.get('include-exemplars') === '1') {
                attributes.exemplars = snapshot.exemplars.map((s) => ({
                    'span-guid': s.spanId,
                    ...(options.exemplarTraceGuid === false ? {} : { 'trace-guid': s.traceId }),
                    'service-name': s.service,
                    'span-name': s.operation,
                    'duration-micros': s.durationUs,
                    'has-error': s.error,
                    attributes: s.tags,
                }));
            }
            return send(res, 200, {
                data: { type: 'snapshot', id, attributes },
                links: { 'ui-self': `https://app.lightstep.com/${organization}/explorer?snapshot_id=${id}` },
            });
        }
        // stored-traces
        const spanId = url.searchParams.get('span-id');
        if (!spanId)
            return error(res, 400, 'Missing required parameter span-id');
        const found = spanToTrace.get(spanId);
        if (!found)
            return error(res, 404, 'No stored traces found');
        stats.storedTraceRequests.set(found.traceId, (stats.storedTraceRequests.get(found.traceId) ?? 0) + 1);
        if (faults.resetNext && faults.resetNext > 0) {
            faults.resetNext--;
            res.socket?.destroy();
            return;
        }
        if (faults.stall && faults.stall.next > 0) {
            faults.stall.next--;
            // Held until the time is up or the client gives up (aborts, times out), whichever is first.
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, faults.stall.ms);
                res.once('close', () => {
                    clearTimeout(timer);
                    resolve();
                });
            });
            if (res.destroyed)
                return;
        }
        const r = roll(found.traceId);
        const serverError = faults.echoKeyInErrors
            ? `Internal Server Error (request with '${auth}')`
            : 'Internal Server Error';
        if (faults.permanentTraceFailures && r < faults.permanentTraceFailures)
            return error(res, 500, serverError);
        if (faults.transientTraceFailures && r >= 1 - faults.transientTraceFailures && !transientSeen.has(found.traceId)) {
            transientSeen.add(found.traceId);
            return error(res, 500, serverError);
        }
        const body = JSON.stringify(storedTrace(found.snapshot, found.traceId, spanId, url.href));
        if (faults.truncateNext && faults.truncateNext > 0) {
            faults.truncateNext--;
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
            res.write(body.slice(0, Math.floor(body.length / 2)));
            res.socket?.destroy();
            return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch((e) => {
            if (!res.headersSent)
                error(res, 500, `simulator bug: ${e.message}`);
        });
    });
    await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        organization,
        project,
        apiKey: options.apiKey ?? 'simulator-key',
        setScenario: (s) => {
            scenario = s;
        },
        setFaults: (f) => {
            faults = { ...f, ...(f.stall ? { stall: { ...f.stall } } : {}) };
        },
        stats: () => stats,
        groundTruth: (id) => [...(snapshots.get(id)?.traces.values() ?? [])].flat(),
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}

;// CONCATENATED MODULE: ./src/simulator/backend-shapes.ts
/**
 * The answer shapes of Tempo, Jaeger and Zipkin for the fakes, copied from the upstream projects
 * (see ../shared/reference/otel-backends.md): each turns the simulator's spans into what that backend
 * writes, ids included (Tempo: base64; Jaeger: hex; Zipkin: a server span shares its client's id).
 */
const b64 = (hex) => Buffer.from(hex, 'hex').toString('base64');
const nanos = (us) => `${BigInt(us) * 1000n}`;
/** A kind for each span, as instrumentation would give it: a root or a callee in another service is a server. */
function kindOf(span, parent) {
    return !parent || parent.service !== span.service ? 'SERVER' : 'INTERNAL';
}
/** OTLP ResourceSpans of some spans (one resource per service and host), as Tempo (base64, enum names) or Jaeger api_v3 (hex, integers) write them. */
function otlpResourceSpans(spans, style) {
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const groups = new Map();
    for (const s of spans) {
        const key = `${s.service}\u0000${s.host ?? ''}`;
        let list = groups.get(key);
        if (!list)
            groups.set(key, (list = []));
        list.push(s);
    }
    const id = (hex) => (style === 'tempo' ? b64(hex) : hex);
    return [...groups.values()].map((group) => ({
        resource: {
            attributes: [
                { key: 'service.name', value: { stringValue: group[0].service } },
                ...(group[0].host ? [{ key: 'host.name', value: { stringValue: group[0].host } }] : []),
            ],
        },
        scopeSpans: [
            {
                scope: { name: 'trace-differ-simulator' },
                spans: group.map((s) => {
                    const kind = kindOf(s, s.parentSpanId ? byId.get(s.parentSpanId) : undefined);
                    return {
                        traceId: id(s.traceId),
                        spanId: id(s.spanId),
                        ...(s.parentSpanId ? { parentSpanId: id(s.parentSpanId) } : {}),
                        name: s.operation,
                        kind: style === 'tempo' ? `SPAN_KIND_${kind}` : kind === 'SERVER' ? 2 : 1,
                        startTimeUnixNano: nanos(s.startUs),
                        endTimeUnixNano: nanos(s.startUs + s.durationUs),
                        attributes: Object.entries(s.tags).map(([key, value]) => ({ key, value: { stringValue: value } })),
                        status: s.error ? (style === 'tempo' ? { code: 'STATUS_CODE_ERROR' } : { code: 2 }) : {},
                    };
                }),
            },
        ],
    }));
}
/** Tempo's search answer for some traces (traceID with its leading zeros stripped, as Tempo writes it). */
function tempoSearchTrace(spans, matched) {
    const root = spans.find((s) => !s.parentSpanId) ?? spans[0];
    const end = Math.max(...spans.map((s) => s.startUs + s.durationUs));
    return {
        traceID: root.traceId.replace(/^0+/, ''),
        rootServiceName: root.service,
        rootTraceName: root.operation,
        startTimeUnixNano: nanos(root.startUs),
        durationMs: Math.round((end - root.startUs) / 1000),
        spanSets: [
            {
                spans: matched.slice(0, 3).map((s) => ({
                    spanID: s.spanId,
                    startTimeUnixNano: nanos(s.startUs),
                    durationNanos: String(s.durationUs * 1000),
                    attributes: [],
                })),
                matched: matched.length,
            },
        ],
    };
}
/** One trace in Jaeger JSON (v1 API, UI download): processes by service and host, CHILD_OF references. */
function jaegerTrace(spans) {
    const processes = new Map();
    const processOf = (s) => {
        const key = `${s.service}\u0000${s.host ?? ''}`;
        if (!processes.has(key))
            processes.set(key, `p${processes.size + 1}`);
        return processes.get(key);
    };
    const traceID = spans[0].traceId;
    const jaegerSpans = spans.map((s) => ({
        traceID,
        spanID: s.spanId,
        operationName: s.operation,
        references: s.parentSpanId ? [{ refType: 'CHILD_OF', traceID, spanID: s.parentSpanId }] : [],
        startTime: s.startUs,
        duration: s.durationUs,
        tags: [
            ...Object.entries(s.tags)
                .filter(([k]) => k !== 'error')
                .map(([key, value]) => ({ key, type: 'string', value })),
            ...(s.error ? [{ key: 'error', type: 'bool', value: true }] : []),
        ],
        logs: [],
        processID: processOf(s),
        warnings: null,
    }));
    return {
        traceID,
        spans: jaegerSpans,
        processes: Object.fromEntries([...processes].map(([key, id]) => {
            const [serviceName, host] = key.split('\u0000');
            return [id, { serviceName, tags: host ? [{ key: 'hostname', type: 'string', value: host }] : [] }];
        })),
        warnings: null,
    };
}
/**
 * One trace in Zipkin v2 JSON. A call into another service is written as instrumentation using B3's
 * single-host spans does: a CLIENT span in the caller and a SERVER span in the callee that share one
 * id ("shared": true), both with the caller's span as parent. Names are lower-cased, as Zipkin stores them.
 */
function zipkinTrace(spans) {
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const out = [];
    const traceId = spans[0].traceId.replace(/^0{16}/, '');
    const tags = (s) => Object.fromEntries(Object.entries(s.tags).map(([k, v]) => [k, k === 'error' ? 'true' : v]));
    for (const s of spans) {
        const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
        const base = {
            traceId,
            ...(s.parentSpanId ? { parentId: s.parentSpanId } : {}),
            id: s.spanId,
            name: s.operation.toLowerCase(),
            timestamp: s.startUs,
            duration: s.durationUs,
        };
        if (parent && parent.service !== s.service) {
            out.push({
                ...base,
                kind: 'CLIENT',
                timestamp: s.startUs - 500,
                duration: s.durationUs + 1000,
                localEndpoint: { serviceName: parent.service.toLowerCase() },
                remoteEndpoint: { serviceName: s.service.toLowerCase() },
                tags: {},
            });
            out.push({
                ...base,
                kind: 'SERVER',
                localEndpoint: { serviceName: s.service.toLowerCase() },
                tags: tags(s),
                shared: true,
            });
        }
        else {
            out.push({
                ...base,
                kind: parent ? undefined : 'SERVER',
                localEndpoint: { serviceName: s.service.toLowerCase() },
                tags: tags(s),
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/simulator/backends.ts




/** The TraceQL the fake understands: `{ a = "x" && b != 1 && status = error }`, a trace matching when one span meets all. */
function traceqlMatcher(q) {
    const body = /^\s*\{(.*)\}\s*$/s.exec(q)?.[1];
    if (body === undefined)
        return `parse error: expected a spanset { … } in ${JSON.stringify(q)}`;
    if (body.trim() === '')
        return () => true;
    const conditions = [];
    for (const part of body.split('&&')) {
        const m = /^\s*(resource\.service\.name|\.service\.name|name|status|(?:span|resource)?\.[\w.-]+)\s*(=|!=)\s*("(?:[^"\\]|\\.)*"|[\w.-]+)\s*$/.exec(part);
        if (!m)
            return `parse error: cannot read ${JSON.stringify(part.trim())}`;
        const [, field, op, raw] = m;
        const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
        const get = (s) => field.endsWith('service.name')
            ? s.service
            : field === 'name'
                ? s.operation
                : field === 'status'
                    ? s.error
                        ? 'error'
                        : 'unset'
                    : s.tags[field.replace(/^(span|resource)?\./, '')];
        conditions.push(op === '=' ? (s) => get(s) === value : (s) => get(s) !== value);
    }
    return (s) => conditions.every((c) => c(s));
}
async function startBackendFake(options) {
    const seed = options.seed ?? 42;
    const windowMinutes = options.windowMinutes ?? 15;
    let generation = 0;
    let scenario;
    let faults = {};
    let traces = new Map();
    const stats = {
        requests: {},
        traceRequests: new Map(),
        rateLimited: 0,
        unauthorized: 0,
        maxInFlight: 0,
        inFlight: 0,
        searches: [],
    };
    const transientSeen = new Set();
    const roll = (traceId) => new Random(parseInt(traceId.slice(-8), 16)).next();
    /** New traffic over the window ending now: at start, and whenever the scenario changes. */
    const regenerate = () => {
        const now = Date.now();
        // The traffic keeps 30 s off both ends of the window, so that a search made within 30 s sees all of it.
        const spans = generateTraffic({
            seed: seed + 7919 * ++generation,
            traces: options.traces ?? 300,
            startUs: (now - windowMinutes * 60_000 + 30_000) * 1000,
            windowMinutes: windowMinutes - 1,
            scenario,
        });
        traces = new Map();
        for (const s of spans) {
            // 128-bit ids whose high half is zero: Tempo's search then strips 16 leading zeros.
            const span = { ...s, traceId: s.traceId.padStart(32, '0') };
            let list = traces.get(span.traceId);
            if (!list)
                traces.set(span.traceId, (list = []));
            list.push(span);
        }
    };
    regenerate();
    const send = (res, status, body, headers = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const text = (res, status, body, headers = {}) => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
        res.end(body);
    };
    /** The traces (in a fixed but unsorted order, as these backends answer) that have a span meeting `match` in the window. */
    const search = (match, startUs, endUs, limit) => {
        const found = [];
        for (const spans of traces.values()) {
            const root = spans[0];
            if (root.startUs < startUs || root.startUs > endUs)
                continue;
            if (spans.some(match))
                found.push(spans);
        }
        found.sort((a, b) => roll(a[0].traceId) - roll(b[0].traceId));
        return found.slice(0, limit);
    };
    const authorised = (req) => {
        const auth = req.headers.authorization ?? '';
        if (options.token && auth !== `Bearer ${options.token}`)
            return auth;
        for (const [name, value] of Object.entries(options.headers ?? {})) {
            if (req.headers[name.toLowerCase()] !== value)
                return String(req.headers[name.toLowerCase()] ?? '');
        }
        if (options.basic) {
            const expected = Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64');
            if (auth !== `Basic ${expected}`)
                return auth;
        }
        return undefined;
    };
    const admin = async (req, res, path) => {
        let body = '';
        for await (const chunk of req)
            body += chunk;
        const value = body ? JSON.parse(body) : undefined;
        if (req.method === 'PUT' && path === '/_simulator/scenario') {
            scenario = value ?? undefined;
            regenerate();
            return send(res, 200, { scenario: scenario ?? null });
        }
        if (req.method === 'PUT' && path === '/_simulator/faults') {
            faults = { ...(value ?? {}) };
            return send(res, 200, { faults });
        }
        if (req.method === 'GET' && path === '/_simulator/stats')
            return send(res, 200, { ...stats, traceRequests: Object.fromEntries(stats.traceRequests) });
        return send(res, 404, {
            error: 'the fake answers PUT /_simulator/scenario, PUT /_simulator/faults, GET /_simulator/stats',
        });
    };
    /** The faults of a data request (a Tempo trace fetch; a Jaeger or Zipkin search): true when the fault answered. */
    const dataFaults = async (res, traceId, auth, request = '') => {
        if (faults.resetNext && faults.resetNext > 0) {
            faults.resetNext--;
            res.socket?.destroy();
            return true;
        }
        if (faults.stall && faults.stall.next > 0) {
            faults.stall.next--;
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, faults.stall.ms);
                res.once('close', () => {
                    clearTimeout(timer);
                    resolve();
                });
            });
            if (res.destroyed)
                return true;
        }
        const serverError = faults.echoKeyInErrors ? `internal error (request with '${auth}')` : 'internal error';
        const r = traceId ? roll(traceId) : 0.5;
        if (faults.permanentTraceFailures && r < faults.permanentTraceFailures) {
            text(res, 500, serverError);
            return true;
        }
        const key = traceId ?? `search ${request}`;
        if (faults.transientTraceFailures && r >= 1 - faults.transientTraceFailures && !transientSeen.has(key)) {
            transientSeen.add(key);
            text(res, 500, serverError);
            return true;
        }
        return false;
    };
    const answer = (res, body) => {
        const json = JSON.stringify(body);
        if (faults.truncateNext && faults.truncateNext > 0) {
            faults.truncateNext--;
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) });
            res.write(json.slice(0, Math.floor(json.length / 2)));
            res.socket?.destroy();
            return;
        }
        send(res, 200, json);
    };
    const tempo = async (_req, res, url, auth) => {
        const path = url.pathname;
        if (path === '/api/search') {
            const params = Object.fromEntries(url.searchParams);
            stats.searches.push(params);
            const limit = Number(params.limit ?? 20);
            const start = Number(params.start);
            const end = Number(params.end);
            if (!params.q)
                return text(res, 400, 'invalid TraceQL query: q is required');
            if (!(limit > 0))
                return text(res, 400, 'invalid limit: must be a positive number');
            if (!(end > start))
                return text(res, 400, 'invalid start and end: end must be after start');
            if (end - start > 168 * 3600)
                return text(res, 400, 'range specified by start and end exceeds 168h0m0s');
            const match = traceqlMatcher(params.q);
            if (typeof match === 'string')
                return text(res, 400, match);
            const found = search(match, start * 1e6, end * 1e6, limit);
            return send(res, 200, {
                traces: found.map((spans) => tempoSearchTrace(spans, spans.filter(match))),
                metrics: { inspectedBytes: String(found.length * 1000), completedJobs: 1, totalJobs: 1 },
            });
        }
        const m = /^\/api(\/v2)?\/traces\/([^/]+)$/.exec(path);
        if (!m)
            return text(res, 404, '404 page not found');
        const v2 = Boolean(m[1]);
        if (v2 && options.tempoApi && options.tempoApi !== 'v2')
            return text(res, 404, '404 page not found');
        // Tempo accepts the id with or without leading zeros, in any case.
        const id = m[2].toLowerCase().padStart(32, '0');
        stats.traceRequests.set(id, (stats.traceRequests.get(id) ?? 0) + 1);
        const spans = traces.get(id);
        if (await dataFaults(res, spans ? id : undefined, auth))
            return;
        if (!spans) {
            res.writeHead(404);
            return res.end();
        }
        const partial = options.partialTraces !== undefined && roll(id) >= 1 - options.partialTraces;
        const served = partial ? spans.slice(0, Math.ceil(spans.length / 2)) : spans;
        const resourceSpans = otlpResourceSpans(served, 'tempo');
        if (v2) {
            return answer(res, {
                trace: { resourceSpans },
                ...(partial
                    ? { status: 'PARTIAL', message: 'Trace exceeds maximum size of 5000000 bytes, a partial trace is returned' }
                    : {}),
            });
        }
        return answer(res, options.tempoApi === 'batches' ? { batches: resourceSpans } : { resourceSpans });
    };
    const jaeger = async (_req, res, url, auth) => {
        const p = url.searchParams;
        if (url.pathname === '/api/v3/traces') {
            const spelling = options.jaegerSpelling ?? 'camel';
            const get = (camel, snake) => p.get(`query.${spelling === 'camel' ? camel : snake}`) ?? undefined;
            stats.searches.push(Object.fromEntries(p));
            const service = get('serviceName', 'service_name');
            const min = get('startTimeMin', 'start_time_min');
            const max = get('startTimeMax', 'start_time_max');
            const error = (status, message) => send(res, status, { error: { httpCode: status, message } });
            if (!min || !max || !Number.isFinite(Date.parse(min)) || !Number.isFinite(Date.parse(max)))
                return error(400, `malformed parameters: ${spelling === 'camel' ? 'query.startTimeMin and query.startTimeMax' : 'query.start_time_min and query.start_time_max'} are required (RFC 3339)`);
            const operation = get('operationName', 'operation_name');
            const attributes = spelling === 'camel' && p.get('query.attributes')
                ? JSON.parse(p.get('query.attributes'))
                : {};
            const limit = Number(get('searchDepth', 'num_traces') ?? 100);
            if (await dataFaults(res, undefined, auth, url.search))
                return;
            const found = search((s) => (!service || s.service === service) &&
                (!operation || s.operation === operation) &&
                Object.entries(attributes).every(([k, v]) => s.tags[k] === v), Date.parse(min) * 1000, Date.parse(max) * 1000, limit);
            if (found.length === 0)
                return error(404, 'No traces found');
            return answer(res, { result: { resourceSpans: otlpResourceSpans(found.flat(), 'jaeger') } });
        }
        if (url.pathname === '/api/traces') {
            stats.searches.push(Object.fromEntries(p));
            const error = (msg) => send(res, 400, { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 400, msg }] });
            const service = p.get('service');
            if (!service)
                return error("parameter 'service' is required");
            const operation = p.get('operation');
            const tags = p.get('tags') ? JSON.parse(p.get('tags')) : {};
            const end = Number(p.get('end') ?? Date.now() * 1000);
            const start = Number(p.get('start') ?? end - 2 * 86_400e6);
            if (await dataFaults(res, undefined, auth, url.search))
                return;
            const found = search((s) => s.service === service &&
                (!operation || s.operation === operation) &&
                Object.entries(tags).every(([k, v]) => s.tags[k] === v), start, end, Number(p.get('limit') ?? 100));
            return answer(res, { data: found.map(jaegerTrace), total: 0, limit: 0, offset: 0, errors: null });
        }
        return text(res, 404, '404 page not found');
    };
    const zipkin = async (_req, res, url, auth) => {
        if (url.pathname !== '/api/v2/traces')
            return text(res, 404, 'Not Found');
        const p = url.searchParams;
        stats.searches.push(Object.fromEntries(p));
        const endTs = Number(p.get('endTs') ?? Date.now());
        const lookback = Number(p.get('lookback') ?? 86_400_000);
        const service = p.get('serviceName')?.toLowerCase();
        const spanName = p.get('spanName')?.toLowerCase();
        const annotations = (p.get('annotationQuery') ?? '')
            .split(/\s+and\s+/)
            .filter(Boolean)
            .map((a) => a.split('='));
        if (await dataFaults(res, undefined, auth, url.search))
            return;
        const found = search((s) => (!service || s.service.toLowerCase() === service) &&
            (!spanName || s.operation.toLowerCase() === spanName) &&
            annotations.every(([k, v]) => (v === undefined ? k in s.tags : s.tags[k] === v)), (endTs - lookback) * 1000, endTs * 1000, Number(p.get('limit') ?? 10));
        return answer(res, found.map(zipkinTrace));
    };
    const handle = async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://fake');
        if (url.pathname.startsWith('/_simulator/'))
            return admin(req, res, url.pathname);
        const route = url.pathname.replace(/\/[0-9a-fA-F]{8,}$/, '/{id}');
        stats.requests[route] = (stats.requests[route] ?? 0) + 1;
        stats.inFlight++;
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
        res.once('close', () => stats.inFlight--);
        if (faults.slowMs)
            await new Promise((r) => setTimeout(r, faults.slowMs));
        const auth = req.headers.authorization ?? '';
        const refused = authorised(req);
        if (refused !== undefined) {
            stats.unauthorized++;
            return text(res, 401, faults.echoKeyInErrors ? `Unauthorized: '${refused}' is not valid` : 'Unauthorized');
        }
        if (options.backend === 'tempo' && options.tenant && req.headers['x-scope-orgid'] !== options.tenant) {
            stats.unauthorized++;
            return text(res, 401, 'no org id');
        }
        if (faults.rateLimitBurst && faults.rateLimitBurst > 0) {
            faults.rateLimitBurst--;
            stats.rateLimited++;
            const headers = {};
            if (faults.retryAfterSeconds !== undefined)
                headers['retry-after'] = String(faults.retryAfterSeconds);
            return text(res, 429, 'job queue full', headers);
        }
        if (options.backend === 'tempo')
            return tempo(req, res, url, auth);
        if (options.backend === 'jaeger')
            return jaeger(req, res, url, auth);
        return zipkin(req, res, url, auth);
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch((e) => {
            if (!res.headersSent)
                text(res, 500, `fake bug: ${e.message}`);
        });
    });
    await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        backend: options.backend,
        setScenario: (s) => {
            scenario = s;
            regenerate();
        },
        setFaults: (f) => {
            faults = { ...f, ...(f.stall ? { stall: { ...f.stall } } : {}) };
        },
        stats: () => stats,
        traces: () => traces,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}

;// CONCATENATED MODULE: ./src/simulator/index.ts
/** simulator: the Lightstep public API and fakes of Tempo, Jaeger and Zipkin on loopback, and the sandbox-like traffic behind them. */




// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/cli/package.ts



/**
 * The folder of the trace-differ package: two levels above this module both in the sources
 * (src/cli/) and in the bundle (dist/cli/). Found from the module's own URL, not from argv,
 * so that it holds under npx, a global install or a symlinked bin.
 */
function packageRoot() {
    const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(here), '..', '..');
}
/** A file shipped with the package, e.g. `examples/trace-differ.yml`. */
function packageFile(...parts) {
    return (0,external_node_path_.join)(packageRoot(), ...parts);
}
/** The package's version, from its package.json. */
function packageVersion() {
    const pkg = JSON.parse((0,external_node_fs_.readFileSync)(packageFile('package.json'), 'utf8'));
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

;// CONCATENATED MODULE: ./src/cli/demo.ts









/** The injected regression: /api/make-payment `percent` % slower, a new call to fraud:score, customer BEEMO gone. */
function regression(percent) {
    return {
        scenario: {
            slower: [{ service: 'android', operation: '/api/make-payment', percent }],
            addCall: [{ from: 'api-server:make-payment', to: 'fraud:score', medianUs: 20_000 }],
            removeTagValue: [{ tag: 'customer', value: 'BEEMO' }],
        },
        told: `▶ injecting a regression: /api/make-payment on android ${percent === 100 ? 'twice as slow' : `${percent} % slower`}, a new call to fraud:score, customer BEEMO gone`,
    };
}
/**
 * `npm start`: a newcomer's first run, with no account and no network. The built-in Lightstep
 * simulator serves on loopback; two collect cycles of the example config run against it (the
 * second after a regression is injected), keeping datasets in a local store; the report of the
 * second is printed and written with its JSON.
 */
async function runDemo(options, log) {
    const out = (0,external_node_path_.resolve)(options.out);
    const storeDir = (0,external_node_path_.join)(out, 'store');
    await (0,promises_.rm)(storeDir, { recursive: true, force: true });
    await (0,promises_.mkdir)(out, { recursive: true });
    if (options.source && options.source !== 'lightstep')
        return runBackendDemo(options.source, out, options, log);
    // The simulator enforces the stored-trace limit it is given; the demo gives it the client's.
    // Production-like traffic: fan-out, a shared per-trace latency factor, whole-trace failures, heavy tails.
    const sim = await startSimulator({
        seed: options.seed,
        shape: PRODUCTION,
        tracesPerSnapshot: 3000,
        completeAfterMs: 1500,
        storedTraceLimitPerSecond: 2000,
    });
    try {
        log.info(`▶ Lightstep API simulator on ${sim.url} (organization ${sim.organization}, project ${sim.project})`);
        const config = await loadConfig(packageFile('examples', 'trace-differ.yml'));
        const ctx = createModeContext({
            logger: log,
            config,
            queries: config.queries,
            sources: {
                lightstep: {
                    apiKey: sim.apiKey,
                    organization: sim.organization,
                    project: sim.project,
                    apiUrl: sim.url,
                    // The simulator is not the real API: no need to hold to its 100 requests a second here.
                    requestsPerSecond: 2000,
                },
                // The simulator's snapshots complete in 1.5 s; a tenth of the real margins keeps the demo quick.
                timeScale: 0.1,
            },
            store: new local_LocalStore(storeDir),
            queryConcurrency: 2,
        });
        log.info('▶ cycle 1: the first collection of each query (there is no baseline yet)');
        const first = await collect(ctx);
        log.info(`  verdict: ${first.verdict}`);
        const injected = regression(60);
        log.info(injected.told);
        sim.setScenario(injected.scenario);
        log.info('▶ cycle 2: collect again and diff against cycle 1');
        // A new run, with sources of its own: within one run, queries of the same text share a snapshot,
        // and cycle 2 would pick up cycle 1's (taken before the regression).
        const second = await collect({ ...ctx, sources: { ...ctx.sources } });
        return await writeReport(second, out, options.out, log);
    }
    finally {
        await sim.close();
    }
}
async function writeReport(report, out, shown, log) {
    const markdown = renderMarkdown(report);
    await (0,promises_.writeFile)((0,external_node_path_.join)(out, 'report.md'), markdown);
    await (0,promises_.writeFile)((0,external_node_path_.join)(out, 'report.json'), renderJson(report));
    process.stdout.write(`\n${markdown}\n`);
    log.info(`▶ verdict: ${report.verdict}. Report: ${(0,external_node_path_.join)(shown, 'report.md')}, JSON: ${(0,external_node_path_.join)(shown, 'report.json')}, datasets: ${(0,external_node_path_.join)(shown, 'store')}/`);
    return 0;
}
/**
 * `demo --source tempo|jaeger|zipkin`: the same two cycles against a fake of that backend on loopback,
 * with the example configuration of that backend (its URL replaced by the fake's, as the backend-url input does).
 */
async function runBackendDemo(backend, out, options, log) {
    const fake = await startBackendFake({ backend, seed: options.seed, traces: 1500 });
    try {
        log.info(`▶ ${backend} fake on ${fake.url}`);
        const config = await loadConfig(packageFile('examples', `trace-differ.${backend}.yml`));
        const ctx = createModeContext({
            logger: log,
            config,
            queries: config.queries,
            sources: { lightstep: {}, backend: { url: fake.url } },
            store: new local_LocalStore((0,external_node_path_.join)(out, 'store')),
            queryConcurrency: 2,
        });
        log.info('▶ cycle 1: the first collection of each query (there is no baseline yet)');
        const first = await collect(ctx);
        log.info(`  verdict: ${first.verdict}`);
        // Twice as slow: the backends' example configs take at most 500 traces a query (`limit`), and a level is
        // reached only when the interval of the change clears it; at 60 % it is confirmed only past +10 % there.
        const injected = regression(100);
        log.info(injected.told);
        fake.setScenario(injected.scenario);
        log.info('▶ cycle 2: collect again and diff against cycle 1');
        const second = await collect({ ...ctx, sources: { ...ctx.sources } });
        return await writeReport(second, out, options.out, log);
    }
    finally {
        await fake.close();
    }
}

;// CONCATENATED MODULE: ./src/cli/simulate.ts

const BACKEND_EXAMPLES = {
    tempo: (url) => `curl -s '${url}/api/search?q=%7B%20resource.service.name%20%3D%20%22android%22%20%7D&start='$(($(date +%s)-600))'&end='$(date +%s)'&limit=5'`,
    jaeger: (url) => `curl -s '${url}/api/v3/traces?query.serviceName=android&query.startTimeMin='$(date -u -d '-10 min' +%FT%TZ)'&query.startTimeMax='$(date -u +%FT%TZ)`,
    zipkin: (url) => `curl -s '${url}/api/v2/traces?serviceName=android&limit=5'`,
};
/** `trace-differ simulate`: serve the Lightstep API simulator, or a Tempo, Jaeger or Zipkin fake, until interrupted (Ctrl-C). */
async function runSimulate(options, log) {
    let close;
    let url;
    if (options.backend && options.backend !== 'lightstep') {
        const fake = await startBackendFake({ backend: options.backend, port: options.port, seed: options.seed });
        close = fake.close;
        url = fake.url;
        log.info(`${options.backend} fake listening on ${url} (no auth; traffic of the last 15 minutes)`);
        log.info(`  try: ${BACKEND_EXAMPLES[options.backend](url)}`);
        log.info(`  collect from it: source.${options.backend}.url in the config, or TRACE_DIFFER_BACKEND_URL=${url}`);
    }
    else {
        const sim = await startSimulator({ port: options.port, seed: options.seed });
        close = sim.close;
        url = sim.url;
        log.info(`Lightstep API simulator listening on ${sim.url}`);
        log.info(`  organization: ${sim.organization}   project: ${sim.project}   API key: any non-empty value`);
        log.info(`  try: curl -s -X POST -H 'Authorization: Bearer demo' -d '{"data":{"attributes":{"query":"service IN (\\"android\\")"}}}' \\`);
        log.info(`         ${sim.url}/public/v0.2/${sim.organization}/projects/${sim.project}/snapshots`);
    }
    log.info(`  traffic changes and faults on command: PUT ${url}/_simulator/scenario, PUT ${url}/_simulator/faults (JSON); counts: GET ${url}/_simulator/stats`);
    await new Promise((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    await close();
    return 0;
}

;// CONCATENATED MODULE: ./src/cli/program.ts









const BACKENDS = ['lightstep', 'tempo', 'jaeger', 'zipkin'];
const formatOption = () => new commander/* Option */.c$('--format <format>', 'report format').choices(['markdown', 'json', 'text', 'html']).default('markdown');
const failOnOption = () => new commander/* Option */.c$('--fail-on <level>', 'exit 1 when the verdict reaches this')
    .choices(['fail', 'warn', 'never'])
    .default('fail');
/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit code:
 * 0 done (verdict below --fail-on), 1 the verdict reached --fail-on, 2 a usage or input error.
 */
async function main(argv) {
    let exitCode = 0;
    const setExit = (code) => {
        exitCode = code;
    };
    const program = new commander/* Command */.uB()
        .name('trace-differ')
        .description('Diff distributed-trace datasets: RED changes by group-by keys, with statistics that do not cry wolf.')
        .version(packageVersion(), '-V, --version', 'print the version')
        .option('-v, --verbose', 'print debug lines')
        .exitOverride()
        .showHelpAfterError();
    const logger = () => (0,log/* consoleLogger */.kS)({ verbose: Boolean(program.opts().verbose) });
    program
        .command('diff')
        .description("diff two datasets: dataset files, trace files (OTLP, Jaeger, Zipkin, Tempo answers; span JSON/NDJSON), stored keys, snapshot ids, or 'now' (collect the query's source)")
        .argument('<baseline>', 'the reference side')
        .argument('<current>', 'the side to judge')
        .option('--group-by <keys>', 'comma-separated keys; combine with +, e.g. operation,http.status_code,service+operation')
        .option('--config <file>', 'take thresholds and group-by from this configuration file')
        .option('--query <id>', 'the query of --config whose settings to use (default: the first)')
        .option('--store <dir>', 'the local store in which to look up stored keys and pinned names', '.trace-differ')
        .addOption(formatOption())
        .option('-o, --output <file>', 'write the report here instead of stdout')
        .addOption(failOnOption())
        .action(async (baseline, current, opts) => setExit(await runDiffCommand(baseline, current, opts, logger())));
    program
        .command('convert')
        .description('read spans once (OTLP JSON, span JSON/NDJSON, datasets; files or folders, gzipped or not) into one trace-differ dataset file')
        .argument('<paths...>', 'the inputs, then the dataset file to write (e.g. traces/ export.jsonl.gz out.tdds)')
        .option('--query-id <id>', 'the query id the dataset is kept under', 'file')
        .option('--filter <filter>', 'keep only the spans this OTLP filter selects, e.g. service.name = "api"')
        .action(async (paths, opts) => {
        if (paths.length < 2)
            throw new errors/* InputError */.dz('convert needs at least one input and the file to write', 'trace-differ convert IN… OUT.tdds');
        await convert(paths.slice(0, -1), paths[paths.length - 1], opts, logger());
        setExit(0);
    });
    program
        .command('collect')
        .description('collect every query of the config (Lightstep key from LIGHTSTEP_API_KEY; Tempo, Jaeger, Zipkin credentials from TRACE_DIFFER_BACKEND_*), diff against the store, keep the new datasets')
        .option('--config <file>', 'configuration file', '.github/trace-differ.yml')
        .option('--query <id>', 'only this query')
        .option('--store <dir>', 'local store directory', '.trace-differ')
        .option('--lightstep-api-url <url>', 'Lightstep API base URL (EU: https://api.eu.lightstep.com)')
        .option('--lightstep-organization <org>', 'Lightstep organization (overrides source.lightstep.organization)')
        .option('--lightstep-project <project>', 'Lightstep project (overrides source.lightstep.project)')
        .option('--backend-url <url>', 'Tempo, Jaeger or Zipkin base URL, over the config (credentials: TRACE_DIFFER_BACKEND_TOKEN, _USERNAME, _PASSWORD, _HEADERS)')
        .option('--pin <name>', 'also keep the new datasets under this name, for baseline: pinned:<name>')
        .addOption(formatOption())
        .option('-o, --output <file>', 'write the report here instead of stdout')
        .addOption(failOnOption())
        .action(async (opts) => setExit(await runCollectCommand(opts, logger())));
    program
        .command('history')
        .description('list the collections a local store holds: per query, newest first, with their numbers and verdicts')
        .argument('[query]', 'only this query id')
        .option('--store <dir>', 'local store directory', '.trace-differ')
        .action(async (query, opts) => setExit(await runHistoryCommand(query, opts)));
    program
        .command('plan')
        .description('print the query ids of the config as a GitHub Actions matrix')
        .option('--config <file>', 'configuration file', '.github/trace-differ.yml')
        .action(async (opts) => setExit(await runPlanCommand(opts)));
    program
        .command('merge')
        .description('combine JSON results of several runs (matrix jobs) into one report')
        .argument('<results>', 'a folder or a JSON result file')
        .addOption(formatOption())
        .option('-o, --output <file>', 'write the report here instead of stdout')
        .addOption(failOnOption())
        .action(async (results, opts) => setExit(await runMergeCommand(results, opts, logger())));
    program
        .command('dashboard')
        .description('write the history of every stored query as one self-contained HTML page (<output>/index.html)')
        .option('--store <dir>', 'local store directory', '.trace-differ')
        .option('--output <dir>', 'the folder to write index.html to', 'trace-differ-dashboard')
        .option('--config <file>', "show the config's queries, with their names and pinned baselines")
        .option('--title <text>', 'the page title')
        .option('--repository-url <url>', 'link each collection to its run: https://github.com/OWNER/REPO (default from GITHUB_*)')
        .action(async (opts) => setExit(await runDashboardCommand(opts, logger())));
    program
        .command('demo')
        .description('the first run: two collect cycles against the built-in Lightstep simulator (or a Tempo, Jaeger or Zipkin fake), the second with a regression')
        .option('--out <dir>', 'where the report, the JSON result and the store go', 'trace-differ-out')
        .option('--seed <n>', 'seed of the simulated traffic', '42')
        .addOption(new commander/* Option */.c$('--source <backend>', 'the backend to simulate').choices(BACKENDS).default('lightstep'))
        .action(async (opts) => setExit(await runDemo({ out: opts.out, seed: Number(opts.seed), source: opts.source }, logger())));
    program
        .command('simulate')
        .description('serve the Lightstep API simulator, or a Tempo, Jaeger or Zipkin fake, on loopback until interrupted')
        .option('--port <n>', 'port (0 = any free port)', '0')
        .option('--seed <n>', 'seed of the simulated traffic', '42')
        .addOption(new commander/* Option */.c$('--backend <backend>', 'the API to serve').choices(BACKENDS).default('lightstep'))
        .action(async (opts) => setExit(await runSimulate({ port: Number(opts.port), seed: Number(opts.seed), backend: opts.backend }, logger())));
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    }
    catch (error) {
        if (error instanceof commander/* CommanderError */.b7)
            return error.exitCode === 0 ? 0 : 2;
        if (error instanceof errors/* UserError */.yo) {
            console.error((0,log/* logLines */.OG)(`trace-differ: ${error.describe()}`));
            return 2;
        }
        throw error;
    }
}


/***/ }),

/***/ 25625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ logLines),
/* harmony export */   kS: () => (/* binding */ consoleLogger),
/* harmony export */   qq: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony exports logText, recordingLogger */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48992);

/**
 * One log line of text that may carry configuration or stored text (a query, a path, an index
 * field): line breaks and control characters become spaces, invisible characters `<U+…>`, and a line
 * that would start with a workflow command (`::error::…`, the older `##[error]…`) is quoted with `> `.
 * The runner reads every line a step prints, after leading blanks, for such commands: a query text
 * with a newline then `::error …` must not become one. Every Logger below passes its lines through it.
 */
function logText(text) {
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleText */ .Q6)(text).replace(/^(\s*)(::|##\[)/, '$1> $2');
}
/** Text of several lines (an error and its fix) made safe line by line with `logText`. */
function logLines(text) {
    return text
        .split(/\r\n|\r|\n|\u0085|\u2028|\u2029/)
        .map(logText)
        .join('\n');
}
const silentLogger = {
    info() { },
    warn() { },
    error() { },
    debug() { },
};
/** Logs to stderr so that stdout stays clean for reports (`trace-differ diff … > report.md`). */
function consoleLogger(options = {}) {
    // Run inside a workflow, the CLI's stderr is read for workflow commands as the action's stdout is.
    return {
        info: (m) => console.error(logLines(m)),
        warn: (m) => console.error(logLines(`warning: ${m}`)),
        error: (m) => console.error(logLines(`error: ${m}`)),
        debug: (m) => {
            if (options.verbose)
                console.error(logLines(`debug: ${m}`));
        },
    };
}
/** A logger that keeps what it was told; for tests and for collecting warnings into a report. */
function recordingLogger() {
    const lines = [];
    return {
        lines,
        info: (message) => lines.push({ level: 'info', message }),
        warn: (message) => lines.push({ level: 'warn', message }),
        error: (message) => lines.push({ level: 'error', message }),
        debug: (message) => lines.push({ level: 'debug', message }),
    };
}


/***/ }),

/***/ 2745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   K9: () => (/* binding */ runEvent),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   nh: () => (/* binding */ trustedEndpoint)
/* harmony export */ });
/* unused harmony export configMayComeFromPullRequest */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/**
 * Where a secret may be sent. A backend's URL comes from an action input (the workflow file), from the
 * configuration file, or is the backend's documented host. On most events the configuration is as
 * trusted as the workflow: both come from the same commit. On the others (pull_request_target,
 * workflow_run, issue_comment, …) the workflow comes from the default branch while the checked-out
 * configuration may be a pull request's, so a host the configuration names would receive the key of
 * whoever wrote the pull request. There, a host from the configuration must be a documented one, or the
 * workflow must name it in the action input. Everywhere, a key travels over https only; plain http is
 * allowed to loopback alone (the simulators, a local proxy).
 */
/**
 * Events whose workflow and checkout come from the same commit by default: the configuration read
 * there is no less trusted than the workflow itself. `pull_request` is not among them: a fork's
 * workflow gets no secrets, but a repository may send them to forks, and Dependabot's PRs get some.
 */
const SAME_COMMIT_EVENTS = new Set(['schedule', 'workflow_dispatch', 'push']);
/**
 * Whether the configuration file (and every URL and path in it) may come from a pull request: on any
 * event but those above. `undefined` is a run outside GitHub Actions (the CLI on someone's machine).
 */
function configMayComeFromPullRequest(event) {
    return event !== undefined && !SAME_COMMIT_EVENTS.has(event);
}
/** The event a run is under: GITHUB_EVENT_NAME inside GitHub Actions, nothing elsewhere. */
function runEvent(env = process.env) {
    return env.GITHUB_ACTIONS === 'true' ? env.GITHUB_EVENT_NAME || 'unknown' : undefined;
}
/** 127.0.0.0/8, ::1 and localhost: a request there never leaves the machine. */
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
/**
 * The base URL a backend's secret may be sent to, without a trailing slash: the input, else the
 * configuration's `url`, else the documented fallback — or a SourceError that says why not and how to
 * allow it. Sources call this before any request that carries a key.
 */
function trustedEndpoint(url, options) {
    const { names } = options;
    const withSecrets = options.withSecrets ?? true;
    const fromInput = options.input?.trim() || undefined;
    const chosen = (fromInput ?? url?.trim() ?? options.fallback ?? '').replace(/\/+$/, '');
    const example = options.fallback ?? `https://${options.documentedHosts[0] ?? `${names.backend.toLowerCase()}.example.com`}`;
    if (!chosen) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`no ${names.backend} URL was given`, `set ${names.configKey} in the configuration (e.g. ${example}), or the '${names.input}' input`);
    }
    const where = fromInput ? `input '${names.input}'` : url ? `${names.configKey} of the configuration` : 'the default';
    const parsed = URL.canParse(chosen) ? new URL(chosen) : undefined;
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`the ${names.backend} URL ${JSON.stringify(chosen)} (${where}) is not an https URL`, `set it to the API's base URL alone, e.g. ${example}`);
    }
    if (parsed.username || parsed.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`the ${names.backend} URL (${where}) carries a user name or password`, `remove them from the URL: the key is sent in a header, from the action's input`);
    }
    if (withSecrets && parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`the ${names.backend} URL ${chosen} (${where}) is plain http: the key would cross the network in clear text`, `use https://${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname} (plain http is allowed to 127.0.0.1 and localhost only)`);
    }
    const documented = options.documentedHosts.includes(parsed.hostname.toLowerCase()) && parsed.protocol === 'https:';
    if (withSecrets && !fromInput && url && !documented && configMayComeFromPullRequest(options.event)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${names.configKey} of the configuration names ${parsed.host}, and on a '${options.event}' event the configuration ` +
            `may come from a pull request: the ${names.backend} key is sent only to ` +
            `${options.documentedHosts.length ? `${options.documentedHosts.join(' or ')}, or to ` : ''}a host the workflow itself names`, `if ${parsed.host} is yours, name it in the workflow: '${names.input}: ${chosen}' in the step's 'with:' (see docs/security.md)`);
    }
    return chosen;
}
/**
 * Masks a secret in the runner's log as soon as a source holds it (a key, a token, a password), so that
 * nothing printed later can show it. Outside Actions the command would only print it, so it is not issued.
 */
function maskSecret(secret) {
    if (secret && process.env.GITHUB_ACTIONS === 'true')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
}


/***/ }),

/***/ 26825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MS: () => (/* binding */ unlessCancelled),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   wX: () => (/* binding */ RETRYABLE_CODES)
/* harmony export */ });
/**
 * The retry and cancellation machinery every HTTP source shares (Lightstep, Tempo, Jaeger, Zipkin):
 * which failures are worth another try, how long to wait (the server's Retry-After / X-RateLimit-Reset,
 * else exponential backoff with jitter), and waits that a cancellation cuts short.
 */
const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxServerWaitMs: 120_000,
};
class HttpError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** Network failures worth another try (the connection dropped, was refused, or timed out). */
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
/** The wait before attempt `attempt + 1`: doubling from the base, capped, with a random half as jitter. */
function backoffMs(attempt, policy, random = Math.random) {
    const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return cap / 2 + random() * (cap / 2);
}
/** Retry-After (seconds or an HTTP date) or X-RateLimit-Reset (seconds until reset, per the docs). */
function retryAfterMs(headers) {
    const one = (name) => {
        const v = headers[name];
        return Array.isArray(v) ? v[0] : v;
    };
    const after = one('retry-after');
    if (after !== undefined) {
        const seconds = Number(after);
        if (Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const date = Date.parse(after);
        if (Number.isFinite(date))
            return Math.max(0, date - Date.now());
    }
    const resetText = one('x-ratelimit-reset');
    const reset = Number(resetText);
    if (resetText === undefined || resetText === '' || !Number.isFinite(reset) || reset < 0)
        return undefined;
    // The docs say seconds until the reset; a server sending an epoch time instead is read as one.
    return reset > 1e9 ? Math.max(0, reset * 1000 - Date.now()) : reset * 1000;
}
/** `work`, or `cancelled()` as soon as the signal fires, whichever comes first. */
function unlessCancelled(work, signal, cancelled) {
    if (!signal)
        return work;
    if (signal.aborted) {
        work.catch(() => undefined);
        return Promise.reject(cancelled());
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(cancelled());
        signal.addEventListener('abort', onAbort, { once: true });
        work.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
}


/***/ }),

/***/ 64914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mn: () => (/* binding */ DEFAULT_REUSE_WITHIN_MS),
  collectSnapshot: () => (/* binding */ collectSnapshot),
  SQ: () => (/* binding */ createLightstepSource),
  P_: () => (/* binding */ newSnapshotMemo)
});

// UNUSED EXPORTS: HttpError, LightstepHttp, SlidingWindowLimiter, limitsFor, listSnapshots, normaliseStoredTrace, parseCompleteTime, retryAfterMs

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/p-queue/dist/index.js + 2 modules
var dist = __webpack_require__(57814);
// EXTERNAL MODULE: ./src/dataset/assemble.ts
var assemble = __webpack_require__(72294);
// EXTERNAL MODULE: ./src/dataset/table.ts + 1 modules
var table = __webpack_require__(20040);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
// EXTERNAL MODULE: ./src/sources/http/retry.ts
var retry = __webpack_require__(26825);
// EXTERNAL MODULE: ./src/sources/endpoint.ts
var endpoint = __webpack_require__(2745);
// EXTERNAL MODULE: ./src/sources/lightstep/limiter.ts
var lightstep_limiter = __webpack_require__(9971);
;// CONCATENATED MODULE: ./src/sources/lightstep/http.ts







const registry = new Map();
/**
 * The limits are per organization, and one run may collect many queries of it at once (each
 * with its own source), so the limiters live here, one pair per API host, organization and
 * configured limit.
 */
function limitsFor(apiUrl, organization, settings) {
    const perHour = settings.snapshotRequestsPerHour ?? 60;
    const perSecond = settings.requestsPerSecond ?? 100;
    const key = JSON.stringify([apiUrl, organization, perHour, perSecond]);
    let limits = registry.get(key);
    if (!limits) {
        limits = {
            snapshot: new lightstep_limiter/* SlidingWindowLimiter */.P(perHour, 3_600_000),
            other: new lightstep_limiter/* SlidingWindowLimiter */.P(perSecond, 1000),
        };
        registry.set(key, limits);
    }
    return limits;
}
class LightstepHttp {
    options;
    base;
    host;
    concurrency;
    apiKey;
    dispatcher;
    ownsDispatcher;
    limits;
    retry;
    rawSleep;
    constructor(options) {
        this.options = options;
        // A key pasted into a secret often ends in a newline; anything else that is not printable
        // would make undici reject the header with a message we do not control.
        this.apiKey = options.apiKey.trim();
        if (!this.apiKey || /[^\x21-\x7e]/.test(this.apiKey)) {
            throw new errors/* SourceError */.c8('the Lightstep API key is empty or contains spaces or control characters', 'set the lightstep-api-key secret to the key alone, as Lightstep shows it (Settings → API keys)');
        }
        // Masked as soon as we hold it, so that nothing any later step prints can show it. Outside
        // Actions the workflow command would only print the key, so it is not issued there.
        (0,endpoint/* maskSecret */.$l)(this.apiKey);
        const apiUrl = (options.apiUrl ?? 'https://api.lightstep.com').trim().replace(/\/+$/, '');
        // The key goes over https, or plain http to loopback (the simulator); which hosts may receive it
        // at all is `trustedEndpoint`'s decision, made before a client is built.
        const url = URL.canParse(apiUrl) ? new URL(apiUrl) : undefined;
        if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && (0,endpoint/* isLoopback */.U9)(url.hostname)))) {
            throw new errors/* SourceError */.c8(`the Lightstep API URL ${JSON.stringify(apiUrl)} is not an https URL`, 'set it to the API host alone, e.g. https://api.lightstep.com (EU: https://api.eu.lightstep.com)');
        }
        this.base = `${apiUrl}/public/v0.2/${encodeURIComponent(options.organization)}/projects/${encodeURIComponent(options.project)}`;
        this.host = new URL(apiUrl).host;
        this.concurrency = Math.max(1, options.concurrency ?? 8);
        this.ownsDispatcher = !options.dispatcher;
        // Without one passed in: a plain agent that honours HTTP(S)_PROXY and NO_PROXY, as runners
        // behind a proxy set them.
        this.dispatcher = options.dispatcher ?? new undici/* EnvHttpProxyAgent */.J2({ connections: this.concurrency });
        this.limits = options.limits ?? limitsFor(apiUrl, options.organization, options);
        this.retry = { ...retry/* DEFAULT_RETRY */.vI, ...options.retry };
        // The default wait clears its timer on cancellation, so a cancelled run does not linger.
        this.rawSleep = options.sleep ?? ((ms) => (0,promises_.setTimeout)(ms, undefined, { signal: options.signal }));
    }
    get signal() {
        return this.options.signal;
    }
    /** The error every call of a cancelled collection ends in. */
    cancelled() {
        return new errors/* SourceError */.c8(`cancelled: the collection from Lightstep organization '${this.options.organization}' at ${this.host} was stopped before it finished`, 'nothing to fix here: the run was cancelled (or timed out); the next run collects again');
    }
    /** Throws the cancellation error when the signal has fired. */
    checkCancelled() {
        if (this.options.signal?.aborted)
            throw this.cancelled();
    }
    /** A wait (backoff, complete-time, polling) that cancellation cuts short. */
    sleep(ms) {
        return this.unlessCancelled(this.rawSleep(ms));
    }
    /** `work`, or the cancellation error as soon as the signal fires, whichever comes first. */
    unlessCancelled(work) {
        return (0,retry/* unlessCancelled */.MS)(work, this.options.signal, () => this.cancelled());
    }
    get organization() {
        return this.options.organization;
    }
    get project() {
        return this.options.project;
    }
    /** Closes the agent this client made (a dispatcher passed in belongs to the caller). */
    async close() {
        if (this.ownsDispatcher)
            await this.dispatcher.close();
    }
    /** Any text that leaves this class (errors, logs) with the key blotted out, whatever the server echoed. */
    redact(text) {
        return text.split(this.apiKey).join('***');
    }
    /** A request to a snapshot endpoint (60/hour) or another (100/s); JSON in, JSON out. */
    async call(method, path, init) {
        const random = this.options.random ?? Math.random;
        const limiter = init.snapshotEndpoint ? this.limits.snapshot : this.limits.other;
        const name = `${method} ${path.split('?')[0]}`;
        for (let attempt = 1;; attempt++) {
            this.checkCancelled();
            let serverWaitMs;
            let failure;
            const slot = await this.takeSlot(limiter, init.snapshotEndpoint);
            try {
                let res;
                let text;
                try {
                    res = await (0,undici/* request */.Em)(`${this.base}${path}`, {
                        method,
                        dispatcher: this.dispatcher,
                        headers: {
                            authorization: `Bearer ${this.apiKey}`,
                            accept: 'application/json',
                            ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
                        },
                        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
                        headersTimeout: this.options.timeoutMs ?? 30_000,
                        bodyTimeout: this.options.timeoutMs ?? 30_000,
                        signal: this.options.signal,
                    });
                    text = await res.body.text();
                }
                finally {
                    slot.release();
                }
                if (res.statusCode >= 200 && res.statusCode < 300) {
                    try {
                        return JSON.parse(text);
                    }
                    catch {
                        // A cut-off body: the connection dropped mid-response. Worth another try, except
                        // for a create, which did happen.
                        failure = new retry/* HttpError */.j$(res.statusCode, `the response to ${name} was not complete JSON (${text.length} bytes)`);
                        if (init.retryOnlyOn429 || attempt >= this.retry.attempts)
                            throw failure;
                        await this.sleep(this.backoff(attempt, random));
                        continue;
                    }
                }
                const message = this.redact(errorMessage(text) ?? `HTTP ${res.statusCode}`);
                failure = new retry/* HttpError */.j$(res.statusCode, `${name} answered ${res.statusCode}: ${message}`);
                if (res.statusCode === 401 || res.statusCode === 403) {
                    throw new errors/* SourceError */.c8(`Lightstep refused the API key (${res.statusCode}) for organization '${this.options.organization}', project '${this.options.project}' at ${this.host}`, 'check the lightstep-api-key secret (a key of this organization with read access), and the organization and project names');
                }
                const retryable = res.statusCode === 429 || (!init.retryOnlyOn429 && res.statusCode >= 500);
                if (!retryable || attempt >= this.retry.attempts)
                    throw failure;
                serverWaitMs = (0,retry/* retryAfterMs */.Vs)(res.headers);
                if (serverWaitMs !== undefined && serverWaitMs > this.retry.maxServerWaitMs) {
                    throw new errors/* SourceError */.c8(`Lightstep's rate limit for ${init.snapshotEndpoint ? 'snapshots' : 'this endpoint'} is used up for organization '${this.options.organization}': it resets in ${Math.ceil(serverWaitMs / 60_000)} min`, init.snapshotEndpoint
                        ? 'the snapshot endpoints allow 60 requests an hour per organization: run fewer queries per hour, or spread their schedules'
                        : 'run fewer queries at once');
                }
            }
            catch (error) {
                if (error instanceof errors/* SourceError */.c8 || error instanceof retry/* HttpError */.j$)
                    throw error;
                // undici's abort error, whatever its name: the signal is what says the run was cancelled.
                if (this.options.signal?.aborted)
                    throw this.cancelled();
                const code = error.code ?? '';
                failure = new Error(`${name} failed: ${this.redact(code || error.message)}`);
                // A POST that failed on the wire may have created a snapshot: never repeat it.
                if (init.retryOnlyOn429 || !retry/* RETRYABLE_CODES */.wX.has(code) || attempt >= this.retry.attempts)
                    throw failure;
            }
            const delay = serverWaitMs ?? this.backoff(attempt, random);
            this.options.logger.debug(`retrying ${name} in ${Math.round(delay)} ms (attempt ${attempt + 1} of ${this.retry.attempts}): ${failure.message}`);
            await this.sleep(delay);
        }
    }
    async takeSlot(limiter, snapshotEndpoint) {
        try {
            const slot = await limiter.acquire(this.retry.maxServerWaitMs, this.options.signal);
            if (slot.waited >= 5000)
                this.options.logger.info(`waited ${Math.round(slot.waited / 1000)} s for the client-side rate limit`);
            return slot;
        }
        catch (error) {
            if (this.options.signal?.aborted)
                throw this.cancelled();
            if (!(error instanceof lightstep_limiter/* TooLongAWait */.f))
                throw error;
            throw new errors/* SourceError */.c8(`this run has used the ${limiter.limit} ${snapshotEndpoint ? 'snapshot requests an hour' : 'requests a second'} allowed for organization '${this.options.organization}'; the next is allowed in ${Math.ceil(error.waitMs / 60_000)} min`, snapshotEndpoint
                ? 'run fewer queries per hour (each collection takes at least two snapshot requests), or spread their schedules'
                : 'run fewer queries at once');
        }
    }
    backoff(attempt, random) {
        return (0,retry/* backoffMs */.jo)(attempt, this.retry, random);
    }
}
/** The error body seen from the API is `{"errors": ["message"]}`; tolerate objects and other shapes. */
function errorMessage(text) {
    try {
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        if (typeof first === 'string')
            return first;
        if (first && typeof first === 'object')
            return String(first.detail ??
                first.title ??
                JSON.stringify(first));
        if (typeof body.message === 'string')
            return body.message;
    }
    catch {
        // Not JSON: fall through to the status code.
    }
    return text.trim() ? text.trim().slice(0, 200) : undefined;
}

// EXTERNAL MODULE: ./src/vocabulary.ts
var vocabulary = __webpack_require__(47819);
;// CONCATENATED MODULE: ./src/sources/lightstep/normalise.ts


function tagValue(v) {
    return typeof v === 'string'
        ? v
        : v === null || v === undefined
            ? ''
            : typeof v === 'object'
                ? JSON.stringify(v)
                : String(v);
}
/**
 * Stored-trace spans → rows of the span table, written into the builder with no span object in
 * between: the reporter joined in (service = lightstep.component_name, host = lightstep.hostname),
 * the parent from the `parent_span_guid` tag (there is no parent field), tag values kept as
 * strings. A span id `held` already has is skipped (the same trace reached by two exemplars);
 * each span written is added to it, with its trace id. Returns how many were written.
 */
function storedTraceInto(response, out, held) {
    let added = 0;
    // Every client reads data[0]; a single object is taken as that one element.
    const data = Array.isArray(response.data) ? response.data : response.data ? [response.data] : [];
    for (const trace of data) {
        if (!trace || typeof trace !== 'object')
            continue;
        const reporters = new Map();
        const reporterList = trace.relationships?.reporters;
        for (const r of Array.isArray(reporterList) ? reporterList : []) {
            if (!r || typeof r['reporter-id'] !== 'string')
                continue;
            const a = r.attributes ?? {};
            const service = a['lightstep.component_name'] ?? a['service.name'];
            const host = a['lightstep.hostname'];
            reporters.set(r['reporter-id'], {
                service: out.intern(typeof service === 'string' ? service : vocabulary/* NONE */.x3),
                host: typeof host === 'string' && host ? out.intern(host) : -1,
            });
        }
        const spanList = Array.isArray(trace.attributes?.spans) ? trace.attributes.spans : [];
        // A span without `trace-id` belongs to the trace its siblings name. (`data[0].id` is the
        // requested span id, not a trace id: the last resort, and only to keep spans together.)
        const siblingTrace = spanList.find((s) => typeof s?.['trace-id'] === 'string' && s['trace-id'])?.['trace-id'];
        for (const raw of spanList) {
            if (!raw || typeof raw !== 'object')
                continue;
            const spanId = raw['span-id'];
            const start = Number(raw['start-time-micros']);
            const end = Number(raw['end-time-micros']);
            // Without an id or times a span cannot be counted or timed; the rest is optional.
            if (typeof spanId !== 'string' || !spanId || !Number.isFinite(start) || !Number.isFinite(end))
                continue;
            if (held.has(spanId))
                continue;
            const rawTags = raw.tags && typeof raw.tags === 'object' ? raw.tags : {};
            const parentTag = rawTags.parent_span_guid;
            const parent = parentTag === undefined ? '' : tagValue(parentTag);
            const reporter = raw['reporter-id'] ? reporters.get(raw['reporter-id']) : undefined;
            const traceId = typeof raw['trace-id'] === 'string' && raw['trace-id'] ? raw['trace-id'] : (siblingTrace ?? trace.id ?? spanId);
            held.set(spanId, traceId);
            out.row(traceId, spanId, parent || undefined, reporter?.service ?? out.intern(vocabulary/* NONE */.x3), out.intern(typeof raw['span-name'] === 'string' && raw['span-name'] ? raw['span-name'] : vocabulary/* NONE */.x3), Math.round(start), Math.max(0, Math.round(end - start)), raw['is-error'] === true || raw['is-error'] === 'true', reporter?.host ?? -1);
            for (const [k, v] of Object.entries(rawTags)) {
                if (k !== 'parent_span_guid')
                    out.tag(out.tagColumn(k), out.intern(tagValue(v)));
            }
            added++;
        }
    }
    return added;
}
/** The spans of a stored-traces answer as span objects, in the table's spelling of ids (tests, small outputs). */
function normaliseStoredTrace(response) {
    const builder = new SpanTableBuilder();
    storedTraceInto(response, builder, new Map());
    return spansOfTable(builder.finish());
}

;// CONCATENATED MODULE: ./src/sources/lightstep/shapes.ts
/** `complete-time`: an RFC 3339 string (likely), or epoch seconds or milliseconds (accepted too). */
function parseCompleteTime(value) {
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    if (value === '')
        return undefined;
    const n = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (Number.isFinite(n))
        return n < 1e12 ? n * 1000 : n;
    const t = Date.parse(String(value));
    return Number.isFinite(t) ? t : undefined;
}

;// CONCATENATED MODULE: ./src/sources/lightstep/collect.ts







const MAX_FAILURES_KEPT = 50;
const PROGRESS_EVERY_MS = 15_000;
/** Creates a snapshot of the query; retried only on 429 (anything else might have created one). */
async function createSnapshot(http, query) {
    let response;
    try {
        response = await http.call('POST', '/snapshots', {
            body: { data: { attributes: { query } } },
            snapshotEndpoint: true,
            retryOnlyOn429: true,
        });
    }
    catch (error) {
        if (error instanceof retry/* HttpError */.j$ && error.status === 400) {
            throw new errors/* SourceError */.c8(`Lightstep rejected the query ${JSON.stringify(query)}: ${error.message}`, 'check the query syntax, e.g. service IN ("android")');
        }
        if (error instanceof retry/* HttpError */.j$ && error.status === 404) {
            throw new errors/* SourceError */.c8(`Lightstep does not know organization '${http.organization}' with project '${http.project}' at ${http.host} (${error.message})`, 'check source.lightstep.organization and project in the config');
        }
        if (error instanceof errors/* SourceError */.c8)
            throw error;
        if (error instanceof retry/* HttpError */.j$ && error.status === 429) {
            throw new errors/* SourceError */.c8(`Lightstep's rate limit refused the snapshot of ${JSON.stringify(query)} on every try`, 'the snapshot endpoints allow 60 requests an hour per organization: run fewer queries per hour, or spread their schedules');
        }
        // Not retried: the server may have created the snapshot before failing, and each create
        // spends one of the organization's 60 snapshot requests an hour.
        throw new errors/* SourceError */.c8(`Lightstep did not confirm the snapshot of ${JSON.stringify(query)}: ${error.message}`, 'this is usually passing trouble at Lightstep or on the network; the next run will try again', { cause: error });
    }
    const id = response.data?.id;
    if (!id)
        throw new errors/* SourceError */.c8('Lightstep answered the snapshot request without a snapshot id', 'try again later; if it persists, the API has changed');
    return { id, completeAt: parseCompleteTime(response.data?.attributes?.['complete-time']) };
}
/** Waits for complete-time (+ margin), then reads the snapshot until it lists exemplars. */
async function waitForExemplars(http, snapshotId, completeAt, wait, logger, timeScale) {
    if (completeAt !== undefined) {
        const ms = Math.max(0, completeAt - Date.now() + wait.marginMs) * timeScale;
        if (ms > 0) {
            logger.info(`snapshot ${snapshotId}: collecting until ${new Date(completeAt).toISOString()}; waiting ${Math.ceil(ms / 1000)} s`);
            const step = (wait.progressEveryMs ?? PROGRESS_EVERY_MS) * timeScale;
            for (let left = ms; left > 0; left -= step) {
                await http.sleep(Math.min(left, step));
                if (left > step)
                    logger.info(`snapshot ${snapshotId}: still collecting, ${Math.ceil((left - step) / 1000)} s to go`);
            }
        }
    }
    let delay = wait.pollDelayMs;
    for (let poll = 1;; poll++) {
        let response;
        try {
            response = await http.call('GET', `/snapshots/${encodeURIComponent(snapshotId)}?include-exemplars=1`, { snapshotEndpoint: true });
        }
        catch (error) {
            if (error instanceof errors/* SourceError */.c8)
                throw error;
            if (error instanceof retry/* HttpError */.j$ && error.status === 404)
                throw new errors/* SourceError */.c8(`Lightstep has no snapshot '${snapshotId}' at ${http.host} (${error.message})`, 'check the snapshot id, and that it belongs to the configured organization and project');
            throw new errors/* SourceError */.c8(`could not read snapshot ${snapshotId}: ${error.message}`, 'this is usually passing trouble at Lightstep or on the network; the next run will try again', { cause: error });
        }
        const exemplars = response.data?.attributes?.exemplars;
        const readCompleteAt = parseCompleteTime(response.data?.attributes?.['complete-time']) ?? completeAt;
        if (Array.isArray(exemplars))
            return { exemplars, uiLink: response.links?.['ui-self'], completeAt: readCompleteAt };
        if (poll >= wait.polls) {
            throw new errors/* SourceError */.c8(`snapshot ${snapshotId} listed no exemplars after ${poll} reads: it is not complete, or it found nothing`, 'check that the query matches traffic in Lightstep, or raise the wait; the next scheduled run will try again');
        }
        logger.info(`snapshot ${snapshotId}: not complete yet (read ${poll} of ${wait.polls}); next read in ${Math.ceil((delay * timeScale) / 1000)} s`);
        await http.sleep(delay * timeScale);
        delay = Math.min(delay * 2, 60_000);
    }
}
/** The trace an exemplar names, under any of the spellings the API uses elsewhere (none is confirmed here). */
function exemplarTrace(e) {
    const id = e['trace-guid'] ?? e.trace_guid ?? e['trace-id'];
    return typeof id === 'string' && id ? id : undefined;
}
/**
 * Fetches the stored trace behind every exemplar, each trace once: exemplars are grouped by
 * trace when they name it, and an exemplar whose span is already held (it came in with an
 * earlier trace) is not fetched. A trace that still fails after retries is a coverage failure,
 * never a thrown error: the dataset is then marked partial.
 */
async function fetchTraces(http, exemplars, logger) {
    /** The span ids held, with their trace ids. */
    const held = new Map();
    const builder = new table/* SpanTableBuilder */.Sd();
    const failures = [];
    let failed = 0;
    let fetched = 0;
    let requests = 0;
    let repeats = 0;
    // Exemplars that name their trace are grouped by it and fetched once each. The others can only
    // be matched to a trace once it is fetched, so fetches running at once might reach one trace
    // twice. They go in waves of one operation at a time (same service and span name): spans of
    // one operation are, almost always, in different traces, so a wave's fetches rarely meet, and
    // each wave starts only when the last has landed, so its exemplars already held are skipped.
    const byTrace = new Map();
    const byOperation = new Map();
    for (const e of exemplars) {
        const spanId = e['span-guid'];
        if (typeof spanId !== 'string' || !spanId)
            continue;
        const trace = exemplarTrace(e);
        if (trace) {
            const list = byTrace.get(trace);
            if (list)
                list.push(spanId);
            else
                byTrace.set(trace, [spanId]);
        }
        else {
            const operation = JSON.stringify([e['service-name'] ?? '', e['span-name'] ?? '']);
            const wave = byOperation.get(operation);
            if (wave)
                wave.push([spanId]);
            else
                byOperation.set(operation, [[spanId]]);
        }
    }
    const named = [...byTrace.values()];
    const unnamed = [...byOperation.values()].sort((a, b) => b.length - a.length);
    const waves = [named, ...unnamed].filter((w) => w.length > 0);
    // Failures of exemplars that do not name their trace, per wave: see `failedTraces` below.
    const waveFailures = new Map();
    const total = waves.reduce((n, w) => n + w.length, 0);
    let done = 0;
    let lastReport = Date.now();
    // Whether an exemplar is already held is decided when its fetch starts, not when it is queued.
    const fetches = new dist/* default */.Ay({ concurrency: http.concurrency });
    // On cancellation the fetches not yet started are dropped; those in flight are aborted by the client.
    const dropQueued = () => fetches.clear();
    http.signal?.addEventListener('abort', dropQueued, { once: true });
    try {
        for (const wave of waves) {
            const unnamedWave = wave !== named;
            await fetches.addAll(wave.map((spanIds) => async () => {
                const first = spanIds.find((id) => !held.has(id));
                if (first) {
                    requests++;
                    try {
                        const response = await http.call('GET', `/stored-traces?span-id=${encodeURIComponent(first)}`, { snapshotEndpoint: false });
                        if (storedTraceInto(response, builder, held) > 0)
                            fetched++;
                        else
                            repeats++;
                    }
                    catch (error) {
                        if (error instanceof errors/* SourceError */.c8)
                            throw error;
                        if (unnamedWave)
                            waveFailures.set(wave, (waveFailures.get(wave) ?? 0) + 1);
                        else
                            failed++;
                        if (failures.length < MAX_FAILURES_KEPT)
                            failures.push({ ref: first, reason: error.message });
                    }
                }
                done++;
                if (Date.now() - lastReport > 5000) {
                    lastReport = Date.now();
                    logger.info(`${done} of ${total} exemplar groups done, ${fetched} traces fetched`);
                }
            }));
        }
    }
    catch (error) {
        // The queue rejects the fetches it dropped with its own AbortError: the cancellation is the news.
        http.checkCancelled();
        throw error;
    }
    finally {
        http.signal?.removeEventListener('abort', dropQueued);
    }
    http.checkCancelled();
    const failedExemplars = [...waveFailures.values()].reduce((a, b) => a + b, 0);
    failed += failedTraces(unnamed, waveFailures, held);
    return {
        builder,
        fetched,
        failures,
        failed,
        wanted: fetched + failed,
        requests,
        repeats,
        failedExemplars,
    };
}
/**
 * How many traces the failed exemplars that do not name their trace stand for. A trace that
 * fails fails for each of its exemplars, so counting exemplars overstates it (about threefold in
 * the simulator's traffic). Which failed exemplars share a trace cannot be known, so it is
 * estimated: failed exemplars ÷ exemplars per trace, the latter measured on the traces that
 * were fetched. It is kept between what is certain: at least the most failures of one
 * operation (whose exemplars lie in distinct traces), at most the failed exemplars.
 */
function failedTraces(waves, waveFailures, held) {
    const failedExemplars = [...waveFailures.values()].reduce((a, b) => a + b, 0);
    if (failedExemplars === 0)
        return 0;
    const atLeast = Math.max(...waveFailures.values());
    let coveredExemplars = 0;
    const traces = new Set();
    for (const wave of waves)
        for (const [spanId] of wave) {
            const traceId = held.get(spanId);
            if (traceId === undefined)
                continue;
            coveredExemplars++;
            traces.add(traceId);
        }
    if (coveredExemplars === 0)
        return atLeast;
    const estimate = Math.round(failedExemplars / (coveredExemplars / traces.size));
    return Math.min(failedExemplars, Math.max(atLeast, estimate));
}
/** A snapshot's exemplars and their stored traces, as a dataset with provenance and coverage. */
async function collectSnapshotDataset(http, query, snapshot, settings) {
    const { exemplars, uiLink, completeAt } = await waitForExemplars(http, snapshot.id, snapshot.completeAt, settings.wait, settings.logger, settings.timeScale);
    if (exemplars.length === 0)
        settings.logger.warn(`snapshot ${snapshot.id} of ${JSON.stringify(query.query)} found no spans: check that the query matches traffic`);
    else
        settings.logger.info(`snapshot ${snapshot.id}: ${exemplars.length} exemplars; fetching their traces`);
    const traces = await fetchTraces(http, exemplars, settings.logger);
    const complete = traces.failed === 0;
    settings.logger.info(`snapshot ${snapshot.id}: ${traces.builder.size} spans from ${traces.fetched} of ${traces.wanted} traces in ${traces.requests} requests${complete ? '' : ` (${traces.failedExemplars ? 'about ' : ''}${traces.failed} failed: the dataset is partial)`}`);
    if (traces.repeats > 0)
        settings.logger.debug(`${traces.repeats} stored-trace requests reached a trace already held: the exemplars do not name their trace`);
    if (traces.failedExemplars > 0)
        settings.logger.info(`snapshot ${snapshot.id}: ${traces.failedExemplars} exemplars that do not name their trace could not be fetched; from the exemplars per trace fetched, they stand for about ${traces.failed} traces`);
    if (!complete) {
        const reasons = [...new Set(traces.failures.map((f) => f.reason))].slice(0, 3).join('; ');
        settings.logger.warn(`snapshot ${snapshot.id}: coverage ${traces.fetched} of ${traces.wanted} traces (${Math.floor((100 * traces.fetched) / Math.max(1, traces.wanted))} %); the dataset is partial, so no value will be called missing on its strength. Failures: ${reasons}`);
    }
    return (0,assemble/* assembleDataset */.L)(traces.builder, {
        provenance: {
            source: 'lightstep',
            queryId: query.id,
            queryName: query.name,
            query: query.query,
            snapshotId: snapshot.id,
            ...(snapshot.createdAt ? { createdAt: new Date(snapshot.createdAt).toISOString() } : {}),
            ...(completeAt ? { completeAt: new Date(completeAt).toISOString() } : {}),
            collectedAt: new Date().toISOString(),
            origin: http.host,
            ...(uiLink ? { uiLink } : {}),
        },
        coverage: {
            complete,
            exemplars: exemplars.length,
            tracesWanted: traces.wanted,
            tracesFetched: traces.fetched,
            tracesFailed: traces.failed,
            failures: traces.failures,
        },
    });
}
async function listSnapshots(http) {
    let response;
    try {
        response = await http.call('GET', '/snapshots', { snapshotEndpoint: true });
    }
    catch (error) {
        if (error instanceof errors/* SourceError */.c8)
            throw error;
        throw new errors/* SourceError */.c8(`could not list the snapshots at ${http.host}: ${error.message}`, 'check the organization and project names; if they are right, try again later', { cause: error });
    }
    const out = [];
    for (const s of Array.isArray(response.data) ? response.data : []) {
        if (typeof s?.id !== 'string' || !s.id)
            continue;
        const query = s.attributes?.query;
        const completeAt = parseCompleteTime(s.attributes?.['complete-time']);
        out.push({
            id: s.id,
            ...(typeof query === 'string' ? { query } : {}),
            ...(completeAt !== undefined ? { completeAt } : {}),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/sources/lightstep/index.ts








const DEFAULT_REUSE_WITHIN_MS = 15 * 60_000;
function newSnapshotMemo() {
    return { snapshots: new Map(), listed: new Map() };
}
const ago = (ms) => ms < 90_000 ? `${Math.max(0, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
/** A recent snapshot of this query picked up (from this run, or listed), or a new one. */
async function takeSnapshot(client, text, reuse, logger, createNew = false) {
    const withinMs = createNew ? 0 : (reuse.withinMs ?? DEFAULT_REUSE_WITHIN_MS);
    const memo = reuse.memo;
    const scope = `${client.host}\n${client.organization}\n${client.project}`;
    const key = `${scope}\n${text.trim()}`;
    const fresh = (s) => {
        const at = s.completeAt ?? s.createdAt;
        return at !== undefined && at >= Date.now() - withinMs;
    };
    if (withinMs > 0 && memo?.snapshots.has(key)) {
        const earlier = await client.unlessCancelled(memo.snapshots.get(key).catch(() => undefined));
        if (earlier && fresh(earlier)) {
            logger.info(`reusing snapshot ${earlier.id}, taken ${ago(Date.now() - (earlier.createdAt ?? Date.now()))} ago in this run for the same query text (no new snapshot request)`);
            return earlier;
        }
    }
    const taking = (async () => {
        if (withinMs > 0 && reuse.list) {
            let listing = memo?.listed.get(scope);
            if (!listing) {
                listing = listSnapshots(client);
                memo?.listed.set(scope, listing);
            }
            try {
                const matching = (await client.unlessCancelled(listing)).filter((s) => s.query?.trim() === text.trim());
                const dated = matching.filter((s) => s.completeAt !== undefined && s.completeAt >= Date.now() - withinMs);
                const newest = dated.sort((a, b) => b.completeAt - a.completeAt)[0];
                if (newest) {
                    logger.info(`reusing snapshot ${newest.id} of the same query text, complete ${newest.completeAt <= Date.now() ? `${ago(Date.now() - newest.completeAt)} ago` : 'soon'} (a re-run picks up its earlier attempt's snapshot rather than spend a new snapshot request)`);
                    return { ...newest, listed: true };
                }
                const undated = matching.length - matching.filter((s) => s.completeAt !== undefined).length;
                logger.info(`no snapshot of this query text complete in the last ${ago(withinMs)} among those listed${undated ? ` (${undated} listed without a complete-time: their age is unknown, so they are not picked up)` : ''}; creating one`);
            }
            catch (error) {
                client.checkCancelled();
                // Listing only saves budget; a failure here must not cost the collection. A real problem
                // (bad key, limit used up) is met again, and reported, by the create.
                logger.warn(`could not list the snapshots to pick one up (${error.message}); creating one`);
            }
        }
        const createdAt = Date.now();
        const created = await createSnapshot(client, text);
        logger.info(`created snapshot ${created.id} at ${client.host}`);
        return { ...created, createdAt };
    })();
    if ((withinMs > 0 || createNew) && memo) {
        memo.snapshots.set(key, taking);
        taking.catch(() => {
            if (memo.snapshots.get(key) === taking)
                memo.snapshots.delete(key);
        });
    }
    return taking;
}
const DEFAULT_WAIT = { marginMs: 5000, polls: 8, pollDelayMs: 5000 };
async function withClient(options, logger, fn, signal = options.signal) {
    const http = new LightstepHttp({ ...options, logger, signal });
    try {
        return await fn(http);
    }
    finally {
        await http.close();
    }
}
/** The Lightstep source: create a snapshot, wait until complete, fetch every trace behind its exemplars. */
function createLightstepSource(options) {
    return {
        kind: 'lightstep',
        collect(query, context) {
            return withClient(options, context.logger, async (client) => {
                const settings = {
                    wait: { ...DEFAULT_WAIT, ...options.wait },
                    timeScale: options.timeScale ?? 1,
                    logger: context.logger,
                };
                const reuse = options.reuse ?? {};
                const snapshot = await takeSnapshot(client, query.query, reuse, context.logger);
                try {
                    return await collectSnapshotDataset(client, query, snapshot, settings);
                }
                catch (error) {
                    // The failed attempt may have failed on this very snapshot (it never completed, or
                    // listed no exemplars): one new snapshot is worth its request then.
                    if (!snapshot.listed || !(error instanceof errors/* SourceError */.c8) || client.signal?.aborted)
                        throw error;
                    context.logger.warn(`the picked-up snapshot ${snapshot.id} could not be collected (${error.message}); taking a new one`);
                    const created = await takeSnapshot(client, query.query, reuse, context.logger, true);
                    return collectSnapshotDataset(client, query, created, settings);
                }
            }, context.signal && options.signal
                ? AbortSignal.any([context.signal, options.signal])
                : (context.signal ?? options.signal));
        },
    };
}
/** A dataset from an existing snapshot id (`diff` by snapshot id). */
async function collectSnapshot(snapshotId, options) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    return withClient(options, logger, (client) => collectSnapshotDataset(client, options.query, { id: snapshotId }, { wait: { ...DEFAULT_WAIT, ...options.wait, marginMs: 0 }, timeScale: options.timeScale ?? 1, logger }));
}
/** The organization's snapshots, in the order the API lists them (oldest first, as far as is known). */
async function lightstep_listSnapshots(options, logger = silentLogger) {
    return withClient(options, logger, (client) => list(client));
}


/***/ }),

/***/ 9971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ SlidingWindowLimiter),
/* harmony export */   f: () => (/* binding */ TooLongAWait)
/* harmony export */ });
/**
 * A sliding-window rate limiter: no more than `limit` requests in any `windowMs`, as the server
 * counts them. The server counts a request when it arrives, which we cannot see: it is somewhere
 * between our start and our receipt of the answer. So a slot is held from the start until the
 * answer is in, and then for a whole window after that; a late arrival can then never make the
 * server see one request too many. (p-queue's strict mode counts starts only, and cannot say how
 * long the next slot is away, which we need to fail clearly rather than sleep for most of an hour.)
 */
class TooLongAWait extends Error {
    waitMs;
    constructor(waitMs) {
        super(`the next slot is ${Math.round(waitMs)} ms away`);
        this.waitMs = waitMs;
    }
}
class SlidingWindowLimiter {
    limit;
    windowMs;
    /** When each slot was released, ms; Infinity while its request is in flight. */
    slots = [];
    turn = Promise.resolve();
    wake;
    constructor(limit, windowMs) {
        this.limit = limit;
        this.windowMs = windowMs;
        if (!(limit >= 1))
            throw new RangeError(`a rate limit must allow at least one request (got ${limit})`);
    }
    /**
     * Waits for a slot and takes it. Rejects with TooLongAWait when the wait would exceed
     * `maxWaitMs`, and with the signal's reason as soon as it fires (no slot is then held).
     */
    acquire(maxWaitMs = Infinity, signal) {
        const mine = this.turn.then(async () => {
            const began = Date.now();
            for (;;) {
                signal?.throwIfAborted();
                const now = Date.now();
                this.slots = this.slots.filter((s) => s.end > now - this.windowMs);
                if (this.slots.length < this.limit) {
                    const slot = { end: Infinity };
                    this.slots.push(slot);
                    return {
                        waited: now - began,
                        release: () => {
                            if (slot.end !== Infinity)
                                return;
                            slot.end = Date.now();
                            this.wake?.();
                        },
                    };
                }
                const earliest = Math.min(...this.slots.map((s) => s.end));
                const wait = earliest === Infinity ? Infinity : earliest + this.windowMs - now;
                // Every slot in flight: one will be released soon, so only a known long wait is refused.
                if (earliest !== Infinity && wait > maxWaitMs)
                    throw new TooLongAWait(wait);
                await new Promise((resolve) => {
                    const timer = wait === Infinity ? undefined : setTimeout(done, wait);
                    function done() {
                        clearTimeout(timer);
                        signal?.removeEventListener('abort', done);
                        resolve();
                    }
                    this.wake = done;
                    // Woken by a cancellation, the loop's first line rejects.
                    signal?.addEventListener('abort', done, { once: true });
                });
                this.wake = undefined;
            }
        });
        // Callers queue in order; one caller's refusal does not block the next.
        this.turn = mine.catch(() => undefined);
        if (!signal)
            return mine;
        // A caller cancelled while others are ahead of it leaves at once; should its turn still
        // hand it a slot, the slot is given back.
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                reject(signal.reason);
                void mine.then((slot) => slot.release(), () => undefined);
            };
            if (signal.aborted)
                return onAbort();
            signal.addEventListener('abort', onAbort, { once: true });
            mine.then((slot) => {
                signal.removeEventListener('abort', onAbort);
                resolve(slot);
            }, (error) => {
                signal.removeEventListener('abort', onAbort);
                reject(error);
            });
        });
    }
}


/***/ })

};

import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, UserError, type ConfigProblem } from '../errors.js';
import { FILTER_EXAMPLE, parseFilter } from './filter.js';
import { JAEGER_QUERY_EXAMPLE, jaegerSearch, ZIPKIN_QUERY_EXAMPLE, zipkinSearch } from './search-query.js';
import { parseChange } from './change.js';
import { DEFAULT_BASELINE, DEFAULT_SETTINGS } from './defaults.js';
import { didYouMean, pathText, positionOf, sortProblems } from './positions.js';
import { configSchema, type RawConfig, type RawQuery, type RawSource, type RawThresholds } from './schema.js';
import {
  DEFAULT_TRACE_LIMIT,
  DEFAULT_WINDOW_MINUTES,
  METRICS,
  type BackendSourceConfig,
  type BaselineSpec,
  type Config,
  type DiffSettings,
  type GroupKey,
  type MetricRule,
  type QueryConfig,
  type SourceConfig,
  type ThresholdLevel,
  type Thresholds,
} from './types.js';

/** Reads and validates a config file; every mistake of the file is reported at once, with line and column. */
export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `the configuration file ${file} does not exist` : `cannot read ${file} (${code ?? 'error'})`,
      code === 'ENOENT'
        ? 'create it (see examples/trace-differ.yml), or point the `config` input / --config at it'
        : 'check the path and its permissions',
    );
  }
  return parseConfig(text, file);
}

/** Examples of the right form, by the field a problem is about. */
function exampleForPath(path: readonly PropertyKey[]): string | undefined {
  const last = String(path.findLast((p) => typeof p === 'string') ?? '');
  const examples: Record<string, string> = {
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

function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a mapping (key: value)',
  boolean: 'true or false',
};

function knownKeysAt(issuePath: readonly PropertyKey[]): string[] {
  const shape = (schema: unknown): string[] => {
    const s = schema as {
      shape?: Record<string, unknown>;
      def?: { innerType?: unknown; in?: unknown; schema?: unknown };
    };
    if (s?.shape) return Object.keys(s.shape);
    if (s?.def?.innerType) return shape(s.def.innerType);
    if (s?.def?.schema) return shape(s.def.schema);
    return [];
  };
  // The keys allowed where the unknown key sits: resolved from the schema along the path.
  let node: unknown = configSchema;
  for (const part of issuePath) {
    const s = node as {
      shape?: Record<string, unknown>;
      def?: { innerType?: unknown; element?: unknown; schema?: unknown; options?: unknown[] };
    };
    if (typeof part === 'number') {
      node = s.def?.element ?? (s.def?.innerType as { def?: { element?: unknown } })?.def?.element;
      continue;
    }
    const unwrap = (x: unknown): unknown => {
      const d = (x as { def?: { innerType?: unknown; schema?: unknown; options?: unknown[] } }).def;
      if (d?.innerType) return unwrap(d.innerType);
      if (d?.schema) return unwrap(d.schema);
      return x;
    };
    const here = unwrap(node) as { shape?: Record<string, unknown> };
    node = here.shape?.[String(part)];
    if (node) node = unwrap(node);
    const opts = (node as { def?: { options?: unknown[] } })?.def?.options;
    if (opts) node = opts.find((o) => (unwrap(o) as { shape?: unknown }).shape) ?? node;
  }
  return shape(node);
}

function toProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
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
    let message: string;
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
          problems.push(
            ...toProblems([{ ...custom, path: [...path, ...custom.path] } as z.core.$ZodIssue], doc, counter),
          );
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
        example = (issue.params as { example?: string } | undefined)?.example ?? example;
        break;
      default:
        message = issue.message;
    }
    problems.push({ ...positionOf(doc, counter, path), path: pathText(path), message, example });
  }
  return problems;
}

/** Parses and validates the text of a config file. Pure: the file name is only used in messages. */
export function parseConfig(text: string, file: string): Config {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const { line, col } = counter.linePos(e.pos[0]);
        return {
          line,
          column: col,
          path: '',
          message: `YAML syntax: ${e.message.split('\n')[0]}`,
          example: 'key: value, lists as [a, b] or "- a" lines, indented with spaces',
        };
      }),
    );
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, [
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
  const queries = (raw as { queries?: unknown }).queries;
  if (parsed.success) problems.push(...crossChecks(parsed.data, doc, counter));
  else if (Array.isArray(queries) && queries.every((q) => q && typeof q === 'object')) {
    problems.push(...crossChecks(raw as RawConfig, doc, counter));
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(file, sortProblems(problems));
  return normalise(parsed.data, file);
}

/** What one schema cannot see: unique ids, a source for every query, a query text for Lightstep. */
function crossChecks(raw: RawConfig, doc: ReturnType<typeof parseDocument>, counter: LineCounter): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, number>();
  raw.queries.forEach((q, i) => {
    const at = (field: string) => ({
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
    } else {
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
    } else if ((source.lightstep || source.tempo || source.jaeger || source.zipkin) && !q.query) {
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
    } else if ((source.tempo || source.jaeger || source.zipkin) && q.filter !== undefined) {
      problems.push({
        ...at('filter'),
        message: "a Tempo, Jaeger or Zipkin source selects traces with 'query', not 'filter'",
        example: source.tempo ? 'query: \'{ resource.service.name = "checkout" }\'' : `query: ${JAEGER_QUERY_EXAMPLE}`,
      });
    } else if ((source.jaeger || source.zipkin) && q.query) {
      try {
        if (source.jaeger) jaegerSearch(q.query);
        else zipkinSearch(q.query);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        problems.push({
          ...at('query'),
          message: error.message,
          example: `query: ${source.jaeger ? JAEGER_QUERY_EXAMPLE : ZIPKIN_QUERY_EXAMPLE}`,
        });
      }
    } else if (source.otlp && q.query) {
      problems.push({
        ...at('query'),
        message: "an OTLP source selects spans with 'filter', not 'query'",
        example: 'filter: service.name = "android"',
      });
    } else if (source.otlp && q.filter) {
      try {
        parseFilter(q.filter);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        problems.push({ ...at('filter'), message: error.message, example: FILTER_EXAMPLE });
      }
    } else if (source.lightstep && q.filter !== undefined) {
      problems.push({
        ...at('filter'),
        message: "a Lightstep source selects spans with 'query', not 'filter'",
        example: 'query: service IN ("android")',
      });
    }
  });
  return problems;
}

function toBackend(raw: {
  url?: string;
  'window-minutes'?: number;
  limit?: number;
  concurrency?: number;
}): BackendSourceConfig {
  return {
    ...(raw.url ? { url: raw.url } : {}),
    windowMinutes: raw['window-minutes'] ?? DEFAULT_WINDOW_MINUTES,
    limit: raw.limit ?? DEFAULT_TRACE_LIMIT,
    ...(raw.concurrency ? { concurrency: raw.concurrency } : {}),
  };
}

function toSource(raw: RawSource): SourceConfig {
  if (raw.tempo)
    return { kind: 'tempo', ...toBackend(raw.tempo), ...(raw.tempo.tenant ? { tenant: raw.tempo.tenant } : {}) };
  if (raw.jaeger) return { kind: 'jaeger', ...toBackend(raw.jaeger), api: raw.jaeger.api ?? 'v3' };
  if (raw.zipkin) return { kind: 'zipkin', ...toBackend(raw.zipkin) };
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
  return { kind: 'otlp', path: raw.otlp!.path };
}

function toGroupBy(raw: (string | string[])[]): GroupKey[] {
  return raw.map((k) => (Array.isArray(k) ? k : [k]));
}

export function parseBaseline(text: string): BaselineSpec {
  const t = text.trim();
  if (t === 'previous') return { kind: 'previous' };
  const pinned = /^pinned:(\S+)$/.exec(t);
  if (pinned) return { kind: 'pinned', name: pinned[1]! };
  const median = /^median-of:(\d+)$/.exec(t);
  if (median && Number(median[1]) >= 2) return { kind: 'median-of', count: Number(median[1]) };
  throw new UserError(
    `baseline '${text}' is not one of previous, pinned:<name>, median-of:<N>`,
    'write e.g. baseline: median-of:3',
  );
}

/** Merges a query's thresholds over the defaults' (per metric: a query that sets p99 keeps the default p95). */
function toThresholds(base: Thresholds, raw: RawThresholds | undefined): Thresholds {
  if (!raw) return base;
  const byMetric = new Map(base.metrics.map((r) => [r.metric, r]));
  for (const metric of METRICS) {
    const value = raw[metric];
    if (value === undefined) continue;
    const levelsRaw = typeof value === 'object' ? value : { fail: value };
    const levels: ThresholdLevel[] = (['fail', 'warn', 'notice'] as const)
      .filter((s) => levelsRaw[s] !== undefined)
      .map((severity) => ({ severity, change: parseChange(levelsRaw[severity]!, metric) }));
    const text =
      typeof value === 'object'
        ? `${metric}: { ${(['notice', 'warn', 'fail'] as const)
            .filter((s) => levelsRaw[s] !== undefined)
            .map((s) => `${s}: ${String(levelsRaw[s])}`)
            .join(', ')} }`
        : `${metric}: ${String(value)}`;
    byMetric.set(metric, { metric, levels, text } satisfies MetricRule);
  }
  return {
    metrics: [...byMetric.values()],
    missing: raw.missing ?? base.missing,
    new: raw.new ?? base.new,
    edges: raw.edges ?? base.edges,
  };
}

function mergeSettings(base: DiffSettings, raw: Partial<RawQuery> | undefined): DiffSettings {
  return {
    groupBy: raw?.['group-by'] ? toGroupBy(raw['group-by']) : base.groupBy,
    minSamples: raw?.['min-samples'] ?? base.minSamples,
    significance: raw?.significance ?? base.significance,
    thresholds: toThresholds(base.thresholds, raw?.thresholds),
  };
}

function normalise(raw: RawConfig, file: string): Config {
  const defaults = mergeSettings(DEFAULT_SETTINGS, raw.defaults);
  const defaultBaseline = raw.defaults?.baseline ? parseBaseline(raw.defaults.baseline) : DEFAULT_BASELINE;
  const queries: QueryConfig[] = raw.queries.map((q) => {
    const source = toSource((q.source ?? raw.source)!);
    return {
      ...mergeSettings(defaults, q),
      id: q.id,
      name: q.name ?? q.id,
      query: source.kind === 'otlp' ? (q.filter ?? '') : q.query!,
      source,
      baseline: q.baseline ? parseBaseline(q.baseline) : defaultBaseline,
    };
  });
  return { version: 1, file, queries };
}

/** Parses the CLI's `--group-by operation,http.status_code,service+operation`. */
export function parseGroupBy(text: string): GroupKey[] {
  const keys = text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => k.split('+').map((p) => p.trim()));
  if (keys.length === 0 || keys.some((k) => k.some((p) => p === ''))) {
    throw new UserError(
      `--group-by '${text}' names no keys`,
      'write e.g. --group-by operation,http.status_code,service+operation',
    );
  }
  return keys;
}

import type { Span } from '../dataset/types.js';
import { Random } from './random.js';

/**
 * Synthetic traffic that looks like the Lightstep sandbox: mobile and web clients calling an API
 * server that calls inventory and payments, with log-normal latencies, per-operation error rates
 * and tags. Deterministic from a seed. A `Scenario` changes it the way a deploy might.
 */

export interface OperationModel {
  service: string;
  operation: string;
  medianUs: number;
  /** Log-normal shape: 0.3 is tight, 0.8 has a long tail. */
  sigma: number;
  errorRate: number;
  /** Child calls, as `service:operation` of other models. */
  calls: string[];
}

export const SANDBOX: readonly OperationModel[] = [
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
const ROOTS: readonly [string, number][] = [
  ['android:/api/get-transactions', 30],
  ['android:/api/make-payment', 15],
  ['iOS:/api/get-transactions', 25],
  ['iOS:/api/make-payment', 12],
  ['web:/api/get-catalog', 18],
];

const CUSTOMERS = ['meowsy', 'BEEMO', 'acme', 'globex', 'initech'] as const;
const CUSTOMER_WEIGHTS = [35, 25, 20, 15, 5];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;
const REGION_WEIGHTS = [50, 30, 20];

/** What a later snapshot's traffic does differently. Every field is optional. */
export interface Scenario {
  /** Operations made slower: `percent` +25 = 25 % slower; `tailOnly` slows only the slowest 10 %. */
  slower?: { service?: string; operation: string; percent: number; tailOnly?: boolean }[];
  /** Error rates raised by percentage points. */
  errorsUp?: { service?: string; operation: string; pp: number }[];
  /** A tag value that no longer occurs (e.g. `{ tag: 'customer', value: 'BEEMO' }`). */
  removeTagValue?: { tag: string; value: string }[];
  /** A tag value that appears on a share of spans. */
  addTagValue?: { tag: string; value: string; share: number }[];
  /** A new call edge: every `from` span also calls `to` (a new operation model is made up when unknown). */
  addCall?: { from: string; to: string; medianUs?: number }[];
  /** A call that no longer happens. */
  removeCall?: { from: string; to: string }[];
}

/**
 * How much the traffic looks like production rather than a textbook. Spans of one request are not
 * independent: a request calls one operation many times (fan-out, an N+1 loop), a slow request is
 * slow in every span (a cold cache, a big customer), a failed request fails whole, and a few calls
 * take far longer than the rest (GC pauses, lock waits, retries). Every field is optional; without
 * any, the traffic is the plain sandbox (and the same for the same seed as before these existed).
 */
export interface TrafficShape {
  /** Calls made per parent call, by callee `service:operation` (default 1). */
  fanOut?: Readonly<Record<string, number>>;
  /** σ of a log-normal latency factor shared by every span of a trace (median 1). */
  traceLatencySigma?: number;
  /** Share of traces that fail whole: every span errs. */
  traceFailureRate?: number;
  /** Heavy tails: this share of spans is slowed by a Pareto factor of shape α (α ≤ 2: infinite variance). */
  tail?: { share: number; alpha: number };
  /** The entry points of traces with their weights, instead of the sandbox's five clients. */
  roots?: readonly (readonly [string, number])[];
}

/**
 * The production-like shape the demo and docs/statistics.md use: api-server's user-space mapping is
 * called 10 times per get-transactions (an N+1 loop) and the cache written 3 times per call, a
 * per-trace latency factor of σ 0.3 (a trace at the 90th percentile of it is 47 % slower in every
 * span), 2 % of traces failing whole, and 2 % of spans with a Pareto(1.5) tail.
 */
export const PRODUCTION: TrafficShape = {
  fanOut: { 'api-server:user-space-mapping': 10, 'inventory:write-cache': 3 },
  traceLatencySigma: 0.3,
  traceFailureRate: 0.02,
  tail: { share: 0.02, alpha: 1.5 },
};

export interface TrafficOptions {
  seed: number;
  traces: number;
  /** Start of the window, µs since the epoch. */
  startUs: number;
  windowMinutes: number;
  scenario?: Scenario;
  /** Production-like dependence between the spans of a trace (see TrafficShape); none by default. */
  shape?: TrafficShape;
}

function matches(m: OperationModel, s: { service?: string; operation: string }): boolean {
  return m.operation === s.operation && (s.service === undefined || m.service === s.service);
}

/** Generates whole traces (every span of each), in time order. */
export function generateTraffic(options: TrafficOptions): Span[] {
  const rng = new Random(options.seed);
  const scenario = options.scenario ?? {};
  const models = new Map<string, OperationModel>(
    SANDBOX.map((m) => [`${m.service}:${m.operation}`, { ...m, calls: [...m.calls] }]),
  );
  for (const add of scenario.addCall ?? []) {
    if (!models.has(add.to)) {
      const [service, operation] = add.to.split(':') as [string, string];
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
    if (from) from.calls = from.calls.filter((c) => c !== remove.to);
  }
  const spans: Span[] = [];
  const windowUs = options.windowMinutes * 60e6;
  const shape = options.shape ?? {};
  const roots = shape.roots ?? ROOTS;
  const rootKeys = roots.map((r) => r[0]);
  const rootWeights = roots.map((r) => r[1]);
  /** The current trace's shared latency factor and whether it fails whole. */
  let traceFactor = 1;
  let traceFails = false;

  const emit = (
    key: string,
    traceId: string,
    parentSpanId: string | undefined,
    startUs: number,
    tags: Record<string, string>,
  ): Span => {
    const model = models.get(key)!;
    let duration = rng.logNormal(model.medianUs, model.sigma);
    const ownDuration = duration;
    duration *= traceFactor;
    if (shape.tail && rng.next() < shape.tail.share) duration *= Math.pow(1 - rng.next(), -1 / shape.tail.alpha);
    for (const slow of scenario.slower ?? []) {
      if (!matches(model, slow)) continue;
      // The tail of the span's own log-normal: z above 1.28 is its slowest 10 %.
      if (!slow.tailOnly || ownDuration > model.medianUs * Math.exp(model.sigma * 1.28))
        duration *= 1 + slow.percent / 100;
    }
    let errorRate = model.errorRate;
    for (const up of scenario.errorsUp ?? []) if (matches(model, up)) errorRate += up.pp / 100;
    const error = traceFails || rng.next() < errorRate;
    const spanTags: Record<string, string> = { ...tags };
    if (model.operation.startsWith('/api/'))
      spanTags['http.status_code'] = error ? rng.pick(['500', '503']) : rng.next() < 0.02 ? '404' : '200';
    if (error) spanTags.error = 'true';
    const span: Span = {
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
    let customer: string = rng.pick(CUSTOMERS, CUSTOMER_WEIGHTS);
    for (const removed of scenario.removeTagValue ?? []) {
      if (removed.tag === 'customer' && removed.value === customer) customer = 'acme';
    }
    let region: string = rng.pick(REGIONS, REGION_WEIGHTS);
    for (const removed of scenario.removeTagValue ?? []) {
      if (removed.tag === 'region' && removed.value === region) region = 'us-east-1';
    }
    const tags: Record<string, string> = { customer, region };
    for (const added of scenario.addTagValue ?? []) if (rng.next() < added.share) tags[added.tag] = added.value;
    const root = rng.pick(rootKeys, rootWeights);
    if (shape.traceLatencySigma) traceFactor = rng.logNormal(1, shape.traceLatencySigma);
    if (shape.traceFailureRate) traceFails = rng.next() < shape.traceFailureRate;
    emit(root, rng.hex(16), undefined, options.startUs + (t / options.traces) * windowUs, tags);
  }
  return spans;
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Span } from '../dataset/types.js';
import { Random } from './random.js';
import { generateTraffic, type Scenario, type TrafficShape } from './traffic.js';

/**
 * A Lightstep public API (v0.2) on loopback, with the real JSON shapes, status codes and error
 * body of ../shared/reference/lightstep-api.md, serving sandbox-like traffic deterministically,
 * with scenarios (what a deploy changes) and faults (what networks and the real API do).
 */

export interface Faults {
  /** The next N requests (any endpoint) answer 429 with X-RateLimit-* headers. */
  rateLimitBurst?: number;
  /** Which requests the burst hits: any (default), or only stored-trace requests. */
  rateLimitBurstOn?: 'any' | 'stored-traces';
  /** Seconds put in Retry-After on those 429s (the real API was never seen sending it). */
  retryAfterSeconds?: number;
  /** Fraction of stored traces whose FIRST request answers 500 (transient). */
  transientTraceFailures?: number;
  /** Fraction of stored traces that always answer 500 ("not assembled"), as the real API does for some. */
  permanentTraceFailures?: number;
  /** Delay before every response, ms. */
  slowMs?: number;
  /** The next N stored-trace responses are cut off halfway and the connection closed. */
  truncateNext?: number;
  /** The next N stored-trace requests get no answer at all: the connection is reset. */
  resetNext?: number;
  /** The next N stored-trace requests are held this long before the answer (past a client's timeout). */
  stall?: { next: number; ms: number };
  /** The next N snapshot creations do create the snapshot, then answer 500 (a client must not create another). */
  createFailures?: number;
  /** The next N reads of a snapshot list no exemplars even after its complete-time (still assembling). */
  notCompleteReads?: number;
  /** Error bodies quote the Authorization header back, as a careless server might: the client must not repeat it. */
  echoKeyInErrors?: boolean;
}

export interface SimulatorOptions {
  port?: number;
  seed?: number;
  organization?: string;
  project?: string;
  /** The key the API accepts; any other gets 401. Default: any non-empty key. */
  apiKey?: string;
  /** How long after creation a snapshot is complete, ms. */
  completeAfterMs?: number;
  /** Traces of traffic behind each snapshot. */
  tracesPerSnapshot?: number;
  windowMinutes?: number;
  /** How production-like the traffic is (fan-out, shared per-trace latency, whole-trace failures, tails). */
  shape?: TrafficShape;
  /** Whether exemplars carry `trace-guid` (unconfirmed for the real API; the client copes either way). */
  exemplarTraceGuid?: boolean;
  /** The snapshot rate limit it enforces, per hour (the documented 60). */
  snapshotLimitPerHour?: number;
  /** The rate limit of the other endpoints (stored traces) it enforces, per second (the documented 100). */
  storedTraceLimitPerSecond?: number;
  /** How `complete-time` is written: RFC 3339 (likely the real form), or epoch seconds / ms (tolerated by clients). */
  completeTimeFormat?: 'rfc3339' | 'epoch-seconds' | 'epoch-ms';
  /** Whether the snapshot list states each one's complete-time (not confirmed for the real API: clients must cope without). */
  listCompleteTime?: boolean;
  /** The status a bad key gets: the spec says 401, the official Grafana datasource handles 403. */
  badKeyStatus?: 401 | 403;
}

export interface SimulatorStats {
  requests: Record<string, number>;
  /** Stored-trace requests per trace id: a trace fetched twice shows 2. */
  storedTraceRequests: Map<string, number>;
  /** Every 429 answered: injected bursts and enforced limits. */
  rateLimited: number;
  /** 429s answered because a client went over an enforced limit (not injected): a well-behaved client keeps this 0. */
  limitExceeded: number;
  /** The most stored-trace requests in flight at one time. */
  maxInFlight: number;
  /** Stored-trace requests in flight now (a connection the client closed is no longer counted). */
  inFlight: number;
  /** Snapshots created (including those whose creation was answered with an injected 500). */
  snapshotsCreated: number;
  unauthorized: number;
}

interface Snapshot {
  id: string;
  query: string;
  createdAt: number;
  completeAt: number;
  exemplars: Span[];
  /** Every span of every trace behind the exemplars: what a complete collection must end with. */
  traces: Map<string, Span[]>;
}

export interface Simulator {
  url: string;
  organization: string;
  project: string;
  /** A key the simulator accepts. */
  apiKey: string;
  setScenario(scenario: Scenario | undefined): void;
  setFaults(faults: Faults): void;
  stats(): SimulatorStats;
  /** The spans a complete collection of the snapshot must hold. */
  groundTruth(snapshotId: string): Span[];
  close(): Promise<void>;
}

/** The query forms the sandbox uses: `service IN ("a", "b")`, `operation IN (…)`, joined by AND. */
export function matcher(query: string): (s: Span) => boolean {
  const clauses = [...query.matchAll(/\b(service|operation)\s+IN\s*\(([^)]*)\)/gi)].map((m) => ({
    field: m[1]!.toLowerCase() as 'service' | 'operation',
    values: new Set([...m[2]!.matchAll(/"([^"]*)"/g)].map((v) => v[1]!)),
  }));
  return (s) => clauses.every((c) => c.values.has(c.field === 'service' ? s.service : s.operation));
}

function reporterId(service: string, host: string | undefined): string {
  let h = 0x811c9dc5;
  for (const c of `${service}/${host ?? ''}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0').repeat(2);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const organization = options.organization ?? 'demo-org';
  const project = options.project ?? 'demo-project';
  const base = `/public/v0.2/${organization}/projects/${project}`;
  const seed = options.seed ?? 42;
  const ids = new Random(seed ^ 0x5eed);
  const snapshots = new Map<string, Snapshot>();
  const spanToTrace = new Map<string, { snapshot: Snapshot; traceId: string }>();
  let scenario: Scenario | undefined;
  let faults: Faults = {};
  const transientSeen = new Set<string>();
  const snapshotCalls: number[] = [];
  const storedTraceCalls: number[] = [];
  const stats: SimulatorStats = {
    requests: {},
    storedTraceRequests: new Map(),
    rateLimited: 0,
    limitExceeded: 0,
    maxInFlight: 0,
    inFlight: 0,
    snapshotsCreated: 0,
    unauthorized: 0,
  };
  const completeTime = (ms: number): string | number =>
    options.completeTimeFormat === 'epoch-seconds'
      ? Math.ceil(ms / 1000)
      : options.completeTimeFormat === 'epoch-ms'
        ? ms
        : new Date(ms).toISOString();
  const failureRoll = new Map<string, number>();
  const roll = (traceId: string) => {
    if (!failureRoll.has(traceId)) failureRoll.set(traceId, new Random(parseInt(traceId.slice(0, 8), 16)).next());
    return failureRoll.get(traceId)!;
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };
  const error = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) =>
    send(res, status, { errors: [message] }, headers);
  const rateHeaders = (limit: number, remaining: number, resetSeconds: number) => ({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, remaining)),
    'x-ratelimit-reset': String(resetSeconds),
  });

  const createSnapshot = (query: string): Snapshot => {
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
    const traces = new Map<string, Span[]>();
    for (const s of traffic) {
      if (!wanted.has(s.traceId)) continue;
      let list = traces.get(s.traceId);
      if (!list) traces.set(s.traceId, (list = []));
      list.push(s);
    }
    const snapshot: Snapshot = {
      id: ids.hex(10).replace(/^\d/, 'S'),
      query,
      createdAt: now,
      completeAt: now + (options.completeAfterMs ?? 0),
      exemplars,
      traces,
    };
    snapshots.set(snapshot.id, snapshot);
    stats.snapshotsCreated++;
    for (const [traceId, spans] of traces) for (const s of spans) spanToTrace.set(s.spanId, { snapshot, traceId });
    return snapshot;
  };

  const storedTrace = (snapshot: Snapshot, traceId: string, requested: string, url: string) => {
    const spans = snapshot.traces.get(traceId)!;
    const reporters = new Map<string, { service: string; host?: string }>();
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
  const admin = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return error(res, 400, 'Invalid JSON body');
    }
    if (req.method === 'PUT' && path === '/_simulator/scenario') {
      scenario = (body as Scenario | null) ?? undefined;
      return send(res, 200, { scenario: scenario ?? null });
    }
    if (req.method === 'PUT' && path === '/_simulator/faults') {
      faults = { ...((body as Faults | null) ?? {}) };
      return send(res, 200, { faults });
    }
    if (req.method === 'GET' && path === '/_simulator/stats') {
      return send(res, 200, { ...stats, storedTraceRequests: Object.fromEntries(stats.storedTraceRequests) });
    }
    return error(
      res,
      404,
      'Not found: the simulator answers PUT /_simulator/scenario, PUT /_simulator/faults, GET /_simulator/stats',
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const path = url.pathname;
    const route =
      req.method === 'POST' && path === `${base}/snapshots`
        ? 'create-snapshot'
        : req.method === 'GET' && path === `${base}/snapshots`
          ? 'list-snapshots'
          : req.method === 'GET' && path.startsWith(`${base}/snapshots/`)
            ? 'get-snapshot'
            : req.method === 'GET' && path === `${base}/stored-traces`
              ? 'stored-traces'
              : 'unknown';
    if (path.startsWith('/_simulator/')) return admin(req, res, path);
    stats.requests[route] = (stats.requests[route] ?? 0) + 1;
    if (route === 'stored-traces') {
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      res.once('close', () => stats.inFlight--);
    }
    if (faults.slowMs) await new Promise((r) => setTimeout(r, faults.slowMs));

    const auth = req.headers.authorization ?? '';
    const key = /^bearer\s+(.+)$/i.exec(auth)?.[1];
    if (!key || (options.apiKey !== undefined && key !== options.apiKey)) {
      stats.unauthorized++;
      return error(
        res,
        options.badKeyStatus ?? 401,
        faults.echoKeyInErrors
          ? `Unauthorized: '${auth}' is not a valid API key`
          : 'Unauthorized: invalid or missing API key',
      );
    }
    if (route === 'unknown') {
      return error(res, 404, path.startsWith(base) ? 'Not found' : 'Unknown organization or project');
    }
    if (
      faults.rateLimitBurst &&
      faults.rateLimitBurst > 0 &&
      (faults.rateLimitBurstOn !== 'stored-traces' || route === 'stored-traces')
    ) {
      faults.rateLimitBurst--;
      stats.rateLimited++;
      const headers: Record<string, string> = rateHeaders(100, 0, 1);
      if (faults.retryAfterSeconds !== undefined) headers['retry-after'] = String(faults.retryAfterSeconds);
      return error(res, 429, 'Too many requests', headers);
    }
    const isSnapshotEndpoint = route !== 'stored-traces';
    if (!isSnapshotEndpoint) {
      const now = Date.now();
      while (storedTraceCalls.length && storedTraceCalls[0]! <= now - 1000) storedTraceCalls.shift();
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
      while (snapshotCalls.length && snapshotCalls[0]! < hourAgo) snapshotCalls.shift();
      const limit = options.snapshotLimitPerHour ?? 60;
      if (snapshotCalls.length >= limit) {
        stats.rateLimited++;
        stats.limitExceeded++;
        return error(
          res,
          429,
          'Snapshot creation exceeded rate limit',
          rateHeaders(limit, 0, Math.ceil((snapshotCalls[0]! - hourAgo) / 1000)),
        );
      }
      snapshotCalls.push(Date.now());
    }

    if (route === 'create-snapshot') {
      let body = '';
      for await (const chunk of req) body += chunk;
      let query: unknown;
      try {
        query = (JSON.parse(body) as { data?: { attributes?: { query?: unknown } } }).data?.attributes?.query;
      } catch {
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
      if (!snapshot) return error(res, 404, `No snapshot with id ${id}`);
      const attributes: Record<string, unknown> = {
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
    if (!spanId) return error(res, 400, 'Missing required parameter span-id');
    const found = spanToTrace.get(spanId);
    if (!found) return error(res, 404, 'No stored traces found');
    stats.storedTraceRequests.set(found.traceId, (stats.storedTraceRequests.get(found.traceId) ?? 0) + 1);
    if (faults.resetNext && faults.resetNext > 0) {
      faults.resetNext--;
      res.socket?.destroy();
      return;
    }
    if (faults.stall && faults.stall.next > 0) {
      faults.stall.next--;
      // Held until the time is up or the client gives up (aborts, times out), whichever is first.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, faults.stall!.ms);
        res.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (res.destroyed) return;
    }
    const r = roll(found.traceId);
    const serverError = faults.echoKeyInErrors
      ? `Internal Server Error (request with '${auth}')`
      : 'Internal Server Error';
    if (faults.permanentTraceFailures && r < faults.permanentTraceFailures) return error(res, 500, serverError);
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

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) error(res, 500, `simulator bug: ${(e as Error).message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

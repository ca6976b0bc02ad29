import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Span } from '../dataset/types.js';
import { jaegerTrace, otlpResourceSpans, tempoSearchTrace, zipkinTrace } from './backend-shapes.js';
import { Random } from './random.js';
import type { Faults } from './server.js';
import { generateTraffic, type Scenario } from './traffic.js';

/**
 * Loopback fakes of Grafana Tempo, Jaeger's query service and Zipkin, serving the simulator's
 * sandbox traffic in each backend's own answer shapes (backend-shapes.ts), with the Lightstep
 * simulator's faults (`Faults`: rate-limit bursts, transient and permanent failures, resets,
 * truncated bodies, stalls, slowness, secrets echoed in errors) and optional auth.
 */

export type Backend = 'tempo' | 'jaeger' | 'zipkin';

export interface BackendFakeOptions {
  backend: Backend;
  port?: number;
  seed?: number;
  /** Traces of traffic in the window. */
  traces?: number;
  windowMinutes?: number;
  /** A bearer token the fake requires; none: no auth, as these backends ship. */
  token?: string;
  /** Basic auth the fake requires (Grafana Cloud's Tempo: instance id and token). */
  basic?: { username: string; password: string };
  /** Headers a proxy in front requires (an API key), by lower-case name. */
  headers?: Record<string, string>;
  /** Tempo: the X-Scope-OrgID a multi-tenant install requires. */
  tenant?: string;
  /** Tempo: which trace endpoint it has: v2 (2.6 and later, default), v1 only, or v1 answering `batches` (before 2.6). */
  tempoApi?: 'v2' | 'v1' | 'batches';
  /** Tempo: the share of traces answered PARTIAL (cut at max_bytes_per_trace): half their spans, and the status. */
  partialTraces?: number;
  /** Jaeger api_v3: the parameter spelling it reads (camelCase on main, snake_case in v2.16.0). */
  jaegerSpelling?: 'camel' | 'snake';
}

export interface BackendFakeStats {
  requests: Record<string, number>;
  /** Trace fetches (Tempo) per trace id. */
  traceRequests: Map<string, number>;
  rateLimited: number;
  unauthorized: number;
  maxInFlight: number;
  inFlight: number;
  /** The query parameters of every search, in order. */
  searches: Record<string, string>[];
}

export interface BackendFake {
  url: string;
  backend: Backend;
  setScenario(scenario: Scenario | undefined): void;
  setFaults(faults: Faults): void;
  stats(): BackendFakeStats;
  /** Every span of the traffic now served, by trace id (32 hex digits). */
  traces(): Map<string, Span[]>;
  close(): Promise<void>;
}

type Condition = (s: Span) => boolean;

/** The TraceQL the fake understands: `{ a = "x" && b != 1 && status = error }`, a trace matching when one span meets all. */
export function traceqlMatcher(q: string): Condition | string {
  const body = /^\s*\{(.*)\}\s*$/s.exec(q)?.[1];
  if (body === undefined) return `parse error: expected a spanset { … } in ${JSON.stringify(q)}`;
  if (body.trim() === '') return () => true;
  const conditions: Condition[] = [];
  for (const part of body.split('&&')) {
    const m =
      /^\s*(resource\.service\.name|\.service\.name|name|status|(?:span|resource)?\.[\w.-]+)\s*(=|!=)\s*("(?:[^"\\]|\\.)*"|[\w.-]+)\s*$/.exec(
        part,
      );
    if (!m) return `parse error: cannot read ${JSON.stringify(part.trim())}`;
    const [, field, op, raw] = m as unknown as [string, string, string, string];
    const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    const get = (s: Span): string | undefined =>
      field.endsWith('service.name')
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

export async function startBackendFake(options: BackendFakeOptions): Promise<BackendFake> {
  const seed = options.seed ?? 42;
  const windowMinutes = options.windowMinutes ?? 15;
  let generation = 0;
  let scenario: Scenario | undefined;
  let faults: Faults = {};
  let traces = new Map<string, Span[]>();
  const stats: BackendFakeStats = {
    requests: {},
    traceRequests: new Map(),
    rateLimited: 0,
    unauthorized: 0,
    maxInFlight: 0,
    inFlight: 0,
    searches: [],
  };
  const transientSeen = new Set<string>();
  const roll = (traceId: string) => new Random(parseInt(traceId.slice(-8), 16)).next();

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
      if (!list) traces.set(span.traceId, (list = []));
      list.push(span);
    }
  };
  regenerate();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
  };

  /** The traces (in a fixed but unsorted order, as these backends answer) that have a span meeting `match` in the window. */
  const search = (match: Condition, startUs: number, endUs: number, limit: number): Span[][] => {
    const found: Span[][] = [];
    for (const spans of traces.values()) {
      const root = spans[0]!;
      if (root.startUs < startUs || root.startUs > endUs) continue;
      if (spans.some(match)) found.push(spans);
    }
    found.sort((a, b) => roll(a[0]!.traceId) - roll(b[0]!.traceId));
    return found.slice(0, limit);
  };

  const authorised = (req: IncomingMessage): string | undefined => {
    const auth = req.headers.authorization ?? '';
    if (options.token && auth !== `Bearer ${options.token}`) return auth;
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (req.headers[name.toLowerCase()] !== value) return String(req.headers[name.toLowerCase()] ?? '');
    }
    if (options.basic) {
      const expected = Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64');
      if (auth !== `Basic ${expected}`) return auth;
    }
    return undefined;
  };

  const admin = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const value: unknown = body ? JSON.parse(body) : undefined;
    if (req.method === 'PUT' && path === '/_simulator/scenario') {
      scenario = (value as Scenario | null) ?? undefined;
      regenerate();
      return send(res, 200, { scenario: scenario ?? null });
    }
    if (req.method === 'PUT' && path === '/_simulator/faults') {
      faults = { ...((value as Faults | null) ?? {}) };
      return send(res, 200, { faults });
    }
    if (req.method === 'GET' && path === '/_simulator/stats')
      return send(res, 200, { ...stats, traceRequests: Object.fromEntries(stats.traceRequests) });
    return send(res, 404, {
      error: 'the fake answers PUT /_simulator/scenario, PUT /_simulator/faults, GET /_simulator/stats',
    });
  };

  /** The faults of a data request (a Tempo trace fetch; a Jaeger or Zipkin search): true when the fault answered. */
  const dataFaults = async (
    res: ServerResponse,
    traceId: string | undefined,
    auth: string,
    request = '',
  ): Promise<boolean> => {
    if (faults.resetNext && faults.resetNext > 0) {
      faults.resetNext--;
      res.socket?.destroy();
      return true;
    }
    if (faults.stall && faults.stall.next > 0) {
      faults.stall.next--;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, faults.stall!.ms);
        res.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (res.destroyed) return true;
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

  const answer = (res: ServerResponse, body: unknown) => {
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

  const tempo = async (_req: IncomingMessage, res: ServerResponse, url: URL, auth: string) => {
    const path = url.pathname;
    if (path === '/api/search') {
      const params = Object.fromEntries(url.searchParams);
      stats.searches.push(params);
      const limit = Number(params.limit ?? 20);
      const start = Number(params.start);
      const end = Number(params.end);
      if (!params.q) return text(res, 400, 'invalid TraceQL query: q is required');
      if (!(limit > 0)) return text(res, 400, 'invalid limit: must be a positive number');
      if (!(end > start)) return text(res, 400, 'invalid start and end: end must be after start');
      if (end - start > 168 * 3600) return text(res, 400, 'range specified by start and end exceeds 168h0m0s');
      const match = traceqlMatcher(params.q);
      if (typeof match === 'string') return text(res, 400, match);
      const found = search(match, start * 1e6, end * 1e6, limit);
      return send(res, 200, {
        traces: found.map((spans) => tempoSearchTrace(spans, spans.filter(match))),
        metrics: { inspectedBytes: String(found.length * 1000), completedJobs: 1, totalJobs: 1 },
      });
    }
    const m = /^\/api(\/v2)?\/traces\/([^/]+)$/.exec(path);
    if (!m) return text(res, 404, '404 page not found');
    const v2 = Boolean(m[1]);
    if (v2 && options.tempoApi && options.tempoApi !== 'v2') return text(res, 404, '404 page not found');
    // Tempo accepts the id with or without leading zeros, in any case.
    const id = m[2]!.toLowerCase().padStart(32, '0');
    stats.traceRequests.set(id, (stats.traceRequests.get(id) ?? 0) + 1);
    const spans = traces.get(id);
    if (await dataFaults(res, spans ? id : undefined, auth)) return;
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

  const jaeger = async (_req: IncomingMessage, res: ServerResponse, url: URL, auth: string) => {
    const p = url.searchParams;
    if (url.pathname === '/api/v3/traces') {
      const spelling = options.jaegerSpelling ?? 'camel';
      const get = (camel: string, snake: string) => p.get(`query.${spelling === 'camel' ? camel : snake}`) ?? undefined;
      stats.searches.push(Object.fromEntries(p));
      const service = get('serviceName', 'service_name');
      const min = get('startTimeMin', 'start_time_min');
      const max = get('startTimeMax', 'start_time_max');
      const error = (status: number, message: string) => send(res, status, { error: { httpCode: status, message } });
      if (!min || !max || !Number.isFinite(Date.parse(min)) || !Number.isFinite(Date.parse(max)))
        return error(
          400,
          `malformed parameters: ${spelling === 'camel' ? 'query.startTimeMin and query.startTimeMax' : 'query.start_time_min and query.start_time_max'} are required (RFC 3339)`,
        );
      const operation = get('operationName', 'operation_name');
      const attributes =
        spelling === 'camel' && p.get('query.attributes')
          ? (JSON.parse(p.get('query.attributes')!) as Record<string, string>)
          : {};
      const limit = Number(get('searchDepth', 'num_traces') ?? 100);
      if (await dataFaults(res, undefined, auth, url.search)) return;
      const found = search(
        (s) =>
          (!service || s.service === service) &&
          (!operation || s.operation === operation) &&
          Object.entries(attributes).every(([k, v]) => s.tags[k] === v),
        Date.parse(min) * 1000,
        Date.parse(max) * 1000,
        limit,
      );
      if (found.length === 0) return error(404, 'No traces found');
      return answer(res, { result: { resourceSpans: otlpResourceSpans(found.flat(), 'jaeger') } });
    }
    if (url.pathname === '/api/traces') {
      stats.searches.push(Object.fromEntries(p));
      const error = (msg: string) =>
        send(res, 400, { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 400, msg }] });
      const service = p.get('service');
      if (!service) return error("parameter 'service' is required");
      const operation = p.get('operation');
      const tags = p.get('tags') ? (JSON.parse(p.get('tags')!) as Record<string, string>) : {};
      const end = Number(p.get('end') ?? Date.now() * 1000);
      const start = Number(p.get('start') ?? end - 2 * 86_400e6);
      if (await dataFaults(res, undefined, auth, url.search)) return;
      const found = search(
        (s) =>
          s.service === service &&
          (!operation || s.operation === operation) &&
          Object.entries(tags).every(([k, v]) => s.tags[k] === v),
        start,
        end,
        Number(p.get('limit') ?? 100),
      );
      return answer(res, { data: found.map(jaegerTrace), total: 0, limit: 0, offset: 0, errors: null });
    }
    return text(res, 404, '404 page not found');
  };

  const zipkin = async (_req: IncomingMessage, res: ServerResponse, url: URL, auth: string) => {
    if (url.pathname !== '/api/v2/traces') return text(res, 404, 'Not Found');
    const p = url.searchParams;
    stats.searches.push(Object.fromEntries(p));
    const endTs = Number(p.get('endTs') ?? Date.now());
    const lookback = Number(p.get('lookback') ?? 86_400_000);
    const service = p.get('serviceName')?.toLowerCase();
    const spanName = p.get('spanName')?.toLowerCase();
    const annotations = (p.get('annotationQuery') ?? '')
      .split(/\s+and\s+/)
      .filter(Boolean)
      .map((a) => a.split('=') as [string, string?]);
    if (await dataFaults(res, undefined, auth, url.search)) return;
    const found = search(
      (s) =>
        (!service || s.service.toLowerCase() === service) &&
        (!spanName || s.operation.toLowerCase() === spanName) &&
        annotations.every(([k, v]) => (v === undefined ? k in s.tags : s.tags[k] === v)),
      (endTs - lookback) * 1000,
      endTs * 1000,
      Number(p.get('limit') ?? 10),
    );
    return answer(res, found.map(zipkinTrace));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/_simulator/')) return admin(req, res, url.pathname);
    const route = url.pathname.replace(/\/[0-9a-fA-F]{8,}$/, '/{id}');
    stats.requests[route] = (stats.requests[route] ?? 0) + 1;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    res.once('close', () => stats.inFlight--);
    if (faults.slowMs) await new Promise((r) => setTimeout(r, faults.slowMs));
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
      const headers: Record<string, string> = {};
      if (faults.retryAfterSeconds !== undefined) headers['retry-after'] = String(faults.retryAfterSeconds);
      return text(res, 429, 'job queue full', headers);
    }
    if (options.backend === 'tempo') return tempo(req, res, url, auth);
    if (options.backend === 'jaeger') return jaeger(req, res, url, auth);
    return zipkin(req, res, url, auth);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) text(res, 500, `fake bug: ${(e as Error).message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

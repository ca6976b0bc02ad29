import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.js';
import { byId, collect, core, expectedTraces, failure, fake, queryOf, spansOf } from './setup.js';

/**
 * The Jaeger source against the Jaeger fake over real HTTP: api_v3 (OTLP answers; the fake reads
 * either parameter spelling, as main and v2.16.0 do) and v1 (Jaeger JSON, what the UI downloads).
 */
const jaeger = (url: string, api: 'v3' | 'v1' = 'v3', limit = 500) =>
  `jaeger:\n  url: ${url}\n  api: ${api}\n  window-minutes: 15\n  limit: ${limit}`;
const PAYMENTS = 'service = "api-server" AND operation = "make-payment"';
const isPayment = (s: { service: string; operation: string }) =>
  s.service === 'api-server' && s.operation === 'make-payment';

describe('the Jaeger source', () => {
  it.each([
    ['v3', 'camel'],
    ['v3', 'snake'],
    ['v1', 'camel'],
  ] as const)('pulls the traces of a service and operation (%s, %s-case parameters)', async (api, spelling) => {
    const f = await fake({ backend: 'jaeger', traces: 150, jaegerSpelling: spelling });
    const { dataset, log } = await collect(queryOf(jaeger(f.url, api), PAYMENTS));
    const wanted = expectedTraces(f, isPayment);
    expect(wanted.size).toBeGreaterThan(10);
    expect(spansOf(dataset).map(core).sort(byId)).toEqual([...wanted.values()].flat().map(core).sort(byId));
    expect(dataset.provenance).toMatchObject({ source: 'jaeger', query: PAYMENTS });
    expect(dataset.coverage).toMatchObject({
      complete: true,
      tracesWanted: wanted.size,
      tracesFetched: wanted.size,
      limitReached: false,
    });
    // Errors arrive as status code 2 (api_v3) or the error tag (v1): either way they count.
    expect(spansOf(dataset).filter((s) => s.error).length).toBe(
      [...wanted.values()].flat().filter((s) => s.error).length,
    );
    expect(log.lines.some((l) => l.message.includes(`${wanted.size} traces of api-server`))).toBe(true);
  });

  it('filters on attributes (v3 query.attributes, v1 tags) and says when the limit was reached', async () => {
    const f = await fake({ backend: 'jaeger', traces: 150 });
    const query = 'service = "api-server" AND customer = "acme"';
    const wanted = expectedTraces(f, (s) => s.service === 'api-server' && s.tags.customer === 'acme');
    for (const api of ['v3', 'v1'] as const) {
      const { dataset } = await collect(queryOf(jaeger(f.url, api), query));
      expect(dataset.coverage.tracesFetched).toBe(wanted.size);
      const limited = await collect(queryOf(jaeger(f.url, api, 5), query));
      expect(limited.dataset.coverage).toMatchObject({ tracesFetched: 5, limit: 5, limitReached: true });
    }
    expect(JSON.parse(f.stats().searches[0]!['query.attributes']!)).toEqual({ customer: 'acme' });
    expect(f.stats().searches[2]!.tags).toBe('{"customer":"acme"}');
  });

  it('reads "No traces found" as an empty window, not a failure', async () => {
    const f = await fake({ backend: 'jaeger', traces: 50 });
    const { dataset } = await collect(queryOf(jaeger(f.url), 'service = "nobody"'));
    expect(spansOf(dataset)).toEqual([]);
    expect(dataset.coverage).toMatchObject({ complete: true, tracesWanted: 0, limitReached: false });
  });

  it('rides out 429s, 500s, resets and cut-off bodies', async () => {
    const f = await fake({ backend: 'jaeger', traces: 100 });
    const wanted = expectedTraces(f, isPayment);
    for (const faults of [
      { rateLimitBurst: 2, retryAfterSeconds: 1 },
      { transientTraceFailures: 1 },
      { resetNext: 2 },
      { truncateNext: 2 },
    ]) {
      f.setFaults(faults);
      const { dataset } = await collect(queryOf(jaeger(f.url), PAYMENTS));
      expect(dataset.coverage.tracesFetched).toBe(wanted.size);
    }
    f.setFaults({ permanentTraceFailures: 1 });
    const error = await failure(queryOf(jaeger(f.url), PAYMENTS), { retry: { attempts: 2 } });
    expect(error.message).toMatch(/GET \/api\/v3\/traces answered 500/);
  });

  it('names the host and the fix when the proxy in front refuses the credentials', async () => {
    const f = await fake({ backend: 'jaeger', traces: 30, token: 'proxy-token' });
    expect(
      spansOf((await collect(queryOf(jaeger(f.url), PAYMENTS), { token: 'proxy-token' })).dataset).length,
    ).toBeGreaterThan(0);
    const error = await failure(queryOf(jaeger(f.url), PAYMENTS));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(
      `Jaeger at ${new URL(f.url).host} refused the request (401: Unauthorized) to GET /api/v3/traces`,
    );
    expect((error as SourceError).fix).toContain("'backend-token' (a bearer token)");
  });

  it('asks for a service in the query, as the search API needs one', () => {
    expect(() => queryOf(jaeger('https://jaeger.example.com'), 'operation = "make-payment"')).toThrow(
      /queries\[0\]\.query: query "operation = \\"make-payment\\"": Jaeger's search needs a service/,
    );
  });
});

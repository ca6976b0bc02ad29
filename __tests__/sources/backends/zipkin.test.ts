import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.js';
import { sharedServerId } from '../../../src/sources/zipkin/json.js';
import { collect, expectedTraces, failure, fake, queryOf, spansOf } from './setup.js';

/**
 * The Zipkin source against the Zipkin fake over real HTTP. The fake writes calls between services
 * as B3 single-host spans do: a CLIENT span and a SERVER span sharing one id.
 */
const zipkin = (url: string, limit = 500) => `zipkin:\n  url: ${url}\n  window-minutes: 15\n  limit: ${limit}`;

describe('the Zipkin source', () => {
  it('pulls whole traces, with each shared server span the child of its client', async () => {
    const f = await fake({ backend: 'zipkin', traces: 120 });
    const { dataset } = await collect(queryOf(zipkin(f.url), 'service = "android"'));
    const wanted = expectedTraces(f, (s) => s.service === 'android');
    const spans = [...wanted.values()].flat();
    const ids = new Map(spans.map((s) => [s.spanId, s]));
    const calls = spans.filter((s) => s.parentSpanId && ids.get(s.parentSpanId)!.service !== s.service);
    expect(calls.length).toBeGreaterThan(0);
    // Every span of the traffic, plus one client span for each call into another service.
    expect(spansOf(dataset)).toHaveLength(spans.length + calls.length);
    expect(dataset.coverage).toMatchObject({ complete: true, tracesWanted: wanted.size, tracesFetched: wanted.size });
    const got = new Map(spansOf(dataset).map((s) => [`${s.traceId}/${s.spanId}`, s]));
    for (const call of calls) {
      const client = got.get(`${call.traceId}/${call.spanId}`)!;
      const server = got.get(`${call.traceId}/${sharedServerId(call.traceId, call.spanId)}`)!;
      expect(client.service).toBe(ids.get(call.parentSpanId!)!.service.toLowerCase());
      // The caller's span; when the caller was itself called from another service, its server half.
      const callerIsServer = calls.some((c) => c.spanId === call.parentSpanId);
      expect(client.parentSpanId).toBe(
        callerIsServer ? sharedServerId(call.traceId, call.parentSpanId!) : call.parentSpanId,
      );
      expect(server).toMatchObject({
        service: call.service.toLowerCase(),
        parentSpanId: call.spanId,
        durationUs: call.durationUs,
      });
    }
    // A child of a callee hangs under the server half: api-server's spans under api-server's server span.
    const child = spans.find(
      (s) => s.parentSpanId && calls.some((c) => c.spanId === s.parentSpanId && c.service === s.service),
    );
    if (child) {
      const parent = calls.find((c) => c.spanId === child.parentSpanId)!;
      expect(got.get(`${child.traceId}/${child.spanId}`)!.parentSpanId).toBe(
        sharedServerId(parent.traceId, parent.spanId),
      );
    }
    expect(spansOf(dataset).filter((s) => s.error).length).toBe(spans.filter((s) => s.error).length);
    const search = f.stats().searches[0]!;
    expect(search).toMatchObject({ serviceName: 'android', limit: '500', lookback: String(15 * 60_000) });
  });

  it('passes span names and tags as spanName and annotationQuery, and says when the limit was reached', async () => {
    const f = await fake({ backend: 'zipkin', traces: 150 });
    const query = 'service = "api-server" AND span = "make-payment" AND customer = "acme"';
    const wanted = expectedTraces(
      f,
      (s) => s.service === 'api-server' && s.operation === 'make-payment' && s.tags.customer === 'acme',
    );
    const { dataset } = await collect(queryOf(zipkin(f.url), query));
    expect(dataset.coverage.tracesFetched).toBe(wanted.size);
    expect(f.stats().searches[0]).toMatchObject({ spanName: 'make-payment', annotationQuery: 'customer=acme' });
    const { dataset: limited, log } = await collect(queryOf(zipkin(f.url, 3), query));
    expect(limited.coverage).toMatchObject({ tracesFetched: 3, limit: 3, limitReached: true });
    expect(log.lines.map((l) => l.message).join('\n')).toContain('(the limit of 3');
  });

  it('rides out 429s, 500s, resets and cut-off bodies', async () => {
    const f = await fake({ backend: 'zipkin', traces: 80 });
    const wanted = expectedTraces(f, (s) => s.service === 'web');
    for (const faults of [
      { rateLimitBurst: 2 },
      { transientTraceFailures: 1 },
      { resetNext: 1 },
      { truncateNext: 1 },
    ]) {
      f.setFaults(faults);
      const { dataset } = await collect(queryOf(zipkin(f.url), 'service = "web"'));
      expect(dataset.coverage.tracesFetched).toBe(wanted.size);
    }
  });

  it('names the host and the fix when credentials are refused', async () => {
    const f = await fake({ backend: 'zipkin', traces: 20, basic: { username: 'ci', password: 'pw' } });
    const error = await failure(queryOf(zipkin(f.url), 'service = "web"'), { username: 'ci', password: 'nope' });
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(
      `Zipkin at ${new URL(f.url).host} refused the request (401: Unauthorized) to GET /api/v2/traces`,
    );
    expect((error as SourceError).fix).toContain('TRACE_DIFFER_BACKEND_TOKEN');
  });
});

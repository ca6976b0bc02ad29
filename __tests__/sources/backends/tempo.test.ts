import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.js';
import { byId, collect, core, expectedTraces, failure, fake, queryOf, spansOf } from './setup.js';

/**
 * The Tempo source against the Tempo fake over real HTTP: a TraceQL search over the window, each
 * trace fetched (v2, or the older endpoint), in Tempo's shapes (traceID without leading zeros in
 * the search, base64 ids in the traces, PARTIAL answers).
 */
const ANDROID = '{ resource.service.name = "android" }';
const tempo = (url: string, extra = '') => `tempo:\n  url: ${url}\n  window-minutes: 15\n  limit: 500${extra}`;

describe('the Tempo source', () => {
  it('pulls every trace the search finds, whole, with full-width ids, and records the window and the counts', async () => {
    const f = await fake({ backend: 'tempo', traces: 120 });
    const { dataset, log } = await collect(queryOf(tempo(f.url), ANDROID));
    const wanted = expectedTraces(f, (s) => s.service === 'android');
    expect(wanted.size).toBeGreaterThan(20);
    expect(spansOf(dataset).map(core).sort(byId)).toEqual([...wanted.values()].flat().map(core).sort(byId));
    // The search stripped 16 leading zeros from each id; the dataset has them back.
    expect(spansOf(dataset).every((s) => /^0{16}[0-9a-f]{16}$/.test(s.traceId))).toBe(true);
    expect(dataset.provenance).toMatchObject({ source: 'tempo', queryId: 'checkout', query: ANDROID, origin: f.url });
    expect(dataset.provenance.windowEndUs! - dataset.provenance.windowStartUs!).toBe(15 * 60e6);
    expect(dataset.coverage).toMatchObject({
      complete: true,
      tracesWanted: wanted.size,
      tracesFetched: wanted.size,
      tracesFailed: 0,
      limit: 500,
      limitReached: false,
    });
    expect(f.stats().searches[0]).toMatchObject({ q: ANDROID, limit: '500' });
    expect(f.stats().requests['/api/v2/traces/{id}']).toBe(wanted.size);
    expect(log.lines.some((l) => l.message.includes(`${wanted.size} traces found in the last 15 min`))).toBe(true);
  });

  it('says when the search reached its limit: the sample is the first N found', async () => {
    const f = await fake({ backend: 'tempo', traces: 120 });
    const { dataset, log } = await collect(queryOf(tempo(f.url).replace('limit: 500', 'limit: 10'), ANDROID));
    expect(dataset.coverage).toMatchObject({ tracesWanted: 10, tracesFetched: 10, limit: 10, limitReached: true });
    expect(log.lines.map((l) => l.message).join('\n')).toContain('(the limit of 10: the first found');
  });

  it('records PARTIAL traces in the coverage', async () => {
    const f = await fake({ backend: 'tempo', traces: 120, partialTraces: 0.3 });
    const { dataset } = await collect(queryOf(tempo(f.url), ANDROID));
    const c = dataset.coverage;
    expect(c.complete).toBe(false);
    expect(c.tracesPartial).toBeGreaterThan(0);
    expect(c.tracesFetched).toBe(c.tracesWanted);
    expect(c.failures.filter((x) => x.reason.startsWith('partial: Trace exceeds maximum size'))).toHaveLength(
      c.tracesPartial!,
    );
  });

  it.each(['v1', 'batches'] as const)(
    'falls back to /api/traces/{id} on a Tempo without v2 (%s answers)',
    async (api) => {
      const f = await fake({ backend: 'tempo', traces: 60, tempoApi: api });
      const { dataset } = await collect(queryOf(tempo(f.url), ANDROID));
      const wanted = expectedTraces(f, (s) => s.service === 'android');
      expect(spansOf(dataset).map(core).sort(byId)).toEqual([...wanted.values()].flat().map(core).sort(byId));
      // v2 is asked once; once the older endpoint answered, it alone is used.
      expect(f.stats().requests['/api/v2/traces/{id}']).toBe(1);
      expect(f.stats().requests['/api/traces/{id}']).toBe(wanted.size);
    },
  );

  it('rides out 429s, 500s, resets and cut-off bodies, and counts the traces that never come', async () => {
    const f = await fake({ backend: 'tempo', traces: 120 });
    const query = queryOf(tempo(f.url), ANDROID);
    const wanted = expectedTraces(f, (s) => s.service === 'android');
    f.setFaults({
      rateLimitBurst: 3,
      retryAfterSeconds: 1,
      transientTraceFailures: 0.2,
      truncateNext: 2,
      resetNext: 2,
    });
    const { dataset } = await collect(query);
    expect(dataset.coverage).toMatchObject({ complete: true, tracesFetched: wanted.size, tracesFailed: 0 });
    expect(f.stats().rateLimited).toBe(3);

    f.setFaults({ permanentTraceFailures: 0.1 });
    const { dataset: lossy } = await collect(query);
    expect(lossy.coverage.complete).toBe(false);
    expect(lossy.coverage.tracesFailed).toBeGreaterThan(0);
    expect(lossy.coverage.tracesFetched + lossy.coverage.tracesFailed).toBe(wanted.size);
    expect(lossy.coverage.failures[0]!.reason).toMatch(/answered 500/);
  });

  it('sends the tenant and the credentials, and names the host and the fix when they are refused', async () => {
    const f = await fake({
      backend: 'tempo',
      traces: 40,
      tenant: 'team-a',
      basic: { username: '1234', password: 's3cret' },
    });
    const host = new URL(f.url).host;
    const withTenant = queryOf(tempo(f.url, '\n  tenant: team-a'), ANDROID);
    const { dataset } = await collect(withTenant, { username: '1234', password: 's3cret' });
    expect(spansOf(dataset).length).toBeGreaterThan(0);

    const wrong = await failure(withTenant, { username: '1234', password: 'wrong' });
    expect(wrong).toBeInstanceOf(SourceError);
    expect(wrong.message).toBe(`Tempo at ${host} refused the request (401: Unauthorized) to GET /api/search`);
    expect((wrong as SourceError).fix).toContain("'backend-username' and 'backend-password'");

    const noTenant = await failure(queryOf(tempo(f.url), ANDROID), { username: '1234', password: 's3cret' });
    expect(noTenant.message).toContain('401: no org id');
    expect((noTenant as SourceError).fix).toContain("'tenant:' (X-Scope-OrgID)");
  });

  it('never repeats a credential a server echoes back', async () => {
    const f = await fake({ backend: 'tempo', traces: 40, token: 'right-token' });
    f.setFaults({ echoKeyInErrors: true });
    const error = await failure(queryOf(tempo(f.url), ANDROID), { token: 'wrong-token' });
    expect(error.message).toContain('***');
    expect(error.message).not.toContain('wrong-token');
  });

  it('refuses to send credentials over plain http to another host, or to a URL a pull request may have written', async () => {
    const remote = await failure(queryOf(tempo('http://tempo.example.com'), ANDROID), { token: 't' });
    expect(remote.message).toContain('is plain http: the key would cross the network in clear text');
    const f = await fake({ backend: 'tempo', traces: 20, token: 't' });
    const fromPr = await failure(queryOf(tempo(f.url), ANDROID), { token: 't' }, { event: 'pull_request_target' });
    expect(fromPr.message).toContain("on a 'pull_request_target' event the configuration may come from a pull request");
    expect((fromPr as SourceError).fix).toContain(
      `name it in the workflow: 'backend-url: ${f.url}' in the step's 'with:'`,
    );
    const named = await collect(
      queryOf(tempo('https://elsewhere.example.com'), ANDROID),
      { token: 't', url: f.url },
      {
        event: 'pull_request_target',
      },
    );
    expect(spansOf(named.dataset).length).toBeGreaterThan(0);
  });

  it('stops when cancelled, with a clear error', async () => {
    const f = await fake({ backend: 'tempo', traces: 120 });
    f.setFaults({ slowMs: 50 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 120);
    const error = await failure(queryOf(tempo(f.url), ANDROID), {}, { signal: controller.signal });
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(/^cancelled: the collection from Tempo at 127\.0\.0\.1:\d+ was stopped/);
  });

  it('names a TraceQL query Tempo refuses', async () => {
    const f = await fake({ backend: 'tempo', traces: 20 });
    const error = await failure(queryOf(tempo(f.url), 'resource.service.name = "android"'));
    expect(error.message).toContain('Tempo at');
    expect(error.message).toContain('refused the search');
    expect((error as SourceError).fix).toContain('{ resource.service.name = "checkout" }');
  });

  it("puts a server's error body in one line, so that it cannot start a workflow command", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('bad query\n::error::injected\r\n::add-mask::x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const error = await failure(queryOf(tempo(url), ANDROID));
      expect(error.message).toContain('answered 400: bad query ::error::injected ::add-mask::x');
      expect(error.message).not.toMatch(/[\r\n]/);
    } finally {
      server.close();
    }
  });
});

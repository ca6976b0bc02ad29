import { spansOfTable } from '../../../src/dataset/table.js';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src/dataset/types.js';
import type { Scenario } from '../../../src/simulator/index.js';
import { ALL_SERVICES, query, setup } from './setup.js';

/** The simulator itself: traffic that changes on command, limits it enforces, and its admin endpoints. */

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const of = (spans: Span[], service: string, operation: string) =>
  spans.filter((s) => s.service === service && s.operation === operation);
const errorRate = (spans: Span[]) => spans.filter((s) => s.error).length / spans.length;
const edges = (spans: Span[]) => {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const out = new Set<string>();
  for (const s of spans) {
    const p = s.parentSpanId && byId.get(s.parentSpanId);
    if (p) out.add(`${p.service}:${p.operation} -> ${s.service}:${s.operation}`);
  }
  return out;
};

async function twoSnapshots(scenario: Scenario | undefined) {
  const { sim, source, logger } = await setup({ seed: 9, tracesPerSnapshot: 1500 });
  const before = await source.collect(query(ALL_SERVICES), { logger });
  sim.setScenario(scenario);
  const after = await source.collect(query(ALL_SERVICES), { logger });
  expect(before.coverage.complete && after.coverage.complete).toBe(true);
  return { before: spansOfTable(before.table), after: spansOfTable(after.table) };
}

describe('the traffic of a later snapshot, changed on command', () => {
  it('makes an operation slower by the given percentage', async () => {
    const { before, after } = await twoSnapshots({ slower: [{ operation: 'make-payment', percent: 50 }] });
    const ratio =
      median(of(after, 'api-server', 'make-payment').map((s) => s.durationUs)) /
      median(of(before, 'api-server', 'make-payment').map((s) => s.durationUs));
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(1.7);
  });

  it('raises an error rate by percentage points', async () => {
    const { before, after } = await twoSnapshots({
      errorsUp: [{ service: 'inventory', operation: 'update-inventory', pp: 15 }],
    });
    const up =
      errorRate(of(after, 'inventory', 'update-inventory')) - errorRate(of(before, 'inventory', 'update-inventory'));
    expect(up).toBeGreaterThan(0.1);
    expect(up).toBeLessThan(0.2);
  });

  it('removes a tag value, adds a new one, and adds a call edge', async () => {
    const { before, after } = await twoSnapshots({
      removeTagValue: [{ tag: 'customer', value: 'BEEMO' }],
      addTagValue: [{ tag: 'region', value: 'ap-south-1', share: 0.2 }],
      addCall: [{ from: 'api-server:get-catalog', to: 'search:query-index' }],
    });
    expect(before.some((s) => s.tags.customer === 'BEEMO')).toBe(true);
    expect(after.some((s) => s.tags.customer === 'BEEMO')).toBe(false);
    expect(before.some((s) => s.tags.region === 'ap-south-1')).toBe(false);
    const share = after.filter((s) => s.tags.region === 'ap-south-1').length / after.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
    const edge = 'api-server:get-catalog -> search:query-index';
    expect(edges(before).has(edge)).toBe(false);
    expect(edges(after).has(edge)).toBe(true);
    expect(after.some((s) => s.service === 'search')).toBe(true);
  });

  it('without a scenario, gives other spans from the same distribution (noise only)', async () => {
    const { before, after } = await twoSnapshots(undefined);
    const ids = new Set(before.map((s) => s.spanId));
    expect(after.some((s) => ids.has(s.spanId))).toBe(false);
    expect(edges(after)).toEqual(edges(before));
    for (const [service, operation] of [
      ['api-server', 'make-payment'],
      ['android', '/api/get-transactions'],
    ] as const) {
      const ratio =
        median(of(after, service, operation).map((s) => s.durationUs)) /
        median(of(before, service, operation).map((s) => s.durationUs));
      expect(Math.abs(ratio - 1)).toBeLessThan(0.1);
      const share =
        of(after, service, operation).length / after.length - of(before, service, operation).length / before.length;
      expect(Math.abs(share)).toBeLessThan(0.03);
    }
  });

  it('is deterministic from its seed', async () => {
    const strip = (spans: Span[]) => spans.map(({ startUs: _, ...rest }) => rest);
    const a = await setup({ seed: 5, tracesPerSnapshot: 50 });
    const b = await setup({ seed: 5, tracesPerSnapshot: 50 });
    const x = await a.source.collect(query(), { logger: a.logger });
    const y = await b.source.collect(query(), { logger: b.logger });
    expect(x.provenance.snapshotId).toBe(y.provenance.snapshotId);
    expect(strip(spansOfTable(x.table))).toEqual(strip(spansOfTable(y.table)));
  });
});

describe('the simulator as a server', () => {
  it('enforces the stored-trace limit it advertises, with X-RateLimit-* headers and the error body', async () => {
    const { sim, source, logger } = await setup({ storedTraceLimitPerSecond: 5, tracesPerSnapshot: 20 });
    // The client may take one snapshot; then a raw burst with no client-side limit.
    const dataset = await source.collect(query(), { logger });
    const spanId = spansOfTable(dataset.table)[0]!.spanId;
    await new Promise((r) => setTimeout(r, 1100));
    const url = `${sim.url}/public/v0.2/${sim.organization}/projects/${sim.project}/stored-traces?span-id=${spanId}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => request(url, { headers: { authorization: `bearer ${sim.apiKey}` } })),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = answers.find((a) => a.statusCode === 429)!;
    expect(refused.headers).toMatchObject({
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1',
    });
    expect(await refused.body.json()).toEqual({ errors: ['Too many requests'] });
    await Promise.all(answers.map((a) => a.body.dump()));
    expect(sim.stats().limitExceeded).toBe(3);
  });

  it('answers the real routes only, with the error body of the API', async () => {
    const { sim } = await setup();
    const base = `${sim.url}/public/v0.2/${sim.organization}/projects/${sim.project}`;
    const auth = { authorization: `Bearer ${sim.apiKey}` };
    const missing = await request(`${base}/snapshots/Nope123456?include-exemplars=1`, { headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(await missing.body.json()).toEqual({ errors: ['No snapshot with id Nope123456'] });
    const noSpan = await request(`${base}/stored-traces`, { headers: auth });
    expect(noSpan.statusCode).toBe(400);
    await noSpan.body.dump();
    const otherProject = await request(`${sim.url}/public/v0.2/${sim.organization}/projects/other/snapshots`, {
      headers: auth,
    });
    expect(otherProject.statusCode).toBe(404);
    await otherProject.body.dump();
    const create = await request(`${base}/snapshots`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { attributes: { query: 'service IN ("web")' } } }),
    });
    expect(create.statusCode).toBe(200);
    const created = (await create.body.json()) as {
      data: { type: string; id: string; attributes: Record<string, unknown> };
    };
    expect(created.data).toMatchObject({ type: 'snapshot', attributes: { query: 'service IN ("web")' } });
    expect(created.data.id).toMatch(/^[A-Za-z][0-9a-f]{9}$/);
    expect(Date.parse(created.data.attributes['complete-time'] as string)).toBeGreaterThan(0);
  });

  it('takes scenarios and faults over HTTP, and reports its counts', async () => {
    const { sim, source, logger } = await setup({ tracesPerSnapshot: 100 });
    const put = (path: string, body: unknown) =>
      request(`${sim.url}/_simulator/${path}`, { method: 'PUT', body: JSON.stringify(body) }).then((r) =>
        r.body.json(),
      );
    await put('scenario', { removeTagValue: [{ tag: 'customer', value: 'meowsy' }] });
    await put('faults', { transientTraceFailures: 0.5 });
    const dataset = await source.collect(query(ALL_SERVICES), { logger });
    expect(dataset.coverage.complete).toBe(true);
    expect(spansOfTable(dataset.table).some((s) => s.tags.customer === 'meowsy')).toBe(false);
    const stats = (await request(`${sim.url}/_simulator/stats`).then((r) => r.body.json())) as {
      requests: Record<string, number>;
      storedTraceRequests: Record<string, number>;
    };
    expect(stats.requests['stored-traces']).toBeGreaterThan(100);
    expect(Object.keys(stats.storedTraceRequests)).toHaveLength(100);
  });
});

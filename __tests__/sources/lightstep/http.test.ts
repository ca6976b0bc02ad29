import { spansOfTable } from '../../../src/dataset/table.js';
import { createServer, request as httpRequest } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.js';
import { recordingLogger } from '../../../src/log.js';
import { createLightstepSource } from '../../../src/sources/lightstep/index.js';
import { ALL_SERVICES, logText, query, recordingSleep, setup, sorted } from './setup.js';

describe('the HTTP client', () => {
  it('sends every request through the dispatcher it was given, with Bearer auth', async () => {
    const seen: { path: string; auth: unknown }[] = [];
    const agent = new Agent();
    const dispatcher = agent.compose((dispatch) => (opts, handler) => {
      seen.push({ path: opts.path, auth: (opts.headers as Record<string, string>).authorization });
      return dispatch(opts, handler);
    });
    const { sim, source, logger } = await setup({ tracesPerSnapshot: 30 }, { dispatcher });
    await source.collect(query(), { logger });
    const total = Object.values(sim.stats().requests).reduce((a, b) => a + b, 0);
    expect(seen).toHaveLength(total);
    expect(seen[0]!.path).toBe('/public/v0.2/demo-org/projects/demo-project/snapshots');
    expect(new Set(seen.map((s) => s.auth))).toEqual(new Set([`Bearer ${sim.apiKey}`]));
    // The caller's dispatcher is the caller's to close: still usable after the collection.
    expect(agent.closed).toBe(false);
    await agent.close();
  });

  it('masks the key in GitHub Actions, and never repeats it in logs, debug output or failure reasons', async () => {
    const key = 'sk-live-7f3a9c0e1b2d';
    const { sim, options } = await setup({ apiKey: key, tracesPerSnapshot: 100 });
    // A careless server that quotes the Authorization header in its errors.
    sim.setFaults({ echoKeyInErrors: true, transientTraceFailures: 0.2, permanentTraceFailures: 0.05 });
    const logger = recordingLogger();
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const previous = process.env.GITHUB_ACTIONS;
    process.env.GITHUB_ACTIONS = 'true';
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    let dataset;
    try {
      dataset = await createLightstepSource({ ...options, apiKey: key }).collect(query(), { logger });
    } finally {
      process.stdout.write = write;
      if (previous === undefined) delete process.env.GITHUB_ACTIONS;
      else process.env.GITHUB_ACTIONS = previous;
    }
    expect(written.join('')).toContain(`::add-mask::${key}`);
    expect(dataset.coverage.tracesFailed).toBeGreaterThan(0);
    // The echoed errors did arrive, and were blotted out everywhere they went.
    expect(dataset.coverage.failures[0]!.reason).toContain("'Bearer ***'");
    expect(logText(logger)).toMatch(/debug: retrying .*'Bearer \*\*\*'/);
    expect(JSON.stringify({ lines: logger.lines, dataset })).not.toContain(key);
  });

  it('backs off exponentially with jitter between retries', async () => {
    const { sleep, waits } = recordingSleep();
    const { sim, source, logger } = await setup(
      { tracesPerSnapshot: 3 },
      { sleep, concurrency: 1, random: () => 1, retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 500 } },
    );
    sim.setFaults({ permanentTraceFailures: 1 });
    const dataset = await source.collect(query(ALL_SERVICES), { logger });
    expect(dataset.coverage).toMatchObject({ complete: false, tracesFetched: 0, tracesFailed: 3 });
    // random 1: the whole delay; doubled each time, capped at 500.
    expect(waits).toEqual([100, 200, 400, 500, 100, 200, 400, 500, 100, 200, 400, 500]);
    expect(sim.stats().requests['stored-traces']).toBe(15);

    const low = recordingSleep();
    const again = await setup(
      { tracesPerSnapshot: 1 },
      { sleep: low.sleep, random: () => 0, retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 500 } },
    );
    again.sim.setFaults({ permanentTraceFailures: 1 });
    await again.source.collect(query(ALL_SERVICES), { logger });
    // random 0: half of it. The jitter spreads retries between the two.
    expect(low.waits).toEqual([50, 100]);
  });

  it('honours Retry-After, and X-RateLimit-Reset when there is no Retry-After', async () => {
    const first = recordingSleep();
    const a = await setup({ tracesPerSnapshot: 10 }, { sleep: first.sleep, random: () => 0 });
    a.sim.setFaults({ rateLimitBurst: 1, retryAfterSeconds: 7 });
    await a.source.collect(query(), { logger: a.logger });
    expect(first.waits).toEqual([7000]);

    const second = recordingSleep();
    const b = await setup({ tracesPerSnapshot: 10 }, { sleep: second.sleep, random: () => 0 });
    b.sim.setFaults({ rateLimitBurst: 2 });
    await b.source.collect(query(), { logger: b.logger });
    expect(second.waits).toEqual([1000, 1000]);
  });

  it('keeps stored-trace requests within the configured rate, which the simulator enforces', async () => {
    const { sim, source, logger } = await setup({ storedTraceLimitPerSecond: 120 }, { requestsPerSecond: 120 });
    const dataset = await source.collect(query(ALL_SERVICES), { logger });
    expect(dataset.coverage).toMatchObject({ complete: true, tracesFetched: 300 });
    expect(sim.stats().requests['stored-traces']).toBe(300);
    expect(sim.stats().limitExceeded).toBe(0);
  });

  it('shares the limit between queries of one organization collected at once', async () => {
    // The documented limits are per organization: two sources (two queries) must hold to one budget.
    const { sim, options, logger } = await setup(
      { storedTraceLimitPerSecond: 100, tracesPerSnapshot: 150 },
      { requestsPerSecond: 100 },
    );
    const [a, b] = await Promise.all([
      createLightstepSource(options).collect(query(ALL_SERVICES), { logger }),
      createLightstepSource(options).collect(query(ALL_SERVICES), { logger }),
    ]);
    expect(a.coverage.complete && b.coverage.complete).toBe(true);
    expect(sim.stats().requests['stored-traces']).toBe(300);
    expect(sim.stats().limitExceeded).toBe(0);
  });

  it('recovers when the configured rate is above what the server enforces', async () => {
    // The negative control of the test above: without a matching client limit the simulator does refuse.
    const { sim, source, logger } = await setup({ storedTraceLimitPerSecond: 100 }, { requestsPerSecond: 5000 });
    const dataset = await source.collect(query(ALL_SERVICES), { logger });
    expect(sim.stats().limitExceeded).toBeGreaterThan(0);
    expect(dataset.coverage).toMatchObject({ complete: true, tracesFetched: 300 });
    expect(sorted(spansOfTable(dataset.table))).toEqual(sorted(sim.groundTruth(dataset.provenance.snapshotId!)));
  });

  it('stops with a clear line, instead of sleeping for an hour, when the snapshot quota is spent', async () => {
    // Three snapshot requests an hour on both sides: one collection takes two (create, read).
    const { sim, source, logger } = await setup(
      { snapshotLimitPerHour: 3, tracesPerSnapshot: 10 },
      { snapshotRequestsPerHour: 3 },
    );
    await source.collect(query(), { logger });
    const error = await source.collect(query(), { logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).describe()).toMatch(
      /^this run has used the 3 snapshot requests an hour allowed for organization 'demo-org'; the next is allowed in 6\d min\n {2}fix: run fewer queries per hour/,
    );
    expect(sim.stats().limitExceeded).toBe(0);
    expect(sim.stats().requests['get-snapshot']).toBe(1);

    // And when the server says the quota is spent (another runner used it), the same kind of line.
    const other = await setup({ snapshotLimitPerHour: 1, tracesPerSnapshot: 10 });
    const refused = await other.source.collect(query(), { logger }).catch((e: unknown) => e);
    expect((refused as SourceError).describe()).toMatch(
      /^Lightstep's rate limit for snapshots is used up for organization 'demo-org': it resets in 60 min\n {2}fix: the snapshot endpoints allow 60 requests an hour/,
    );
    expect(other.sim.stats().requests['get-snapshot']).toBe(1);
  });

  it('keeps at most the configured number of stored-trace requests in flight', async () => {
    for (const concurrency of [1, 4]) {
      const { sim, source, logger } = await setup({ tracesPerSnapshot: 40 }, { concurrency });
      sim.setFaults({ slowMs: 15 });
      await source.collect(query(ALL_SERVICES), { logger });
      expect(sim.stats().maxInFlight).toBe(concurrency);
    }
  });
});

describe('behind a proxy', () => {
  it('goes through the proxy that HTTP_PROXY names when no dispatcher is passed in', async () => {
    // A forward proxy on loopback that counts what it carries: plain requests in absolute form
    // (how undici sends http:// through a proxy), and CONNECT tunnels (https://).
    const carried: string[] = [];
    const proxy = createServer((req, res) => {
      const target = new URL(req.url ?? '');
      carried.push(target.host);
      const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    proxy.on('connect', (req, client: Socket, head) => {
      carried.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    process.env.NO_PROXY = '';
    try {
      const { sim, source, logger } = await setup({ tracesPerSnapshot: 20 });
      const dataset = await source.collect(query(), { logger });
      expect(dataset.coverage.complete).toBe(true);
      const total = Object.values(sim.stats().requests).reduce((a, b) => a + b, 0);
      expect(carried).toHaveLength(total);
      expect(new Set(carried)).toEqual(new Set([new URL(sim.url).host]));
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });
});

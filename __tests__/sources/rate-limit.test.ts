import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { rateLimitedDispatcher } from '../../src/sources/rate-limit.js';

/**
 * Queries collected at the same time share one dispatcher, so together they stay within the API's
 * per-organization limits: here 3 snapshot requests an hour, and the fourth and fifth wait their turn.
 */
const arrived: string[] = [];
const server = createServer((req, res) => {
  arrived.push(`${req.method} ${req.url}`);
  res.end('{}');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the dispatcher every query of a run shares', () => {
  it('holds snapshot requests beyond the hourly limit back, while other requests go on', async () => {
    const dispatcher = rateLimitedDispatcher({ snapshotRequestsPerHour: 3, requestsPerSecond: 100 });
    // Five queries, each creating its snapshot at once through its own client: the limit is counted over all.
    const snapshots = Array.from({ length: 5 }, (_, i) =>
      request(`${url}/public/v0.2/acme/projects/p/snapshots`, { method: 'POST', body: `{"q":${i}}`, dispatcher }),
    );
    const answered = await Promise.all(snapshots.slice(0, 3));
    for (const r of answered) await r.body.text();
    const traces = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(`${url}/public/v0.2/acme/projects/p/stored-traces?span-id=${i}`, { dispatcher }).then((r) =>
          r.body.text(),
        ),
      ),
    );
    expect(traces).toHaveLength(10);
    expect(arrived.filter((a) => a.endsWith('/snapshots'))).toHaveLength(3);
    expect(arrived.filter((a) => a.includes('/stored-traces'))).toHaveLength(10);
  });
});

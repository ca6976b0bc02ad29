/**
 * The two example datasets committed under examples/datasets/ (the CI self-test diffs them), made
 * deterministically here so that they can be checked and re-made (`npx vitest run -u __tests__/examples`).
 * Their own small generator, not the simulator's, so a change to the simulated traffic does not move them.
 *
 * Traces through the android app, in the seed's span shape: `/api/get-transactions` and
 * `/api/make-payment` on android, each calling the api-server, which calls inventory or payments.
 * The current side has `/api/make-payment` twice as slow all the way down and customer BEEMO gone. 400
 * traces a side put ~150 payments on each: with fewer, the 98 % interval of their p95 has no upper bound
 * and the slowdown, however large, is only a notice.
 */

/** mulberry32: a tiny seeded PRNG, enough for reproducible example data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedSpan {
  'span-id': string;
  'trace-id': string;
  'parent-span-id'?: string;
  'span-name': string;
  'start-time-micros': number;
  'end-time-micros': number;
  'is-error': boolean;
  tags: Record<string, string>;
  reporter: { name: string; hostname: string };
}

const CUSTOMERS = ['meowsy', 'BEEMO', 'acme', 'globex'];

export function exampleDataset(side: 'baseline' | 'current'): string {
  const rnd = random(side === 'baseline' ? 11 : 12);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const logNormal = (medianUs: number, sigma: number) => {
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    return Math.round(medianUs * Math.exp(sigma * z));
  };
  const slower = side === 'current' ? 2 : 1;
  const customers = side === 'current' ? CUSTOMERS.filter((c) => c !== 'BEEMO') : CUSTOMERS;
  // 2 November 2026, 09:00 UTC (baseline) and 10:00 UTC (current): a 10-minute window each.
  const windowStart = Date.UTC(2026, 10, 2, side === 'baseline' ? 9 : 10) * 1000;
  const spans: SeedSpan[] = [];
  for (let i = 0; i < 400; i++) {
    const traceId = hex(16);
    const payment = rnd() < 0.4;
    const start = windowStart + Math.round((i / 400) * 600e6);
    const customer = customers[Math.floor(rnd() * customers.length)]!;
    const error = rnd() < (payment ? 0.02 : 0.01);
    const span = (
      service: string,
      name: string,
      begin: number,
      duration: number,
      parent?: SeedSpan,
      tags: Record<string, string> = {},
    ): SeedSpan => {
      const s: SeedSpan = {
        'span-id': hex(16),
        'trace-id': traceId,
        ...(parent ? { 'parent-span-id': parent['span-id'] } : {}),
        'span-name': name,
        'start-time-micros': begin,
        'end-time-micros': begin + duration,
        'is-error': error,
        tags: { customer, ...tags },
        reporter: { name: service, hostname: `${service}-${1 + Math.floor(rnd() * 3)}` },
      };
      spans.push(s);
      return s;
    };
    const rootUs = payment ? logNormal(180_000, 0.3) * slower : logNormal(120_000, 0.3);
    const status = error ? '500' : '200';
    const root = span('android', payment ? '/api/make-payment' : '/api/get-transactions', start, rootUs, undefined, {
      'http.status_code': status,
    });
    const api = span('api-server', payment ? 'make-payment' : 'get-transactions', start + 2000, rootUs - 6000, root);
    if (payment) span('payments', 'charge', start + 4000, Math.round((rootUs - 6000) * 0.7), api);
    else span('inventory', 'list-transactions', start + 4000, Math.round((rootUs - 6000) * 0.6), api);
  }
  return `${spans.map((s) => JSON.stringify(s)).join('\n')}\n`;
}

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import type { Logger } from '../log.js';
import { collect } from '../modes/collect.js';
import { createModeContext } from '../modes/context.js';
import { renderJson, renderMarkdown } from '../report/index.js';
import type { Report } from '../report/types.js';
import { PRODUCTION, startBackendFake, startSimulator, type Backend, type Scenario } from '../simulator/index.js';
import { LocalStore } from '../store/index.js';
import { packageFile } from './package.js';

export type DemoSource = 'lightstep' | Backend;

/** The injected regression: /api/make-payment `percent` % slower, a new call to fraud:score, customer BEEMO gone. */
function regression(percent: number): { scenario: Scenario; told: string } {
  return {
    scenario: {
      slower: [{ service: 'android', operation: '/api/make-payment', percent }],
      addCall: [{ from: 'api-server:make-payment', to: 'fraud:score', medianUs: 20_000 }],
      removeTagValue: [{ tag: 'customer', value: 'BEEMO' }],
    },
    told: `▶ injecting a regression: /api/make-payment on android ${percent === 100 ? 'twice as slow' : `${percent} % slower`}, a new call to fraud:score, customer BEEMO gone`,
  };
}

/**
 * `npm start`: a newcomer's first run, with no account and no network. The built-in Lightstep
 * simulator serves on loopback; two collect cycles of the example config run against it (the
 * second after a regression is injected), keeping datasets in a local store; the report of the
 * second is printed and written with its JSON.
 */
export async function runDemo(
  options: { out: string; seed: number; source?: DemoSource },
  log: Logger,
): Promise<number> {
  const out = resolve(options.out);
  const storeDir = join(out, 'store');
  await rm(storeDir, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  if (options.source && options.source !== 'lightstep') return runBackendDemo(options.source, out, options, log);

  // The simulator enforces the stored-trace limit it is given; the demo gives it the client's.
  // Production-like traffic: fan-out, a shared per-trace latency factor, whole-trace failures, heavy tails.
  const sim = await startSimulator({
    seed: options.seed,
    shape: PRODUCTION,
    tracesPerSnapshot: 3000,
    completeAfterMs: 1500,
    storedTraceLimitPerSecond: 2000,
  });
  try {
    log.info(`▶ Lightstep API simulator on ${sim.url} (organization ${sim.organization}, project ${sim.project})`);
    const config = await loadConfig(packageFile('examples', 'trace-differ.yml'));
    const ctx = createModeContext({
      logger: log,
      config,
      queries: config.queries,
      sources: {
        lightstep: {
          apiKey: sim.apiKey,
          organization: sim.organization,
          project: sim.project,
          apiUrl: sim.url,
          // The simulator is not the real API: no need to hold to its 100 requests a second here.
          requestsPerSecond: 2000,
        },
        // The simulator's snapshots complete in 1.5 s; a tenth of the real margins keeps the demo quick.
        timeScale: 0.1,
      },
      store: new LocalStore(storeDir),
      queryConcurrency: 2,
    });

    log.info('▶ cycle 1: the first collection of each query (there is no baseline yet)');
    const first = await collect(ctx);
    log.info(`  verdict: ${first.verdict}`);

    const injected = regression(60);
    log.info(injected.told);
    sim.setScenario(injected.scenario);
    log.info('▶ cycle 2: collect again and diff against cycle 1');
    // A new run, with sources of its own: within one run, queries of the same text share a snapshot,
    // and cycle 2 would pick up cycle 1's (taken before the regression).
    const second = await collect({ ...ctx, sources: { ...ctx.sources } });

    return await writeReport(second, out, options.out, log);
  } finally {
    await sim.close();
  }
}

async function writeReport(report: Report, out: string, shown: string, log: Logger): Promise<number> {
  const markdown = renderMarkdown(report);
  await writeFile(join(out, 'report.md'), markdown);
  await writeFile(join(out, 'report.json'), renderJson(report));
  process.stdout.write(`\n${markdown}\n`);
  log.info(
    `▶ verdict: ${report.verdict}. Report: ${join(shown, 'report.md')}, JSON: ${join(shown, 'report.json')}, datasets: ${join(shown, 'store')}/`,
  );
  return 0;
}

/**
 * `demo --source tempo|jaeger|zipkin`: the same two cycles against a fake of that backend on loopback,
 * with the example configuration of that backend (its URL replaced by the fake's, as the backend-url input does).
 */
async function runBackendDemo(
  backend: Backend,
  out: string,
  options: { out: string; seed: number },
  log: Logger,
): Promise<number> {
  const fake = await startBackendFake({ backend, seed: options.seed, traces: 1500 });
  try {
    log.info(`▶ ${backend} fake on ${fake.url}`);
    const config = await loadConfig(packageFile('examples', `trace-differ.${backend}.yml`));
    const ctx = createModeContext({
      logger: log,
      config,
      queries: config.queries,
      sources: { lightstep: {}, backend: { url: fake.url } },
      store: new LocalStore(join(out, 'store')),
      queryConcurrency: 2,
    });
    log.info('▶ cycle 1: the first collection of each query (there is no baseline yet)');
    const first = await collect(ctx);
    log.info(`  verdict: ${first.verdict}`);
    // Twice as slow: the backends' example configs take at most 500 traces a query (`limit`), and a level is
    // reached only when the interval of the change clears it; at 60 % it is confirmed only past +10 % there.
    const injected = regression(100);
    log.info(injected.told);
    fake.setScenario(injected.scenario);
    log.info('▶ cycle 2: collect again and diff against cycle 1');
    const second = await collect({ ...ctx, sources: { ...ctx.sources } });
    return await writeReport(second, out, options.out, log);
  } finally {
    await fake.close();
  }
}

import { resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import type { Logger } from '../log.js';
import {
  buildDashboard,
  localStoreQueries,
  runLinkOf,
  writeDashboard,
  type DashboardQuerySpec,
} from '../modes/dashboard.js';
import { LocalStore } from '../store/index.js';

export interface DashboardCommandOptions {
  store: string;
  output: string;
  config?: string;
  title?: string;
  repositoryUrl?: string;
}

/**
 * `trace-differ dashboard`: the history of every query a local store holds as `<output>/index.html`.
 * With --config, the config's queries (their names, in its order, and their pinned baselines).
 */
export async function runDashboardCommand(opts: DashboardCommandOptions, log: Logger): Promise<number> {
  const dir = resolve(opts.store);
  const held = await localStoreQueries(dir);
  let queries: DashboardQuerySpec[] = held;
  if (opts.config) {
    const config = await loadConfig(opts.config);
    queries = config.queries.map((q) => ({
      id: q.id,
      name: q.name,
      pins: [
        ...new Set([
          ...(q.baseline.kind === 'pinned' ? [q.baseline.name] : []),
          ...(held.find((h) => h.id === q.id)?.pins ?? []),
        ]),
      ],
    }));
  }
  const env = process.env;
  const repositoryUrl =
    opts.repositoryUrl ??
    (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined);
  const dashboard = await buildDashboard(new LocalStore(dir), queries, {
    title: opts.title,
    now: new Date(),
    runLink: runLinkOf(repositoryUrl),
  });
  const file = await writeDashboard(resolve(opts.output), dashboard);
  const collections = dashboard.queries.reduce((n, q) => n + q.points.length, 0);
  log.info(`dashboard of ${dashboard.queries.length} queries, ${collections} collections written to ${file}`);
  return 0;
}

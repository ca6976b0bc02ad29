/**
 * The history dashboard (`trace-differ dashboard`, and the action's `dashboard` input): every
 * query's stored collections, read from the store's history index (no dataset is loaded), with the
 * pinned baselines, rendered as one self-contained page `index.html`.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryEntry } from '../dataset/types.js';
import { InputError } from '../errors.js';
import { renderDashboard, type Dashboard, type DashboardPoint } from '../report/html/index.js';
import type { DatasetStore } from '../store/types.js';

export interface DashboardQuerySpec {
  id: string;
  name?: string;
  /** The pin names to show (`baseline: pinned:<name>`, or the names a local store's pins.json holds). */
  pins: string[];
}

export interface DashboardOptions {
  title?: string;
  now: Date;
  /** The page of the workflow run that made a collection, e.g. `https://github.com/o/r/actions/runs/<id>`. */
  runLink?: (runId: string) => string;
}

function point(e: HistoryEntry, runLink: DashboardOptions['runLink']): DashboardPoint {
  return {
    key: e.key,
    collectedAt: e.collectedAt,
    spans: e.spans,
    traces: e.traces,
    complete: e.complete,
    ...(e.verdict ? { verdict: e.verdict } : {}),
    ...(e.errorRate !== undefined ? { errorRate: e.errorRate } : {}),
    ...(e.ratePerMin !== undefined ? { ratePerMin: e.ratePerMin } : {}),
    ...(e.latencyP50Us !== undefined ? { latencyP50Us: e.latencyP50Us } : {}),
    ...(e.latencyP95Us !== undefined ? { latencyP95Us: e.latencyP95Us } : {}),
    ...(e.latencyP99Us !== undefined ? { latencyP99Us: e.latencyP99Us } : {}),
    ...(e.ref ? { ref: e.ref } : {}),
    ...(e.runId && runLink ? { link: runLink(e.runId) } : {}),
  };
}

/** The dashboard's data: each query's history (oldest first), pinned datasets marked (added when they left the history). */
export async function buildDashboard(
  store: DatasetStore,
  queries: readonly DashboardQuerySpec[],
  options: DashboardOptions,
): Promise<Dashboard> {
  const out: Dashboard = {
    title: options.title ?? 'trace-differ history',
    generatedAt: options.now.toISOString(),
    queries: [],
  };
  for (const q of queries) {
    const points = (await store.list(q.id)).map((e) => point(e, options.runLink));
    for (const name of q.pins) {
      const pinned = await store.pinned(q.id, name);
      if (!pinned) continue;
      const same = points.find((p) => p.key === pinned.key);
      if (same) same.pinnedAs = same.pinnedAs ? `${same.pinnedAs}, ${name}` : name;
      else points.push({ ...point(pinned, options.runLink), pinnedAs: name });
    }
    points.sort((a, b) => a.collectedAt.localeCompare(b.collectedAt) || a.key.localeCompare(b.key));
    out.queries.push({ id: q.id, ...(q.name ? { name: q.name } : {}), points });
  }
  return out;
}

/** The queries a local store directory holds (`<dir>/<query>/history.json`) and the names in their pins.json. */
export async function localStoreQueries(dir: string): Promise<DashboardQuerySpec[]> {
  const names = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      `store directory ${dir} cannot be read (${error.code ?? error.message})`,
      'pass --store the directory `collect --store` wrote to (default .trace-differ)',
    );
  });
  const specs: DashboardQuerySpec[] = [];
  for (const d of names.filter((n) => n.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const queryDir = join(dir, d.name);
    if (!(await stat(join(queryDir, 'history.json')).catch(() => undefined))) continue;
    const pins = await readFile(join(queryDir, 'pins.json'), 'utf8')
      .then((text) => Object.keys(JSON.parse(text) as Record<string, unknown>))
      .catch(() => [] as string[]);
    specs.push({ id: d.name, pins: pins.sort() });
  }
  return specs;
}

/** Writes `<dir>/index.html`; returns its path. */
export async function writeDashboard(dir: string, dashboard: Dashboard): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'index.html');
  await writeFile(file, renderDashboard(dashboard));
  return file;
}

/** The run page link of a GitHub repository (`https://github.com/owner/repo`). */
export function runLinkOf(repositoryUrl: string | undefined): DashboardOptions['runLink'] {
  if (!repositoryUrl || !/^https?:\/\/[^\s]+$/i.test(repositoryUrl)) return undefined;
  const base = repositoryUrl.replace(/\/+$/, '');
  return (runId) => `${base}/actions/runs/${encodeURIComponent(runId)}`;
}

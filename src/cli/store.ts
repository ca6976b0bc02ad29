import { stat } from 'node:fs/promises';
import type { HistoryEntry } from '../dataset/types.js';
import { InputError } from '../errors.js';
import { count, duration, percent } from '../report/format.js';
import type { LocalStore } from '../store/index.js';

/** A stored dataset a `diff` side names by its key or pinned name, with the query it belongs to. */
export interface StoredSide {
  ref: string;
  queryId: string;
  file: string;
}

/**
 * Resolves the sides of `diff` that are not paths to datasets of the local store, across all its
 * queries, so that `trace-differ diff <key> <key>` works without `--config --query`. A name stored
 * under several queries is ambiguous: the error lists them.
 */
export async function findStoredSides(store: LocalStore, refs: readonly string[]): Promise<StoredSide[]> {
  const pending: string[] = [];
  for (const ref of refs) if (!(await stat(ref).catch(() => undefined))) pending.push(ref);
  if (pending.length === 0) return [];
  const found = new Map<string, StoredSide[]>();
  for (const queryId of await store.queryIds()) {
    const entries = await store.list(queryId, { limit: 1000 });
    for (const ref of pending) {
      const entry = entries.find((e) => e.key === ref) ?? (await store.pinned(queryId, ref));
      if (entry) found.set(ref, [...(found.get(ref) ?? []), { ref, queryId, file: store.fileOf(entry) }]);
    }
  }
  const sides: StoredSide[] = [];
  for (const [ref, matches] of found) {
    if (matches.length > 1) {
      throw new InputError(
        `'${ref}' is stored under ${matches.length} queries of ${store.dir}: ${matches.map((m) => m.queryId).join(', ')}`,
        `say which with --config <file> --query <id>, or pass the dataset file (e.g. ${matches[0]!.file})`,
      );
    }
    sides.push(matches[0]!);
  }
  return sides;
}

/** `history`: what the store holds, newest first, one line per collection with its numbers and verdict. */
export async function historyTable(store: LocalStore, only: string | undefined): Promise<string> {
  const ids = await store.queryIds();
  if (ids.length === 0) {
    throw new InputError(
      `the store ${store.dir} holds no datasets`,
      'run `trace-differ collect` (or `trace-differ demo`) first, or pass the store folder with --store',
    );
  }
  if (only && !ids.includes(only)) {
    throw new InputError(`the store ${store.dir} holds no query '${only}'`, `use one of: ${ids.join(', ')}`);
  }
  const blocks: string[] = [];
  for (const id of only ? [only] : ids) {
    const entries = await store.history(id);
    const header = ['collected', 'key', 'spans', 'traces', 'errors', 'p50', 'p95', 'p99', 'verdict'];
    const rows = entries.map((e) => row(e));
    blocks.push(
      `${id}: ${entries.length} collection${entries.length === 1 ? '' : 's'}, newest first\n${table([header, ...rows])}`,
    );
  }
  return blocks.join('\n\n');
}

function row(e: HistoryEntry): string[] {
  return [
    e.collectedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    e.key + (e.pinnedAs ? ` (pinned: ${e.pinnedAs})` : ''),
    count(e.spans),
    count(e.traces) + (e.complete ? '' : ' (partial)'),
    e.errorRate === undefined ? '—' : percent(e.errorRate),
    duration(e.latencyP50Us),
    duration(e.latencyP95Us),
    duration(e.latencyP99Us),
    e.verdict ?? '—',
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows
    .map(
      (r) =>
        '  ' +
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

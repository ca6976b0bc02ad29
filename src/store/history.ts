import { z } from 'zod';
import type { HistoryEntry } from '../dataset/types.js';

/** How many collections the history index of a query keeps (older datasets may stay where they are kept). */
export const HISTORY_LENGTH = 50;

/** A query's history and its pins, as the cache and artifact stores keep them in one JSON file. */
export interface HistoryIndex {
  entries: HistoryEntry[];
  pins: Record<string, HistoryEntry>;
}

// Stored text is written by other runs, so it is held to the shapes trace-differ writes: no control
// characters (a newline in a log line would be a workflow command), bounded lengths, finite numbers.
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
const text = (max: number) => z.string().min(1).max(max).regex(NO_CONTROL, 'holds control characters');
const count = z.number().int().nonnegative();
const micros = z.number().nonnegative();

/** One line of a stored history index; z.number() refuses NaN and ±Infinity. */
export const HistoryEntrySchema = z.object({
  key: text(300),
  queryId: text(200),
  collectedAt: z.iso.datetime(),
  snapshotId: text(200).optional(),
  spans: count,
  traces: count,
  complete: z.boolean(),
  verdict: z.enum(['pass', 'notice', 'warn', 'fail', 'inconclusive']).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  latencyP50Us: micros.optional(),
  latencyP95Us: micros.optional(),
  latencyP99Us: micros.optional(),
  ratePerMin: z.number().nonnegative().optional(),
  pinnedAs: text(200).optional(),
  ref: text(300).optional(),
  runId: text(40).optional(),
});

/** Where one stored entry was found, for the warning that sets it aside. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.length ? issue.path.join('.') : 'the entry';
  return `${field}: ${issue.message}`;
}

/** A short, inert name for an entry that failed validation (its key when it has a usable one). */
function nameOf(raw: unknown, position: string): string {
  const key = (raw as { key?: unknown } | null)?.key;
  return typeof key === 'string' && key.length <= 300 && NO_CONTROL.test(key)
    ? `entry ${JSON.stringify(key)}`
    : position;
}

/**
 * Reads a stored index (parsed JSON, untrusted) entry by entry: every entry and pin is validated, one
 * that fails is left out and named in `problems`, never thrown on, so one bad or foreign line never
 * takes the good ones with it. Entries of another query are left out too. Only a file with no list of
 * entries at all throws (the caller sets the whole file aside, naming it).
 */
export function readIndex(raw: unknown, queryId: string): { index: HistoryIndex; problems: string[] } {
  const problems: string[] = [];
  const index: HistoryIndex = { entries: [], pins: {} };
  // The whole file unusable is the caller's to say (it names the file): thrown, and caught there.
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { entries?: unknown }).entries)) {
    throw new Error('it has no list of entries');
  }
  const check = (value: unknown, position: string, pin = false): HistoryEntry | undefined => {
    const name = pin ? position : nameOf(value, position);
    const parsed = HistoryEntrySchema.safeParse(value);
    if (!parsed.success) {
      problems.push(`${name} was set aside (${describeIssue(parsed.error)})`);
      return undefined;
    }
    if (parsed.data.queryId !== queryId) {
      problems.push(`${name} was set aside (it belongs to query ${JSON.stringify(parsed.data.queryId)})`);
      return undefined;
    }
    return parsed.data;
  };
  const entries = (raw as { entries: unknown[] }).entries;
  entries.slice(0, HISTORY_LENGTH * 2).forEach((value, i) => {
    const entry = check(value, `entry ${i + 1}`);
    if (entry) index.entries.push(entry);
  });
  const pins = (raw as { pins?: unknown }).pins;
  if (pins !== undefined && (typeof pins !== 'object' || pins === null || Array.isArray(pins))) {
    problems.push('its pins are not an object and were set aside');
  } else if (pins) {
    for (const [name, value] of Object.entries(pins).slice(0, 200)) {
      if (!NO_CONTROL.test(name) || name.length > 200) {
        problems.push(`a pin with an unreadable name was set aside`);
        continue;
      }
      const entry = check(value, `pin ${JSON.stringify(name)}`, true);
      if (entry) index.pins[name] = entry;
    }
  }
  index.entries = index.entries.reduce<HistoryEntry[]>((kept, e) => withEntry(kept, e, { keep: 'newer' }), []);
  return { index, problems };
}

/** Whether two history lines describe the same collection: one key, one run (a re-run attempt), or one snapshot. */
export function sameCollection(a: HistoryEntry, b: HistoryEntry): boolean {
  return (
    a.key === b.key ||
    (a.runId !== undefined && a.runId === b.runId) ||
    (a.snapshotId !== undefined && a.snapshotId === b.snapshotId)
  );
}

/**
 * The history with `entry` added, newest first, at most HISTORY_LENGTH long. It replaces a line of the
 * same collection: the same key, the same run (a re-run attempt replaces its first attempt's line), or the
 * same snapshot (a re-run that picked the snapshot up again), so no collection is in the history twice.
 * With `keep: 'newer'` the later-collected of the two stays (for merging indexes).
 */
export function withEntry(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
  options: { keep?: 'added' | 'newer' } = {},
): HistoryEntry[] {
  const same = history.filter((e) => sameCollection(e, entry));
  const winner =
    options.keep === 'newer' ? [entry, ...same].reduce((a, b) => (b.collectedAt > a.collectedAt ? b : a)) : entry;
  return [winner, ...history.filter((e) => !sameCollection(e, entry))]
    .sort((a, b) => b.collectedAt.localeCompare(a.collectedAt))
    .slice(0, HISTORY_LENGTH);
}

/**
 * Two versions of an index merged (what this run read at its start, and a fresh read just before it
 * writes): every collection either knows, and for each pin name the later-collected dataset. An
 * overlapping run's entries and pins are kept instead of overwritten by whichever writes last.
 */
export function mergeIndexes(a: HistoryIndex, b: HistoryIndex): HistoryIndex {
  let entries = [...a.entries];
  for (const e of b.entries) entries = withEntry(entries, e, { keep: 'newer' });
  const pins: Record<string, HistoryEntry> = { ...a.pins };
  for (const [name, pin] of Object.entries(b.pins)) {
    const known = pins[name];
    if (!known || pin.collectedAt > known.collectedAt) pins[name] = pin;
  }
  return { entries, pins };
}

/**
 * The entry with the workflow run that collected it (the dataset's, else the storing run's): a re-run
 * replaces its first attempt's line, and is never its baseline. Only a run id GitHub would give is kept.
 */
export function withRun(entry: HistoryEntry, runId: string | undefined): HistoryEntry {
  return entry.runId || !runId || !/^\d{1,20}$/.test(runId) ? entry : { ...entry, runId };
}

/** What every store's `list` answers: newest first, only those collected before `before`, at most `limit`. */
export function listed(
  history: readonly HistoryEntry[],
  options: { limit?: number; before?: string } = {},
): HistoryEntry[] {
  const earlier = options.before ? history.filter((e) => e.collectedAt < options.before!) : [...history];
  return earlier.slice(0, options.limit ?? earlier.length);
}

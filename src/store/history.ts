import type { HistoryEntry } from '../dataset/types.js';

/** How many collections the history index of a query keeps (older datasets may stay where they are kept). */
export const HISTORY_LENGTH = 50;

/** The history with `entry` added (replacing one of the same key), newest first, at most HISTORY_LENGTH long. */
export function withEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((e) => e.key !== entry.key)]
    .sort((a, b) => b.collectedAt.localeCompare(a.collectedAt))
    .slice(0, HISTORY_LENGTH);
}

/** What every store's `list` answers: newest first, only those collected before `before`, at most `limit`. */
export function listed(
  history: readonly HistoryEntry[],
  options: { limit?: number; before?: string } = {},
): HistoryEntry[] {
  const earlier = options.before ? history.filter((e) => e.collectedAt < options.before!) : [...history];
  return earlier.slice(0, options.limit ?? earlier.length);
}

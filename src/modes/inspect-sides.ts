import { groupKeyName, type QueryConfig } from '../config/types.js';
import type { SpanTable } from '../dataset/table.js';
import { InputError } from '../errors.js';

/** Parts of a group-by key that every span has: they never need checking. */
const ALWAYS = new Set(['service', 'operation']);
/** How many of the keys that were seen an error lists. */
const LISTED = 12;

/**
 * Checks the query's group-by keys against the spans of both sides. A key no span has on either side
 * would put every span under `(none)`, and that is a typo or the wrong data: an error that lists the
 * keys the spans do have, most common first. A key on fewer spans than `min-samples` is a warning.
 */
export function checkGroupKeys(
  query: Pick<QueryConfig, 'groupBy' | 'minSamples'>,
  sides: readonly SpanTable[],
  where: string,
): string[] {
  const parts = [...new Set(query.groupBy.flat())].filter((p) => !ALWAYS.has(p));
  if (parts.length === 0) return [];
  // Only the keys grouped by are counted; all tags are counted only to word the error.
  const seenOn = new Map(parts.map((p) => [p, 0]));
  for (const t of sides) {
    for (const p of parts) {
      const column = t.tags[t.tagKeys.indexOf(p)];
      if (!column) continue;
      // Counted only as far as the warning below reads (min-samples): a million rows need not be.
      const enough = Math.max(1, query.minSamples) - seenOn.get(p)!;
      let n = 0;
      for (let i = 0; i < t.size && n < enough; i++) if (column[i]! >= 0) n++;
      seenOn.set(p, seenOn.get(p)! + n);
    }
  }
  const missing = parts.filter((p) => seenOn.get(p) === 0);
  if (missing.length > 0) {
    const counts = new Map<string, number>();
    for (const t of sides) {
      t.tagKeys.forEach((tag, k) => {
        const column = t.tags[k]!;
        let n = 0;
        for (let i = 0; i < t.size; i++) if (column[i]! >= 0) n++;
        if (n > 0) counts.set(tag, (counts.get(tag) ?? 0) + n);
      });
    }
    const seen = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, LISTED)
      .map(([tag, n]) => `${tag} (${n})`);
    const keys = missing.map((k) => `'${k}'`).join(', ');
    throw new InputError(
      `group-by key${missing.length > 1 ? 's' : ''} ${keys} ${missing.length > 1 ? 'are' : 'is'} on no span of either side; the spans have service, operation` +
        (seen.length ? ` and the tags ${seen.join(', ')}${counts.size > LISTED ? ', …' : ''}` : ' and no tags'),
      `group by keys the spans have (${where})`,
    );
  }
  const warnings: string[] = [];
  for (const p of parts) {
    const n = seenOn.get(p)!;
    if (n < query.minSamples) {
      const users = query.groupBy.filter((k) => k.includes(p)).map((k) => `'${groupKeyName(k)}'`);
      warnings.push(
        `Group-by key '${p}' is on only ${n} span${n === 1 ? '' : 's'} of both sides together (fewer than min-samples ${query.minSamples}): ` +
          `${users.join(', ')} puts the others under (none).`,
      );
    }
  }
  return warnings;
}

/**
 * The distinct (service, operation) pairs of a table, as texts, each when first met: found by the
 * dictionary indices of each row (a few hundred pairs), so that a million rows make no string.
 */
function* distinctPairs(t: SpanTable): Generator<string> {
  const seen = new Set<number>();
  const width = t.strings.length + 1;
  for (let i = 0; i < t.size; i++) {
    const key = t.service[i]! * width + t.operation[i]!;
    if (seen.has(key)) continue;
    seen.add(key);
    yield JSON.stringify([t.strings[t.service[i]!], t.strings[t.operation[i]!]]);
  }
}

/**
 * A warning when the two sides share no service/operation pair: every value is then "new" or
 * "missing", and the likelier story is that the inputs come from different systems.
 */
export function sharedNothingWarning(baselines: readonly SpanTable[], current: SpanTable): string | undefined {
  if (baselines.every((b) => b.size === 0) || current.size === 0) return undefined;
  // The sides are read in turns, a new pair at a time: sides that share pairs share them early, so the
  // usual answer comes after a few rows, not after every row of one side (a million for a large file).
  const before = new Set<string>();
  const after = new Set<string>();
  const readers = [
    ...baselines.map((b) => ({ pairs: distinctPairs(b), own: before, other: after })),
    { pairs: distinctPairs(current), own: after, other: before },
  ];
  while (readers.length > 0) {
    for (let r = readers.length - 1; r >= 0; r--) {
      const reader = readers[r]!;
      const next = reader.pairs.next();
      if (next.done) readers.splice(r, 1);
      else if (reader.other.has(next.value)) return undefined;
      else reader.own.add(next.value);
    }
  }
  const services = (tables: readonly SpanTable[]) => {
    const set = new Set<string>();
    for (const t of tables) for (let i = 0; i < t.size; i++) set.add(t.strings[t.service[i]!]!);
    return set;
  };
  const list = (set: Set<string>) => {
    const all = [...set].sort();
    return all.slice(0, 5).join(', ') + (all.length > 5 ? `, … (${all.length})` : '');
  };
  return (
    'The two sides share no service/operation: they may come from different systems or queries ' +
    `(baseline services: ${list(services(baselines))}; current: ${list(services([current]))}).`
  );
}

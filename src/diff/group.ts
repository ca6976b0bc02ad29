import type { GroupKey } from '../config/types.js';
import type { Span } from '../dataset/types.js';

/** The value of a span that has no such tag: shown as a value of its own, never dropped. */
export const NONE = '(none)';
/** Joins the parts of a combined key's value: `android / /api/make-payment`. */
export const PART_SEPARATOR = ' / ';

/** The spans of one value of one key, reduced to what the statistics need. */
export interface Bucket {
  durations: number[];
  errors: number;
}

function resolver(part: string): (s: Span) => string {
  if (part === 'service') return (s) => s.service;
  if (part === 'operation') return (s) => s.operation;
  return (s) => s.tags[part] ?? NONE;
}

/** Groups spans by a (possibly combined) key in one linear pass over a Map. */
export function groupSpans(spans: readonly Span[], key: GroupKey): Map<string, Bucket> {
  const parts = key.map(resolver);
  const valueOf = parts.length === 1 ? parts[0]! : (s: Span) => parts.map((f) => f(s)).join(PART_SEPARATOR);
  const groups = new Map<string, Bucket>();
  for (const span of spans) {
    const value = valueOf(span);
    let bucket = groups.get(value);
    if (!bucket) {
      bucket = { durations: [], errors: 0 };
      groups.set(value, bucket);
    }
    bucket.durations.push(span.durationUs);
    if (span.error) bucket.errors++;
  }
  return groups;
}

/**
 * Call edges: each span whose parent is in the same dataset is a call from the parent's
 * `service:operation` to its own. The bucket holds the callee spans on that edge.
 */
export function groupEdges(spans: readonly Span[]): Map<string, Bucket> {
  const byId = new Map<string, Span>();
  for (const s of spans) byId.set(s.spanId, s);
  const groups = new Map<string, Bucket>();
  for (const span of spans) {
    if (!span.parentSpanId) continue;
    const parent = byId.get(span.parentSpanId);
    if (!parent) continue;
    const value = `${parent.service}:${parent.operation} -> ${span.service}:${span.operation}`;
    let bucket = groups.get(value);
    if (!bucket) {
      bucket = { durations: [], errors: 0 };
      groups.set(value, bucket);
    }
    bucket.durations.push(span.durationUs);
    if (span.error) bucket.errors++;
  }
  return groups;
}

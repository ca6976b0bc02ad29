import { UserError } from '../errors.js';
import type { Change, Metric } from './types.js';

/**
 * Parses a change as written in the config: `+20%` (relative), `+15ms` / `-200us` / `+1.5s` (latency),
 * `+2pp` (error rate, percentage points), `-30/min` (rate), `+100` (occurrence). The sign is required:
 * it says which direction is bad.
 */
const CHANGE = /^([+-])\s*(\d+(?:\.\d+)?)\s*(%|pp|us|µs|ms|s|\/min)?$/;

const UNIT_US: Record<string, number> = { us: 1, µs: 1, ms: 1000, s: 1_000_000 };

export function exampleFor(metric: Metric): string {
  if (metric.startsWith('latency.')) return `${metric}: { warn: +10%, fail: +25ms }`;
  if (metric === 'error-rate') return 'error-rate: { warn: +1pp, fail: +2pp }';
  if (metric === 'rate') return 'rate: { warn: -50% }';
  return 'occurrence: { notice: -50% }';
}

export function parseChange(input: string | number, metric: Metric): Change {
  const text = typeof input === 'number' ? (input >= 0 ? `+${input}` : String(input)) : input.trim();
  const m = CHANGE.exec(text);
  if (!m) {
    const unsigned = /^\d/.test(text);
    throw new UserError(
      unsigned
        ? `'${text}' has no sign: say which direction is bad, '+${text}' (an increase) or '-${text}' (a decrease)`
        : `'${text}' is not a change: expected a signed amount such as +20%, +15ms or +2pp`,
      `write it like ${exampleFor(metric)}`,
    );
  }
  const sign = m[1] === '-' ? -1 : 1;
  const value = Number(m[2]);
  const unit = m[3] ?? '';
  const bad = (what: string) =>
    new UserError(`'${text}': ${what} cannot be used for ${metric}`, `write it like ${exampleFor(metric)}`);

  if (unit === '%') return { kind: 'relative', amount: (sign * value) / 100, text };
  if (metric.startsWith('latency.')) {
    if (!(unit in UNIT_US)) throw bad(unit ? `the unit '${unit}'` : 'a number without a unit');
    return { kind: 'absolute', amount: Math.round(sign * value * UNIT_US[unit]!), text };
  }
  if (metric === 'error-rate') {
    if (unit !== 'pp') throw bad(unit ? `the unit '${unit}'` : 'a number without a unit');
    return { kind: 'absolute', amount: (sign * value) / 100, text };
  }
  if (metric === 'rate') {
    if (unit !== '/min') throw bad(unit ? `the unit '${unit}'` : 'a number without a unit');
    return { kind: 'absolute', amount: sign * value, text };
  }
  // occurrence: a plain count
  if (unit !== '') throw bad(`the unit '${unit}'`);
  return { kind: 'absolute', amount: sign * value, text };
}

/** A change back in the form the config writes it. */
export function formatChange(change: Change): string {
  return change.text;
}

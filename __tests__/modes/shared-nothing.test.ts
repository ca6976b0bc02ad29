import { describe, expect, it } from 'vitest';
import { tableOf } from '../../src/dataset/table.js';
import type { Span } from '../../src/dataset/types.js';
import { sharedNothingWarning } from '../../src/modes/inspect-sides.js';

function span(service: string, operation: string, i: number): Span {
  return {
    spanId: `${service}-${operation}-${i}`,
    traceId: `t-${service}-${i}`,
    service,
    operation,
    startUs: 1_700_000_000_000_000 + i,
    durationUs: 1000,
    error: false,
    tags: {},
  };
}

/** `n` spans over `pairs` distinct operations of one service, then `last` once at the end. */
function side(service: string, pairs: number, n: number, last?: [string, string]): ReturnType<typeof tableOf> {
  const spans = Array.from({ length: n }, (_, i) => span(service, `op-${i % pairs}`, i));
  if (last) spans.push(span(last[0], last[1], n));
  return tableOf(spans);
}

describe('the warning that the two sides share no service/operation', () => {
  it('is given when no pair is on both sides, naming the services of each', () => {
    expect(sharedNothingWarning([side('a', 5, 200)], side('b', 5, 200))).toBe(
      'The two sides share no service/operation: they may come from different systems or queries ' +
        '(baseline services: a; current: b).',
    );
  });

  it('is not given when one pair is on both sides, however late either side has it', () => {
    expect(sharedNothingWarning([side('a', 5, 2000, ['b', 'op-3'])], side('b', 5, 2000))).toBeUndefined();
    expect(sharedNothingWarning([side('a', 5, 2000)], side('b', 5, 2000, ['a', 'op-4']))).toBeUndefined();
    // A pair on one of several baselines counts, whichever it is.
    expect(
      sharedNothingWarning([side('c', 3, 10), side('a', 5, 2000, ['b', 'op-0'])], side('b', 5, 2000)),
    ).toBeUndefined();
  });

  it('gives the same answer with the sides swapped', () => {
    const shares = side('a', 5, 300, ['x', 'op-6']);
    const other = side('a', 5, 300, ['x', 'y']);
    const x = side('x', 7, 300);
    expect(sharedNothingWarning([x], shares)).toBeUndefined();
    expect(sharedNothingWarning([shares], x)).toBeUndefined();
    expect(sharedNothingWarning([x], other)).toMatch(/^The two sides share no service\/operation/);
    expect(sharedNothingWarning([other], x)).toMatch(/^The two sides share no service\/operation/);
  });
});

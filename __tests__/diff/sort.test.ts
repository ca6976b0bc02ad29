import { describe, expect, it } from 'vitest';
import { ascendingOrder } from '../../src/diff/sort.js';

/** A stable comparison sort of the indices is the reference: the radix passes must give the same order. */
function check(values: number[]) {
  const expected = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  expect(Array.from(ascendingOrder(Float64Array.from(values)))).toEqual(expected);
  // The values in that order, when asked for (from the carried radix keys, or read back).
  const sorted = new Float64Array(values.length);
  ascendingOrder(Float64Array.from(values), sorted);
  expect(Array.from(sorted)).toEqual(expected.map((i) => values[i]!));
}

describe('ordering latencies', () => {
  const long = (f: (i: number) => number) => Array.from({ length: 10_000 }, (_, i) => f(i));

  it('orders long runs of integer microseconds by counting (below 2^20) or by radix across all three 11-bit digits, keeping ties in input order', () => {
    check(long((i) => (i * 7919) % 100_003));
    check(long((i) => ((i * 2654435761) % 4294967296) >>> 0)); // up to 2^32 - 1
    check(long((i) => ((i * 2654435761) % 8589934592) + (i % 2))); // up to 2^33 - 1: the top digit is read
    check(long((i) => (i % 2 ? 4194304 * (i % 5) : (i * 7919) % 2048))); // a middle digit the same everywhere: skipped
    check(long((i) => 3 * 4194304 + ((i * 7919) % 100_003))); // the top digit the same everywhere, not zero
    check(long(() => 42)); // all equal: the identity order
    check(long((i) => i % 3)); // many ties
  });

  it('falls back to the comparison sort for fractions, negatives and latencies past 2^33 µs', () => {
    check(long((i) => ((i * 7919) % 10_007) + 0.5));
    check(long((i) => ((i * 7919) % 10_007) - 5000));
    check(long((i) => ((i * 7919) % 10_007) * 1e6));
  });

  it('orders short runs and the empty run', () => {
    check([3, 1, 2]);
    check([]);
  });

  it('ends on NaN instead of looping, whatever order it then gives', () => {
    expect(ascendingOrder(Float64Array.from([3, NaN, 1, NaN, 2])).length).toBe(5);
  });
});

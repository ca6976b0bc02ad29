import { describe, expect, it } from 'vitest';
import { sortLatencies } from '../../src/diff/sort.js';

/** The typed array's own sort is the reference: the radix sort must give the same order. */
function check(values: number[]) {
  const expected = Float64Array.from(values).sort();
  expect(sortLatencies(Float64Array.from(values))).toEqual(expected);
}

describe('sorting latencies', () => {
  const long = (f: (i: number) => number) => Array.from({ length: 10_000 }, (_, i) => f(i));

  it('radix-sorts long runs of integer microseconds, across both 16-bit digits', () => {
    check(long((i) => (i * 7919) % 100_003));
    check(long((i) => ((i * 2654435761) % 4294967296) >>> 0)); // up to 2^32 - 1
    check(long(() => 42)); // all equal
  });

  it('falls back to the comparison sort for fractions, negatives and latencies past 2^32 µs', () => {
    check(long((i) => ((i * 7919) % 10_007) + 0.5));
    check(long((i) => ((i * 7919) % 10_007) - 5000));
    check(long((i) => ((i * 7919) % 10_007) * 1e6));
  });

  it('sorts short runs and the empty run', () => {
    check([3, 1, 2]);
    check([]);
  });
});

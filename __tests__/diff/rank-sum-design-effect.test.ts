import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Clusters } from '../../src/diff/stats/clusters.js';
import { clusteredMannWhitney, mannWhitney } from '../../src/diff/stats/mann-whitney.js';

/** A sorted sample and the trace of each of its values. */
function sample(values: number[], traces: number[]): { sorted: Float64Array; clusters: Clusters } {
  const order = values.map((_, i) => i).sort((x, y) => values[x]! - values[y]! || x - y);
  return {
    sorted: Float64Array.from(order, (i) => values[i]!),
    clusters: new Clusters(Int32Array.from(order, (i) => traces[i]!)),
  };
}

describe('the clustered rank-sum test where clustering adds nothing', () => {
  it('gives mannWhitney’s result to the bit when the design effect is 1', () => {
    // Each trace holds a low and a high latency: the traces' totals vary less than independent spans would.
    const a = sample([1, 9, 2, 8, 3, 7, 4, 6], [0, 0, 1, 1, 2, 2, 3, 3]);
    const b = sample([1.5, 9.5, 2.5, 8.5, 3.5, 7.5, 5, 5], [0, 0, 1, 1, 2, 2, 3, 3]);
    const clustered = clusteredMannWhitney(a.sorted, b.sorted, a.clusters, b.clusters);
    expect(clustered.designEffect).toBe(1);
    expect({ ...clustered, designEffect: undefined }).toEqual({
      ...mannWhitney(a.sorted, b.sorted),
      designEffect: undefined,
    });
  });

  test.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 })), {
        minLength: 2,
        maxLength: 80,
      }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 })), {
        minLength: 2,
        maxLength: 80,
      }),
    ],
    { numRuns: 300 },
  )('agrees with mannWhitney whenever its design effect is 1', (xs, ys) => {
    const a = sample(
      xs.map(([v]) => v),
      xs.map(([, t]) => t),
    );
    const b = sample(
      ys.map(([v]) => v),
      ys.map(([, t]) => t),
    );
    const clustered = clusteredMannWhitney(a.sorted, b.sorted, a.clusters, b.clusters);
    if (clustered.designEffect !== 1) return;
    const plain = mannWhitney(a.sorted, b.sorted);
    expect(clustered.u).toBe(plain.u);
    expect(clustered.pValue).toBe(plain.pValue);
    expect(clustered.exact).toBe(plain.exact);
  });
});

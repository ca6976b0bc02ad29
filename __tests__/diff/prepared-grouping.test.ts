import { describe, expect, it } from 'vitest';
import { diff, prepareGrouping } from '../../src/diff/index.js';
import { QUERY, SETTINGS, traffic } from './datasets.js';

// The simulator's checkout traffic: parent links (call edges), a combined key, a regression to find.
const sides = () => ({
  baseline: traffic(7, 2000),
  current: traffic(8, 2000, { slower: [{ operation: 'make-payment', percent: 40 }] }),
});

describe('grouping a side ahead of the diff', () => {
  it('gives the diff it would have made itself, to the byte', () => {
    const plain = sides();
    const ahead = sides();
    prepareGrouping(ahead.baseline.table, SETTINGS.groupBy);
    prepareGrouping(ahead.current.table, SETTINGS.groupBy);
    const expected = diff({ baseline: [plain.baseline], current: plain.current, query: QUERY, settings: SETTINGS });
    const got = diff({ baseline: [ahead.baseline], current: ahead.current, query: QUERY, settings: SETTINGS });
    expect(expected.edges.changed.length).toBeGreaterThan(0);
    expect(expected.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  });

  it('is taken once: a second diff of the same tables groups them again, alike', () => {
    const { baseline, current } = sides();
    prepareGrouping(baseline.table, SETTINGS.groupBy);
    const first = diff({ baseline: [baseline], current, query: QUERY, settings: SETTINGS });
    const second = diff({ baseline: [baseline], current, query: QUERY, settings: SETTINGS });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('of other keys than the diff asks for changes nothing', () => {
    const plain = sides();
    const ahead = sides();
    prepareGrouping(ahead.current.table, [['customer', 'service']]);
    const settings = { ...SETTINGS, groupBy: [['operation']] };
    const expected = diff({ baseline: [plain.baseline], current: plain.current, query: QUERY, settings });
    const got = diff({ baseline: [ahead.baseline], current: ahead.current, query: QUERY, settings });
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  });
});

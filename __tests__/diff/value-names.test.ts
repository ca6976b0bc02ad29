import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { Grouping, PART_SEPARATOR, ValueNames } from '../../src/diff/group.js';
import { byCodeUnits } from '../../src/text.js';
import { datasetOf, QUERY, SETTINGS, span } from './datasets.js';

/** The texts of `ids` in the order ValueNames.order gives them. */
function ordered(names: ValueNames, ids: number[]): string[] {
  const positions = names.order(Int32Array.from(ids));
  return Array.from(positions, (p) => names.text(ids[p]!));
}

/** Distinct ids, in the order given. */
const distinct = (ids: number[]) => [...new Set(ids)];

describe('value names', () => {
  it('gives a text one number, whatever parts it was joined from', () => {
    const names = new ValueNames();
    const ab = names.of('a:b');
    const a = names.of('a');
    const joined = names.join(ab, ':', names.of('c'));
    expect(names.join(a, ':', names.of('b:c'))).toBe(joined);
    expect(names.of('a:b:c')).toBe(joined);
    expect(names.text(joined)).toBe('a:b:c');
    // Separators whose ends are alike (` / ` starts and ends with a space) can also meet half-way.
    expect(names.join(names.of('x /'), PART_SEPARATOR, names.of('y'))).toBe(
      names.join(names.of('x'), PART_SEPARATOR, names.of('/ y')),
    );
    expect(names.join(a, ':', names.of('c'))).not.toBe(joined);
  });

  it('orders call edges as their texts, where a service is a prefix of another', () => {
    const names = new ValueNames();
    const so = (s: string, o: string) => names.join(names.of(s), ':', names.of(o));
    const services = ['service-1', 'service-10', 'service-2', 'svc'];
    const operations = ['/api', '/api/x', 'GET /', 'op-1'];
    const sos = services.flatMap((s) => operations.map((o) => so(s, o)));
    const edges = distinct(
      sos.flatMap((caller, i) =>
        sos.filter((_, j) => (i * 7 + j) % 3 === 0).map((callee) => names.join(caller, ' -> ', callee)),
      ),
    );
    const texts = edges.map((id) => names.text(id));
    expect(ordered(names, edges)).toEqual([...texts].sort(byCodeUnits));
  });

  it('falls back to the texts where a left part and its separator begin another', () => {
    const names = new ValueNames();
    const ids = [
      names.join(names.of('a / b'), PART_SEPARATOR, names.of('c')),
      names.join(names.of('a'), PART_SEPARATOR, names.of('z')),
      names.join(names.of('a'), PART_SEPARATOR, names.of('!')),
    ];
    expect(ordered(names, ids)).toEqual(['a / !', 'a / b / c', 'a / z']);
  });

  const part = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '/', ':', '-', '>'), maxLength: 3 });
  test.prop([fc.array(fc.tuple(part, part, part), { maxLength: 40 }), fc.constantFrom(':', PART_SEPARATOR, ' -> ')], {
    numRuns: 300,
  })('orders any joined texts by their code units', (parts, separator) => {
    const names = new ValueNames();
    // Three-part joins, as a combined key of three parts: (x sep y) sep z.
    const ids = distinct(
      parts.map(([x, y, z]) => names.join(names.join(names.of(x), separator, names.of(y)), separator, names.of(z))),
    );
    const texts = ids.map((id) => names.text(id));
    expect(new Set(texts).size).toBe(texts.length);
    expect(ordered(names, ids)).toEqual([...texts].sort(byCodeUnits));
  });
});

describe('values paired across the sides', () => {
  it('pairs an edge whose name reads the same on both sides, though made of other parts', () => {
    // Baseline: service `a:b` runs `c`; current: service `a` runs `b:c`. Both edges read `root:x -> a:b:c`.
    const side = (service: string, operation: string, durationUs: number) =>
      Array.from({ length: 40 }, (_, t) => [
        span({ traceId: `t${t}`, spanId: 'r', service: 'root', operation: 'x', durationUs: 100 }),
        span({ traceId: `t${t}`, spanId: 'c', parentSpanId: 'r', service, operation, durationUs: durationUs + t }),
      ]).flat();
    const result = diff({
      baseline: [datasetOf(side('a:b', 'c', 10))],
      current: datasetOf(side('a', 'b:c', 20)),
      query: QUERY,
      settings: { ...SETTINGS, groupBy: [['service']] },
    });
    expect(result.edges.changed.map((v) => v.value)).toEqual(['root:x -> a:b:c']);
    expect(result.edges.new).toEqual([]);
    expect(result.edges.missing).toEqual([]);
    expect(result.edges.undecided).toEqual([]);
  });

  it('files one-sided values most spans first, then by name', () => {
    // Current-only operations, made in an order that is neither: 3 spans each for `b` and `a10`, 1 for `a2` and `a1`.
    const spansOf = (operation: string, n: number) =>
      Array.from({ length: n }, () => span({ operation, durationUs: 10 }));
    const current = [
      ...spansOf('common', 5),
      ...spansOf('a2', 1),
      ...spansOf('b', 3),
      ...spansOf('a1', 1),
      ...spansOf('a10', 3),
    ];
    const result = diff({
      baseline: [datasetOf(spansOf('common', 5))],
      current: datasetOf(current),
      query: QUERY,
      settings: { ...SETTINGS, groupBy: [['operation']] },
    });
    const group = result.groups[0]!;
    expect([...group.new, ...group.undecided].map((v) => v.value)).toEqual(['a10', 'b', 'a1', 'a2']);
  });

  it('gives the same values as the grouping by name', () => {
    const spans = Array.from({ length: 30 }, (_, t) =>
      span({ traceId: `t${t}`, service: `s${t % 4}`, operation: `o${t % 7}`, durationUs: 10 + t }),
    );
    const grouping = new Grouping(datasetOf(spans).table);
    const groups = grouping.groups(['service', 'operation']);
    expect(Array.from({ length: groups.size }, (_, i) => groups.name(i))).toEqual([
      ...grouping.byKey(['service', 'operation']).keys(),
    ]);
  });
});

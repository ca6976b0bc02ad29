import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import type { Span } from '../../src/dataset/types.js';
import { renderMarkdown, renderText } from '../../src/report/index.js';
import { datasetOf, settingsFrom, spansOf } from '../diff/datasets.js';
import { html, reportOf, tables, visibleText } from './render.js';

/**
 * What an on-call engineer reads at a glance, rendered by a GFM renderer as GitHub would: each
 * row says what the statistics say, the marks sit on the metric that made the finding, counts of
 * windows of different length are compared per minute.
 */
const settings = settingsFrom(
  `
min-samples: 30
thresholds:
  latency.p95: { warn: +10%, fail: +25% }
  error-rate: { warn: +1pp, fail: +2pp }
  rate: { warn: -50% }
`,
  '[operation]',
);

/** Latencies spread evenly over [lo, hi), with the slowest `tail` share multiplied by `factor`. */
function latencies(n: number, lo: number, hi: number, tail = 0, factor = 1) {
  return (i: number) => {
    const x = lo + ((hi - lo) * i) / n;
    return i >= n * (1 - tail) ? x * factor : x;
  };
}

function side(current: boolean): Span[] {
  return [
    // 40 spans a side, the slowest tenth 30 % slower: p95 +27 %, too few spans for any test to be sure.
    ...spansOf('few-slow', 40, latencies(40, 10_000, 14_000, current ? 0.1 : 0, 1.3)),
    // 3,000 spans a side, the slowest tenth 50 % slower: the p95 test is sure, the rank-sum test is not.
    ...spansOf('tail-slow', 3000, latencies(3000, 10_000, 30_000, current ? 0.1 : 0, 1.5)),
    // errors 1 in 90 → 7 in 90: past +2pp, not significant on 90 spans.
    ...spansOf('charge-card', 90, latencies(90, 5_000, 6_000), (i) => i % 90 < (current ? 7 : 1)),
    // steady traffic: nothing to say.
    ...spansOf('steady', 500, latencies(500, 1_000, 2_000)),
    // three times the traffic: a shift no rule judges, for context.
    ...spansOf('busy', current ? 1500 : 500, latencies(current ? 1500 : 500, 1_000, 2_000)),
  ];
}

function result() {
  return diff({
    baseline: [datasetOf(side(false), { windowMinutes: 10 })],
    current: datasetOf(side(true), { windowMinutes: 10 }),
    query: { id: 'checkout', name: 'Checkout', query: 'service IN ("android")' },
    settings,
  });
}

describe('every row says what the statistics say', () => {
  const r = result();
  const markdown = renderMarkdown(reportOf(r, {}, settings.thresholds.metrics));
  const rendered = html(markdown);

  it('renders as in its snapshot (GFM, as GitHub shows it)', async () => {
    await expect(rendered).toMatchFileSnapshot('__snapshots__/trust-rows.html');
  });
  const operation = tables(rendered).find((t) => visibleText(t.header[1]!) === 'spans')!;
  const row = (value: string) => operation.rows.find((cells) => visibleText(cells[0]!) === value)!.map(visibleText);

  it('a change past a threshold without a finding says not significant, with its q and its n', () => {
    expect(row('few-slow')[5]).toMatch(/^p95 \+\d+%: not significant \(q = [\d.]+, n = 40 → 40 (spans|traces)\)$/);
    expect(row('charge-card')[5]).toMatch(
      /^error-rate \+6\.7pp: not significant \(q = [\d.]+, n = 90 → 90 (spans|traces)\)$/,
    );
  });

  it('the mark sits on the metric that made the finding, and the last cell names it', () => {
    const f = r.findings.find((x) => x.value === 'tail-slow')!;
    expect(f).toMatchObject({ metric: 'latency.p95', severity: 'fail' });
    expect(row('tail-slow')[4]).toMatch(/▲$/);
    expect(row('tail-slow')[5]).toBe('❌ fail (p95)');
  });

  it('the Traffic list and the row marks agree', () => {
    const traffic = markdown.split('#### Traffic\n\n')[1]!.split('\n\n#### ')[0]!;
    expect(traffic).toContain('- `operation` = `busy`: up 200%');
    const rows = tables(rendered)
      .filter((t) => visibleText(t.header[0]!) === 'value')
      .flatMap((t) => t.rows);
    const marked = rows.filter((cells) => /[▲▼]$/.test(visibleText(cells[1]!))).map((c) => visibleText(c[0]!));
    expect(marked).toEqual(['busy']);
    expect(row2(rows, 'busy')[5]).toBe('traffic (rate)');
  });

  const row2 = (rows: string[][], value: string) =>
    rows.find((cells) => visibleText(cells[0]!) === value)!.map(visibleText);

  it('the legend says what the marks and the notes mean', () => {
    expect(visibleText(rendered)).toContain(
      'A change past its threshold that made no finding says why: “not significant”',
    );
    expect(visibleText(rendered)).not.toContain('did not cross its threshold');
  });

  it('the text format says the same, with q and n', () => {
    const text = renderText(reportOf(r, {}, settings.thresholds.metrics));
    expect(text).toMatch(
      /\n {2}fail {4}operation = tail-slow: p95 \+\d+% \([\d.]+ → [\d.]+ ms\), 98% interval \+\d+% … \+\d+% {2}\(q [<\d.]+, n = 3,000 → 3,000 (spans|traces)\) {2}\[latency\.p95/,
    );
    expect(text).toMatch(
      /\n {2}unproven operation = few-slow: p95 \+\d+%: not significant \(q = [\d.]+, n = 40 → 40 (spans|traces)\)/,
    );
    expect(text).toMatch(/\n {2}traffic operation = busy: rate \+200%/);
  });
});

describe('a pooled baseline (median-of:2) against one collection', () => {
  // Two collections of 10 minutes pooled against one: twice the spans, the same traffic per minute.
  const steady = (seed: number) =>
    datasetOf(
      [
        ...spansOf(`checkout`, 500, latencies(500, 1_000, 2_000)),
        ...spansOf('search', 300, latencies(300, 500, 900)),
      ].map((s) => ({ ...s, traceId: `${seed}-${s.traceId}` })),
      { windowMinutes: 10 },
    );
  const r = diff({
    baseline: [steady(1), steady(2)],
    current: steady(3),
    query: { id: 'checkout', name: 'Checkout', query: 'service IN ("android")' },
    settings,
  });
  const markdown = renderMarkdown(reportOf(r, {}, settings.thresholds.metrics));
  const rendered = html(markdown);

  it('renders as in its snapshot', async () => {
    await expect(rendered).toMatchFileSnapshot('__snapshots__/trust-pooled.html');
  });

  it('compares counts per minute and says so, rather than showing a traffic collapse', () => {
    expect(r.baseline!.windowMinutes).toBe(20);
    expect(visibleText(rendered)).toContain(
      'The windows differ — the baseline covers 20 min (2 collections pooled), the current 10 min — so span counts below are compared per minute.',
    );
    const values = tables(rendered).find((t) => visibleText(t.header[0]!) === 'value')!;
    expect(visibleText(values.header[1]!)).toBe('spans/min');
    const checkout = values.rows.find((cells) => visibleText(cells[0]!) === 'checkout')!;
    expect(visibleText(checkout[1]!)).toBe('50.0');
    expect(markdown).not.toMatch(/1,000 → 500|-50%/);
  });
});

describe('pipes and blank values', () => {
  // `a|b` slower, `x|y` new, a value of three blanks slower and one of a single blank gone; the key itself has a pipe.
  const spansFor = (current: boolean): Span[] =>
    [
      ...spansOf('a|b', 200, latencies(200, 10_000, 12_000, current ? 1 : 0, 1.6)),
      ...spansOf('   ', 200, latencies(200, 10_000, 12_000, current ? 1 : 0, 1.6)),
      ...(current
        ? spansOf('x|y', 200, latencies(200, 1_000, 2_000))
        : spansOf(' ', 200, latencies(200, 1_000, 2_000))),
      ...spansOf('steady', 200, latencies(200, 1_000, 2_000)),
    ].map((s) => ({ ...s, tags: { 'route|name': s.operation } }));
  const r = diff({
    baseline: [datasetOf(spansFor(false), { windowMinutes: 10 })],
    current: datasetOf(spansFor(true), { windowMinutes: 10 }),
    query: { id: 'pipes', name: 'Pipes | blanks', query: 'service IN ("a|b")' },
    settings: { ...settings, groupBy: [['route|name']] },
  });
  const markdown = renderMarkdown(reportOf(r, {}, settings.thresholds.metrics));
  const rendered = html(markdown);

  it('renders as in its snapshot', async () => {
    await expect(rendered).toMatchFileSnapshot('__snapshots__/trust-pipes.html');
  });

  it('shows a pipe as a pipe in the headline, the headings, the bullets and the cells', () => {
    expect(rendered).not.toContain('\\|');
    const h2 = /<h2>(.*)<\/h2>/.exec(rendered)![1]!;
    expect(visibleText(h2)).toMatch(
      /^❌ 3 regressions in Pipes \| blanks: route\|name = (a\|b|\(3 blank characters\)) p95 /,
    );
    expect(visibleText(/<h3>(.*)<\/h3>/.exec(rendered)![1]!)).toBe('❌ Pipes | blanks · service IN ("a|b")');
    expect(rendered).toContain('<h4><code>route|name</code></h4>');
    expect(rendered).toMatch(/<li><code>x\|y<\/code>: 200 spans/);
    const findings = tables(rendered)[1]!;
    expect(findings.rows.map((row) => visibleText(row[2]!)).sort()).toEqual([
      '(1 blank character)',
      '(3 blank characters)',
      'a|b',
      'x|y',
    ]);
  });

  it('names a blank value by what it is, never as an empty cell or bullet', () => {
    expect(rendered).toMatch(/<li><em>\(1 blank character\)<\/em>: had 200 spans/);
    for (const t of tables(rendered)) for (const row of t.rows) expect(visibleText(row[0]!).trim()).not.toBe('');
  });
});

describe('the text format of a diff of two files', () => {
  it('names what was compared without a dangling query text', () => {
    const r = result();
    const adHoc = { id: 'diff', name: 'baseline.ndjson → current.ndjson', query: '' };
    const text = renderText(reportOf({ ...r, query: adHoc }, {}, settings.thresholds.metrics));
    const line = text.split('\n').find((l) => l.startsWith('baseline.ndjson'))!;
    expect(line).toBe('baseline.ndjson → current.ndjson (diff)');
    expect(text).not.toMatch(/\(diff\): /);
  });
});

describe('a result of trace-level statistics (per-value traces, confidence intervals)', () => {
  it('says n in traces, and of a significant change whose interval falls short of the level, why it is no finding', () => {
    const r = structuredClone(result());
    const v = r.groups[0]!.changed.find((x) => x.value === 'few-slow')!;
    // As trace-level statistics write it: 12 traces a side, a significant p95 test, an interval short of +10 %.
    Object.assign(v.baseline, { traces: 12 });
    Object.assign(v.current, { traces: 12 });
    v.qValue = { ...v.qValue, latencyP95: 0.001 };
    Object.assign(v, {
      intervals: {
        'latency.p95': { low: 200, high: 5000, relativeLow: 0.03, relativeHigh: 0.4, confidence: 0.95 },
      },
    });
    const rendered = html(renderMarkdown(reportOf(r, {}, settings.thresholds.metrics)));
    const row = tables(rendered)
      .flatMap((t) => t.rows)
      .find((cells) => visibleText(cells[0]!) === 'few-slow')!;
    expect(visibleText(row[5]!)).toMatch(
      /^p95 \+\d+%: significant, but the evidence does not reach the threshold \(q = 0\.0010, 95% interval \+3% … \+40%, n = 12 → 12 traces\)$/,
    );
  });
});

import { spansOfTable } from '../../src/dataset/table.js';
import { describe, expect, it } from 'vitest';
import type { MetricRule } from '../../src/config/types.js';
import type { HistoryEntry } from '../../src/dataset/types.js';
import { diff } from '../../src/diff/index.js';
import { renderJson, renderMarkdown, renderText } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';
import { QUERY, SETTINGS, datasetOf, traffic } from '../diff/datasets.js';
import { html, reportOf, tables, visibleText } from './render.js';

const ANDROID = { id: 'android', name: 'Android checkout', query: 'service IN ("android")' };

/** The example config's extra rules: `latency.avg: +20%` and `latency.p99: { fail: +30% }`. */
const EXAMPLE_RULES: MetricRule[] = [
  {
    metric: 'latency.avg',
    levels: [{ severity: 'fail', change: { kind: 'relative', amount: 0.2, text: '+20%' } }],
    text: 'latency.avg: +20%',
  },
  {
    metric: 'latency.p99',
    levels: [{ severity: 'fail', change: { kind: 'relative', amount: 0.3, text: '+30%' } }],
    text: 'latency.p99: { fail: +30% }',
  },
];

/** A regression like the demo's: /api/make-payment 60 % slower, a new call to fraud:score, customer BEEMO gone. */
function exampleRegression(): ReturnType<typeof diff> {
  return diff({
    baseline: [datasetOf(spansOfTable(traffic(1, 2000).table), { snapshotId: 'S28f9a1f12' })],
    current: datasetOf(
      spansOfTable(
        traffic(2, 2000, {
          slower: [{ service: 'android', operation: '/api/make-payment', percent: 60 }],
          removeTagValue: [{ tag: 'customer', value: 'BEEMO' }],
          addCall: [{ from: 'api-server:make-payment', to: 'fraud:score' }],
        }).table,
      ),
      { snapshotId: 'e38aa8029e' },
    ),
    query: ANDROID,
    settings: {
      ...SETTINGS,
      groupBy: [['operation'], ['customer']],
      thresholds: { ...SETTINGS.thresholds, metrics: [...SETTINGS.thresholds.metrics, ...EXAMPLE_RULES] },
    },
  });
}

function history(p95s: number[], verdicts: string[]): HistoryEntry[] {
  // Newest first, as the store lists them.
  return p95s
    .map((p95, i) => ({
      key: `k${i}`,
      queryId: 'android',
      collectedAt: `2026-11-2${i}T00:00:00Z`,
      spans: 2000,
      traces: 500,
      complete: true,
      verdict: verdicts[i],
      errorRate: 0.005 + i * 0.001,
      latencyP95Us: p95,
    }))
    .reverse();
}

describe('the first line', () => {
  it('gives the verdict and the regression to look at, with its numbers in one unit', () => {
    const result = diff({
      baseline: [traffic(1, 3000)],
      current: traffic(2, 3000, { slower: [{ service: 'android', operation: '/api/make-payment', percent: 60 }] }),
      query: ANDROID,
      settings: { ...SETTINGS, groupBy: [['service', 'operation']] },
    });
    const first = renderMarkdown(reportOf(result)).split('\n')[0]!;
    expect(first).toMatch(
      /^## ❌ 1 regression in Android checkout: `service\+operation` = `android \/ \/api\/make-payment` p\d\d \+\d+% \(\d+ → \d+ ms\)$/,
    );
  });

  it('counts regressed values, not findings: one value slower at p95, p99 and avg is one regression', () => {
    const result = exampleRegression();
    const failing = result.findings.filter((f) => f.severity === 'fail' && f.key === 'operation');
    expect(failing.length).toBeGreaterThan(1);
    const first = renderMarkdown(reportOf(result)).split('\n')[0]!;
    // /api/make-payment (fail) and customer BEEMO missing (warn): two regressions.
    expect(first).toMatch(
      /^## ❌ 2 regressions in Android checkout: `operation` = `\/api\/make-payment` p\d\d \+\d+% \(\d+ → \d+ ms\)…$/,
    );
  });

  it('names a value rather than the (none) bucket of spans without the tag', () => {
    const result = exampleRegression();
    const none = { ...result.findings[0]!, key: 'http.status_code', value: '(none)', impact: Infinity };
    result.findings.unshift(none);
    expect(renderMarkdown(reportOf(result)).split('\n')[0]).toMatch(
      /^## ❌ 3 regressions in Android checkout: `operation` = `\/api\/make-payment` /,
    );
  });

  it('names each regressed query when a run has several, and how many could not be diffed', () => {
    const bad = exampleRegression();
    const ok = diff({ baseline: [traffic(1, 100)], current: traffic(1, 100), query: QUERY, settings: SETTINGS });
    const report: Report = {
      mode: 'collect',
      verdict: 'fail',
      outcomes: [
        { query: QUERY, result: ok, warnings: [] },
        { query: ANDROID, result: bad, warnings: [] },
        {
          query: { id: 'ios', name: 'iOS', query: 'service IN ("iOS")' },
          error: 'the Lightstep API answered 401',
          warnings: [],
        },
      ],
      generatedAt: '2026-11-24T00:00:00Z',
    };
    const markdown = renderMarkdown(report);
    expect(markdown.split('\n')[0]).toMatch(
      /^## ❌ 1 of 3 queries regressed — Android checkout: `operation` = `\/api\/make-payment` p\d\d \+\d+% \(\d+ → \d+ ms\) and 1 more; 1 could not be diffed$/,
    );
    expect(markdown).toContain('This query could not be diffed: the Lightstep API answered 401');
  });

  it('does not call inconclusive queries passing', () => {
    const first = (id: string) =>
      diff({ baseline: [], current: traffic(1, 50), query: { ...QUERY, id }, settings: SETTINGS });
    const ok = diff({ baseline: [traffic(1, 100)], current: traffic(1, 100), query: QUERY, settings: SETTINGS });
    const report = (results: ReturnType<typeof diff>[]): Report => ({
      mode: 'collect',
      verdict: 'inconclusive',
      outcomes: results.map((result) => ({ query: result.query, result, warnings: [] })),
      generatedAt: '',
    });
    expect(renderMarkdown(report([first('a'), first('b')])).split('\n')[0]).toBe(
      '## ❔ 2 of 2 queries inconclusive: there is no baseline yet: this dataset is stored and becomes the baseline of the next run.',
    );
    expect(renderMarkdown(report([ok, first('b')])).split('\n')[0]).toBe(
      '## ❔ No regressions in 1 of 2 queries; 1 inconclusive',
    );
  });

  it('says why a first run is inconclusive', () => {
    const result = diff({ baseline: [], current: traffic(1, 50), query: QUERY, settings: SETTINGS });
    const markdown = renderMarkdown(reportOf(result));
    expect(markdown.split('\n')[0]).toBe(
      '## ❔ Checkout is inconclusive: There is no baseline yet: this dataset is stored and becomes the baseline of the next run.',
    );
    expect(markdown).toContain('| baseline | (none yet) |');
  });
});

describe('per query', () => {
  const result = exampleRegression();
  const markdown = renderMarkdown(reportOf(result));
  const rendered = html(markdown);
  const all = tables(rendered);

  it('says what was compared: snapshot ids (linked to the Lightstep UI when known), times, window, spans, traces, coverage', () => {
    const linked = structuredClone(result);
    linked.current.uiLink = 'https://app.lightstep.com/acme/explorer?snapshot_id=e38aa8029e';
    const compared = tables(html(renderMarkdown(reportOf(linked))))[0]!;
    expect(compared.header.map(visibleText)).toEqual(['', 'snapshot', 'collected', 'spans / traces', 'coverage']);
    expect(compared.rows[0]!.map(visibleText)).toEqual([
      'baseline',
      'S28f9a1f12',
      '2026-11-24 00:00:00Z, 10 min window',
      `${result.baseline!.spans.toLocaleString('en-US')} / 2,000`,
      '100%',
    ]);
    expect(compared.rows[1]![1]).toBe(
      '<a href="https://app.lightstep.com/acme/explorer?snapshot_id=e38aa8029e"><code>e38aa8029e</code></a>',
    );
  });

  it('heads each query with its name and query text, or its name alone when there is no query text', () => {
    expect(markdown).toContain('### ❌ Android checkout · `service IN ("android")`');
    const adHoc = structuredClone(result);
    adHoc.query = { id: 'diff', name: 'baseline.ndjson → current.ndjson', query: '' };
    const heading = renderMarkdown(reportOf(adHoc))
      .split('\n')
      .find((line) => line.startsWith('### '));
    expect(heading).toBe('### ❌ baseline.ndjson → current.ndjson');
  });

  it('ranks the findings by impact, one row per value with each change, its q and its rule as written in the config', () => {
    const findings = all[1]!;
    expect(findings.header.map(visibleText)).toEqual(['severity', 'key', 'value', 'change', 'q', 'n', 'rule']);
    // The notice: customer meowsy, whose spans include the slower payments, p99 past +30 % but its interval not yet.
    expect(findings.rows.map((r) => visibleText(r[0]!))).toEqual([
      '❌ fail',
      '⚠️ warn',
      'ℹ️ notice',
      'ℹ️ notice',
      'ℹ️ notice',
    ]);
    const [payment] = findings.rows;
    expect(visibleText(payment![2]!)).toBe('/api/make-payment');
    // Each change with how sure: the interval that cleared its level.
    const change = String.raw`(p\d\d|avg) \+\d+% \(\d+ → \d+ ms\), 98% interval \+\d+% … (\+\d+%|\?)`;
    expect(payment![3]).toMatch(new RegExp(`^${change}(<br ?/?>${change})+$`));
    expect(payment![5]).toMatch(/^[\d,]+ → [\d,]+ traces$/);
    expect(payment![6]).toContain('<code>latency.p95: { warn: +10%, fail: +25% }</code>');
    // No entity-escaped colons in what the config said.
    expect(markdown).not.toContain('&#58;');
    expect(findings.rows[2]!.slice(1, 3).map(visibleText)).toEqual(['customer', 'meowsy']);
    expect(visibleText(findings.rows[2]![6]!)).toMatch(
      /^latency\.p99 \+30% \(98% interval \+\d+% … \+\d+%, not yet established\)$/,
    );
    expect(findings.rows[4]!.slice(1, 4).map(visibleText)).toEqual([
      'call edge',
      'api-server:make-payment -> fraud:score',
      expect.stringMatching(/^new \(\d+ spans\)$/),
    ]);
  });

  it('shows per key the table of values: before → after and the change, ▲ ▼ marks and the severity', () => {
    const operation = all[2]!;
    expect(operation.header.map(visibleText)).toEqual(['value', 'spans', 'error %', 'avg', 'p95', 'statistics']);
    const row = operation.rows[0]!.map(visibleText);
    expect(row[0]).toBe('/api/make-payment');
    expect(row[3]).toMatch(/^\d+ → \d+ ms \(\+\d+%\) ▲$/);
    expect(row[4]).toMatch(/^\d+ → \d+ ms \(\+\d+%\) ▲$/);
    expect(row[5]).toBe('❌ fail (p99, p95, avg)');
  });

  it('names each severity of a row with its metrics, so a notice beside a fail does not read as a fail', () => {
    const mixed = structuredClone(result);
    const avg = mixed.findings.find((f) => f.metric === 'latency.avg' && f.value === '/api/make-payment')!;
    avg.severity = 'notice';
    avg.rule = 'latency.avg +20% (98% interval +15% … +70%, not yet established)';
    const row = tables(html(renderMarkdown(reportOf(mixed))))[2]!.rows[0]!;
    expect(visibleText(row[0]!)).toBe('/api/make-payment');
    expect(row[5]).toMatch(/^❌ fail \(p99, p95\)<br ?\/?>ℹ️ notice \(avg\)$/);
  });

  it('folds the values with no change past a threshold into <details>', () => {
    expect(markdown).toMatch(
      /<details><summary>\d+ values with no change past a threshold<\/summary>\n\n\| value \| spans \|/,
    );
    expect(rendered).toMatch(/<details><summary>\d+ values with no change past a threshold<\/summary>\n<table>/);
  });

  it('lists new and missing values with their numbers and severity', () => {
    expect(markdown).toMatch(
      /\*\*New\*\* \(not in the baseline\):\n- `score`: \d+ spans, [\d.]+% errors, p95 [\d.]+ ms \(ℹ️ notice\)/,
    );
    expect(markdown).toMatch(
      /\*\*Missing\*\* \(gone since the baseline\):\n- `BEEMO`: had [\d,]+ spans, .* \(⚠️ warn\)/,
    );
  });

  it('draws the changed call edges as a Mermaid graph', () => {
    expect(markdown).toContain(
      '#### Call edges\n\n```mermaid\ngraph LR\n  n0["api-server:make-payment"] ==>|new| n1["fraud:score"]\n```',
    );
  });

  it('states partial coverage where the numbers are', () => {
    const partial = datasetOf(spansOfTable(traffic(2, 100).table), { complete: false });
    const r = diff({ baseline: [traffic(1, 100)], current: partial, query: QUERY, settings: SETTINGS });
    expect(renderMarkdown(reportOf(r))).toMatch(/\| current \| — \| .* \| 80% ⚠️ partial \|/);
  });

  it('draws a trend line from the history of the query', () => {
    const report = reportOf(result);
    report.outcomes[0]!.history = history([120_000, 125_000, 118_000, 161_000], ['pass', 'pass', 'notice', 'fail']);
    expect(renderMarkdown(report)).toContain(
      '**Trend** over the last 4 collections, oldest first: p95 ▁▂▁█ 120 → 161 ms · errors 0.5% → 0.8% · verdicts ✅✅ℹ️❌',
    );
    report.outcomes[0]!.history = history([120_000], ['pass']);
    expect(renderMarkdown(report)).not.toContain('**Trend**');
  });
});

describe('improvements and traffic', () => {
  // The baseline was slow; the current is back to normal, and carries three times the traffic.
  const result = diff({
    baseline: [traffic(1, 1000, { slower: [{ service: 'android', operation: '/api/make-payment', percent: 60 }] })],
    current: traffic(2, 3000),
    query: ANDROID,
    settings: { ...SETTINGS, groupBy: [['operation']] },
  });
  const markdown = renderMarkdown(reportOf(result));

  it('lists a significant fall of latency as an improvement, without a severity', () => {
    const section = markdown.split('#### Improvements\n\n')[1]!.split('\n\n')[0]!;
    expect(section.split('\n')[0]).toBe('| key | value | change | q |');
    expect(section).toMatch(/\| `operation` \| `\/api\/make-payment` \| p95 -\d+% \(\d+ → \d+ ms\) \|/);
    expect(section).not.toMatch(/notice|rate/);
  });

  it('shows a rise of traffic as context, not as an improvement', () => {
    // The diff itself lists traffic apart from improvements, so the JSON says what the report says.
    expect(result.traffic.some((f) => f.metric === 'rate')).toBe(true);
    expect(result.improvements.some((f) => f.metric === 'rate' || f.metric === 'occurrence')).toBe(false);
    const section = markdown.split('#### Traffic\n\n')[1]!.split('\n\n#### ')[0]!;
    expect(section).toMatch(/^Significant shifts in the direction no rule judges, for context:\n\n- `operation` = `/);
    expect(section).toMatch(/: up \d+% \([\d.]+ → [\d.]+\/min\)/);
    expect(renderText(reportOf(result))).toMatch(/\n {2}traffic operation = \S+: rate \+\d+%/);
  });

  it('reads results written before the diff listed traffic apart (merge of older report-json files)', () => {
    const older = structuredClone(result) as Partial<typeof result>;
    older.improvements = [...result.improvements, ...result.traffic];
    delete older.traffic;
    const rendered = renderMarkdown(reportOf(older as typeof result));
    expect(rendered.split('#### Traffic\n\n')[1]!.split('\n\n#### ')[0]).toBe(
      markdown.split('#### Traffic\n\n')[1]!.split('\n\n#### ')[0],
    );
  });
});

describe('size limits', () => {
  // 100 values 60 % slower, 1,500 calm ones and 10 new ones: far beyond what a comment holds.
  function big(): Report {
    const spanOf = (operation: string, i: number, factor: number) => ({
      spanId: `${operation}-${i}-${factor}`,
      traceId: `t-${operation}-${i}-${factor}`,
      service: 'svc',
      operation,
      startUs: 1_700_000_000_000_000 + i * 1_000_000,
      durationUs: Math.round((1000 + i * 10) * factor),
      error: false,
      tags: {},
    });
    const many = (prefix: string, n: number, spans: number, factor: number) =>
      Array.from({ length: n }, (_, v) => `${prefix}-${v}-${'x'.repeat(30)}`).flatMap((op) =>
        Array.from({ length: spans }, (_, i) => spanOf(op, i, factor)),
      );
    const result = diff({
      // 150 traces a value: with fewer, the 98 % interval of a p95 has no upper bound, and +60 % is only a notice.
      baseline: [datasetOf([...many('slow', 100, 150, 1), ...many('calm', 1500, 40, 1)])],
      current: datasetOf([...many('slow', 100, 150, 1.6), ...many('calm', 1500, 40, 1), ...many('new', 10, 100, 1)]),
      query: ANDROID,
      settings: { ...SETTINGS, groupBy: [['operation']], minSamples: 30 },
    });
    return reportOf(result, { fullReportHint: 'the artifacts of run 42' });
  }
  const report = big();
  const full = renderMarkdown(report);

  it('keeps a comment under 65,536 characters, says what was cut and where the full report is', () => {
    expect(full.length).toBeGreaterThan(65_536);
    const cut = renderMarkdown(report, { maxChars: 65_000 });
    expect(cut.length).toBeLessThanOrEqual(65_000);
    expect(cut.split('\n')[0]).toBe(full.split('\n')[0]);
    expect(cut).toMatch(
      /^> ✂️ This report was shortened to fit GitHub's size limit: the least important parts went first, and the most severe queries kept the most \(each says what it left out\)\. The full report is in the artifacts of run 42\.$/m,
    );
    expect(cut).toContain('*✂️ Shortened: the values without findings and the undecided values were left out.*');
  });

  it('links a cut report to the job summary and the report artifact', () => {
    const cut = renderMarkdown(report, {
      maxChars: 65_000,
      links: {
        summary: 'https://github.com/acme/shop/actions/runs/42',
        artifact: 'https://github.com/acme/shop/actions/runs/42/artifacts/7',
      },
    });
    const note = html(cut)
      .split('\n')
      .find((line) => line.includes('✂️'))!;
    expect(note).toContain(
      'The full report is in <a href="https://github.com/acme/shop/actions/runs/42">the job summary</a> and <a href="https://github.com/acme/shop/actions/runs/42/artifacts/7">the report artifact</a>.',
    );
  });

  it('cuts the least important first: the failing findings stay, values without findings go, then notices', () => {
    const cut = renderMarkdown(report, { maxChars: 65_000 });
    expect(full).toContain('values with no change past a threshold</summary>');
    expect(cut).not.toContain('<details>');
    expect(cut.match(/^\| ❌ fail \| `operation` \| `slow-/gm)).toHaveLength(100);
    expect(cut.match(/^\| ℹ️ notice \| `operation` \| `new-/gm)).toHaveLength(10);
    // When only some findings fit, notices go before warnings and failures, and tables are cut to their first rows.
    const tight = renderMarkdown(report, { maxChars: 8_000 });
    expect(tight.length).toBeLessThanOrEqual(8_000);
    const rows = Number(/tables show their first (\d+) rows/.exec(tight)![1]);
    expect(tight.match(/^\| ❌ fail \| `operation` \| `slow-/gm)).toHaveLength(rows);
    expect(tight).toContain(`…and ${100 - rows} more (see the full report).`);
    expect(tight).not.toContain('ℹ️ notice |');
    expect(tight).toContain('10 notices (see the full report).');
  });

  it('keeps a job summary under 1 MiB of UTF-8, counting bytes, not characters', () => {
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    const limit = bytes(full) - 1000;
    expect(full.length).toBeLessThan(limit); // in characters it would fit: only the byte count says it does not
    const cut = renderMarkdown(report, { maxBytes: limit });
    expect(bytes(cut)).toBeLessThanOrEqual(limit);
    expect(cut).toContain('This report was shortened to fit');
  });

  it('renders a report the same whether or not it was rendered before, cut or whole (rows are made once per outcome)', () => {
    const fresh = () => structuredClone(report);
    const cut = renderMarkdown(report, { maxChars: 65_000 });
    expect(cut).toBe(renderMarkdown(fresh(), { maxChars: 65_000 }));
    expect(renderMarkdown(report, { maxChars: 30_000 })).toBe(renderMarkdown(fresh(), { maxChars: 30_000 }));
    expect(renderMarkdown(report)).toBe(full);
    const first = fresh();
    renderMarkdown(first, { maxChars: 20_000 });
    expect(renderMarkdown(first)).toBe(full);
  });

  it('cuts even a report of many queries at a line, with a closing note', () => {
    const many: Report = { ...report, outcomes: Array.from({ length: 200 }, () => report.outcomes[0]!) };
    const cut = renderMarkdown(many, { maxChars: 20_000 });
    expect(cut.length).toBeLessThanOrEqual(20_000);
    expect(cut).toMatch(
      /\n\n> ✂️ …cut here to fit GitHub's size limit\. The full report is in the artifacts of run 42\.\n$/,
    );
  });
});

describe('the (none) value of spans without the key', () => {
  // Half the traces carry a `tenant` tag: the others are counted under `(none)`; every trace has a customer.
  function tenants(groupBy: string[][]): ReturnType<typeof diff> {
    const tenant = { addTagValue: [{ tag: 'tenant', value: 'gold', share: 0.5 }] };
    return diff({
      baseline: [traffic(1, 600, tenant)],
      current: traffic(2, 600, tenant),
      query: ANDROID,
      settings: { ...SETTINGS, groupBy },
    });
  }
  const note = (key: string) =>
    `\`(none)\` stands for the spans that have no \`${key}\` value, counted together as one value.`;

  it('is explained once, under the values of a key that show it, and nowhere else', () => {
    const result = tenants([['tenant'], ['customer']]);
    expect(result.groups[0]!.changed.map((v) => v.value).sort()).toEqual(['(none)', 'gold']);
    const markdown = renderMarkdown(reportOf(result));
    const sections = markdown.split(/^#### /m);
    const tenant = sections.find((s) => s.startsWith('`tenant`'))!;
    const customer = sections.find((s) => s.startsWith('`customer`'))!;
    expect(tenant.trimEnd().endsWith(note('tenant'))).toBe(true);
    expect(customer).not.toContain('(none)');
    expect(markdown.split('(none)` stands for').length).toBe(2);
    expect(visibleText(html(note('tenant')))).toBe(
      '(none) stands for the spans that have no tenant value, counted together as one value.',
    );
  });

  it('is explained for a part of a combined key', () => {
    const markdown = renderMarkdown(reportOf(tenants([['service', 'tenant']])));
    expect(markdown).toMatch(/\| `android \/ \(none\)` \|/);
    expect(markdown).toContain(
      'A `(none)` part stands for the spans that have no value for that part of `service+tenant`, counted together.',
    );
  });

  it('is not explained when a cut report no longer shows it', () => {
    const report = reportOf(tenants([['tenant']]));
    const cut = renderMarkdown(report, { maxChars: renderMarkdown(report).length - 1 });
    expect(cut).toContain('2 values with no change past a threshold (not shown).');
    expect(cut).not.toContain('(none)');
  });

  it('is explained in the text for a terminal when a line names it', () => {
    const result = tenants([['tenant']]);
    expect(renderText(reportOf(result))).not.toContain('note:');
    const slower = { ...exampleRegression().findings[0]!, key: 'tenant', value: '(none)' };
    result.findings.unshift(slower);
    const text = renderText(reportOf(result));
    expect(text).toMatch(/\n {2}fail {4}tenant = \(none\): /);
    expect(text).toContain(
      '\n  note: (none) stands for the spans that have no tenant value, counted together as one value.\n',
    );
  });
});

describe('renderings of the example diffs', () => {
  it('the demo regression', async () => {
    const report = reportOf(exampleRegression(), {}, [...SETTINGS.thresholds.metrics, ...EXAMPLE_RULES]);
    report.outcomes[0]!.history = history([201_000, 198_000, 245_000], ['inconclusive', 'pass', 'fail']);
    await expect(renderMarkdown(report)).toMatchFileSnapshot('__snapshots__/example-regression.md');
  });

  it('a quiet run', async () => {
    const result = diff({
      baseline: [traffic(1, 1500)],
      current: traffic(2, 1500),
      query: ANDROID,
      settings: SETTINGS,
    });
    expect(result.findings).toEqual([]);
    await expect(renderMarkdown(reportOf(result))).toMatchFileSnapshot('__snapshots__/example-pass.md');
  });

  it('errors up on one operation, in a run of two queries where one failed', async () => {
    const errors = diff({
      baseline: [traffic(3, 2000)],
      current: traffic(4, 2000, { errorsUp: [{ service: 'api-server', operation: 'get-transactions', pp: 5 }] }),
      query: ANDROID,
      settings: { ...SETTINGS, groupBy: [['service', 'operation']] },
    });
    const report: Report = {
      mode: 'gate',
      verdict: errors.verdict,
      outcomes: [
        {
          query: ANDROID,
          result: errors,
          rules: SETTINGS.thresholds.metrics,
          warnings: [
            'Partial snapshot: 498 of 500 traces fetched (2 failed); no value is reported missing on the strength of it.',
          ],
        },
        {
          query: { id: 'ios', name: 'iOS', query: 'service IN ("iOS")' },
          error: 'the Lightstep API answered 401 Unauthorized\n  fix: check the lightstep-api-key secret',
          warnings: [],
        },
      ],
      generatedAt: '2026-11-24T00:00:00Z',
      pullRequest: 7,
    };
    await expect(renderMarkdown(report)).toMatchFileSnapshot('__snapshots__/example-errors.md');
  });
});

describe('text and JSON', () => {
  it('renders plain text for a terminal: no markdown escapes, units once, each change with how sure', () => {
    const text = renderText(reportOf(exampleRegression()));
    expect(text.split('\n')[0]).toMatch(
      /^❌ 2 regressions in Android checkout: operation = \/api\/make-payment p\d\d \+\d+% \(\d+ → \d+ ms\)…$/,
    );
    expect(text).toMatch(
      /\n {2}fail {4}operation = \/api\/make-payment: p99 \+\d+% \(\d+ → \d+ ms\), 98% interval \+\d+% … \+\d+%; p95 \+\d+% \(\d+ → \d+ ms\), 98% interval \+\d+% … \+\d+%; avg \+\d+% \(\d+ → \d+ ms\), 98% interval \+\d+% … \+\d+% {2}\(q <0\.0001, n = [\d,]+ → [\d,]+ traces\) {2}\[latency\.p99: \{ fail: \+30% \}; latency\.p95: \{ warn: \+10%, fail: \+25% \}; latency\.avg: \+20%\]\n/,
    );
    expect(text).toMatch(
      /\n {2}warn {4}customer = BEEMO: missing \([\d,]+ spans before\) {2}\(q <0\.0001, n = [\d,]+ → 0 traces\) {2}\[missing: warn\]/,
    );
    expect(text).not.toMatch(/&#|\\[|`*_]|\u2060/);
  });

  it('renders the JSON report: the verdict and the DiffResult of DESIGN.md per query', () => {
    const json = JSON.parse(renderJson(reportOf(exampleRegression(), { pullRequest: 7 })));
    expect(json).toMatchObject({ schema: 'trace-differ/report@1', verdict: 'fail', pullRequest: 7 });
    expect(json.outcomes[0].result).toMatchObject({ schema: 'trace-differ/diff@1', verdict: 'fail' });
    expect(json.outcomes[0].result.findings[0]).toMatchObject({
      severity: 'fail',
      key: 'operation',
      value: '/api/make-payment',
    });
  });
});

import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import type { Span } from '../../src/dataset/types.js';
import { md, mermaidLabel, renderJson, renderMarkdown, renderText } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';
import { QUERY, SETTINGS, datasetOf, span, traffic } from '../diff/datasets.js';

/** GitHub renders comments with cmark-gfm; micromark with the GFM extension follows the same spec. */
function html(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

function reportOf(result: ReturnType<typeof diff>, extra: Partial<Report> = {}): Report {
  return {
    mode: 'collect',
    verdict: result.verdict,
    outcomes: [{ query: result.query, result, warnings: [] }],
    generatedAt: '2026-11-24T00:00:00Z',
    ...extra,
  };
}

const HOSTILE = [
  '| x | y |',
  '[click](https://evil.example/x)',
  '![img](https://evil.example/i.png)',
  '<img src=x onerror=alert(1)>',
  '</details><script>alert(1)</script>',
  '@octocat and @acme/security-team',
  'fixes #123 and acme/shop#7',
  'https://evil.example/phish www.evil.example',
  '**bold** _em_ `code` ~~strike~~',
  'line\nbreak\r\n| --- |',
  '"]) --> X["injected',
];

function regression(values: string[]): ReturnType<typeof diff> {
  const spansOf = (factor: number): Span[] =>
    values.flatMap((value, v) =>
      Array.from({ length: 60 }, (_, i) =>
        span({
          spanId: `${v}-${i}-${factor}`,
          operation: value,
          durationUs: Math.round((1000 + i * 20) * factor),
          tags: { customer: value },
        }),
      ),
    );
  // A new call edge between hostile names, frequent enough to be called new (and drawn).
  const edge = Array.from({ length: 200 }, (_, i) => [
    span({ spanId: `p${i}`, operation: HOSTILE[10]!, service: '@octocat', durationUs: 5 }),
    span({ spanId: `c${i}`, parentSpanId: `p${i}`, operation: '</details>', service: 'x"]-->y', durationUs: 5 }),
  ]).flat();
  return diff({
    baseline: [datasetOf(spansOf(1))],
    current: datasetOf([...spansOf(1.6), ...edge]),
    query: { id: 'q', name: 'Checkout <b>@team</b>', query: 'service IN ("android")' },
    settings: {
      ...SETTINGS,
      groupBy: [['operation'], ['customer']],
      minSamples: 30,
      thresholds: { ...SETTINGS.thresholds, edges: 'warn' },
    },
  });
}

describe('untrusted text stays text', () => {
  it('escapes every markdown and HTML construct, and breaks mentions, references and autolinks', () => {
    for (const value of HOSTILE) {
      const rendered = html(`| a | b |\n| --- | --- |\n| ${md(value)} | end |\n`);
      expect(rendered, value).not.toMatch(/<(a|img|script|strong|em|code|del|details)\b/);
      expect(rendered.match(/<td>/g), value).toHaveLength(2);
      const text = rendered.replace(/<[^>]+>/g, '');
      expect(text, value).not.toMatch(/@[A-Za-z0-9]/);
      expect(text, value).not.toMatch(/#\d/);
      expect(text, value).not.toMatch(/https?:\/\//);
      expect(text, value).not.toMatch(/www\./);
    }
  });

  it('keeps a whole report with hostile values intact: tables whole, no tag or link injected', () => {
    const result = regression(HOSTILE);
    const markdown = renderMarkdown(reportOf(result));
    const rendered = html(markdown);
    // The report's own bold labels are <strong>; a value's **bold** must stay literal text.
    expect(rendered).not.toMatch(/<(a|img|script|b|em|del)\b/);
    expect(rendered).toContain('**bold** _em_ `code` ~~strike~~');
    // Every table row has as many cells as its header.
    for (const table of rendered.split('<table>').slice(1)) {
      const body = table.split('</table>')[0]!;
      const columns = (body.split('</tr>')[0]!.match(/<th[ >]/g) ?? []).length;
      for (const row of body.split('<tr>').slice(2)) expect((row.match(/<td/g) ?? []).length).toBe(columns);
    }
    // <details> open and close in pairs: no value closed one early.
    expect((rendered.match(/<details>/g) ?? []).length).toBe((rendered.match(/<\/details>/g) ?? []).length);
    // Mermaid labels cannot end early or add edges.
    const mermaid = markdown.split('```mermaid')[1]!.split('```')[0]!;
    for (const line of mermaid.trim().split('\n').slice(1))
      expect(line).toMatch(/^ {2}n\d+\["[^"]*"\] (==>\|new\||-\.->\|missing\|) n\d+\["[^"]*"\]$/);
  });

  it('writes Mermaid labels as entity codes', () => {
    expect(mermaidLabel('a"]-->b\nc')).toBe('a#34;#93;--#62;b c');
  });
});

describe('the markdown report', () => {
  it('starts with the verdict and the thing to look at', () => {
    const result = diff({
      baseline: [traffic(1, 3000)],
      current: traffic(2, 3000, { slower: [{ service: 'android', operation: '/api/make-payment', percent: 40 }] }),
      query: { id: 'android', name: 'Android checkout', query: 'service IN ("android")' },
      settings: { ...SETTINGS, groupBy: [['service', 'operation']] },
    });
    const first = renderMarkdown(reportOf(result)).split('\n')[0]!;
    expect(first).toMatch(
      /^## ❌ 1 regression in Android checkout: android \/ \/api\/make-payment p95 \+\d+% \(\d+ ms → \d+ ms\)$/,
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

  it('names a query that could not be diffed, and the others go on', () => {
    const ok = diff({ baseline: [traffic(1, 100)], current: traffic(1, 100), query: QUERY, settings: SETTINGS });
    const report: Report = {
      mode: 'collect',
      verdict: 'pass',
      outcomes: [
        { query: QUERY, result: ok, warnings: [] },
        {
          query: { id: 'ios', name: 'iOS', query: 'service IN ("iOS")' },
          error: 'the Lightstep API answered 401',
          warnings: [],
        },
      ],
      generatedAt: '2026-11-24T00:00:00Z',
    };
    const markdown = renderMarkdown(report);
    expect(markdown.split('\n')[0]).toBe('## ✅ No regressions in 1 of 2 queries; 1 could not be diffed');
    expect(markdown).toContain('This query could not be diffed: the Lightstep API answered 401');
  });

  it('states partial coverage where the numbers are', () => {
    const partial = datasetOf(traffic(2, 100).spans, { complete: false });
    const result = diff({ baseline: [traffic(1, 100)], current: partial, query: QUERY, settings: SETTINGS });
    expect(renderMarkdown(reportOf(result))).toMatch(/\| current \| — \| .* \| 80% ⚠️ partial \|/);
  });

  it('cuts the least severe rows first to fit a comment, and says what was cut and where the rest is', () => {
    const many = Array.from({ length: 1500 }, (_, i) => `value-${i}-${'x'.repeat(30)}`);
    const result = regression(many);
    const full = renderMarkdown(reportOf(result));
    expect(full.length).toBeGreaterThan(65_000);
    const cut = renderMarkdown(reportOf(result, { fullReportHint: 'the artifacts of run 42' }), { maxChars: 65_000 });
    expect(cut.length).toBeLessThanOrEqual(65_000);
    expect(cut).toContain('This report was shortened to fit:');
    expect(cut).toContain('The full report is in the artifacts of run 42.');
    expect(cut.split('\n')[0]).toBe(full.split('\n')[0]);
  });

  it('matches the committed rendering of the example regression', async () => {
    const result = diff({
      baseline: [traffic(1, 2000)],
      current: traffic(2, 2000, {
        slower: [{ service: 'android', operation: '/api/make-payment', percent: 40 }],
        removeTagValue: [{ tag: 'customer', value: 'BEEMO' }],
        addCall: [{ from: 'api-server:make-payment', to: 'fraud:score' }],
      }),
      query: { id: 'android', name: 'Android checkout', query: 'service IN ("android")' },
      settings: { ...SETTINGS, groupBy: [['operation'], ['customer']] },
    });
    await expect(renderMarkdown(reportOf(result))).toMatchFileSnapshot('__snapshots__/example-regression.md');
  });
});

describe('text and JSON', () => {
  it('renders plain text for a terminal, entities decoded', () => {
    const result = regression(['a&b']);
    const text = renderText(reportOf(result));
    expect(text).toContain('fail   operation a&b: p95 +');
    expect(text).not.toContain('&#');
  });

  it('renders the JSON report with the DiffResult of DESIGN.md', () => {
    const result = regression(['a']);
    const json = JSON.parse(renderJson(reportOf(result, { pullRequest: 7 })));
    expect(json).toMatchObject({ schema: 'trace-differ/report@1', verdict: 'fail', pullRequest: 7 });
    expect(json.outcomes[0].result.schema).toBe('trace-differ/diff@1');
  });
});

import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/dataset/types.js';
import { diff } from '../../src/diff/index.js';
import { code, md, mermaidLabel, renderMarkdown, renderText } from '../../src/report/index.js';
import { plainText } from '../../src/report/escape.js';
import { SETTINGS, datasetOf, span } from '../diff/datasets.js';
import { html, linkableText, reportOf, tables, visibleText } from './render.js';

/** Values a span could carry (tag values, operation and service names are whatever the instrumented code sent). */
const HOSTILE = [
  '| x | y |',
  '[click](https://evil.example/x)',
  '![img](https://evil.example/i.png)',
  '<img src=x onerror=alert(1)>',
  '</details><script>alert(1)</script>',
  '@octocat and @acme/security-team',
  'fixes #123 and acme/shop#7',
  'https://evil.example/phish www.evil.example',
  'mail admin@evil.example',
  '**bold** _em_ `code` ~~strike~~',
  'line\nbreak\r\n| --- |',
  '"]) --> X["injected',
  ':x: fail :white_check_mark:',
  '$\\sqrt{x}$ and $$y$$',
  '- item',
  '# heading',
  '> quote',
  '1. first',
  '``a`b``',
  'back\\|slash',
  '&lt;b&gt; &amp; &#64;',
  'rtl \u202etxt.exe',
];
const asShown = (v: string) => v.replace(/[\r\n\u202e]+/g, ' ');

describe('a hostile value in a table cell', () => {
  for (const [name, escape] of [
    ['as code', code],
    ['as prose', md],
  ] as const) {
    it(`stays one cell of plain text, ${name}`, () => {
      for (const value of HOSTILE) {
        const rendered = html(`| a | b |\n| --- | --- |\n| ${escape(value)} | end |\n`);
        const [table] = tables(rendered);
        expect(table?.rows, value).toHaveLength(1);
        expect(table!.rows[0], value).toHaveLength(2);
        expect(visibleText(table!.rows[0]![0]!), value).toBe(asShown(value));
        expect(visibleText(table!.rows[0]![1]!), value).toBe('end');
        expect(rendered, value).not.toMatch(/<(a|img|script|strong|em|del|details|h\d|ul|ol|li|blockquote)\b/);
        const linkable = linkableText(rendered);
        expect(linkable, value).not.toMatch(/@[A-Za-z0-9]/);
        expect(linkable, value).not.toMatch(/#\d/);
        expect(linkable, value).not.toMatch(/https?:\/\//);
        expect(linkable, value).not.toMatch(/www\./);
        expect(linkable, value).not.toMatch(/:[a-z_]+:/);
      }
    });
  }

  it('starts no block where it starts a line (a list item, a paragraph)', () => {
    for (const value of HOSTILE) {
      for (const line of [`- ${code(value)}: 3 spans`, md(value)]) {
        const rendered = html(`${line}\n`);
        expect(rendered, line).not.toMatch(/<(h\d|blockquote|ol|table|pre|details|script|img|a)\b/);
        expect((rendered.match(/<li>/g) ?? []).length, line).toBeLessThanOrEqual(1);
      }
    }
  });

  it('reads as itself in a terminal: identifiers in backticks, prose with few escapes', () => {
    expect(code('/api/make-payment')).toBe('`/api/make-payment`');
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('``a`b``')).toBe('``` ``a`b`` ```');
    expect(code('')).toBe('*(empty)*');
    expect(md('baseline median-of:3 pooled only 1 dataset(s): no more are stored yet')).toBe(
      'baseline median-of:3 pooled only 1 dataset(s): no more are stored yet',
    );
  });
});

describe('Mermaid labels', () => {
  it('are entity codes that cannot end the label or add an edge', () => {
    expect(mermaidLabel('a"]-->b\nc')).toBe('a#34;#93;--#62;b c');
    expect(mermaidLabel('x`%%{init}%%')).toBe('x#96;#37;#37;#123;init#125;#37;#37;');
  });
});

/** A regression among hostile values, with a new call edge between hostile service and operation names. */
function regression(values: string[], calm: string[] = []): ReturnType<typeof diff> {
  const spansOf = (factor: number): Span[] =>
    [...values.map((v) => [v, factor] as const), ...calm.map((v) => [v, 1] as const)].flatMap(([value, f], v) =>
      Array.from({ length: 60 }, (_, i) =>
        span({
          spanId: `${v}-${i}-${factor}`,
          operation: value,
          durationUs: Math.round((1000 + i * 20) * f),
          tags: { customer: value },
        }),
      ),
    );
  const edge = Array.from({ length: 200 }, (_, i) => [
    span({ traceId: `e${i}`, spanId: `p${i}`, operation: '"]) --> X["injected', service: '@octocat', durationUs: 5 }),
    span({
      traceId: `e${i}`,
      spanId: `c${i}`,
      parentSpanId: `p${i}`,
      operation: '</details>',
      service: 'x"]-->y',
      durationUs: 5,
    }),
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

describe('a whole report with hostile values', () => {
  const result = regression(
    HOSTILE,
    HOSTILE.map((v) => `calm ${v}`),
  );
  const markdown = renderMarkdown(reportOf(result));
  const rendered = html(markdown);

  it('renders its tables whole: every row has as many cells as its header', () => {
    const all = tables(rendered);
    expect(all.length).toBeGreaterThan(4);
    for (const t of all) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
  });

  it('shows every hostile value as text, in the findings and in the per-key tables', () => {
    const text = visibleText(rendered);
    for (const value of HOSTILE) {
      expect(text, value).toContain(asShown(value));
      expect(text, value).toContain(asShown(`calm ${value}`));
    }
    // Each regressed value has a findings row per key it was grouped by.
    const findings = tables(rendered)[1]!;
    expect(findings.header.map(visibleText)).toEqual(['severity', 'key', 'value', 'change', 'q', 'n', 'rule']);
    const values = findings.rows.map((r) => visibleText(r[2]!));
    for (const value of HOSTILE) expect(values, value).toContain(asShown(value));
  });

  it('injects no tag, link, image, mention or reference', () => {
    // The report's own bold labels are <strong>, its own snapshot links <a>; none come from values here.
    expect(rendered).not.toMatch(/<(a|img|script|b|em|del|h1|blockquote|ol)\b/);
    expect(rendered.match(/<h2>/g)).toHaveLength(1);
    expect(rendered.match(/<h3>/g)).toHaveLength(1);
    const linkable = linkableText(rendered);
    expect(linkable).not.toMatch(/@[A-Za-z0-9]/);
    expect(linkable).not.toMatch(/#\d/);
    expect(linkable).not.toMatch(/https?:\/\/|www\./);
  });

  it('opens and closes <details> in pairs: no value closed one early', () => {
    const opened = rendered.match(/<details>/g) ?? [];
    expect(opened.length).toBeGreaterThan(0);
    expect(rendered.match(/<\/details>/g)).toHaveLength(opened.length);
  });

  it('keeps every Mermaid label inside its quotes', () => {
    const mermaid = markdown.split('```mermaid')[1]!.split('```')[0]!;
    const lines = mermaid.trim().split('\n');
    expect(lines[0]).toBe('graph LR');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^ {2}n\d+\["[^"]*"\] (==>\|new\||-\.->\|missing\||-->\|"[^"]*"\|) n\d+\["[^"]*"\]$/);
  });

  it('prints the values as they are in a terminal, minus control characters', () => {
    const text = renderText(reportOf(result));
    expect(text).toContain('</details><script>alert(1)</script>');
    expect(text).not.toMatch(/\u202e|\r/);
  });
});

describe('invisible and bidirectional characters', () => {
  const INVISIBLES = ['\u061c', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u3164'];

  it('are spelt out in markdown, code and terminal text, so `adm\\u200Bin` never reads as admin', () => {
    for (const c of INVISIBLES) {
      const value = `adm${c}in`;
      for (const escaped of [code(value), md(value), plainText(value), mermaidLabel(value)]) {
        expect(escaped, JSON.stringify(value)).not.toContain(c);
        expect(escaped, JSON.stringify(value)).not.toMatch(/admin/);
      }
    }
    expect(code('adm\u200bin')).toBe('`adm<U+200B>in`');
    expect(visibleText(html(md('adm\u200bin')))).toBe('adm<U+200B>in');
    // U+061C, the Arabic letter mark, is a bidirectional control: a space, as the overrides are.
    expect(plainText('a\u061cb')).toBe('a b');
  });
});

describe('call edges whose names hold the edge arrow', () => {
  it('draw no edge that nobody made: an ambiguous edge is one node', () => {
    const calm = Array.from({ length: 300 }, (_, i) => span({ spanId: `s${i}`, durationUs: 100 + i }));
    const edges = Array.from({ length: 200 }, (_, i) => [
      span({ traceId: `a${i}`, spanId: `p${i}`, operation: 'a -> b', service: 'gateway', durationUs: 5 }),
      span({
        traceId: `a${i}`,
        spanId: `c${i}`,
        parentSpanId: `p${i}`,
        operation: 'pay"] --> evil["x',
        service: 'billing',
        durationUs: 5,
      }),
    ]).flat();
    const result = diff({
      baseline: [datasetOf(calm)],
      current: datasetOf([...calm, ...edges]),
      query: { id: 'q', name: 'q', query: '' },
      settings: { ...SETTINGS, thresholds: { ...SETTINGS.thresholds, edges: 'warn' } },
    });
    expect(result.edges.new.map((e) => e.value)).toEqual(['gateway:a -> b -> billing:pay"] --> evil["x']);
    const mermaid = renderMarkdown(reportOf(result)).split('```mermaid')[1]!.split('```')[0]!;
    const lines = mermaid.trim().split('\n').slice(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}n\d+\["[^"]*"\]$/);
    expect(lines[0]).not.toMatch(/-->|==>/);
  });
});

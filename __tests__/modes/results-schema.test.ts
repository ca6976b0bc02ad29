import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { DiffResultSchema, ReportSchema, trustedLink } from '../../src/modes/results-schema.js';
import { renderJson } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';
import { QUERY, SETTINGS, traffic } from '../diff/datasets.js';

/** The schema merge mode reads results with keeps everything a genuine result holds, and only that shape. */
describe('the results schema', () => {
  const result = diff({
    baseline: [traffic(1, 150)],
    current: traffic(2, 150, { slower: [{ service: 'android', operation: '/api/get-transactions', percent: 80 }] }),
    query: QUERY,
    settings: SETTINGS,
  });
  const report: Report = {
    mode: 'gate',
    verdict: result.verdict,
    outcomes: [
      { query: QUERY, result, warnings: ['a warning'], rules: SETTINGS.thresholds.metrics, significance: 0.01 },
    ],
    generatedAt: '2026-11-30T00:00:00.000Z',
    pullRequest: 12,
  };

  it('reads a genuine report back unchanged, histograms and rules included', () => {
    const written = JSON.parse(renderJson(report)) as unknown;
    expect(result.groups.some((g) => g.changed.some((v) => v.latencyHistogram))).toBe(true);
    // Per-value trace counts (the report's n) survive the round trip too.
    expect(result.groups.every((g) => g.changed.every((v) => v.baseline.traces! > 0 && v.current.traces! > 0))).toBe(
      true,
    );
    expect(ReportSchema.parse(written)).toEqual(written);
    expect(DiffResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('trusts links to lightstep.com over https only', () => {
    expect(trustedLink('https://app.lightstep.com/acme/trace?id=1')).toBe(true);
    expect(trustedLink('https://lightstep.com/')).toBe(true);
    for (const link of [
      'http://app.lightstep.com/x',
      'https://app.lightstep.com.evil.example/x',
      'https://evil-lightstep.com/x',
      'https://user:pw@app.lightstep.com/x',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(trustedLink(link), link).toBe(false);
  });
});

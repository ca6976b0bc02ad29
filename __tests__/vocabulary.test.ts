import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qOfMetric, reaches, severityRank, VERDICT_ORDER, worstVerdict, type Verdict } from '../src/vocabulary.js';

describe('verdicts', () => {
  it('rank inconclusive above pass and below every finding', () => {
    expect(VERDICT_ORDER).toEqual(['pass', 'inconclusive', 'notice', 'warn', 'fail']);
    expect(worstVerdict(['pass', 'inconclusive'])).toBe('inconclusive');
    expect(worstVerdict(['inconclusive', 'notice'])).toBe('notice');
    expect(worstVerdict(['warn', 'inconclusive', 'fail', 'pass'])).toBe('fail');
    expect(worstVerdict([])).toBe('pass');
  });

  it('an inconclusive run neither fails a gate nor opens an alert; never is never reached', () => {
    const all: Verdict[] = ['pass', 'inconclusive', 'notice', 'warn', 'fail'];
    expect(all.filter((v) => reaches(v, 'warn'))).toEqual(['warn', 'fail']);
    expect(all.filter((v) => reaches(v, 'fail'))).toEqual(['fail']);
    expect(all.filter((v) => reaches(v, 'never'))).toEqual([]);
  });

  it('orders severities from ignore to fail', () => {
    expect(
      ['fail', 'ignore', 'warn', 'notice'].sort((a, b) => severityRank(a as never) - severityRank(b as never)),
    ).toEqual(['ignore', 'notice', 'warn', 'fail']);
  });
});

describe('the test that speaks for a metric', () => {
  it('a percentile through the rank-sum or its quantile test, whichever is stronger', () => {
    expect(qOfMetric({ latency: 0.2, latencyP95: 0.001 }, 'latency.p95')).toBe(0.001);
    expect(qOfMetric({ latency: 0.002, latencyP95: 0.5 }, 'latency.p95')).toBe(0.002);
    expect(qOfMetric({ latency: 0.2, latencyP95: 0.001 }, 'latency.avg')).toBe(0.2);
    expect(qOfMetric({ rate: 0.003 }, 'occurrence')).toBe(0.003);
    expect(qOfMetric({ errorRate: 0.004 }, 'error-rate')).toBe(0.004);
    expect(qOfMetric({}, 'error-rate')).toBeUndefined();
  });
});

describe('one home', () => {
  it('no module outside src/vocabulary.ts spells out a verdict or severity ranking, fail-on or publish values', async () => {
    const root = join(import.meta.dirname, '..', 'src');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts') && f !== 'vocabulary.ts');
    const offenders: string[] = [];
    for (const f of files) {
      const text = await readFile(join(root, f), 'utf8');
      if (/inconclusive: \d|notice: \d|'fail' \| 'warn' \| 'never'|'summary' \| 'comment' \| 'issue'/.test(text))
        offenders.push(f);
    }
    expect(offenders).toEqual([]);
  });
});

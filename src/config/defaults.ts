import type { BaselineSpec, DiffSettings, MetricRule } from './types.js';

const p95: MetricRule = {
  metric: 'latency.p95',
  levels: [
    { severity: 'fail', change: { kind: 'relative', amount: 0.25, text: '+25%' } },
    { severity: 'warn', change: { kind: 'relative', amount: 0.1, text: '+10%' } },
  ],
  text: 'latency.p95: { warn: +10%, fail: +25% }',
};
const errorRate: MetricRule = {
  metric: 'error-rate',
  levels: [
    { severity: 'fail', change: { kind: 'absolute', amount: 0.02, text: '+2pp' } },
    { severity: 'warn', change: { kind: 'absolute', amount: 0.01, text: '+1pp' } },
  ],
  text: 'error-rate: { warn: +1pp, fail: +2pp }',
};
const rate: MetricRule = {
  metric: 'rate',
  levels: [{ severity: 'warn', change: { kind: 'relative', amount: -0.5, text: '-50%' } }],
  text: 'rate: { warn: -50% }',
};

/** The built-in defaults of DESIGN.md, used wherever the config (or the CLI) says nothing else. */
export const DEFAULT_SETTINGS: DiffSettings = {
  groupBy: [['service'], ['operation']],
  minSamples: 30,
  significance: 0.01,
  thresholds: { metrics: [p95, errorRate, rate], missing: 'warn', new: 'notice', edges: 'notice' },
};

export const DEFAULT_BASELINE: BaselineSpec = { kind: 'previous' };

/** Default settings with some fields replaced (the CLI's `--group-by` without a config file). */
export function defaultSettingsWith(partial: Partial<DiffSettings>): DiffSettings {
  return { ...DEFAULT_SETTINGS, ...partial };
}

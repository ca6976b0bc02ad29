import { z } from 'zod';
import { METRICS } from '../config/types.js';
import { DIFF_SCHEMA, type DiffResult, type SideSummary } from '../diff/types.js';
import { REPORT_SCHEMA } from '../report/json.js';
import { HistoryEntrySchema } from '../store/history.js';

/**
 * The JSON results `merge` reads (a report-json, or a bare diff result). On `workflow_run` they come
 * from an artifact a fork's pull request uploaded, so every field is held to the shape trace-differ
 * writes: numbers finite (z.number() refuses ±Infinity, which `1e999` parses to), enums for what the
 * renderers look up or print as they are (verdicts, severities, metrics), an ISO time for `collectedAt`
 * and a plain number for `pooled` and a finding's `change`, which the markdown prints without escaping.
 * Free text (names, values, rules, warnings) stays text: the renderers escape it as they do span values.
 */
const text = z.string().max(20_000);
const count = z.number().int().nonnegative();
const finite = z.number();
const fraction = z.number().min(0).max(1);
const probability = fraction.nullable().optional();
const verdict = z.enum(['pass', 'notice', 'warn', 'fail', 'inconclusive']);

/** What describeChange writes: `+34%`, `-1.2pp`, `+41ms`, `+3.0/min`, `+12`, `from 0` (or `new` / `missing`). */
const CHANGE = /^(?:[+-]?\d[\d.]*(?:e[+-]?\d+)?(?:%|pp|ms|\/min)?|from 0|new|missing)$/;

const stats = z.object({
  occurrence: count,
  traces: count.optional(),
  errors: count,
  errorRate: fraction,
  ratePerMin: z.number().nonnegative(),
  latencyUs: z.object({ avg: finite, p50: finite, p90: finite, p95: finite, p99: finite, max: finite }),
});

const side = z.object({
  snapshotId: text.optional(),
  collectedAt: z.iso.datetime(),
  spans: count,
  traces: count,
  coverage: fraction,
  complete: z.boolean(),
  uiLink: text.optional(),
  windowMinutes: z.number().positive().optional(),
  pooled: z.number().int().min(1).max(10_000).optional(),
});

const tests = z
  .object({
    latency: fraction.optional(),
    errorRate: fraction.optional(),
    rate: fraction.optional(),
    latencyP50: fraction.optional(),
    latencyP90: fraction.optional(),
    latencyP95: fraction.optional(),
    latencyP99: fraction.optional(),
  })
  .partial();

const histogram = z.object({ from: z.number().int().min(-100).max(200), counts: z.array(count).max(400) });
const oneSided = z.object({ value: text, pValue: fraction.optional(), qValue: fraction.optional() });
const newValue = oneSided.extend({ current: stats });
const missingValue = oneSided.extend({ baseline: stats });
const undecided = oneSided.extend({
  side: z.enum(['baseline-only', 'current-only']),
  reason: z.enum(['too-little-traffic', 'partial-coverage']),
  baseline: stats.optional(),
  current: stats.optional(),
});
const changed = z.object({
  value: text,
  baseline: stats,
  current: stats,
  delta: z.object({
    occurrence: finite,
    errorRate: finite,
    ratePerMin: finite.optional(),
    latencyAvgUs: finite,
    latencyP50Us: finite.optional(),
    latencyP90Us: finite.optional(),
    latencyP95Us: finite,
    latencyP99Us: finite.optional(),
  }),
  pValue: tests,
  qValue: tests.optional(),
  latencyShiftUs: z.object({ estimate: finite, low: finite, high: finite, confidence: fraction }).optional(),
  enoughData: z.boolean().optional(),
  latencyHistogram: z.object({ baseline: histogram, current: histogram }).optional(),
});
const lists = {
  new: z.array(newValue),
  missing: z.array(missingValue),
  changed: z.array(changed),
  undecided: z.array(undecided).default([]),
};
const finding = z.object({
  severity: z.enum(['notice', 'warn', 'fail']),
  key: text,
  value: text,
  metric: z.enum([...METRICS, 'new', 'missing']),
  baseline: finite.nullable(),
  current: finite.nullable(),
  change: z.string().max(40).regex(CHANGE, 'is not a change as trace-differ writes it (+34%, -1.2pp, +41ms)'),
  pValue: probability.transform((p) => p ?? null),
  rule: text,
  impact: finite.optional(),
});
const query = z.object({ id: text, name: text, query: text });
const rule = z.object({
  metric: z.enum(METRICS),
  levels: z.array(
    z.object({
      severity: z.enum(['notice', 'warn', 'fail']),
      change: z.object({ kind: z.enum(['relative', 'absolute']), amount: finite, text }),
    }),
  ),
  text,
});

export const DiffResultSchema = z.object({
  schema: z.literal(DIFF_SCHEMA),
  query,
  baseline: side.nullable(),
  current: side,
  verdict,
  reason: text.optional(),
  groups: z.array(z.object({ key: text, ...lists })),
  edges: z.object(lists),
  findings: z.array(finding),
  improvements: z.array(finding).default([]),
  traffic: z.array(finding).default([]),
});

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA).optional(),
  verdict,
  mode: text,
  outcomes: z.array(
    z.object({
      query,
      result: DiffResultSchema.optional(),
      error: text.optional(),
      warnings: z.array(text).default([]),
      history: z.array(HistoryEntrySchema).optional(),
      significance: fraction.optional(),
      rules: z.array(rule).optional(),
    }),
  ),
  generatedAt: z.string().max(100).optional(),
  pullRequest: z.number().int().positive().optional(),
  fullReportHint: text.optional(),
});

/** Hosts a UI link in a result may point to: the Lightstep (Cloud Observability) app, over https. */
export const TRUSTED_LINK_HOSTS: readonly string[] = ['lightstep.com'];

/** Whether a UI link from a result goes to a host trace-differ trusts (https, lightstep.com or a subdomain). */
export function trustedLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return (
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    TRUSTED_LINK_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))
  );
}

/** Where a validation failed, as one line: `outcomes.0.result.findings.2.change: is not a change …; …`. */
export function describeIssue(error: z.ZodError): string {
  const shown = error.issues.slice(0, 4).map((issue) => {
    return `${issue.path.length ? issue.path.join('.') : 'the file'}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Drops UI links to hosts not trusted, saying which; the rest of the result is kept. */
export function withTrustedLinks(result: DiffResult, dropped: (link: string) => void): DiffResult {
  const clean = (s: SideSummary | null): SideSummary | null => {
    if (!s?.uiLink || trustedLink(s.uiLink)) return s;
    dropped(s.uiLink);
    const { uiLink: _dropped, ...rest } = s;
    return rest;
  };
  return { ...result, baseline: clean(result.baseline), current: clean(result.current)! };
}

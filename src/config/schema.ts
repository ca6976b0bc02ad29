import { z } from 'zod';
import { exampleFor, parseChange } from './change.js';
import { METRICS, type Metric } from './types.js';

/**
 * The schema of `.github/trace-differ.yml` as written (before defaults). Every object is strict, so a
 * misspelt key is an error; every issue carries an `example` of the right form in `params`.
 */

const SEVERITIES = ['ignore', 'notice', 'warn', 'fail'] as const;

const changeValue = (metric: Metric) =>
  z.union([z.string(), z.number()]).superRefine((value, ctx) => {
    try {
      parseChange(value, metric);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message, params: { example: exampleFor(metric) } });
    }
  });

const metricRule = (metric: Metric) =>
  z.union([
    changeValue(metric),
    z
      .strictObject({
        notice: changeValue(metric).optional(),
        warn: changeValue(metric).optional(),
        fail: changeValue(metric).optional(),
      })
      .refine((o) => o.notice !== undefined || o.warn !== undefined || o.fail !== undefined, {
        message: 'names no level: give at least one of notice, warn, fail',
        params: { example: exampleFor(metric) },
      }),
  ]);

const severity = z.enum(SEVERITIES);

export const thresholdsSchema = z.strictObject({
  ...(Object.fromEntries(METRICS.map((m) => [m, metricRule(m).optional()])) as {
    [K in Metric]: z.ZodOptional<ReturnType<typeof metricRule>>;
  }),
  missing: severity.optional(),
  new: severity.optional(),
  edges: severity.optional(),
});

const keyName = z.string().min(1);
export const groupBySchema = z.array(z.union([keyName, z.array(keyName).min(1)])).min(1);

export const baselineSchema = z.string().regex(/^(previous|pinned:[^\s]+|median-of:([2-9]|[1-9]\d+))$/, {
  message: "expected 'previous', 'pinned:<name>' or 'median-of:<N>' with N of 2 or more",
});

const settings = {
  'group-by': groupBySchema.optional(),
  'min-samples': z.number().int().min(1).optional(),
  significance: z.number().gt(0).lt(1).optional(),
  thresholds: thresholdsSchema.optional(),
  baseline: baselineSchema.optional(),
};

/** What every pull from a trace backend takes: where, the window searched, and how many traces at most. */
const backend = {
  // The URL may also come from the backend-url input (which wins); credentials only from inputs or the environment.
  url: z.url().optional(),
  'window-minutes': z
    .number()
    .positive()
    .max(7 * 24 * 60)
    .optional(),
  limit: z.number().int().min(1).max(262_144).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
};

export const SOURCES = ['lightstep', 'otlp', 'tempo', 'jaeger', 'zipkin'] as const;

export const sourceSchema = z
  .strictObject({
    lightstep: z
      .strictObject({
        organization: z.string().min(1),
        project: z.string().min(1),
        'api-url': z.url().optional(),
        // The API's documented limits are the defaults; an organization with other limits sets its own.
        'requests-per-second': z.number().positive().optional(),
        'snapshot-requests-per-hour': z.number().int().positive().optional(),
        'reuse-snapshots-within-minutes': z.number().nonnegative().optional(),
      })
      .optional(),
    otlp: z.strictObject({ path: z.string().min(1) }).optional(),
    tempo: z.strictObject({ ...backend, tenant: z.string().min(1).optional() }).optional(),
    jaeger: z.strictObject({ ...backend, api: z.enum(['v3', 'v1']).optional() }).optional(),
    zipkin: z.strictObject(backend).optional(),
  })
  .refine((s) => SOURCES.filter((k) => s[k]).length === 1, {
    message: `names no source, or two: give exactly one of ${SOURCES.join(', ')}`,
  });

export const querySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'expected an id of letters, digits, ".", "_" and "-" (it names cache keys and files)',
  }),
  name: z.string().min(1).optional(),
  query: z.string().min(1).optional(),
  filter: z.string().optional(),
  source: sourceSchema.optional(),
  ...settings,
});

export const configSchema = z.strictObject({
  version: z.literal(1),
  source: sourceSchema.optional(),
  defaults: z.strictObject(settings).optional(),
  queries: z.array(querySchema).min(1),
});

export type RawConfig = z.infer<typeof configSchema>;
export type RawQuery = z.infer<typeof querySchema>;
export type RawThresholds = z.infer<typeof thresholdsSchema>;
export type RawSource = z.infer<typeof sourceSchema>;

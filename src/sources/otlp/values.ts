import { normaliseId } from '../../dataset/table.js';

/** OTLP/JSON AnyValue → a stable string (int64 arrives as a string in OTLP/JSON and stays exact). */
export interface AnyValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number | string;
  boolValue?: boolean;
  bytesValue?: string;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: KeyValue[] };
}
export interface KeyValue {
  key?: string;
  value?: AnyValue;
}

function plain(v: AnyValue | undefined): unknown {
  if (!v) return null;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return String(v.intValue);
  if (v.doubleValue !== undefined) return Number(v.doubleValue);
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.bytesValue !== undefined) return v.bytesValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(plain);
  if (v.kvlistValue) {
    const entries = (v.kvlistValue.values ?? []).map((kv) => [kv.key ?? '', plain(kv.value)] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return null;
}

export function renderValue(v: AnyValue | undefined): string {
  const p = plain(v);
  if (typeof p === 'string') return p;
  if (typeof p === 'number' || typeof p === 'boolean') return String(p);
  return JSON.stringify(p);
}

export function attributes(list: KeyValue[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list ?? []) if (kv.key) out[kv.key] = renderValue(kv.value);
  return out;
}

/** Ids are hex in OTLP/JSON; some exporters write base64 of the 8 or 16 bytes: see `normaliseId`. */
export function hexId(id: string | undefined): string | undefined {
  return id ? normaliseId(id) : undefined;
}

/**
 * Nanoseconds (a string of digits, or a number) → integer microseconds, exact through BigInt.
 * Anything else — a fraction in a string, a sign, more than 20 digits (beyond uint64, the OTLP
 * type), a non-finite number — is no time: undefined, which the reader reports with its position.
 */
export function nanosToMicros(ns: string | number | undefined): number | undefined {
  if (typeof ns === 'number') return Number.isFinite(ns) && ns >= 0 ? Math.floor(Math.round(ns) / 1000) : undefined;
  if (typeof ns !== 'string' || !/^\d{1,20}$/.test(ns)) return undefined;
  return Number(BigInt(ns) / 1000n);
}

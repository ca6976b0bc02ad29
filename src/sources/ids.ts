/**
 * Trace and span ids arrive as hex (any case, leading zeros sometimes stripped, as Tempo's search
 * writes them) or base64 (Tempo's trace answers, some OTLP exporters). One spelling is needed
 * before ids are deduplicated or parents linked: lower-case hex of full width (32 digits for a
 * trace, 16 for a span). A 64-bit trace id (Zipkin, old Jaeger) is the 128-bit id with zero high
 * bits, as Jaeger and Zipkin treat it, so it is padded too.
 */

export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The id as lower-case hex of `bytes` bytes, or undefined when it is empty or all zeros (OTLP's
 * "no parent"). Hex no longer than the width is padded; base64 of the right length is decoded;
 * anything else is kept, lower-cased, so that it still links to itself.
 */
export function normaliseId(id: unknown, bytes: number): string | undefined {
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) id = id.toString(16);
  if (typeof id !== 'string') return undefined;
  const text = id.trim();
  if (text === '') return undefined;
  let hex: string | undefined;
  if (HEX.test(text) && text.length <= bytes * 2) hex = text.toLowerCase().padStart(bytes * 2, '0');
  else if (BASE64.test(text)) {
    const decoded = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length === bytes) hex = decoded.toString('hex');
    // A 64-bit trace id in base64 (8 bytes) is a short trace id, padded like its hex form.
    else if (bytes === TRACE_ID_BYTES && decoded.length === SPAN_ID_BYTES)
      hex = decoded.toString('hex').padStart(32, '0');
  }
  hex ??= text.toLowerCase();
  return /^0+$/.test(hex) ? undefined : hex;
}

export const traceIdOf = (id: unknown): string | undefined => normaliseId(id, TRACE_ID_BYTES);
export const spanIdOf = (id: unknown): string | undefined => normaliseId(id, SPAN_ID_BYTES);

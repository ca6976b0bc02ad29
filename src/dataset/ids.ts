/**
 * Trace and span ids, as the span table keeps them: one spelling per id, so that spans are
 * deduplicated and parents found whatever the source wrote. Ids arrive as hex (any case, leading
 * zeros sometimes stripped, as Tempo's search writes them), base64 of the bytes (Tempo's trace
 * answers, some OTLP exporters), or numbers; the table keeps lower-case hex of full width. The one
 * home of this rule: the builder applies it to every row, and sources use `traceIdOf`/`spanIdOf`
 * where they need an id before a row exists (Jaeger references, Tempo's search answers).
 *
 * Readers of bytes apply the same rule without a string: hex of up to 32 digits (16 for a span id)
 * is its value at full width, which id-list.ts reads into words (`IdDictionary.parse`); any other
 * shape comes here as text.
 *
 * Runs in the report page too (through table.ts): no Node API here.
 */

const HEX_LOWER = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
const HEX_ANY = (c: number) => HEX_LOWER(c) || (c >= 65 && c <= 70);
/** Base64 of 8 or 16 bytes, padded or not. */
const BASE64 = /^(?:[A-Za-z0-9+/]{11}=?|[A-Za-z0-9+/]{22}(?:==)?)$/;
const ZEROS = /^0+$/;

/**
 * A span id as the table keeps it: hex in lower case, at full width (16 digits, or 32 for a longer
 * id: a 64-bit id written without its leading zeros is padded); base64 of 8 or 16 bytes decoded to
 * hex. Anything else is kept as written.
 */
export function normaliseId(id: string): string {
  const n = id.length;
  if (n === 16 || n === 32) {
    let lower = true;
    let hex = true;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if (!HEX_LOWER(c)) {
        lower = false;
        if (!HEX_ANY(c)) {
          hex = false;
          break;
        }
      }
    }
    if (lower) return id;
    if (hex) return id.toLowerCase();
  } else if (n > 0 && n < 32) {
    let hex = true;
    for (let i = 0; i < n && hex; i++) hex = HEX_ANY(id.charCodeAt(i));
    if (hex) return id.toLowerCase().padStart(n < 16 ? 16 : 32, '0');
  }
  if (BASE64.test(id)) {
    // atob rather than Buffer: the report page's client code type-checks this file without Node's types.
    const bytes = atob(id);
    // Only base64 that writes its bytes back as given: the last character of 11 or 22 carries bits
    // that decoding drops, so "…-100" and "…-101" would otherwise become one id.
    if ((bytes.length === 8 || bytes.length === 16) && btoa(bytes).replace(/=+$/, '') === id.replace(/=+$/, '')) {
      let hex = '';
      for (let i = 0; i < bytes.length; i++) hex += bytes.charCodeAt(i).toString(16).padStart(2, '0');
      return hex;
    }
  }
  return id;
}

/**
 * A trace id as the table keeps it: as `normaliseId`, and a 64-bit id (Lightstep, Zipkin, old Jaeger,
 * the seed's spans) widened to 128 bits as OpenTelemetry writes it, so that one trace read from two
 * formats is one trace.
 */
export function normaliseTraceId(id: string): string {
  const hex = normaliseId(id);
  return hex.length === 16 && /^[0-9a-f]{16}$/.test(hex) ? hex.padStart(32, '0') : hex;
}

/**
 * An id as a source found it (a string, maybe with blanks, or a number) in the table's spelling,
 * or undefined for none: missing, empty, or all zeros (OTLP's "no parent").
 */
function idOf(id: unknown, normalise: (id: string) => string): string | undefined {
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) id = id.toString(16);
  if (typeof id !== 'string') return undefined;
  const text = id.trim();
  if (text === '') return undefined;
  const normal = normalise(text);
  return ZEROS.test(normal) ? undefined : normal;
}

export const traceIdOf = (id: unknown): string | undefined => idOf(id, normaliseTraceId);
export const spanIdOf = (id: unknown): string | undefined => idOf(id, normaliseId);

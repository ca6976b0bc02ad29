import { UserError } from '../errors.js';
import { parseClauses } from './filter.js';

/**
 * The query text of a Jaeger or Zipkin source, in the filter language of OTLP sources
 * (`service = "checkout" AND operation = "POST /pay" AND http.status_code = "500"`), turned into the
 * search parameters of the API. Only `=` joined by AND can be asked of these APIs.
 */

export const JAEGER_QUERY_EXAMPLE = 'service = "checkout" AND operation = "POST /pay" AND http.status_code = "500"';
export const ZIPKIN_QUERY_EXAMPLE = 'service = "checkout" AND span = "post /pay" AND http.status_code = "500"';

function equalities(text: string, backend: string, example: string): [string, string][] {
  return parseClauses(text).map((c) => {
    if (c.op !== '=' || c.values.length !== 1) {
      throw new UserError(
        `query ${JSON.stringify(text)}: ${backend}'s search takes only key = "value" joined by AND (not ${c.op} on ${c.key})`,
        `write it like: ${example}`,
      );
    }
    return [c.key, c.values[0]!];
  });
}

export interface JaegerSearch {
  service: string;
  operation?: string;
  /** Span or resource attributes the traces must have (v1 `tags`, api_v3 `query.attributes`). */
  tags: Record<string, string>;
}

export function jaegerSearch(text: string): JaegerSearch {
  let service: string | undefined;
  let operation: string | undefined;
  const tags: Record<string, string> = {};
  for (const [key, value] of equalities(text, 'Jaeger', JAEGER_QUERY_EXAMPLE)) {
    if (key === 'service' || key === 'service.name') service = value;
    else if (key === 'operation' || key === 'name') operation = value;
    else tags[key] = value;
  }
  if (!service) {
    throw new UserError(
      `query ${JSON.stringify(text)}: Jaeger's search needs a service`,
      `write it like: ${JAEGER_QUERY_EXAMPLE}`,
    );
  }
  return { service, ...(operation ? { operation } : {}), tags };
}

export interface ZipkinSearch {
  serviceName?: string;
  remoteServiceName?: string;
  spanName?: string;
  /** `http.uri=/foo and retried`: tags (key=value) and annotations (a key alone is written `key = ""`). */
  annotationQuery?: string;
}

export function zipkinSearch(text: string): ZipkinSearch {
  const out: ZipkinSearch = {};
  const annotations: string[] = [];
  for (const [key, value] of equalities(text, 'Zipkin', ZIPKIN_QUERY_EXAMPLE)) {
    // Zipkin stores service and span names lower-cased and matches them so.
    if (key === 'service' || key === 'service.name') out.serviceName = value.toLowerCase();
    else if (key === 'remote-service' || key === 'remoteServiceName') out.remoteServiceName = value.toLowerCase();
    else if (key === 'span' || key === 'operation' || key === 'name') out.spanName = value.toLowerCase();
    else annotations.push(value === '' ? key : `${key}=${value}`);
  }
  if (annotations.length) out.annotationQuery = annotations.join(' and ');
  return out;
}

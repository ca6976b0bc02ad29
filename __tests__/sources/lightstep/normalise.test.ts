import { describe, expect, it } from 'vitest';
import { normaliseStoredTrace } from '../../../src/sources/lightstep/index.js';
import type { StoredTracesResponse } from '../../../src/sources/lightstep/shapes.js';

/** The stored-traces shape of lightstep-api.md §5: exact where confirmed, tolerant where not. */
describe('normalising a stored trace', () => {
  it('reads the fields of the captured sample: reporter joined, parent from parent_span_guid', () => {
    const response = {
      data: [
        {
          type: 'stored-traces',
          id: 'a1a1a1a1a1a1a1a1',
          attributes: {
            'start-time-micros': 1700000000000000,
            'end-time-micros': 1700000000250000,
            spans: [
              {
                'span-name': '/api/get-transactions',
                'span-id': 'a1a1a1a1a1a1a1a1',
                'is-error': false,
                'start-time-micros': 1700000000000000,
                'end-time-micros': 1700000000250000,
                'trace-id': 'b2b2b2b2b2b2b2b2',
                'reporter-id': 'c3c3c3c3c3c3c3c3',
                tags: { customer: 'meowsy', 'http.status_code': '200' },
              },
              {
                'span-name': 'update-inventory',
                'span-id': 'd4d4d4d4d4d4d4d4',
                'is-error': true,
                'start-time-micros': 1700000000010000,
                'end-time-micros': 1700000000200000,
                'trace-id': 'b2b2b2b2b2b2b2b2',
                'reporter-id': 'e5e5e5e5e5e5e5e5',
                tags: { parent_span_guid: 'a1a1a1a1a1a1a1a1', error: 'true' },
              },
            ],
          },
          relationships: {
            reporters: [
              {
                'reporter-id': 'c3c3c3c3c3c3c3c3',
                attributes: { 'lightstep.component_name': 'android', 'lightstep.hostname': 'device-1' },
              },
              {
                'reporter-id': 'e5e5e5e5e5e5e5e5',
                attributes: { 'lightstep.component_name': 'inventory', 'lightstep.hostname': '' },
              },
            ],
          },
        },
      ],
      links: { self: 'https://api.lightstep.com/public/v0.2/ORG/projects/PROJ/stored-traces?span-id=a1a1a1a1a1a1a1a1' },
    };
    expect(normaliseStoredTrace(response)).toEqual([
      {
        spanId: 'a1a1a1a1a1a1a1a1',
        traceId: '0000000000000000b2b2b2b2b2b2b2b2',
        service: 'android',
        operation: '/api/get-transactions',
        startUs: 1700000000000000,
        durationUs: 250000,
        error: false,
        host: 'device-1',
        tags: { customer: 'meowsy', 'http.status_code': '200' },
      },
      {
        spanId: 'd4d4d4d4d4d4d4d4',
        traceId: '0000000000000000b2b2b2b2b2b2b2b2',
        parentSpanId: 'a1a1a1a1a1a1a1a1',
        service: 'inventory',
        operation: 'update-inventory',
        startUs: 1700000000010000,
        durationUs: 190000,
        error: true,
        tags: { error: 'true' },
      },
    ]);
  });

  it('keeps tag values as strings, and tolerates missing, extra and oddly typed fields', () => {
    const response = {
      data: {
        id: 'f0f0f0f0f0f0f0f0',
        attributes: {
          spans: [
            {
              'span-id': 'f0f0f0f0f0f0f0f0',
              'start-time-micros': '1700000000000000',
              'end-time-micros': '1700000000001000',
              'is-error': 'true',
              'trace-id': '0909090909090909',
              'reporter-id': 'unknown',
              warnings: ['an extra field'],
              tags: { retries: 3, cached: false, nothing: null, nested: { a: 1 } },
            },
            { 'span-id': '1111111111111111', 'start-time-micros': 5, 'end-time-micros': 3, tags: 'not an object' },
            { 'span-id': 'no-times' },
            null,
          ],
        },
        relationships: { reporters: 'not a list' },
      },
    } as unknown as StoredTracesResponse;
    expect(normaliseStoredTrace(response)).toEqual([
      {
        spanId: 'f0f0f0f0f0f0f0f0',
        traceId: '00000000000000000909090909090909',
        service: '(none)',
        operation: '(none)',
        startUs: 1700000000000000,
        durationUs: 1000,
        error: true,
        tags: { retries: '3', cached: 'false', nothing: '', nested: '{"a":1}' },
      },
      {
        // No trace-id of its own: the trace its sibling names. End before start: no negative duration.
        spanId: '1111111111111111',
        traceId: '00000000000000000909090909090909',
        service: '(none)',
        operation: '(none)',
        startUs: 5,
        durationUs: 0,
        error: false,
        tags: {},
      },
    ]);
    expect(normaliseStoredTrace({})).toEqual([]);
    expect(normaliseStoredTrace({ data: [] })).toEqual([]);
  });
});

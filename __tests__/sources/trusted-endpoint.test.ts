import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.js';
import { configMayComeFromPullRequest, isLoopback, trustedEndpoint } from '../../src/sources/endpoint.js';

/** Where a backend's key may go: the rule every source calls before it sends one (docs/security.md). */
const lightstep = (url: string | undefined, event: string | undefined, input?: string) =>
  trustedEndpoint(url, {
    input,
    event,
    fallback: 'https://api.lightstep.com',
    documentedHosts: ['api.lightstep.com', 'api.eu.lightstep.com'],
    names: { backend: 'Lightstep', input: 'lightstep-api-url', configKey: 'source.lightstep.api-url' },
  });

describe('trustedEndpoint', () => {
  it('takes the input, else the configuration, else the documented default', () => {
    expect(lightstep(undefined, 'pull_request_target')).toBe('https://api.lightstep.com');
    expect(lightstep('https://api.eu.lightstep.com/', 'pull_request_target')).toBe('https://api.eu.lightstep.com');
    expect(lightstep('https://evil.example', 'pull_request_target', 'https://proxy.acme.example/ls')).toBe(
      'https://proxy.acme.example/ls',
    );
  });

  it('refuses a host of the configuration that is not documented on events where a pull request may have written it', () => {
    for (const event of ['pull_request', 'pull_request_target', 'workflow_run', 'issue_comment', 'deployment_status']) {
      expect(() => lightstep('https://collector.evil.example', event), event).toThrow(SourceError);
    }
    expect(() => lightstep('https://collector.evil.example', 'pull_request_target')).toThrow(
      /names collector\.evil\.example, and on a 'pull_request_target' event the configuration may come from a pull request/,
    );
  });

  it("trusts the configuration's host where the workflow and the configuration are one commit, and outside Actions", () => {
    for (const event of ['schedule', 'workflow_dispatch', 'push', undefined])
      expect(lightstep('https://proxy.acme.example', event)).toBe('https://proxy.acme.example');
  });

  it('sends a key over https only, plain http to loopback alone, and never with credentials in the URL', () => {
    expect(() => lightstep('http://proxy.acme.example', 'schedule')).toThrow(/plain http/);
    expect(() => lightstep(undefined, undefined, 'http://10.0.0.8')).toThrow(/plain http/);
    expect(lightstep(undefined, 'pull_request_target', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(() => lightstep('https://user:pw@api.lightstep.com', 'schedule')).toThrow(/user name or password/);
    expect(() => lightstep('ftp://api.lightstep.com', 'schedule')).toThrow(/not an https URL/);
    expect(() => lightstep('http://api.lightstep.com', 'schedule')).toThrow(/plain http/);
  });

  it('knows loopback and the events that may carry a pull request', () => {
    expect(['127.0.0.1', '127.8.9.10', 'localhost', '[::1]'].every(isLoopback)).toBe(true);
    expect(['127.0.0.1.evil.example', '10.0.0.1', 'localhost.evil.example'].some(isLoopback)).toBe(false);
    expect(configMayComeFromPullRequest('pull_request_target')).toBe(true);
    expect(configMayComeFromPullRequest('schedule')).toBe(false);
    expect(configMayComeFromPullRequest(undefined)).toBe(false);
  });

  it('serves a backend with no documented host and no default (Tempo, Jaeger, Zipkin): the URL must be named', () => {
    const tempo = (url: string | undefined, event: string | undefined, withSecrets = true, input?: string) =>
      trustedEndpoint(url, {
        input,
        event,
        withSecrets,
        documentedHosts: [],
        names: { backend: 'Tempo', input: 'backend-url', configKey: 'source.tempo.url' },
      });
    expect(() => tempo(undefined, 'schedule')).toThrow(/no Tempo URL was given/);
    expect(tempo('https://tempo.acme.example', 'schedule')).toBe('https://tempo.acme.example');
    expect(() => tempo('https://tempo.acme.example', 'pull_request_target')).toThrow(
      /the Tempo key is sent only to a host the workflow itself names/,
    );
    expect(tempo('https://tempo.acme.example', 'pull_request_target', true, 'https://tempo.acme.example')).toBe(
      'https://tempo.acme.example',
    );
    // Without a secret nothing can leak: plain http, and a host the configuration names, are its business.
    expect(tempo('http://tempo.internal:3200', 'pull_request_target', false)).toBe('http://tempo.internal:3200');
  });
});

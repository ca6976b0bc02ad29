import type { Logger } from '../log.js';
import { startBackendFake, startSimulator, type Backend } from '../simulator/index.js';

const BACKEND_EXAMPLES: Record<Backend, (url: string) => string> = {
  tempo: (url) =>
    `curl -s '${url}/api/search?q=%7B%20resource.service.name%20%3D%20%22android%22%20%7D&start='$(($(date +%s)-600))'&end='$(date +%s)'&limit=5'`,
  jaeger: (url) =>
    `curl -s '${url}/api/v3/traces?query.serviceName=android&query.startTimeMin='$(date -u -d '-10 min' +%FT%TZ)'&query.startTimeMax='$(date -u +%FT%TZ)`,
  zipkin: (url) => `curl -s '${url}/api/v2/traces?serviceName=android&limit=5'`,
};

/** `trace-differ simulate`: serve the Lightstep API simulator, or a Tempo, Jaeger or Zipkin fake, until interrupted (Ctrl-C). */
export async function runSimulate(
  options: { port: number; seed: number; backend?: 'lightstep' | Backend },
  log: Logger,
): Promise<number> {
  let close: () => Promise<void>;
  let url: string;
  if (options.backend && options.backend !== 'lightstep') {
    const fake = await startBackendFake({ backend: options.backend, port: options.port, seed: options.seed });
    close = fake.close;
    url = fake.url;
    log.info(`${options.backend} fake listening on ${url} (no auth; traffic of the last 15 minutes)`);
    log.info(`  try: ${BACKEND_EXAMPLES[options.backend](url)}`);
    log.info(`  collect from it: source.${options.backend}.url in the config, or TRACE_DIFFER_BACKEND_URL=${url}`);
  } else {
    const sim = await startSimulator({ port: options.port, seed: options.seed });
    close = sim.close;
    url = sim.url;
    log.info(`Lightstep API simulator listening on ${sim.url}`);
    log.info(`  organization: ${sim.organization}   project: ${sim.project}   API key: any non-empty value`);
    log.info(
      `  try: curl -s -X POST -H 'Authorization: Bearer demo' -d '{"data":{"attributes":{"query":"service IN (\\"android\\")"}}}' \\`,
    );
    log.info(`         ${sim.url}/public/v0.2/${sim.organization}/projects/${sim.project}/snapshots`);
  }
  log.info(
    `  traffic changes and faults on command: PUT ${url}/_simulator/scenario, PUT ${url}/_simulator/faults (JSON); counts: GET ${url}/_simulator/stats`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await close();
  return 0;
}

import type { Logger } from '../log.js';
import { startSimulator } from '../simulator/index.js';

/** `trace-differ simulate`: serve the Lightstep API simulator until interrupted (Ctrl-C). */
export async function runSimulate(options: { port: number; seed: number }, log: Logger): Promise<number> {
  const sim = await startSimulator({ port: options.port, seed: options.seed });
  log.info(`Lightstep API simulator listening on ${sim.url}`);
  log.info(`  organization: ${sim.organization}   project: ${sim.project}   API key: any non-empty value`);
  log.info(
    `  try: curl -s -X POST -H 'Authorization: Bearer demo' -d '{"data":{"attributes":{"query":"service IN (\\"android\\")"}}}' \\`,
  );
  log.info(`         ${sim.url}/public/v0.2/${sim.organization}/projects/${sim.project}/snapshots`);
  log.info(
    `  traffic changes and faults on command: PUT ${sim.url}/_simulator/scenario, PUT ${sim.url}/_simulator/faults (JSON); counts: GET ${sim.url}/_simulator/stats`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sim.close();
  return 0;
}
